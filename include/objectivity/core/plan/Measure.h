#pragma once
#include "objectivity/core/plan/Deadline.h"
#include "objectivity/core/plan/MeasureStatus.h"
#include "objectivity/core/plan/WindowMark.h"

#include <QDate>
#include <QStringList>

namespace objectivity::core {

// One row of the plan: a measure with its deadline, owners and expected result, and its execution.
struct Measure {
    qint64 id = 0;
    QString number; // as written: "1.1.", "3.14", "2."
    QString text;
    Deadline deadline;
    QStringList owners;
    QString expectedResult;
    MeasureStatus status = MeasureStatus::Planned;
    QDate completionDate;
    QString note; // evidence («Протокол ШМО №3 от 12.11.2024») or text the importer could not place
    // The execution of each window of a recurring measure (only the windows marked so far). A
    // measure with one window keeps its execution in status/completionDate/note above.
    QList<WindowMark> windowMarks;

    // Whether the execution is marked per window: the deadline has more than one window.
    bool isMarkedPerWindow() const { return deadline.windows.size() > 1; }
    // The mark of a window, or null when the window has none.
    const WindowMark *windowMark(const DateRange &window) const;
    // The status of one window: its mark; without one, «выполнено» when the whole measure is
    // done (a plan marked before the windows had statuses of their own), else «запланировано».
    MeasureStatus windowStatus(const DateRange &window) const;
    // Sets (or, for a Planned mark without date and note, removes) the mark of its window.
    void setWindowMark(const WindowMark &mark);
    // «август 2025 — выполнено; ноябрь 2025 — не выполнено» for every window of the deadline.
    QString windowStatusesText() const;

    static QString statusCode(MeasureStatus status); // "planned", "in_progress", "done", ...
    static MeasureStatus statusFromCode(const QString &code);
    static QString statusDisplayName(MeasureStatus status); // «запланировано», «в работе», ...

    friend bool operator==(const Measure &, const Measure &) = default;
};

} // namespace objectivity::core
