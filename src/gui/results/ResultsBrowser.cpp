#include "objectivity/gui/results/ResultsBrowser.h"

#include "objectivity/gui/common/FoldingCompleter.h"
#include "objectivity/gui/results/ResultsBrowserModel.h"
#include "objectivity/gui/shell/ErrorMessage.h"

#include <QComboBox>
#include <QCompleter>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace objectivity::gui {

namespace {
QComboBox *makeCombo(QWidget *parent) {
    auto *c = new QComboBox(parent);
    c->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    c->setMinimumContentsLength(8);
    return c;
}

// Re-selects the item with `data` (the first item, «все», when it is gone).
void selectData(QComboBox *combo, const QVariant &data) {
    const int i = combo->findData(data);
    combo->setCurrentIndex(i >= 0 ? i : 0);
}
} // namespace

ResultsBrowser::ResultsBrowser(storage::Database &db, QWidget *parent)
    : QWidget(parent), m_model(new ResultsBrowserModel(db, this)), m_year(makeCombo(this)),
      m_kind(makeCombo(this)), m_grade(makeCombo(this)), m_subject(makeCombo(this)),
      m_municipality(makeCombo(this)), m_school(makeCombo(this)), m_counts(new QLabel(this)),
      m_view(new QTableView(this)) {
    setWindowTitle(QStringLiteral("Результаты участников"));
    m_subject->setMinimumContentsLength(16);
    m_municipality->setMinimumContentsLength(16);
    m_school->setMinimumContentsLength(22);
    m_school->setEditable(true);
    m_school->setInsertPolicy(QComboBox::NoInsert);
    // any part of the login or name, case and «ё» ignored («березовка» finds «Берёзовка»)
    m_school->setCompleter(new FoldingCompleter(m_school->model(), m_school));

    auto *filters = new QHBoxLayout;
    auto add = [&](const QString &label, QComboBox *combo) {
        auto *l = new QLabel(label, this);
        l->setBuddy(combo);
        filters->addWidget(l);
        filters->addWidget(combo);
    };
    add(QStringLiteral("&Год:"), m_year);
    add(QStringLiteral("&Процедура:"), m_kind);
    add(QStringLiteral("Пара&ллель:"), m_grade);
    add(QStringLiteral("Пр&едмет:"), m_subject);
    add(QStringLiteral("&Муниципалитет:"), m_municipality);
    add(QStringLiteral("&Школа:"), m_school);
    auto *reset = new QPushButton(QStringLiteral("Сбросить"), this);
    filters->addWidget(reset);
    filters->addStretch();

    m_view->setModel(m_model);
    m_view->setAlternatingRowColors(true);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setWordWrap(false);
    m_view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 8);
    m_view->horizontalHeader()->setStretchLastSection(true);
    const int widths[] = {50, 85,  80,  150, 150, 90, 220, 55, 115,
                          70, 190, 120, 75,  110, 95, 75,  70};
    for (int c = 0; c < ResultsBrowserModel::ColumnCount; ++c)
        m_view->setColumnWidth(c, widths[c]);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(filters);
    layout->addWidget(m_counts);
    layout->addWidget(m_view, 1);

    for (QComboBox *c : {m_year, m_kind, m_grade, m_subject, m_municipality, m_school})
        connect(c, &QComboBox::currentIndexChanged, this, &ResultsBrowser::applyFilter);
    connect(reset, &QPushButton::clicked, this, [this] {
        m_filling = true;
        for (QComboBox *c : {m_year, m_kind, m_grade, m_subject, m_municipality, m_school})
            c->setCurrentIndex(0);
        m_filling = false;
        applyFilter();
    });
    connect(m_model, &ResultsBrowserModel::readFailed, this, [this](const QString &text) {
        QMessageBox::warning(this, QStringLiteral("Результаты"), text);
    });
    reload();
}

void ResultsBrowser::reload() {
    if (auto st = m_model->reload(); !st)
        ErrorMessage::show(this, QStringLiteral("Результаты"), st.error());
    fillChoices();
    applyFilter();
}

void ResultsBrowser::fillChoices() {
    m_filling = true;
    const QVariant year = m_year->currentData(), kind = m_kind->currentData(),
                   grade = m_grade->currentData(), subject = m_subject->currentData(),
                   municipality = m_municipality->currentData(), school = m_school->currentData();
    for (QComboBox *c : {m_year, m_kind, m_grade, m_subject, m_municipality, m_school}) {
        c->clear();
        c->addItem(QStringLiteral("все"), QVariant());
    }
    for (int y : m_model->years())
        m_year->addItem(QString::number(y), y);
    for (const QString &k : {QStringLiteral("ВПР"), QStringLiteral("ОГЭ"), QStringLiteral("ЕГЭ")})
        m_kind->addItem(k, k);
    for (int g : m_model->grades())
        m_grade->addItem(QStringLiteral("%1 класс").arg(g), g);
    for (const QString &s : m_model->subjects())
        m_subject->addItem(s, s);
    for (const QString &m : m_model->municipalities())
        m_municipality->addItem(m, m);
    for (const core::School &s : m_model->schools())
        m_school->addItem(s.name.isEmpty() ? s.code : QStringLiteral("%1 — %2").arg(s.code, s.name),
                          s.code);
    selectData(m_year, year);
    selectData(m_kind, kind);
    selectData(m_grade, grade);
    selectData(m_subject, subject);
    selectData(m_municipality, municipality);
    FoldingCompleter::fold(m_school->model());
    selectData(m_school, school);
    m_filling = false;
}

void ResultsBrowser::setFilterValues(int year, const QString &kind, int grade,
                                     const QString &subject, const QString &municipality,
                                     const QString &schoolCode) {
    m_filling = true;
    selectData(m_year, year ? QVariant(year) : QVariant());
    selectData(m_kind, kind.isEmpty() ? QVariant() : QVariant(kind));
    selectData(m_grade, grade ? QVariant(grade) : QVariant());
    selectData(m_subject, subject.isEmpty() ? QVariant() : QVariant(subject));
    selectData(m_municipality, municipality.isEmpty() ? QVariant() : QVariant(municipality));
    selectData(m_school, schoolCode.isEmpty() ? QVariant() : QVariant(schoolCode));
    m_filling = false;
    applyFilter();
}

void ResultsBrowser::applyFilter() {
    if (m_filling)
        return;
    ResultsBrowserModel::Filter f;
    f.year = m_year->currentData().toInt();
    const QString kind = m_kind->currentData().toString();
    core::ProcedureKind k = core::ProcedureKind::VPR;
    f.kind = !kind.isEmpty() && core::procedureKindFromText(kind, &k) ? static_cast<int>(k) : -1;
    f.grade = m_grade->currentData().toInt();
    f.subject = m_subject->currentData().toString();
    f.municipality = m_municipality->currentData().toString();
    f.schoolCode = m_school->currentData().toString();
    m_model->setFilter(f);
    m_counts->setText(countsText());
}

QString ResultsBrowser::countsText() const {
    const QLocale ru(QLocale::Russian, QLocale::Russia);
    if (m_model->allRows() == 0)
        return QStringLiteral("Результатов пока нет: загрузите файл через «Результаты → Импорт "
                              "результатов…».");
    return QStringLiteral("Участников: %1 из %2; школ: %3; процедур: %4.")
        .arg(ru.toString(m_model->totalRows()), ru.toString(m_model->allRows()))
        .arg(m_model->schoolCount())
        .arg(m_model->procedureCount());
}

} // namespace objectivity::gui
