#pragma once
#include <vector>

namespace objectivity::core {

// Median and the median absolute deviation, resistant to a minority of outliers (the schools
// with planted or real manipulations among the region's).
class RobustScale {
public:
    // The median (the mean of the two middle values for an even count); 0 for no values.
    static double median(std::vector<double> values);
    // 1.4826 × median |x − median|: the standard deviation of normal values, resistant to
    // outliers; NaN for fewer than two values.
    static double madScale(const std::vector<double> &values);
};

} // namespace objectivity::core
