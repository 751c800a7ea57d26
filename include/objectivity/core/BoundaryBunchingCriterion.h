#pragma once
#include "objectivity/core/CriterionFinding.h"
#include "objectivity/core/CriterionInput.h"

namespace objectivity::core {

// boundary_bunching (after Dee, Dobbie, Jacob, Rockoff on the NY Regents exams): too many scores
// at or just above a mark boundary and too few just below it. For each boundary b (minFor3..5)
// the window below [b−w, b−1] and at/above [b, b+w−1]; the region's shape gives the expected
// share at/above. Pooled over the boundaries: K at/above of M in the windows against
// E = Σ M_b·q_b; p = P(K' ≥ K) for K' a sum of independent Bernoulli(q_b) over the M participants
// (exact Poisson-binomial tail; the normal approximation z = (K − E − ½)/√Σ M_b·q_b(1−q_b) for
// M > 2000). Units with M below bunching.min_count are not tested.
class BoundaryBunchingCriterion {
public:
    static CriterionFinding evaluate(const CriterionInput &in);
};

} // namespace objectivity::core
