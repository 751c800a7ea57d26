#include "objectivity/core/stats/RobustScale.h"

#include <algorithm>
#include <cmath>

namespace objectivity::core {

double RobustScale::median(std::vector<double> v) {
    if (v.empty())
        return 0;
    const std::size_t h = v.size() / 2;
    std::nth_element(v.begin(), v.begin() + static_cast<std::ptrdiff_t>(h), v.end());
    const double upper = v[h];
    if (v.size() % 2)
        return upper;
    const double lower = *std::max_element(v.begin(), v.begin() + static_cast<std::ptrdiff_t>(h));
    return (lower + upper) / 2;
}

double RobustScale::madScale(const std::vector<double> &values) {
    if (values.size() < 2)
        return std::nan("");
    const double centre = median(values);
    std::vector<double> distances;
    distances.reserve(values.size());
    for (const double v : values)
        distances.push_back(std::abs(v - centre));
    return 1.4826 * median(std::move(distances));
}

} // namespace objectivity::core
