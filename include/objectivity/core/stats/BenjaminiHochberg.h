#pragma once
#include <vector>

namespace objectivity::core {

// Benjamini–Hochberg (1995) false discovery rate control.
class BenjaminiHochberg {
public:
    // Adjusted p-values (q-values) in the input order: q_(i) = min_{j>=i} p_(j) * m / j, capped
    // at 1 (as scipy.stats.false_discovery_control(method="bh")). A unit is flagged at level α
    // when q <= α. NaN inputs stay NaN and do not count in m.
    static std::vector<double> adjust(const std::vector<double> &pValues);
    // Weighted BH (Genovese, Roeder, Wasserman 2006, Biometrika 93, 509–524): the weights, fixed
    // before the data are seen, are scaled to a mean of 1 over the non-NaN tests, and the usual BH
    // runs on p/w (capped at 1; a test of weight 0 gets q = 1). FDR stays at α; a test of weight 2
    // needs half the p it would need with equal weights. Equal weights give adjust(pValues).
    static std::vector<double> adjust(const std::vector<double> &pValues,
                                      const std::vector<double> &weights);
};

} // namespace objectivity::core
