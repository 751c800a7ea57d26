#pragma once
#include <vector>

namespace objectivity::core {

// Spearman's rank correlation with ties (Pearson correlation of average ranks), as
// scipy.stats.spearmanr. NaN when undefined (fewer than 2 pairs or a constant variable).
class SpearmanCorrelation {
public:
    static double rho(const std::vector<double> &x, const std::vector<double> &y);
    // From a joint table of counts: table[i*ky + j] pairs with x = i-th smallest and y = j-th
    // smallest value (values themselves do not matter, only their order).
    static double rhoFromTable(const std::vector<double> &table, int kx, int ky);
};

} // namespace objectivity::core
