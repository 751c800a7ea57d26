#pragma once
#include "objectivity/core/plan/ExecutionTotals.h"
#include "objectivity/core/plan/Plan.h"

#include <QDate>
#include <QList>

namespace objectivity::core {

// The execution report (отчёт об исполнении) of a plan on a date: every measure with its status,
// completion date, evidence note and whether it is overdue on that date, and totals per section and
// for the plan.
class ExecutionReport {
public:
    // One window of a recurring measure: «август 2025 — выполнено».
    struct WindowRow {
        DateRange window;
        QString label; // «август 2025»
        MeasureStatus status = MeasureStatus::Planned;
        QDate completionDate;
        QString note;
        bool overdue = false;
    };
    struct Row {
        const Measure *measure = nullptr; // points into the plan the report was built from
        MeasureStatus status = MeasureStatus::Planned;
        QDate completionDate;
        QString note;
        bool overdue = false;
        QDate
            missedDeadline; // the end of the last window that passed before the date, when overdue
        // Every window of a recurring measure (empty for a measure with one window); then
        // `status` is Done when all are, InProgress when some are, the measure's own otherwise.
        QList<WindowRow> windows;
        // «август 2025 — выполнено; ноябрь 2025 — не выполнено», empty without windows.
        QString windowsText() const;
    };
    struct SectionRows {
        const Section *section = nullptr;
        QList<Row> rows;
        ExecutionTotals totals;
    };

    // The plan must outlive the report (rows point into it).
    ExecutionReport(const Plan &plan, const QDate &date);

    const QDate &date() const { return m_date; }
    const QList<SectionRows> &sections() const { return m_sections; }
    const ExecutionTotals &totals() const { return m_totals; }

    // Whether the measure is overdue on `date`: a window of its deadline ended before that day (and
    // not before `floor`, see DeadlineCheck::overdueFloor) and the measure — for a recurring
    // measure, that window — is not done.
    static bool isOverdue(const Measure &measure, const QDate &date, const QDate &floor = {});
    // The end of the latest deadline window that ended before `date` (null when none).
    static QDate lastPassedDeadline(const Deadline &deadline, const QDate &date);
    // The end of the latest window that makes the measure overdue on `date` (null when none).
    static QDate missedDeadline(const Measure &measure, const QDate &date, const QDate &floor = {});

private:
    QDate m_date;
    QList<SectionRows> m_sections;
    ExecutionTotals m_totals;
};

} // namespace objectivity::core
