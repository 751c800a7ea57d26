#pragma once
#include "objectivity/core/analysis/CriterionFinding.h"
#include "objectivity/core/analysis/CriterionInput.h"

#include <QList>

namespace objectivity::core {

// boundary_bunching (after Dee, Dobbie, Jacob, Rockoff on the NY Regents exams): too many scores
// exactly at a mark boundary and too few just below it, tested for each boundary on its own
// (a push over «3» only is not diluted by the other boundaries). For a boundary b and a width w
// three cells: below [b−w, b−1] (never at or below the previous boundary), at {b}, above
// [b+1, b+w−1] (never within W points of the next boundary, W = bunching.window); the region's
// shape in the window, tilted to the unit's level (h(x)·e^(λx) with the unit's mean: a strong
// school's rising density at «5» is not a bunch), gives the cell chances pBelow, pAt. The statistic
// is the log likelihood ratio of "a share π = 0.7 of the works below moved to b" against that
// shape, U = wA·at + wB·below with wA = ln(1 + π·pBelow/pAt), wB = ln(1 − π) (rounded to a lattice
// of 10 steps); p_w = P(U′ ≥ U) under the multinomial with the region's shares (exact up to 80
// works in the window, the normal approximation beyond). The push distance is unknown, so every
// width 1..W is tested and the boundary's p is W · min_w p_w (Bonferroni over the widths). One
// finding per boundary tested; the Benjamini–Hochberg correction runs over all boundaries of all
// units. A boundary with fewer than bunching.min_count works in its widest window is not tested.
// The effect (at the chosen width): more works at b than expected and at least
// bunching.min_missing_share of the works expected below missing.
class BoundaryBunchingCriterion {
public:
    static QList<CriterionFinding> evaluate(const CriterionInput &in);
};

} // namespace objectivity::core
