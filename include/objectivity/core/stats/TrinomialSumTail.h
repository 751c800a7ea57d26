#pragma once
#include <vector>

namespace objectivity::core {

// Upper tail of U = Σ_j (wA_j·A_j + wB_j·B_j), where (A_j, B_j, C_j) ~ Multinomial(m_j; pA_j, pB_j,
// 1 − pA_j − pB_j) are independent and the weights are integers (wA > 0 > wB in the use here).
// exact() convolves the components' distributions (cost ≈ product of two components' ranges);
// normal() is the approximation with continuity correction for large counts.
class TrinomialSumTail {
public:
    struct Component {
        int m = 0;
        double pA = 0, pB = 0;
        int wA = 0, wB = 0;
    };

    // P(U >= u), exact.
    static double exact(const std::vector<Component> &components, long long u);
    // P(U >= u) by the normal approximation (mean and variance of U, ½ continuity correction).
    static double normal(const std::vector<Component> &components, long long u);
};

} // namespace objectivity::core
