#pragma once
#include "objectivity/core/plan/Plan.h"

#include <QDate>
#include <QWidget>

class QComboBox;
class QLabel;
class QTableView;

namespace objectivity::gui {

class DueListModel;
class MonthPicker;

// «Сроки»: across all plans, what is due in a chosen month, what is overdue and what comes in the
// next 30 days, filterable by owner. Double-click opens the measure in its plan.
class DueView : public QWidget {
    Q_OBJECT
public:
    enum class Mode { Month, Overdue, Upcoming };
    explicit DueView(QWidget *parent = nullptr);

    void setPlans(const QList<core::Plan> &plans);
    void setToday(const QDate &today);
    void setMonth(const QDate &anyDayOfMonth);
    void setMode(Mode mode);
    void setOwnerFilter(const QString &owner);
    DueListModel *model() const { return m_model; }
    QTableView *table() const { return m_table; }
    MonthPicker *monthPicker() const { return m_month; }
    // Over an empty list: why it is empty and where the deadlines are («Просрочено: 66»), as
    // links that switch the list; hidden when the list has rows.
    QLabel *emptyHint() const { return m_empty; }

signals:
    void openMeasure(qint64 planId, qint64 measureId);

private:
    void rebuild();

    QList<core::Plan> m_plans;
    QDate m_today;
    DueListModel *m_model;
    QComboBox *m_mode;
    MonthPicker *m_month;
    QComboBox *m_owner;
    QLabel *m_summary;
    QLabel *m_empty;
    QTableView *m_table;
};

} // namespace objectivity::gui
