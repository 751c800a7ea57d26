#pragma once
#include "objectivity/core/plan/Plan.h"
#include "objectivity/storage/plan/PlanSummary.h"

#include <QList>
#include <QString>

namespace objectivity::cli {

// Plain-text renderings for the terminal: one plan (`plan show`) and the plan list (`plan list`).
class PlanTextView {
public:
    static QString plan(const core::Plan &plan);
    static QString table(const QList<storage::PlanSummary> &plans);
};

} // namespace objectivity::cli
