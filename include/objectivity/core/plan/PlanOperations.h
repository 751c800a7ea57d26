#pragma once
#include "objectivity/core/plan/Plan.h"

namespace objectivity::core {

// Making new plans from existing ones. Pure functions: the source plan is not changed and nothing
// is stored.
class PlanOperations {
public:
    // A new draft revision of an (approved) plan: every id zeroed, parentPlanId = the source's id,
    // revision + 1, status Draft, the approval's order number, date and appendix line cleared
    // (the approver's position and name kept). Execution marks are kept.
    static Plan makeRevision(const Plan &plan);

    // The plan for the academic year(s) `years` later: period and title shifted, every deadline
    // text with explicit years rewritten ("Март 2024 г." → "Март 2025 г.") and re-parsed against
    // the new period, measures reset to Planned with no completion date or evidence note, approval
    // cleared, status Draft, a new plan (ids zeroed, no parent, revision 1, no import warnings or
    // source file).
    static Plan copyToNextAcademicYear(const Plan &plan, int years = 1);

    // Every year written in a text moved by `years`: "2022-2024" → "2023-2025", "09.02.2024" →
    // "09.02.2025" (29.02 becomes 28.02 when needed), "2023/24" → "2024/25".
    static QString shiftYears(const QString &text, int years);
};

} // namespace objectivity::core
