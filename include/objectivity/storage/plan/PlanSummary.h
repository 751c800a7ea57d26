#pragma once
#include "objectivity/core/common/AcademicPeriod.h"
#include "objectivity/core/plan/Plan.h"

#include <QString>

namespace objectivity::storage {

// One line of the plan list.
struct PlanSummary {
    qint64 id = 0;
    QString title;
    qint64 organizationId = 0;
    QString organizationName;
    core::AcademicPeriod period;
    core::PlanStatus status = core::PlanStatus::Draft;
    int revision = 1;
    qint64 parentPlanId = 0;
    int measureCount = 0;
    int doneCount = 0;
};

} // namespace objectivity::storage
