#include "objectivity/core/stats/WeightedKappa.h"

#include <cmath>
#include <limits>

namespace objectivity::core {

double WeightedKappa::quadratic(const std::vector<int> &a, const std::vector<int> &b,
                                int minCategory, int maxCategory) {
    const int k = maxCategory - minCategory + 1;
    if (k < 2 || a.size() != b.size())
        return std::numeric_limits<double>::quiet_NaN();
    std::vector<double> table(static_cast<std::size_t>(k * k), 0.0);
    for (std::size_t i = 0; i < a.size(); ++i) {
        const int x = a[i] - minCategory;
        const int y = b[i] - minCategory;
        if (x < 0 || y < 0 || x >= k || y >= k)
            continue;
        table[static_cast<std::size_t>(x * k + y)] += 1;
    }
    return quadraticFromTable(table, k);
}

double WeightedKappa::quadraticFromTable(const std::vector<double> &table, int k) {
    const double nan = std::numeric_limits<double>::quiet_NaN();
    if (k < 2 || table.size() < static_cast<std::size_t>(k * k))
        return nan;
    std::vector<double> rows(static_cast<std::size_t>(k), 0.0),
        cols(static_cast<std::size_t>(k), 0.0);
    double n = 0;
    for (int i = 0; i < k; ++i)
        for (int j = 0; j < k; ++j) {
            const double c = table[static_cast<std::size_t>(i * k + j)];
            rows[static_cast<std::size_t>(i)] += c;
            cols[static_cast<std::size_t>(j)] += c;
            n += c;
        }
    if (n <= 0)
        return nan;
    double observed = 0, expected = 0;
    const double denom = static_cast<double>((k - 1) * (k - 1));
    for (int i = 0; i < k; ++i)
        for (int j = 0; j < k; ++j) {
            const double w = static_cast<double>((i - j) * (i - j)) / denom;
            observed += w * table[static_cast<std::size_t>(i * k + j)] / n;
            expected +=
                w * rows[static_cast<std::size_t>(i)] * cols[static_cast<std::size_t>(j)] / (n * n);
        }
    if (!(expected > 0))
        return nan;
    return 1.0 - observed / expected;
}

} // namespace objectivity::core
