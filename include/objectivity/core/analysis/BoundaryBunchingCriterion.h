#pragma once
#include "objectivity/core/analysis/CriterionFinding.h"
#include "objectivity/core/analysis/CriterionInput.h"

namespace objectivity::core {

// boundary_bunching (after Dee, Dobbie, Jacob, Rockoff on the NY Regents exams): too many scores
// exactly at a mark boundary and too few just below it. For each boundary b (minFor3..5) three
// cells: below [b−w, b−1], at {b}, above [b+1, b+w−1] (windows of neighbouring boundaries never
// overlap); the region's shape in the window gives the cell chances pBelow, pAt. The statistic is
// the log likelihood ratio of "a share π = 0.7 of the works below moved to b" against that shape,
// U = Σ_b wA·at_b + wB·below_b with wA = ln(1 + π·pBelow/pAt), wB = ln(1 − π) (weights rounded to
// a lattice of 10 steps); p = P(U′ ≥ U) for independent multinomial windows (exact up to 80
// participants in the windows, the normal approximation beyond). Units with fewer than
// bunching.min_count participants in the windows are not tested. The effect: at least
// bunching.min_missing_share of the works expected below is missing and there are more than
// expected at the boundaries.
class BoundaryBunchingCriterion {
public:
    static CriterionFinding evaluate(const CriterionInput &in);
};

} // namespace objectivity::core
