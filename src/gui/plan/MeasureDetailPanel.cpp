#include "objectivity/gui/plan/MeasureDetailPanel.h"

#include "objectivity/core/plan/DeadlineParser.h"
#include "objectivity/gui/plan/OwnersEdit.h"
#include "objectivity/gui/plan/PlanEditor.h"
#include "objectivity/gui/plan/PlanTreeModel.h"

#include <QComboBox>
#include <QDateEdit>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace objectivity::gui {

using core::MeasureStatus;

namespace {
const QDate kNoDate(2000, 1, 1); // the date edit's "не указана"

void setPlainIfDifferent(QPlainTextEdit *edit, const QString &text) {
    if (edit->toPlainText() != text)
        edit->setPlainText(text);
}
void setLineIfDifferent(QLineEdit *edit, const QString &text) {
    if (edit->text() != text)
        edit->setText(text);
}
} // namespace

MeasureDetailPanel::MeasureDetailPanel(PlanEditor *editor, QWidget *parent)
    : QWidget(parent), m_editor(editor), m_pages(new QStackedWidget(this)),
      m_heading(new QLabel(this)), m_sectionTitle(new QLineEdit(this)),
      m_text(new QPlainTextEdit(this)), m_deadline(new QLineEdit(this)),
      m_deadlineInfo(new QLabel(this)), m_owners(new OwnersEdit(this)),
      m_expected(new QPlainTextEdit(this)), m_status(new QComboBox(this)),
      m_completion(new QDateEdit(this)), m_note(new QPlainTextEdit(this)) {
    QFont bold = m_heading->font();
    bold.setBold(true);
    m_heading->setFont(bold);
    m_heading->setWordWrap(true);

    auto *empty = new QLabel(QStringLiteral("Выберите мероприятие в плане."), this);
    empty->setAlignment(Qt::AlignCenter);
    auto *sectionPage = new QWidget(this);
    auto *sectionForm = new QFormLayout(sectionPage);
    sectionForm->addRow(QStringLiteral("Название раздела:"), m_sectionTitle);
    m_pages->addWidget(empty);
    m_pages->addWidget(sectionPage);
    m_pages->addWidget(buildMeasurePage());

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 4, 6, 4);
    layout->addWidget(m_heading);
    layout->addWidget(m_pages, 1);

    connect(m_sectionTitle, &QLineEdit::textEdited, this, [this](const QString &title) {
        if (!m_updating && m_current.isValid())
            m_editor->editSectionTitle(m_editor->model()->sectionRow(m_current), title);
    });
    connect(m_text, &QPlainTextEdit::textChanged, this,
            [this] { edit(int(MeasureField::Text), m_text->toPlainText()); });
    connect(m_deadline, &QLineEdit::textEdited, this, [this](const QString &text) {
        // The interpretation is shown live, before the edit lands.
        const auto d = core::DeadlineParser::parse(text, m_editor->plan().period);
        m_deadlineInfo->setText(QStringLiteral("Понято как: ") + d.describe());
        edit(int(MeasureField::Deadline), text);
    });
    connect(m_owners, &OwnersEdit::ownersEdited, this,
            [this] { edit(int(MeasureField::Owners), m_owners->owners()); });
    connect(m_expected, &QPlainTextEdit::textChanged, this,
            [this] { edit(int(MeasureField::ExpectedResult), m_expected->toPlainText()); });
    connect(m_status, &QComboBox::currentIndexChanged, this,
            [this](int i) { edit(int(MeasureField::Status), m_status->itemData(i).toInt()); });
    connect(m_completion, &QDateEdit::dateChanged, this, [this](const QDate &d) {
        edit(int(MeasureField::CompletionDate), d == kNoDate ? QDate() : d);
    });
    connect(m_note, &QPlainTextEdit::textChanged, this,
            [this] { edit(int(MeasureField::Note), m_note->toPlainText()); });

    auto *model = editor->model();
    connect(model, &QAbstractItemModel::dataChanged, this, [this](const QModelIndex &tl) {
        if (m_current.isValid() && tl.parent() == m_current.parent() && tl.row() == m_current.row())
            refresh();
    });
    connect(model, &QAbstractItemModel::rowsMoved, this, &MeasureDetailPanel::refresh);
    connect(model, &QAbstractItemModel::rowsRemoved, this, &MeasureDetailPanel::refresh);
    connect(model, &QAbstractItemModel::modelReset, this, [this] { setCurrent({}); });
    connect(editor, &PlanEditor::headerChanged, this, &MeasureDetailPanel::refresh);
    refresh();
}

QWidget *MeasureDetailPanel::buildMeasurePage() {
    auto *page = new QWidget(this);
    auto *form = new QFormLayout(page);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->setRowWrapPolicy(QFormLayout::WrapLongRows);
    m_text->setTabChangesFocus(true);
    m_text->setMinimumHeight(70);
    m_text->setMaximumHeight(110);
    m_expected->setTabChangesFocus(true);
    m_expected->setMaximumHeight(70);
    m_note->setTabChangesFocus(true);
    m_note->setMaximumHeight(60);
    m_note->setPlaceholderText(QStringLiteral("Подтверждение: «Протокол ШМО № 3 от 12.11.2024»"));
    m_deadline->setPlaceholderText(QStringLiteral("«Август-сентябрь ежегодно», «до 01.07.2024»"));
    m_deadlineInfo->setWordWrap(true);
    m_deadlineInfo->setStyleSheet(QStringLiteral("color: #2a5a8a;"));
    for (auto s : {MeasureStatus::Planned, MeasureStatus::InProgress, MeasureStatus::Done,
                   MeasureStatus::NotDone, MeasureStatus::Postponed})
        m_status->addItem(core::Measure::statusDisplayName(s), int(s));
    m_completion->setCalendarPopup(true);
    m_completion->setDisplayFormat(QStringLiteral("dd.MM.yyyy"));
    m_completion->setMinimumDate(kNoDate);
    m_completion->setSpecialValueText(QStringLiteral("не указана"));
    form->addRow(QStringLiteral("Мероприятие:"), m_text);
    form->addRow(QStringLiteral("Срок:"), m_deadline);
    form->addRow(QString(), m_deadlineInfo);
    form->addRow(QStringLiteral("Ответственные:"), m_owners);
    form->addRow(QStringLiteral("Ожидаемый результат:"), m_expected);
    form->addRow(QStringLiteral("Отметка о выполнении:"), m_status);
    form->addRow(QStringLiteral("Дата выполнения:"), m_completion);
    form->addRow(QStringLiteral("Подтверждение:"), m_note);
    return page;
}

void MeasureDetailPanel::setOwnerNames(const QStringList &names) {
    m_owners->setNames(names);
}

void MeasureDetailPanel::setCurrent(const QModelIndex &sourceIndex) {
    m_current = sourceIndex.isValid() ? sourceIndex.siblingAtColumn(0) : QModelIndex();
    refresh();
}

bool MeasureDetailPanel::currentMeasure(int *section, int *measure) const {
    if (!m_current.isValid())
        return false;
    *section = m_editor->model()->sectionRow(m_current);
    *measure = m_editor->model()->measureRow(m_current);
    return *measure >= 0;
}

void MeasureDetailPanel::edit(int field, const QVariant &value) {
    int s = -1, m = -1;
    if (m_updating || !currentMeasure(&s, &m))
        return;
    m_editor->editMeasure(s, m, MeasureField(field), value);
}

void MeasureDetailPanel::refresh() {
    m_updating = true;
    const PlanTreeModel *model = m_editor->model();
    if (!m_current.isValid()) {
        m_heading->setText(QString());
        m_pages->setCurrentIndex(0);
    } else if (model->isSection(m_current)) {
        const auto &s = m_editor->plan().sections.at(m_current.row());
        m_heading->setText(QStringLiteral("Раздел ") + s.number);
        m_heading->setToolTip(QString());
        setLineIfDifferent(m_sectionTitle, s.title);
        m_pages->setCurrentIndex(1);
    } else if (const core::Measure *m = model->measureAt(m_current)) {
        const QString basis = m_basis ? m_basis(m->id) : QString();
        m_heading->setText(QStringLiteral("Мероприятие ") + m->number +
                           (basis.isEmpty() ? QString() : QLatin1Char('\n') + basis));
        m_heading->setToolTip(basis);
        setPlainIfDifferent(m_text, m->text);
        setLineIfDifferent(m_deadline, m->deadline.text);
        m_deadlineInfo->setText(QStringLiteral("Понято как: ") + m->deadline.describe());
        if (m_owners->owners() != m->owners)
            m_owners->setOwners(m->owners);
        setPlainIfDifferent(m_expected, m->expectedResult);
        m_status->setCurrentIndex(m_status->findData(int(m->status)));
        m_completion->setDate(m->completionDate.isValid() ? m->completionDate : kNoDate);
        setPlainIfDifferent(m_note, m->note);
        m_pages->setCurrentIndex(2);
    }
    applyReadOnly();
    m_updating = false;
}

void MeasureDetailPanel::applyReadOnly() {
    const bool ro = m_editor->isReadOnly();
    m_sectionTitle->setReadOnly(ro);
    m_text->setReadOnly(ro);
    m_deadline->setReadOnly(ro);
    m_owners->setReadOnly(ro);
    m_expected->setReadOnly(ro);
}

} // namespace objectivity::gui
