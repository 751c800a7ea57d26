#pragma once
#include "objectivity/core/plan/DueEntry.h"
#include "objectivity/core/plan/Plan.h"

#include <QList>

namespace objectivity::core {

// What is due across plans: in a chosen month, overdue, and coming in the next 30 days.
//  - inMonth: a window of the measure overlaps the month (any status). A whole-period window
//    counts only in the month it ends, so «В течение года» does not fill every month.
//  - overdue: a window ended before today and is not Done (the latest such window). A recurring
//    measure (several windows) is Done window by window (`Measure::windowStatus`); a window that
//    ended before the plan's approval (or its period, when the approval date is unknown) and a
//    deadline «по мере необходимости» are never overdue (`DeadlineCheck`).
//  - upcoming: a window that is not Done starts or ends within today+1 .. today+30
//    (ends: today .. today+30) — the first such window.
// Event-driven and unrecognised deadlines have no windows and appear in none of the lists.
// The owner filter keeps measures with an owner containing the text (case-insensitive).
class DueList {
public:
    static constexpr int kUpcomingDays = 30;

    QList<DueEntry> inMonth;  // by window start
    QList<DueEntry> overdue;  // oldest first
    QList<DueEntry> upcoming; // soonest first

    // `month` is any day of the chosen month.
    static DueList build(const QList<Plan> &plans, const QDate &today, const QDate &month,
                         const QString &owner = QString());
};

} // namespace objectivity::core
