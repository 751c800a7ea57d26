#pragma once
#include "objectivity/core/common/DateRange.h"
#include "objectivity/core/plan/MeasureStatus.h"

#include <QString>

namespace objectivity::core {

// The execution of one window of a recurring measure («август 2025 — выполнено»): the window it
// marks (by its dates, as the deadline gives them), the status, the completion date and the
// evidence.
struct WindowMark {
    DateRange window;
    MeasureStatus status = MeasureStatus::Planned;
    QDate completionDate;
    QString note;

    friend bool operator==(const WindowMark &, const WindowMark &) = default;
};

} // namespace objectivity::core
