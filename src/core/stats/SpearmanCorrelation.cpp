#include "objectivity/core/stats/SpearmanCorrelation.h"

#include "objectivity/core/stats/Ranking.h"

#include <cmath>
#include <limits>

namespace objectivity::core {

namespace {
// The weighted Pearson correlation of the points forEach gives (forEach(f) calls f(x, y, weight)
// for each point, twice): the ranks of a sample, or the cells of a table without copying them.
template <class ForEach> double weightedPearson(ForEach &&forEach) {
    double n = 0, mx = 0, my = 0;
    forEach([&](double x, double y, double w) {
        n += w;
        mx += w * x;
        my += w * y;
    });
    if (n < 2)
        return std::numeric_limits<double>::quiet_NaN();
    mx /= n;
    my /= n;
    double sxy = 0, sxx = 0, syy = 0;
    forEach([&](double x, double y, double w) {
        sxy += w * (x - mx) * (y - my);
        sxx += w * (x - mx) * (x - mx);
        syy += w * (y - my) * (y - my);
    });
    if (!(sxx > 0) || !(syy > 0))
        return std::numeric_limits<double>::quiet_NaN();
    return sxy / std::sqrt(sxx * syy);
}
} // namespace

double SpearmanCorrelation::rho(const std::vector<double> &x, const std::vector<double> &y) {
    if (x.size() != y.size() || x.size() < 2)
        return std::numeric_limits<double>::quiet_NaN();
    const std::vector<double> rx = Ranking::averageRanks(x), ry = Ranking::averageRanks(y);
    return weightedPearson([&](auto &&f) {
        for (std::size_t i = 0; i < rx.size(); ++i)
            f(rx[i], ry[i], 1.0);
    });
}

double SpearmanCorrelation::rhoFromTable(const std::vector<double> &table, int kx, int ky) {
    if (kx < 1 || ky < 1 || table.size() < static_cast<std::size_t>(kx * ky))
        return std::numeric_limits<double>::quiet_NaN();
    // average rank of each category from the margins
    std::vector<double> rowSum(static_cast<std::size_t>(kx), 0.0),
        colSum(static_cast<std::size_t>(ky), 0.0);
    for (int i = 0; i < kx; ++i)
        for (int j = 0; j < ky; ++j) {
            const double c = table[static_cast<std::size_t>(i * ky + j)];
            rowSum[static_cast<std::size_t>(i)] += c;
            colSum[static_cast<std::size_t>(j)] += c;
        }
    auto midRanks = [](const std::vector<double> &counts) {
        std::vector<double> r(counts.size());
        double below = 0;
        for (std::size_t i = 0; i < counts.size(); ++i) {
            r[i] = below + (counts[i] + 1) / 2.0;
            below += counts[i];
        }
        return r;
    };
    const std::vector<double> rx = midRanks(rowSum), ry = midRanks(colSum);
    // the weighted Pearson correlation of the cells' ranks, without copying the cells (called
    // for every unit and its region)
    return weightedPearson([&](auto &&f) {
        for (int i = 0; i < kx; ++i)
            for (int j = 0; j < ky; ++j) {
                const double c = table[static_cast<std::size_t>(i * ky + j)];
                if (c > 0)
                    f(rx[static_cast<std::size_t>(i)], ry[static_cast<std::size_t>(j)], c);
            }
    });
}

} // namespace objectivity::core
