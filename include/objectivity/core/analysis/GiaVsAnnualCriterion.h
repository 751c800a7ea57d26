#pragma once
#include "objectivity/core/analysis/CriterionFinding.h"
#include "objectivity/core/analysis/CriterionInput.h"

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
    // graduates' chance (spread()); 0 = the binomial test against the region's share, else the
    // beta-binomial with that spread. levelShare ≥ 0: the share expected of a school at the
    // unit's level of ГИА results (GiaAnnualLevel, at `position`), the reference instead of the
    // region's share (which the explanation still gives).
    static CriterionFinding evaluate(const CriterionInput &in, double spreadVariance = 0,
                                     double levelShare = -1, double position = 0);

    // One school's discordant share against the region's, d = k/n − p₀, and its binomial
    // variance s² = p₀(1 − p₀)/n.
    struct Deviation {
        int k = 0, n = 0; // the school's discordant graduates of n (n = 0: none)
        double p0 = 0;    // the region's share
        double d() const { return n > 0 ? double(k) / n - p0 : 0; }
        double variance() const { return n > 0 ? p0 * (1 - p0) / n : 0; }
    };
    static Deviation deviation(const Counts &school, const Counts &region);
    // Schools differ in how generous their annual marks are, honestly too: the variance σ² of
    // the schools' shares beyond their binomial noise, by the method of moments (DerSimonian and
    // Laird): σ² = Σ(dᵢ − d̄)²/(m − 1) − Σsᵢ²/m, not below 0, over the schools whose count is not
    // beyond the others: its tail p with the current σ² (the test of evaluate()) not below
    // kTrimAlpha/m — σ² from the median and the robust SD (1.4826·MAD) at the start, then from the
    // kept schools' moments, until the kept schools do not change; 0 with fewer than kMinSchools.
    static double spread(const std::vector<Deviation> &schools);
    static constexpr int kMinSchools = 30;
    static constexpr double kTrimAlpha = 0.05;
};

} // namespace objectivity::core
