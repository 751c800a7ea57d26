#pragma once

namespace objectivity::core {

// The standard normal distribution.
class NormalDistribution {
public:
    static double cdf(double x);      // P(Z <= x)
    static double sf(double x);       // P(Z > x), accurate in the upper tail
    static double quantile(double p); // inverse of cdf (Wichura's AS 241, ~1e-16); ±inf at 0 / 1
};

} // namespace objectivity::core
