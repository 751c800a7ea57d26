#include "objectivity/core/stats/EmpiricalNull.h"

#include "objectivity/core/stats/RobustScale.h"

namespace objectivity::core {

EmpiricalNull EmpiricalNull::of(const std::vector<double> &regionZ) {
    EmpiricalNull e;
    if (static_cast<int>(regionZ.size()) < kMinSchools)
        return e;
    const double scale = RobustScale::madScale(regionZ);
    if (!(scale > 0))
        return e;
    e.scale = scale;
    e.schools = static_cast<int>(regionZ.size());
    return e;
}

} // namespace objectivity::core
