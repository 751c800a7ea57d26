#pragma once
#include <vector>

namespace objectivity::core {

// How much a share (graduates whose ГИА does not support their annual mark, aberrant works)
// differs honestly between schools beyond their pupils' chance, and the test of one school
// against the region with that spread. A school's count k of n is then beta-binomial with the
// reference share p₀ as its mean and the intra-class correlation ρ = σ²/(p₀(1 − p₀)) (its
// share's variance p₀(1 − p₀)/n + σ²·(n − 1)/n); at σ² = 0 it is the binomial.
class ShareSpread {
public:
    // One school's share against its reference, d = k/n − p₀, and its binomial variance
    // s² = p₀(1 − p₀)/n.
    struct Deviation {
        int k = 0, n = 0; // the school's count of n (n = 0: none)
        double p0 = 0;    // the reference share
        double d() const { return n > 0 ? double(k) / n - p0 : 0; }
        double variance() const { return n > 0 ? p0 * (1 - p0) / n : 0; }
    };

    // The variance σ² of the schools' shares beyond their binomial noise, by the method of
    // moments (DerSimonian and Laird): σ² = Σ(dᵢ − d̄)²/(m − 1) − Σsᵢ²/m, not below 0, over the
    // schools whose count is not beyond the others: its tail p with the current σ²
    // (upperTail()) not below kTrimAlpha/m — σ² from the median and the robust SD (1.4826·MAD)
    // at the start, then from the kept schools' moments, until the kept schools do not change;
    // 0 with fewer than kMinSchools.
    static double of(const std::vector<Deviation> &schools);
    // of() per group (one procedure), where a group of fewer than kMinSchools schools takes the
    // spread of its pool (all the groups with the same poolOf ≥ 0; a negative poolOf: none, 0).
    static std::vector<double> ofGroups(const std::vector<std::vector<Deviation>> &groups,
                                        const std::vector<int> &poolOf);
    // ρ of the beta-binomial with the reference share p₀ and the spread σ² (0: binomial), at
    // most 0.5.
    static double correlation(double p0, double spreadVariance);
    // P(X ≥ k) of a school's k of n: beta-binomial with mean p₀ and the spread σ², binomial at
    // σ² = 0.
    static double upperTail(int k, int n, double p0, double spreadVariance);

    static constexpr int kMinSchools = 30;
    static constexpr double kTrimAlpha = 0.05;
};

} // namespace objectivity::core
