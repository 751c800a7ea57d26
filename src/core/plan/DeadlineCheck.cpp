#include "objectivity/core/plan/DeadlineCheck.h"

#include "objectivity/core/common/MessageText.h"

namespace objectivity::core {

namespace {
QString dayText(const QDate &d) {
    return d.toString(QStringLiteral("dd.MM.yyyy"));
}
QString labels(const QList<DateRange> &windows) {
    QStringList out;
    for (const DateRange &w : windows)
        out << Deadline::windowLabel(w);
    return out.join(QStringLiteral(", "));
}
} // namespace

QStringList DeadlineCheck::problems(const Deadline &deadline, const AcademicPeriod &period,
                                    const QDate &approvalDate) {
    QStringList out;
    QList<DateRange> beforeApproval;
    QList<DateRange> outside;
    const DateRange range = period.isValid() ? period.range() : DateRange{};
    for (const DateRange &w : deadline.windows) {
        if (!w.isValid())
            continue;
        if (approvalDate.isValid() && w.to < approvalDate)
            beforeApproval << w;
        else if (range.isValid() && !w.overlaps(range))
            outside << w;
    }
    if (!beforeApproval.isEmpty())
        out << QStringLiteral("%1 — раньше даты утверждения плана (%2): проверьте год; до "
                              "исправления срок не считается просроченным")
                   .arg(labels(beforeApproval), dayText(approvalDate));
    if (!outside.isEmpty())
        out << QStringLiteral("%1 — вне периода плана (%2): проверьте год")
                   .arg(labels(outside), period.toDisplayString());
    return out;
}

QStringList DeadlineCheck::planWarnings(const Plan &plan) {
    QStringList out;
    for (const Section &section : plan.sections)
        for (const Measure &m : section.measures) {
            const QStringList p = problems(m, plan);
            if (!p.isEmpty()) {
                QString where = m.number.isEmpty() ? QStringLiteral("без номера") : m.number;
                // «1.» repeats from section to section: the section tells which
                QString sectionNumber = section.number.trimmed();
                if (sectionNumber.endsWith(u'.'))
                    sectionNumber.chop(1);
                if (!sectionNumber.isEmpty() && !m.number.startsWith(sectionNumber))
                    where += QStringLiteral(" (раздел %1)").arg(sectionNumber);
                out << QStringLiteral("Мероприятие %1, срок %2: %3")
                           .arg(where, quoteForMessage(m.deadline.text),
                                p.join(QStringLiteral("; ")));
            }
        }
    return out;
}

QDate DeadlineCheck::overdueFloor(const Plan &plan) {
    if (plan.approval.orderDate.isValid())
        return plan.approval.orderDate;
    return plan.period.isValid() ? plan.period.start() : QDate();
}

bool DeadlineCheck::windowCountsAsOverdue(const DateRange &window, const Deadline &deadline,
                                          const QDate &date, const QDate &floor) {
    if (deadline.recurrence == DeadlineRecurrence::AsNeeded || !date.isValid() || !window.isValid())
        return false;
    if (floor.isValid() && window.to < floor)
        return false;
    return window.to < date;
}

} // namespace objectivity::core
