#pragma once
#include "objectivity/core/analysis/CriterionFinding.h"
#include "objectivity/core/analysis/CriterionInput.h"
#include "objectivity/core/stats/ShareSpread.h"

namespace objectivity::core {

// gia_vs_annual: among students with an annual «4» or «5», the share whose ГИА does not support
// it — annual «5» with ОГЭ «3» or lower (ЕГЭ: a test score below gia_annual.ege_low_score), or
// annual «4»–«5» and failed (ОГЭ «2»; ЕГЭ below the minimum) — far above the region.
class GiaVsAnnualCriterion {
public:
    struct Counts {
        int base = 0;       // students with annual «4»/«5» and a ГИА result
        int discordant = 0; // of them, the ГИА does not support the annual mark
        bool testScores = false; // ЕГЭ by test score; else by mark (ОГЭ, ЕГЭ Математика (база))
    };
    static Counts count(const UnitAccumulator &acc, const ProcedureLayout &layout, int egeLowScore);
    // The region's share of discordant graduates, never 0 (half a graduate): the binomial and the
    // beta-binomial need p₀ > 0.
    static double regionShare(const Counts &region);
    // spreadVariance: the region's spread of the discordant share between schools beyond their
    // graduates' chance (ShareSpread::of); 0 = the binomial test against the region's share, else
    // the beta-binomial with that spread. levelShare ≥ 0: the share expected of a school at the
    // unit's level of ГИА results (GiaAnnualLevel, at `position`), the reference instead of the
    // region's share (which the explanation still gives).
    static CriterionFinding evaluate(const CriterionInput &in, double spreadVariance = 0,
                                     double levelShare = -1, double position = 0);

    // One school's discordant share against the region's (ShareSpread::Deviation).
    using Deviation = ShareSpread::Deviation;
    static Deviation deviation(const Counts &school, const Counts &region);
};

} // namespace objectivity::core
