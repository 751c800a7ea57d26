#include "objectivity/core/stats/BenjaminiHochberg.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <utility>

namespace objectivity::core {

std::vector<double> BenjaminiHochberg::adjust(const std::vector<double> &pValues) {
    std::vector<double> q(pValues.size(), std::nan(""));
    // (p, index) pairs sorted together: ties in the order of the input, as a stable sort of the
    // indices by p, with the values side by side in memory
    std::vector<std::pair<double, std::size_t>> order;
    order.reserve(pValues.size());
    for (std::size_t i = 0; i < pValues.size(); ++i)
        if (!std::isnan(pValues[i]))
            order.emplace_back(pValues[i], i);
    const double m = static_cast<double>(order.size());
    std::sort(order.begin(), order.end());
    double running = 1.0;
    for (std::size_t r = order.size(); r-- > 0;) {
        const double value = order[r].first * m / static_cast<double>(r + 1);
        running = std::min(running, value);
        q[order[r].second] = std::min(1.0, running);
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
