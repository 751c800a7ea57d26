#pragma once
#include "objectivity/core/plan/Plan.h"

#include <QDate>
#include <QStringList>

namespace objectivity::core {

// Deadlines that cannot be right for their plan: a window that ends before the plan was approved,
// or one that lies wholly outside the plan's academic period («август 2021» in a plan for
// 2022/23–2023/24). They are pointed out (import warnings, the editor's measure panel and row
// marker) and never counted as overdue before they are corrected.
class DeadlineCheck {
public:
    // What is wrong with one deadline in a plan of this period approved on this date (either may
    // be unknown): Russian sentences without the measure, empty when nothing is.
    static QStringList problems(const Deadline &deadline, const AcademicPeriod &period,
                                const QDate &approvalDate);
    static QStringList problems(const Measure &measure, const Plan &plan) {
        return problems(measure.deadline, plan.period, plan.approval.orderDate);
    }
    // Every problem of the plan, one line per measure: «Мероприятие 1.7, срок «август 2021»: …».
    static QStringList planWarnings(const Plan &plan);

    // The first day a window may end on to be counted as overdue: the approval date when known,
    // else the first day of the period, else null (everything counts).
    static QDate overdueFloor(const Plan &plan);
    // Whether a window is one whose passing makes the measure overdue on `date`.
    static bool windowCountsAsOverdue(const DateRange &window, const Deadline &deadline,
                                      const QDate &date, const QDate &floor);
};

} // namespace objectivity::core
