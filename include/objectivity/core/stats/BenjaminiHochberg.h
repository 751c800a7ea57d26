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
};

} // namespace objectivity::core
