#pragma once
#include <vector>

namespace objectivity::core {

// Cohen's kappa with quadratic weights between two ratings on the same ordered scale (a test mark
// and the journal mark). 1 = full agreement, 0 = agreement expected by chance.
class WeightedKappa {
public:
    // Ratings are integers in [minCategory, maxCategory]; pairs outside are ignored.
    // Returns NaN when undefined (no pairs, or both raters constant).
    static double quadratic(const std::vector<int> &a, const std::vector<int> &b, int minCategory,
                            int maxCategory);
    // From a k×k table of counts, row-major: table[i*k + j] = pairs with a = i-th and b = j-th
    // category.
    static double quadraticFromTable(const std::vector<double> &table, int k);
};

} // namespace objectivity::core
