#pragma once
#include <vector>

namespace objectivity::core {

// Upper tails of S = X₁ + … + Xₙ: independent discrete Xᵢ on 0, 1, …, k (pupils' points, given
// in groups of equal distribution), by the saddlepoint approximation of Lugannani and Rice (1980).
// A sum of a few dozen skewed points — a weak school's points on hard tasks, mostly 0 — has a far
// longer upper tail than the normal of the same mean and variance: at z = 4 the normal p is often
// 10–100 times too small. The saddlepoint follows the skewness of every term: on a lattice, with
// Daniels's (1987) second continuity correction, it is within a few per cent of the exact tail
// far out (Butler 2007, «Saddlepoint Approximations with Applications», §1.2; checked against
// exact convolutions in SaddlepointTailTest). Within 24 points of the largest sum, where it is
// least accurate (a lumpy sum near its top: 0.7 to 2.7 times the exact tail), and wherever the
// exact convolution is cheap (a small unit, whose sum is lumpiest), the tail is exact.
class SaddlepointTail {
public:
    struct Group {
        double count = 0;                      // how many independent draws (a whole number)
        const double *probabilities = nullptr; // P(X = 0), …, P(X = k): sum to 1
        int size = 0;                          // k + 1
    };
    // P(S ≥ observed), S on its lattice (the span is found from the values with a probability).
    static double lattice(const std::vector<Group> &groups, double observed);
    // P(S ≥ observed) when every term's distribution is tilted by one θ ~ N(0, tiltVariance):
    // P(X = h | θ) ∝ P(X = h)·e^{θh} (a school's own shift of the tasks' difficulty — under the
    // Rasch model exactly this, whatever its pupils' level). The mixture over θ, by the lattice
    // saddlepoint at each θ (one root serves all: the tilted saddlepoint is t̂ − θ).
    static double latticeMixture(const std::vector<Group> &groups, double observed,
                                 double tiltVariance);
    // The Lugannani–Rice formula alone, never the exact convolution (but at the largest sum
    // itself): what the tests and check_stats.py hold against the exact tail.
    static double formula(const std::vector<Group> &groups, double observed,
                          double tiltVariance = 0);

private:
    static double tail(const std::vector<Group> &groups, double observed, double tiltVariance,
                       bool exactWhenCheap);
};

} // namespace objectivity::core
