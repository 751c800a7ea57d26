#include "objectivity/gui/plan/MeasureTemplatesDialog.h"

#include "objectivity/core/analysis/CriterionTitle.h"
#include "objectivity/core/plan/OwnerSplitter.h"
#include "objectivity/storage/Database.h"
#include "objectivity/storage/plan/FindingLinkRepository.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace objectivity::gui {

using namespace Qt::StringLiterals;

namespace {
enum Column { Criterion, Text, Owners, Deadline, Expected, ColumnCount };

QStringList criterionCodes() {
    QStringList codes;
    for (const core::MeasureTemplate &t : core::MeasureTemplate::defaults())
        if (!codes.contains(t.criterion))
            codes << t.criterion;
    return codes;
}
} // namespace

MeasureTemplatesDialog::MeasureTemplatesDialog(storage::Database &db, QWidget *parent)
    : QDialog(parent), m_db(db), m_table(new QTableWidget(0, ColumnCount, this)),
      m_criterion(new QComboBox(this)), m_error(new QLabel(this)) {
    setWindowTitle(u"Шаблоны мер по признакам"_s);
    resize(1320, 640);
    m_table->setHorizontalHeaderLabels(
        {u"Признак"_s, u"Мероприятие"_s, u"Ответственные"_s, u"Срок"_s, u"Ожидаемый результат"_s});
    m_table->setWordWrap(true);
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setColumnWidth(Criterion, 220);
    m_table->setColumnWidth(Text, 420);
    m_table->setColumnWidth(Owners, 200);
    m_table->setColumnWidth(Deadline, 150);
    for (const QString &code : criterionCodes())
        m_criterion->addItem(core::criterionTitle(code), code);

    auto *hint = new QLabel(u"Меры, которые программа предлагает добавить в план школы по "
                            "каждому признаку анализа. В тексте и сроке можно использовать: "
                            "{предмету} («по математике»), {предмет}, {класс}, {процедура}, "
                            "{год}, {год+1}, {год-1}, {школа}. Ответственных — через запятую."_s,
                            this);
    hint->setWordWrap(true);
    auto *add = new QPushButton(u"&Добавить"_s, this);
    auto *remove = new QPushButton(u"&Удалить"_s, this);
    auto *restore = new QPushButton(u"&Встроенные шаблоны"_s, this);
    restore->setToolTip(u"Заменить таблицу встроенными шаблонами программы"_s);
    connect(add, &QPushButton::clicked, this,
            [this] { addRow(m_criterion->currentData().toString()); });
    connect(remove, &QPushButton::clicked, this, [this] {
        if (m_table->currentRow() >= 0)
            m_table->removeRow(m_table->currentRow());
    });
    connect(restore, &QPushButton::clicked, this,
            [this] { setTemplates(core::MeasureTemplate::defaults()); });
    auto *row = new QHBoxLayout;
    row->addWidget(new QLabel(u"Признак:"_s, this));
    row->addWidget(m_criterion);
    row->addWidget(add);
    row->addWidget(remove);
    row->addStretch();
    row->addWidget(restore);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Save)->setText(u"Сохранить"_s);
    buttons->button(QDialogButtonBox::Cancel)->setText(u"Отмена"_s);
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        if (save())
            accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    m_error->setWordWrap(true);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(hint);
    layout->addWidget(m_table, 1);
    layout->addLayout(row);
    layout->addWidget(m_error);
    layout->addWidget(buttons);

    auto stored = storage::FindingLinkRepository(db).templates();
    if (stored)
        setTemplates(*stored);
    else
        m_error->setText(stored.error().message);
    if (db.isReadOnly()) {
        buttons->button(QDialogButtonBox::Save)->setEnabled(false);
        m_error->setText(db.readOnlyError().message);
    } else if (core::Status allowed = storage::FindingLinkRepository(db).mayEditTemplates();
               !allowed) {
        // a school on a department's server: the templates are read, not changed
        buttons->button(QDialogButtonBox::Save)->hide();
        buttons->button(QDialogButtonBox::Cancel)->setText(u"Закрыть"_s);
        for (QPushButton *b : {add, remove, restore})
            b->setEnabled(false);
        m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
        m_error->setText(u"Только для чтения: "_s + allowed.error().message);
        m_error->setStyleSheet(QString());
    }
}

void MeasureTemplatesDialog::setTemplates(const QList<core::MeasureTemplate> &templates) {
    m_table->setRowCount(0);
    for (const core::MeasureTemplate &t : templates) {
        addRow(t.criterion);
        const int r = m_table->rowCount() - 1;
        m_table->item(r, Text)->setText(t.text);
        m_table->item(r, Owners)->setText(t.owners.join(u", "_s));
        m_table->item(r, Deadline)->setText(t.deadline);
        m_table->item(r, Expected)->setText(t.expectedResult);
    }
}

void MeasureTemplatesDialog::addRow(const QString &criterion) {
    int at = m_table->rowCount(); // after the last row of the same criterion
    for (int r = 0; r < m_table->rowCount(); ++r)
        if (m_table->item(r, Criterion)->data(Qt::UserRole).toString() == criterion)
            at = r + 1;
    m_table->insertRow(at);
    auto *c = new QTableWidgetItem(core::criterionTitle(criterion));
    c->setData(Qt::UserRole, criterion);
    c->setFlags(c->flags() & ~Qt::ItemIsEditable);
    m_table->setItem(at, Criterion, c);
    for (int col = Text; col < ColumnCount; ++col)
        m_table->setItem(at, col, new QTableWidgetItem);
    m_table->setCurrentCell(at, Text);
}

QList<core::MeasureTemplate> MeasureTemplatesDialog::templates() const {
    QList<core::MeasureTemplate> out;
    QHash<QString, int> positions;
    for (int r = 0; r < m_table->rowCount(); ++r) {
        core::MeasureTemplate t;
        t.criterion = m_table->item(r, Criterion)->data(Qt::UserRole).toString();
        t.position = ++positions[t.criterion];
        t.text = m_table->item(r, Text)->text().trimmed();
        t.owners = core::OwnerSplitter::split(m_table->item(r, Owners)->text());
        t.deadline = m_table->item(r, Deadline)->text().trimmed();
        t.expectedResult = m_table->item(r, Expected)->text().trimmed();
        if (!t.text.isEmpty())
            out << t;
    }
    return out;
}

bool MeasureTemplatesDialog::save() {
    QList<core::MeasureTemplate> list = templates();
    if (core::Status s = storage::FindingLinkRepository(m_db).saveTemplates(list); !s) {
        m_error->setText(s.error().message);
        return false;
    }
    return true;
}

} // namespace objectivity::gui
