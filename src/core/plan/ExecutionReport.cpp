#include "objectivity/core/plan/ExecutionReport.h"

namespace objectivity::core {

ExecutionReport::ExecutionReport(const Plan &plan, const QDate &date) : m_date(date) {
    m_sections.reserve(plan.sections.size());
    for (const Section &section : plan.sections) {
        SectionRows sr;
        sr.section = &section;
        sr.rows.reserve(section.measures.size());
        for (const Measure &m : section.measures) {
            Row row;
            row.measure = &m;
            row.status = m.status;
            row.completionDate = m.completionDate;
            row.note = m.note;
            row.overdue = isOverdue(m, date);
            if (row.overdue)
                row.missedDeadline = lastPassedDeadline(m.deadline, date);
            sr.totals.add(row.status, row.overdue);
            sr.rows.append(row);
        }
        m_totals += sr.totals;
        m_sections.append(sr);
    }
}

QDate ExecutionReport::lastPassedDeadline(const Deadline &deadline, const QDate &date) {
    QDate last;
    const auto consider = [&](const QDate &end) {
        if (end.isValid() && end < date && (!last.isValid() || end > last))
            last = end;
    };
    for (const DateRange &w : deadline.windows)
        consider(w.to);
    // A deadline with dates but no explicit windows (a plain "до 01.07.2024") still has an end.
    if (deadline.windows.isEmpty())
        consider(deadline.to);
    return last;
}

bool ExecutionReport::isOverdue(const Measure &measure, const QDate &date) {
    if (measure.status == MeasureStatus::Done || !date.isValid())
        return false;
    return lastPassedDeadline(measure.deadline, date).isValid();
}

} // namespace objectivity::core
