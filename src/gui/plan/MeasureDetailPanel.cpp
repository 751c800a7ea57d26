#include "objectivity/gui/plan/MeasureDetailPanel.h"

#include "objectivity/core/plan/DeadlineCheck.h"
#include "objectivity/core/plan/DeadlineParser.h"
#include "objectivity/gui/plan/OwnersEdit.h"
#include "objectivity/gui/plan/PlanEditor.h"
#include "objectivity/gui/plan/PlanTreeModel.h"

#include <QApplication>
#include <QComboBox>
#include <QDateEdit>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QStackedWidget>
#include <QTableWidget>
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
      m_deadlineInfo(new QLabel(this)), m_deadlineProblems(new QLabel(this)),
      m_windowsLabel(new QLabel(QStringLiteral("Выполнение по срокам:"), this)),
      m_windows(new QTableWidget(this)), m_owners(new OwnersEdit(this)),
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
        showDeadlineProblems(d);
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
    m_deadlineProblems->setWordWrap(true);
    m_deadlineProblems->setStyleSheet(QStringLiteral("color: #a05000;"));
    form->addRow(QString(), m_deadlineProblems);
    form->addRow(QStringLiteral("Ответственные:"), m_owners);
    form->addRow(QStringLiteral("Ожидаемый результат:"), m_expected);
    form->addRow(QStringLiteral("Отметка о выполнении:"), m_status);
    form->addRow(QStringLiteral("Дата выполнения:"), m_completion);
    form->addRow(QStringLiteral("Подтверждение:"), m_note);
    m_windows->setColumnCount(4);
    m_windows->setHorizontalHeaderLabels({QStringLiteral("Срок"), QStringLiteral("Отметка"),
                                          QStringLiteral("Дата выполнения"),
                                          QStringLiteral("Подтверждение")});
    m_windows->verticalHeader()->hide();
    m_windows->horizontalHeader()->setStretchLastSection(true);
    m_windows->setSelectionMode(QAbstractItemView::NoSelection);
    m_windows->setMinimumHeight(110);
    form->addRow(m_windowsLabel);
    form->addRow(m_windows);
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
        showDeadlineProblems(m->deadline);
        refreshWindows(*m);
        m_pages->setCurrentIndex(2);
    }
    applyReadOnly();
    m_updating = false;
}

void MeasureDetailPanel::showDeadlineProblems(const core::Deadline &deadline) {
    const QStringList problems = core::DeadlineCheck::problems(deadline, m_editor->plan().period,
                                                               m_editor->plan().approval.orderDate);
    m_deadlineProblems->setText(problems.isEmpty()
                                    ? QString()
                                    : QStringLiteral("⚠ ") + problems.join(QStringLiteral("\n⚠ ")));
    m_deadlineProblems->setVisible(!problems.isEmpty());
}

void MeasureDetailPanel::refreshWindows(const core::Measure &m) {
    const bool perWindow = m.isMarkedPerWindow();
    // with a table of windows the single mark is the measure's as a whole
    if (auto *form = qobject_cast<QFormLayout *>(m_status->parentWidget()->layout()))
        if (auto *label = qobject_cast<QLabel *>(form->labelForField(m_status)))
            label->setText(perWindow ? QStringLiteral("Отметка в целом:")
                                     : QStringLiteral("Отметка о выполнении:"));
    m_windowsLabel->setVisible(perWindow);
    m_windows->setVisible(perWindow);
    if (!perWindow) {
        m_windows->setRowCount(0);
        return;
    }
    const QList<core::DateRange> &windows = m.deadline.windows;
    bool sameWindows = m_windows->rowCount() == windows.size();
    for (int i = 0; sameWindows && i < windows.size(); ++i)
        sameWindows = m_windows->item(i, 0) &&
                      m_windows->item(i, 0)->data(Qt::UserRole).toDate() == windows[i].from &&
                      m_windows->item(i, 0)->data(Qt::UserRole + 1).toDate() == windows[i].to;
    if (!sameWindows) {
        m_windows->setRowCount(int(windows.size()));
        for (int i = 0; i < windows.size(); ++i) {
            auto *label = new QTableWidgetItem(core::Deadline::windowLabel(windows[i]));
            label->setFlags(Qt::ItemIsEnabled);
            label->setData(Qt::UserRole, windows[i].from);
            label->setData(Qt::UserRole + 1, windows[i].to);
            m_windows->setItem(i, 0, label);
            auto *status = new QComboBox(m_windows);
            for (auto st : {MeasureStatus::Planned, MeasureStatus::InProgress, MeasureStatus::Done,
                            MeasureStatus::NotDone, MeasureStatus::Postponed})
                status->addItem(core::Measure::statusDisplayName(st), int(st));
            auto *date = new QDateEdit(m_windows);
            date->setCalendarPopup(true);
            date->setDisplayFormat(QStringLiteral("dd.MM.yyyy"));
            date->setMinimumDate(kNoDate);
            date->setSpecialValueText(QStringLiteral("не указана"));
            auto *note = new QLineEdit(m_windows);
            m_windows->setCellWidget(i, 1, status);
            m_windows->setCellWidget(i, 2, date);
            m_windows->setCellWidget(i, 3, note);
            connect(status, &QComboBox::currentIndexChanged, this, [this, i] { markWindow(i); });
            connect(date, &QDateEdit::dateChanged, this, [this, i] { markWindow(i); });
            connect(note, &QLineEdit::editingFinished, this, [this, i] { markWindow(i); });
        }
        m_windows->resizeColumnsToContents();
    }
    for (int i = 0; i < windows.size(); ++i) {
        const core::WindowMark *mark = m.windowMark(windows[i]);
        auto *status = static_cast<QComboBox *>(m_windows->cellWidget(i, 1));
        auto *date = static_cast<QDateEdit *>(m_windows->cellWidget(i, 2));
        auto *note = static_cast<QLineEdit *>(m_windows->cellWidget(i, 3));
        status->setCurrentIndex(status->findData(int(m.windowStatus(windows[i]))));
        date->setDate(mark && mark->completionDate.isValid() ? mark->completionDate : kNoDate);
        setLineIfDifferent(note, mark ? mark->note : QString());
    }
}

void MeasureDetailPanel::markWindow(int row) {
    int s = -1, m = -1;
    if (m_updating || !currentMeasure(&s, &m))
        return;
    const QTableWidgetItem *label = m_windows->item(row, 0);
    if (!label)
        return;
    core::WindowMark mark;
    mark.window = {label->data(Qt::UserRole).toDate(), label->data(Qt::UserRole + 1).toDate()};
    mark.status = MeasureStatus(
        static_cast<QComboBox *>(m_windows->cellWidget(row, 1))->currentData().toInt());
    const QDate date = static_cast<QDateEdit *>(m_windows->cellWidget(row, 2))->date();
    mark.completionDate = date == kNoDate ? QDate() : date;
    mark.note = static_cast<QLineEdit *>(m_windows->cellWidget(row, 3))->text().trimmed();
    // a window marked «выполнено» without a date gets today's, as the evidence of when
    if (mark.status == MeasureStatus::Done && !mark.completionDate.isValid())
        mark.completionDate = QDate::currentDate();
    m_editor->markWindow(s, m, mark);
}

void MeasureDetailPanel::applyReadOnly() {
    const bool ro = m_editor->isReadOnly();
    // a closed field looks closed: the window's grey instead of the white of a field to type in,
    // and its tooltip says why (the execution marks below stay open)
    const QString why = ro ? QStringLiteral("Текст утверждённого плана не меняется. Для изменений: "
                                            "План → Создать новую редакцию.")
                           : QString();
    auto apply = [&](QWidget *field) {
        QPalette p = field->palette();
        p.setColor(QPalette::Base, ro ? palette().color(QPalette::Window)
                                      : QApplication::palette(field).color(QPalette::Base));
        field->setPalette(p);
        field->setToolTip(why);
    };
    m_sectionTitle->setReadOnly(ro);
    m_text->setReadOnly(ro);
    m_deadline->setReadOnly(ro);
    m_owners->setReadOnly(ro);
    m_expected->setReadOnly(ro);
    for (QWidget *field : {static_cast<QWidget *>(m_sectionTitle), static_cast<QWidget *>(m_text),
                           static_cast<QWidget *>(m_deadline), static_cast<QWidget *>(m_owners),
                           static_cast<QWidget *>(m_expected)})
        apply(field);
}

} // namespace objectivity::gui
