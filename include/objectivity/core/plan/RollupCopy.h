#pragma once
#include "objectivity/core/plan/Measure.h"

#include <QDate>

namespace objectivity::core {

// One school's linked copy of a measure of a municipal plan, as the roll-up reads it: which
// municipal measure, which school (organization), which of its plans, and the copy with its
// execution marks.
struct RollupCopy {
    qint64 municipalMeasureId = 0;
    qint64 schoolId = 0; // the school's organization
    QString schoolName;
    QString schoolCode; // the login of the school in the results registry, when known
    qint64 planId = 0;
    QString planTitle;
    Measure measure;
    QDate overdueFloor; // DeadlineCheck::overdueFloor of the school's plan

    friend bool operator==(const RollupCopy &, const RollupCopy &) = default;
};

} // namespace objectivity::core
