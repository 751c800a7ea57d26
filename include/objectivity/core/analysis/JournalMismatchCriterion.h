#pragma once
#include "objectivity/core/analysis/CriterionFinding.h"
#include "objectivity/core/analysis/CriterionInput.h"

namespace objectivity::core {

// journal_mismatch_lenient: far more «понизили» (mark < journal mark) than the region — journal
// marks more lenient than the result; journal_mismatch_inflated: far more «повысили» (mark >
// journal mark) — the result above what the teacher's marks support. Two-proportion z-test,
// one-sided, and a minimum difference in percentage points.
class JournalMismatchCriterion {
public:
    static CriterionFinding evaluateLenient(const CriterionInput &in);
    static CriterionFinding evaluateInflated(const CriterionInput &in);
};

} // namespace objectivity::core
