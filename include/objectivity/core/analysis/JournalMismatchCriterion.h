#pragma once
#include "objectivity/core/analysis/CriterionFinding.h"
#include "objectivity/core/analysis/CriterionInput.h"
#include "objectivity/core/analysis/JournalSpread.h"

namespace objectivity::core {

// Signs of non-objective current marks (kind CurrentAssessment), from the journal shift
// «повысили − понизили» of the unit against the spread of the schools of its procedure
// (JournalSpread):
// - journal_mismatch_lenient: far more «понизили» (mark < journal mark) than schools usually have
//   — the journal marks are more lenient than the independent result;
// - journal_mismatch_strict: far more «повысили» (mark > journal mark), the ВПР result not above
//   the region — the journal marks are stricter than the independent result;
// - journal_mismatch_inflated: far more «повысили» and the ВПР result above the region by at least
//   journal.inflated_position — the result is above what the teacher's own marks support.
// The per-unit test is the two-proportion z-test of the school's «понизили» («повысили») against
// the region (one-sided); the effect needs |robust z| ≥ journal.min_robust_z.
class JournalMismatchCriterion {
public:
    // Fewer schools with journal marks in the procedure: the spread is not estimated.
    static constexpr int kMinSchools = 5;

    static CriterionFinding evaluateLenient(const CriterionInput &in, const JournalSpread &spread,
                                            double position);
    static CriterionFinding evaluateStrict(const CriterionInput &in, const JournalSpread &spread,
                                           double position);
    static CriterionFinding evaluateInflated(const CriterionInput &in, const JournalSpread &spread,
                                             double position);
};

} // namespace objectivity::core
