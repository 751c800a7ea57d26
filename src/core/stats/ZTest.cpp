#include "objectivity/core/stats/ZTest.h"

#include "objectivity/core/stats/NormalDistribution.h"

#include <cmath>

namespace objectivity::core {

TestResult ZTest::proportionsGreater(double x1, double n1, double x2, double n2) {
    TestResult r;
    if (n1 <= 0 || n2 <= 0)
        return r;
    const double p1 = x1 / n1;
    const double p2 = x2 / n2;
    const double pooled = (x1 + x2) / (n1 + n2);
    const double se = std::sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2));
    if (!(se > 0))
        return r;
    r.statistic = (p1 - p2) / se;
    r.pValue = NormalDistribution::sf(r.statistic);
    r.valid = true;
    return r;
}

TestResult ZTest::proportionAbove(double x, double n, double p0) {
    TestResult r;
    if (n <= 0 || !(p0 > 0) || !(p0 < 1))
        return r;
    const double se = std::sqrt(p0 * (1 - p0) / n);
    r.statistic = (x / n - p0) / se;
    r.pValue = NormalDistribution::sf(r.statistic);
    r.valid = true;
    return r;
}

TestResult ZTest::meansGreater(double mean1, double var1, double n1, double mean2, double var2,
                               double n2) {
    TestResult r;
    if (n1 < 2 || n2 < 2)
        return r;
    const double se = std::sqrt(var1 / n1 + var2 / n2);
    if (!(se > 0))
        return r;
    r.statistic = (mean1 - mean2) / se;
    r.pValue = NormalDistribution::sf(r.statistic);
    r.valid = true;
    return r;
}

TestResult ZTest::differenceGreater(double a, double seA, double b, double seB) {
    TestResult r;
    const double se = std::sqrt(seA * seA + seB * seB);
    if (!(se > 0) || !std::isfinite(se))
        return r;
    r.statistic = (a - b) / se;
    r.pValue = NormalDistribution::sf(r.statistic);
    r.valid = true;
    return r;
}

} // namespace objectivity::core
