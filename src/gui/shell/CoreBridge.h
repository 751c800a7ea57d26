#pragma once
// The few core operations the GUI calls, in one place (core::PlanNumbering, core::PlanOperations).
#include "objectivity/core/plan/Plan.h"

namespace objectivity::gui {

// Renumbers sections and measures in the plan's own style.
void renumberPlan(core::Plan &plan);
// A new draft copied from an approved plan (ids cleared, revision + 1, parent set).
core::Plan revisionOf(const core::Plan &approved);
// A copy of the plan moved to the next academic year (deadlines re-read, statuses reset).
core::Plan nextYearCopyOf(const core::Plan &plan);

} // namespace objectivity::gui
