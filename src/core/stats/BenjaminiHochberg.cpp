#include "objectivity/core/stats/BenjaminiHochberg.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace objectivity::core {

std::vector<double> BenjaminiHochberg::adjust(const std::vector<double> &pValues) {
    std::vector<double> q(pValues.size(), std::nan(""));
    std::vector<std::size_t> order;
    for (std::size_t i = 0; i < pValues.size(); ++i)
        if (!std::isnan(pValues[i]))
            order.push_back(i);
    const double m = static_cast<double>(order.size());
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return pValues[a] < pValues[b]; });
    double running = 1.0;
    for (std::size_t r = order.size(); r-- > 0;) {
        const double value = pValues[order[r]] * m / static_cast<double>(r + 1);
        running = std::min(running, value);
        q[order[r]] = std::min(1.0, running);
    }
    return q;
}

std::vector<double> BenjaminiHochberg::adjust(const std::vector<double> &pValues,
                                              const std::vector<double> &weights) {
    double sum = 0;
    int tests = 0;
    for (std::size_t i = 0; i < pValues.size(); ++i)
        if (!std::isnan(pValues[i])) {
            sum += std::max(0.0, weights.at(i));
            ++tests;
        }
    if (!(sum > 0))
        return adjust(pValues);
    const double mean = sum / tests;
    std::vector<double> scaled(pValues);
    for (std::size_t i = 0; i < scaled.size(); ++i) {
        if (std::isnan(scaled[i]))
            continue;
        const double w = std::max(0.0, weights[i]) / mean;
        scaled[i] = w > 0 ? std::min(1.0, scaled[i] / w) : 1.0;
    }
    return adjust(scaled);
}

} // namespace objectivity::core
