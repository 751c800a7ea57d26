#pragma once
#include "objectivity/core/stats/TestResult.h"

#include <vector>

namespace objectivity::core {

// Mann–Whitney U test, one-sided (alternative: values of group A tend to be greater than those of
// group B), normal approximation with tie correction and continuity correction — the same as
// scipy.stats.mannwhitneyu(a, b, alternative="greater", method="asymptotic").
// statistic = U of group A.
class MannWhitney {
public:
    static TestResult greater(const std::vector<double> &a, const std::vector<double> &b);
    // The same test on counts over ordered categories (scores 0..K): countsA[k] members of A have
    // the k-th smallest value. O(K), used for a school against its whole region.
    static TestResult greaterFromCounts(const std::vector<double> &countsA,
                                        const std::vector<double> &countsB);
};

} // namespace objectivity::core
