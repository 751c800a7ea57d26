#include "objectivity/core/stats/ExcessSpread.h"

#include "objectivity/core/stats/RobustScale.h"

#include <algorithm>
#include <cmath>

namespace objectivity::core {

namespace {

// The robust SD of the estimates standardised with the extra variance v.
double scaleWith(const std::vector<double> &d, const std::vector<double> &se, double v) {
    std::vector<double> z(d.size());
    for (std::size_t i = 0; i < d.size(); ++i)
        z[i] = d[i] / std::sqrt(se[i] * se[i] + v);
    return RobustScale::madScale(z);
}

} // namespace

double ExcessSpread::towards(double model) const {
    if (schools == 0)
        return model;
    const double k = schools, k0 = kMinSchools;
    return std::max(variance, (k * variance + k0 * model) / (k + k0));
}

ExcessSpread ExcessSpread::of(const std::vector<double> &estimates,
                              const std::vector<double> &standardErrors) {
    ExcessSpread e;
    std::vector<double> d, se;
    for (std::size_t i = 0; i < estimates.size() && i < standardErrors.size(); ++i)
        if (std::isfinite(estimates[i]) && standardErrors[i] > 0) {
            d.push_back(estimates[i]);
            se.push_back(standardErrors[i]);
        }
    if (static_cast<int>(d.size()) < kMinSchools)
        return e;
    e.schools = static_cast<int>(d.size());
    if (!(scaleWith(d, se, 0) > 1))
        return e;
    // the scale falls as v grows; at v = (robust SD of d)² it is below 1
    double lo = 0, hi = std::pow(RobustScale::madScale(d), 2);
    if (!(hi > 0))
        return e;
    for (int i = 0; i < 60 && hi - lo > 1e-12 * hi; ++i) {
        const double mid = (lo + hi) / 2;
        (scaleWith(d, se, mid) > 1 ? lo : hi) = mid;
    }
    e.variance = hi;
    return e;
}

} // namespace objectivity::core
