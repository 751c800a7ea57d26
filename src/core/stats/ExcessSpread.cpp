#include "objectivity/core/stats/ExcessSpread.h"

#include "objectivity/core/stats/RobustScale.h"

#include <algorithm>
#include <cmath>

namespace objectivity::core {

namespace {

// The robust SD of the estimates standardised with the extra variance v, minus 1: positive below
// the root, at most 0 above it. The buffers are reused across the evaluations of one search.
class ScaleAbove {
public:
    ScaleAbove(const std::vector<double> &d, const std::vector<double> &se) : m_d(d), m_se(se) {
        m_z.resize(d.size());
    }
    double operator()(double v) {
        for (std::size_t i = 0; i < m_d.size(); ++i)
            m_z[i] = m_d[i] / std::sqrt(m_se[i] * m_se[i] + v);
        return RobustScale::madScale(m_z) - 1;
    }

private:
    const std::vector<double> &m_d, &m_se;
    std::vector<double> m_z;
};

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
    ScaleAbove g(d, se);
    double gLo = g(0);
    if (!(gLo > 0))
        return e;
    // the scale falls as v grows; at v = (robust SD of d)² it is below 1
    double lo = 0, hi = std::pow(RobustScale::madScale(d), 2);
    if (!(hi > 0))
        return e;
    double gHi = g(hi);
    // the smallest v with scale ≤ 1, to 1e-12 of itself: regula falsi with the Illinois step
    // (the side that stays is halved), which keeps the bracket of a bisection and needs a few
    // evaluations where a bisection needs forty (each sorts every school twice)
    int side = 0;
    for (int i = 0; i < 200 && hi - lo > 1e-12 * hi; ++i) {
        double mid = gLo > 0 && gHi < 0 ? hi - gHi * (hi - lo) / (gHi - gLo) : (lo + hi) / 2;
        if (!(mid > lo && mid < hi))
            mid = (lo + hi) / 2;
        const double gMid = g(mid);
        if (gMid > 0) {
            lo = mid;
            gLo = gMid;
            if (side == -1)
                gHi /= 2;
            side = -1;
        } else {
            hi = mid;
            gHi = gMid;
            if (side == 1)
                gLo /= 2;
            side = 1;
        }
    }
    e.variance = hi;
    return e;
}

} // namespace objectivity::core
