#pragma once
#include <vector>

namespace objectivity::core {

// Ranks with ties: tied values share the mean of the ranks they occupy (1-based).
class Ranking {
public:
    static std::vector<double> averageRanks(const std::vector<double> &values);
    // Sum over tie groups of (t^3 - t), the tie correction used by rank tests.
    static double tieTerm(const std::vector<double> &values);
};

} // namespace objectivity::core
