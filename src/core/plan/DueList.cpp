#include "objectivity/core/plan/DueList.h"

#include "objectivity/core/plan/DeadlineCheck.h"

#include <algorithm>

namespace objectivity::core {

namespace {

bool ownedBy(const Measure &measure, const QString &owner) {
    if (owner.isEmpty())
        return true;
    return std::any_of(measure.owners.begin(), measure.owners.end(), [&owner](const QString &o) {
        return o.contains(owner, Qt::CaseInsensitive);
    });
}

DueEntry entry(const Plan &plan, const Section &section, const Measure &measure,
               const DateRange &window) {
    return {
        plan.id, plan.title, plan.organization.name, plan.period.toDisplayString(), section.number,
        measure, window};
}

} // namespace

DueList DueList::build(const QList<Plan> &plans, const QDate &today, const QDate &month,
                       const QString &owner) {
    DueList out;
    const QString wanted = owner.trimmed();
    const QDate monthStart = month.isValid() ? QDate(month.year(), month.month(), 1) : QDate();
    const DateRange monthRange{
        monthStart, monthStart.isValid() ? monthStart.addMonths(1).addDays(-1) : QDate()};
    const QDate horizon = today.isValid() ? today.addDays(kUpcomingDays) : QDate();

    for (const Plan &plan : plans) {
        const QDate floor = DeadlineCheck::overdueFloor(plan);
        for (const Section &section : plan.sections) {
            for (const Measure &measure : section.measures) {
                if (!ownedBy(measure, wanted))
                    continue;
                const Deadline &deadline = measure.deadline;
                const bool whole = deadline.kind == DeadlineKind::WholePeriod;
                // a recurring measure is done window by window
                const bool done =
                    measure.isMarkedPerWindow()
                        ? std::all_of(deadline.windows.begin(), deadline.windows.end(),
                                      [&measure](const DateRange &w) {
                                          return measure.windowStatus(w) == MeasureStatus::Done;
                                      })
                        : measure.status == MeasureStatus::Done;

                if (monthRange.isValid()) {
                    for (const DateRange &w : deadline.windows) {
                        const bool hit = whole ? monthRange.contains(w.to) : w.overlaps(monthRange);
                        if (hit) {
                            out.inMonth.append(entry(plan, section, measure, w));
                            break;
                        }
                    }
                }
                if (!today.isValid() || done)
                    continue;
                DateRange lastEnded;
                for (const DateRange &w : deadline.windows)
                    if (DeadlineCheck::windowCountsAsOverdue(w, deadline, today, floor) &&
                        measure.windowStatus(w) != MeasureStatus::Done)
                        lastEnded = w;
                if (lastEnded.isValid())
                    out.overdue.append(entry(plan, section, measure, lastEnded));
                for (const DateRange &w : deadline.windows) {
                    const bool starts = w.from > today && w.from <= horizon;
                    const bool ends = w.to >= today && w.to <= horizon;
                    if (w.isValid() && (starts || ends) &&
                        measure.windowStatus(w) != MeasureStatus::Done) {
                        out.upcoming.append(entry(plan, section, measure, w));
                        break;
                    }
                }
            }
        }
    }

    std::stable_sort(
        out.inMonth.begin(), out.inMonth.end(),
        [](const DueEntry &a, const DueEntry &b) { return a.window.from < b.window.from; });
    std::stable_sort(
        out.overdue.begin(), out.overdue.end(),
        [](const DueEntry &a, const DueEntry &b) { return a.window.to < b.window.to; });
    // Soonest first: a window that starts ahead by its start, one already open by its end.
    auto soon = [&today](const DueEntry &e) {
        return e.window.from > today ? e.window.from : e.window.to;
    };
    std::stable_sort(out.upcoming.begin(), out.upcoming.end(),
                     [&soon](const DueEntry &a, const DueEntry &b) { return soon(a) < soon(b); });
    return out;
}

} // namespace objectivity::core
