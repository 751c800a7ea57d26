#pragma once
#include "objectivity/core/common/DateRange.h"
#include "objectivity/core/plan/Measure.h"

namespace objectivity::core {

// One measure in the «Сроки» lists: where it comes from and the window that put it there.
struct DueEntry {
    qint64 planId = 0;
    QString planTitle;
    QString organization; // the plan's organization and period, to name it briefly
    QString period;
    QString sectionNumber;
    Measure measure; // a copy
    DateRange window;

    friend bool operator==(const DueEntry &, const DueEntry &) = default;
};

} // namespace objectivity::core
