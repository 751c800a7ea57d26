#pragma once
#include <vector>

namespace objectivity::core {

// The part of the spread of schools' estimates that their standard errors do not explain: the
// variance σ² of a school-level effect (a strong teacher of one year, a cohort that learned more)
// that a comparison of a school's own pupils does not see. The estimates dᵢ (centred on the
// region) with standard errors sᵢ are treated as N(0, sᵢ² + σ²) for the honest majority; σ² ≥ 0
// is the smallest value at which the robust SD (1.4826 · MAD) of dᵢ / √(sᵢ² + σ²) is at most 1 —
// resistant to the minority of schools with a manipulation. Added to a school's squared error it
// keeps its test honest where honest schools differ by more than their pupils' noise. With fewer
// than kMinSchools estimates σ² is not estimated (0).
struct ExcessSpread {
    static constexpr int kMinSchools = 30;
    double variance = 0;
    int schools = 0; // 0: not estimated

    static ExcessSpread of(const std::vector<double> &estimates,
                           const std::vector<double> &standardErrors);
    // This estimate shrunk towards a model's variance with the credibility k/(k + k₀) of its k
    // schools (Bühlmann; k₀ = kMinSchools), never below itself: a rough estimate from a few dozen
    // schools is raised where the model says honest schools differ more. Not estimated: the
    // model's.
    double towards(double model) const;
};

} // namespace objectivity::core
