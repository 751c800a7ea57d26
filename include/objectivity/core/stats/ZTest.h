#pragma once
#include "objectivity/core/stats/TestResult.h"

namespace objectivity::core {

// One-sided z-tests (alternative: the first group is greater than the second).
class ZTest {
public:
    // Two proportions x1/n1 > x2/n2, pooled standard error (the classic two-sample z-test).
    static TestResult proportionsGreater(double x1, double n1, double x2, double n2);
    // A proportion x/n above a known reference proportion p0 (one-sample z-test).
    static TestResult proportionAbove(double x, double n, double p0);
    // Two means, unequal variances (Welch's statistic with the normal distribution; the groups here
    // have tens to thousands of members). Variances are sample variances (n - 1 denominator).
    static TestResult meansGreater(double mean1, double var1, double n1, double mean2, double var2,
                                   double n2);
    // Two estimates with known standard errors: z = (a − b)/√(seA² + seB²).
    static TestResult differenceGreater(double a, double seA, double b, double seB);
};

} // namespace objectivity::core
