#pragma once
#include "objectivity/core/analysis/AnalysisSettings.h"
#include "objectivity/core/analysis/CriterionFinding.h"

#include <array>
#include <cmath>
#include <vector>

namespace objectivity::core {

// high_results_unconfirmed «по совокупности сравнений»: a ВПР result above everything that could
// confirm it, taken together. Three comparisons test the same result against independent
// references: the school's own ГИА (HighResultsCriterion::evaluate), the school's own journal
// (evaluateAgainstJournal) and the same pupils a year later (cohort_drop, cohort_unconfirmed).
// A weak school whose ВПР was raised to «good» often sits at z 2.5–3.5 in each: none passes the
// correction of its own family, together they are a discovery.
//
// The comparisons share the ВПР result, so their z are correlated under honesty: Stouffer's sum
// with the correlation, Z = Σzᵢ / √(k + 2 Σᵢ<ⱼ ρᵢⱼ) over the k ≥ 2 comparisons the unit has,
// one-sided p = Φ̄(Z). ρᵢⱼ is each pair's Pearson correlation over the run's ВПР units that have
// both (z clipped to ±6), taken at the upper end of its 95 % interval (Fisher's z) and at least 0 —
// the larger ρ, the smaller Z —, and 1 (no gain from combining) with fewer than kMinPairs units.
// The effect: every comparison of the unit points the same way, each zᵢ ≥
// high_results.combined_min_z (after the correction: choosing the family by the zᵢ would break it).
// Corrected in its own family («combined»). Not tested at a school exempt from
// high_results_unconfirmed, where the school's ГИА is clearly above the region
// (HighResultsCriterion::confirmedAbove), or with fewer than two comparisons.
class CombinedConfirmation {
public:
    enum Part { Gia, Journal, Cohort };
    static constexpr int kParts = 3;
    static constexpr int kMinPairs = 30;
    static constexpr double kClip = 6;

    // What one ВПР unit's comparisons gave: z per part (NaN: not compared).
    struct Parts {
        std::array<double, kParts> z{std::nan(""), std::nan(""), std::nan("")};
        bool exempt = false;   // gymnasium, lyceum, advanced study of the subject
        bool giaAbove = false; // the school's ГИА clearly above the region
        QString skipText;      // why, in the ГИА comparison's words (the reason when not tested)
        int count() const;
        bool has(Part p) const { return !std::isnan(z[static_cast<std::size_t>(p)]); }
    };
    // The correlation of each pair of parts over the run (pair index: pairIndex).
    struct Correlation {
        std::array<double, 3> rho{1, 1, 1}; // the value used: upper bound, in [0, 1]
        std::array<double, 3> estimate{0, 0, 0};
        std::array<int, 3> units{0, 0, 0};
    };
    static int pairIndex(Part a, Part b);
    static Correlation correlationOf(const std::vector<Parts> &parts);
    // The combined z (NaN with fewer than two parts).
    static double combinedZ(const Parts &parts, const Correlation &correlation);
    static CriterionFinding evaluate(const Parts &parts, const Correlation &correlation,
                                     const AnalysisSettings &settings);
};

} // namespace objectivity::core
