#include "objectivity/core/plan/ExecutionReport.h"

#include "objectivity/core/plan/DeadlineCheck.h"

namespace objectivity::core {

ExecutionReport::ExecutionReport(const Plan &plan, const QDate &date) : m_date(date) {
    const QDate floor = DeadlineCheck::overdueFloor(plan);
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
            row.missedDeadline = missedDeadline(m, date, floor);
            row.overdue = row.missedDeadline.isValid();
            if (m.isMarkedPerWindow()) {
                int done = 0;
                for (const DateRange &w : m.deadline.windows) {
                    WindowRow wr;
                    wr.window = w;
                    wr.label = Deadline::windowLabel(w);
                    wr.status = m.windowStatus(w);
                    if (const WindowMark *mark = m.windowMark(w)) {
                        wr.completionDate = mark->completionDate;
                        wr.note = mark->note;
                    }
                    wr.overdue = wr.status != MeasureStatus::Done &&
                                 DeadlineCheck::windowCountsAsOverdue(w, m.deadline, date, floor);
                    done += wr.status == MeasureStatus::Done ? 1 : 0;
                    row.windows.append(wr);
                }
                if (done == row.windows.size())
                    row.status = MeasureStatus::Done;
                else if (done > 0 && row.status == MeasureStatus::Planned)
                    row.status = MeasureStatus::InProgress;
                else if (row.status == MeasureStatus::Done) // some windows reopened
                    row.status = MeasureStatus::InProgress;
            }
            sr.totals.add(row.status, row.overdue);
            sr.rows.append(row);
        }
        m_totals += sr.totals;
        m_sections.append(sr);
    }
}

QString ExecutionReport::Row::windowsText() const {
    QStringList parts;
    for (const WindowRow &w : windows) {
        QString part = w.label + QStringLiteral(" — ") + Measure::statusDisplayName(w.status);
        if (w.completionDate.isValid())
            part += QStringLiteral(" ") + w.completionDate.toString(QStringLiteral("dd.MM.yyyy"));
        if (w.overdue)
            part += QStringLiteral(" (просрочено)");
        parts << part;
    }
    return parts.join(QStringLiteral("; "));
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

QDate ExecutionReport::missedDeadline(const Measure &measure, const QDate &date,
                                      const QDate &floor) {
    if (!date.isValid())
        return {};
    const Deadline &deadline = measure.deadline;
    if (deadline.windows.isEmpty()) {
        if (measure.status == MeasureStatus::Done ||
            deadline.recurrence == DeadlineRecurrence::AsNeeded)
            return {};
        const QDate end = lastPassedDeadline(deadline, date);
        return floor.isValid() && end.isValid() && end < floor ? QDate() : end;
    }
    if (!measure.isMarkedPerWindow() && measure.status == MeasureStatus::Done)
        return {};
    QDate last;
    for (const DateRange &w : deadline.windows)
        if (measure.windowStatus(w) != MeasureStatus::Done &&
            DeadlineCheck::windowCountsAsOverdue(w, deadline, date, floor) &&
            (!last.isValid() || w.to > last))
            last = w.to;
    return last;
}

bool ExecutionReport::isOverdue(const Measure &measure, const QDate &date, const QDate &floor) {
    return missedDeadline(measure, date, floor).isValid();
}

} // namespace objectivity::core
