#pragma once
#include "objectivity/core/plan/Deadline.h"

#include <QDate>
#include <QStringList>

namespace objectivity::core {

enum class MeasureStatus { Planned, InProgress, Done, NotDone, Postponed };

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

    static QString statusCode(MeasureStatus status); // "planned", "in_progress", "done", ...
    static MeasureStatus statusFromCode(const QString &code);
    static QString statusDisplayName(MeasureStatus status); // «запланировано», «в работе», ...

    friend bool operator==(const Measure &, const Measure &) = default;
};

} // namespace objectivity::core
