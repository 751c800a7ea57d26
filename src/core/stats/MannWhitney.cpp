#include "objectivity/core/stats/MannWhitney.h"

#include "objectivity/core/stats/NormalDistribution.h"
#include "objectivity/core/stats/Ranking.h"

#include <algorithm>
#include <cmath>

namespace objectivity::core {

namespace {
TestResult finish(double u1, double n1, double n2, double tieTerm) {
    TestResult r;
    const double n = n1 + n2;
    if (n1 <= 0 || n2 <= 0)
        return r;
    const double mean = n1 * n2 / 2.0;
    const double var = n1 * n2 / 12.0 * ((n + 1) - tieTerm / (n * (n - 1)));
    r.statistic = u1;
    if (!(var > 0))
        return r;
    const double z = (u1 - mean - 0.5) / std::sqrt(var);
    r.pValue = NormalDistribution::sf(z);
    r.valid = true;
    return r;
}
} // namespace

TestResult MannWhitney::greater(const std::vector<double> &a, const std::vector<double> &b) {
    std::vector<double> all;
    all.reserve(a.size() + b.size());
    all.insert(all.end(), a.begin(), a.end());
    all.insert(all.end(), b.begin(), b.end());
    const std::vector<double> ranks = Ranking::averageRanks(all);
    double r1 = 0;
    for (std::size_t i = 0; i < a.size(); ++i)
        r1 += ranks[i];
    const double n1 = static_cast<double>(a.size());
    return finish(r1 - n1 * (n1 + 1) / 2.0, n1, static_cast<double>(b.size()),
                  Ranking::tieTerm(all));
}

TestResult MannWhitney::greaterFromCounts(const std::vector<double> &countsA,
                                          const std::vector<double> &countsB) {
    const std::size_t k = std::max(countsA.size(), countsB.size());
    double n1 = 0, n2 = 0, r1 = 0, tie = 0, below = 0;
    for (std::size_t i = 0; i < k; ++i) {
        const double ca = i < countsA.size() ? countsA[i] : 0;
        const double cb = i < countsB.size() ? countsB[i] : 0;
        const double t = ca + cb;
        if (t <= 0)
            continue;
        // members of this category occupy ranks below+1 .. below+t, mean rank below + (t+1)/2
        r1 += ca * (below + (t + 1) / 2.0);
        tie += t * t * t - t;
        below += t;
        n1 += ca;
        n2 += cb;
    }
    return finish(r1 - n1 * (n1 + 1) / 2.0, n1, n2, tie);
}

} // namespace objectivity::core
