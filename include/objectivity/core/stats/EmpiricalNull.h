#pragma once
#include <vector>

namespace objectivity::core {

// How widely a test's z spreads over the region's schools, where the formula's standard error is
// not the whole story (Efron 2004, «large-scale simultaneous hypothesis testing: the choice of a
// null hypothesis»): the same pupils in both compared groups make the true error smaller, real
// changes between years make it larger. The z of a school is then z / scale, with scale the
// robust SD (1.4826 · MAD) of the region's z — resistant to the minority of schools with a
// manipulation. Fewer than kMinSchools z: no calibration (scale 1).
struct EmpiricalNull {
    static constexpr int kMinSchools = 30;
    double scale = 1;
    int schools = 0; // 0: not calibrated

    static EmpiricalNull of(const std::vector<double> &regionZ);
};

} // namespace objectivity::core
