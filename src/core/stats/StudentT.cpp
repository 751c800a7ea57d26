#include "objectivity/core/stats/StudentT.h"

#include "objectivity/core/stats/NormalDistribution.h"

#include <algorithm>

namespace objectivity::core {

double StudentT::quantile(double p, int df) {
    const double z = NormalDistribution::quantile(p), v = std::max(1, df);
    const double z3 = z * z * z, z5 = z3 * z * z, z7 = z5 * z * z;
    return z + (z3 + z) / (4 * v) + (5 * z5 + 16 * z3 + 3 * z) / (96 * v * v) +
           (3 * z7 + 19 * z5 + 17 * z3 - 15 * z) / (384 * v * v * v);
}

} // namespace objectivity::core
