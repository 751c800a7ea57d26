#include "objectivity/gui/plan/DueView.h"

#include "objectivity/core/plan/DueList.h"
#include "objectivity/gui/common/FillingColumn.h"
#include "objectivity/gui/plan/DueListModel.h"
#include "objectivity/gui/plan/MonthPicker.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QTableView>
#include <QVBoxLayout>

namespace objectivity::gui {

DueView::DueView(QWidget *parent)
    : QWidget(parent), m_today(QDate::currentDate()), m_model(new DueListModel(this)),
      m_mode(new QComboBox(this)), m_month(new MonthPicker(this)), m_owner(new QComboBox(this)),
      m_summary(new QLabel(this)), m_empty(new QLabel(this)), m_table(new QTableView(this)) {
    m_mode->addItem(QStringLiteral("Сроки в месяце"), int(Mode::Month));
    m_mode->addItem(QStringLiteral("Просрочено"), int(Mode::Overdue));
    m_mode->addItem(QStringLiteral("Ближайшие 30 дней"), int(Mode::Upcoming));
    m_month->setMonth(m_today);
    m_owner->setEditable(true);
    m_owner->setMinimumWidth(240);
    m_owner->lineEdit()->setPlaceholderText(QStringLiteral("все ответственные"));
    m_owner->lineEdit()->setClearButtonEnabled(true);

    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setWordWrap(true);
    m_table->setAlternatingRowColors(true);
    m_table->verticalHeader()->hide();
    // the measures' column takes the room the others leave (it was 340 px beside a wide plan
    // column, and a measure ran to seven lines)
    (new FillingColumn(m_table, m_table->horizontalHeader(), 300))
        ->setColumn(DueListModel::MeasureColumn);
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);

    auto *bar = new QHBoxLayout;
    bar->addWidget(new QLabel(QStringLiteral("Показать:"), this));
    bar->addWidget(m_mode);
    bar->addWidget(new QLabel(QStringLiteral("Месяц:"), this));
    bar->addWidget(m_month);
    bar->addWidget(new QLabel(QStringLiteral("Ответственный:"), this));
    bar->addWidget(m_owner, 1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(bar);
    layout->addWidget(m_summary);
    layout->addWidget(m_empty);
    layout->addWidget(m_table, 1);
    m_empty->setTextFormat(Qt::RichText);
    m_empty->setWordWrap(true);
    m_empty->setTextInteractionFlags(Qt::LinksAccessibleByMouse | Qt::LinksAccessibleByKeyboard);
    connect(m_empty, &QLabel::linkActivated, this, [this](const QString &link) {
        setMode(link == u"overdue"    ? Mode::Overdue
                : link == u"upcoming" ? Mode::Upcoming
                                      : Mode::Month);
    });

    connect(m_mode, &QComboBox::currentIndexChanged, this, &DueView::rebuild);
    connect(m_month, &MonthPicker::monthChanged, this, &DueView::rebuild);
    connect(m_owner, &QComboBox::currentTextChanged, this, &DueView::rebuild);
    connect(m_table, &QTableView::doubleClicked, this, [this](const QModelIndex &i) {
        emit openMeasure(i.data(DueListModel::PlanIdRole).toLongLong(),
                         i.data(DueListModel::MeasureIdRole).toLongLong());
    });
    rebuild();
}

void DueView::setPlans(const QList<core::Plan> &plans) {
    m_plans = plans;
    QStringList owners;
    for (const auto &p : plans)
        for (const auto &s : p.sections)
            for (const auto &m : s.measures)
                owners << m.owners;
    owners.removeDuplicates();
    owners.sort(Qt::CaseInsensitive);
    const QString current = m_owner->currentText();
    m_owner->blockSignals(true);
    m_owner->clear();
    m_owner->addItem(QString());
    m_owner->addItems(owners);
    m_owner->setCurrentText(current);
    m_owner->blockSignals(false);
    rebuild();
}

void DueView::setToday(const QDate &today) {
    m_today = today;
    rebuild();
}

void DueView::setMonth(const QDate &anyDayOfMonth) {
    m_month->setMonth(anyDayOfMonth);
}

void DueView::setMode(Mode mode) {
    m_mode->setCurrentIndex(m_mode->findData(int(mode)));
}

void DueView::setOwnerFilter(const QString &owner) {
    m_owner->setCurrentText(owner);
}

void DueView::rebuild() {
    const QString owner = m_owner->currentText().trimmed();
    const auto due = core::DueList::build(m_plans, m_today, m_month->month(), owner);
    const auto mode = Mode(m_mode->currentData().toInt());
    m_month->setEnabled(mode == Mode::Month);
    switch (mode) {
    case Mode::Month:
        m_model->setEntries(due.inMonth);
        break;
    case Mode::Overdue:
        m_model->setEntries(due.overdue);
        break;
    case Mode::Upcoming:
        m_model->setEntries(due.upcoming);
        break;
    }
    m_summary->setText(
        QStringLiteral("На %1: в выбранном месяце — %2, просрочено — %3, в ближайшие 30 дней — %4.")
            .arg(m_today.toString(u"dd.MM.yyyy"))
            .arg(due.inMonth.size())
            .arg(due.overdue.size())
            .arg(due.upcoming.size()));
    // an empty list says why and where the deadlines are (a plan of past years showed an empty
    // table for this month, «просрочено — 66» only in the line above)
    QString empty;
    if (m_model->rowCount() == 0 && !m_plans.isEmpty()) {
        empty = mode == Mode::Month ? QStringLiteral("В этом месяце сроков нет")
                : mode == Mode::Overdue ? QStringLiteral("Просроченных мероприятий нет")
                                        : QStringLiteral("В ближайшие 30 дней сроков нет");
        if (!owner.isEmpty())
            empty += QStringLiteral(" (ответственный: %1)").arg(owner.toHtmlEscaped());
        empty += u'.';
        QStringList links;
        if (mode != Mode::Overdue && !due.overdue.isEmpty())
            links
                << QStringLiteral("<a href=\"overdue\">просрочено: %1</a>").arg(due.overdue.size());
        if (mode != Mode::Upcoming && !due.upcoming.isEmpty())
            links << QStringLiteral("<a href=\"upcoming\">в ближайшие 30 дней: %1</a>")
                         .arg(due.upcoming.size());
        if (!links.isEmpty())
            empty += QStringLiteral(" Показать: ") + links.join(QStringLiteral(", ")) + u'.';
    }
    m_empty->setText(empty);
    m_empty->setVisible(!empty.isEmpty());
    m_table->setColumnWidth(DueListModel::WindowColumn, 160);
    m_table->setColumnWidth(DueListModel::OwnersColumn, 180);
    m_table->setColumnWidth(DueListModel::StatusColumn, 110);
    m_table->setColumnWidth(DueListModel::PlanColumn, 230);
}

} // namespace objectivity::gui
