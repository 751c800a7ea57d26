#include "objectivity/core/analysis/GiaAnnualLevel.h"

#include <algorithm>
#include <cmath>

namespace objectivity::core {

GiaAnnualLevel GiaAnnualLevel::fit(const std::vector<School> &schools, double regionShare) {
    GiaAnnualLevel line;
    line.m_flat = regionShare;
    std::vector<const School *> used;
    for (const School &s : schools)
        if (s.base > 0 && std::isfinite(s.position))
            used.push_back(&s);
    if (used.size() < static_cast<std::size_t>(kMinSchools))
        return line;
    std::stable_sort(used.begin(), used.end(),
                     [](const School *a, const School *b) { return a->position < b->position; });
    // each group: its mean position, the logit of its pooled share and its graduates (the weight)
    double sw = 0, sx = 0, sy = 0, sxx = 0, sxy = 0;
    for (int g = 0; g < kGroups; ++g) {
        const std::size_t from = used.size() * static_cast<std::size_t>(g) / kGroups;
        const std::size_t to = used.size() * static_cast<std::size_t>(g + 1) / kGroups;
        double n = 0, k = 0, position = 0;
        for (std::size_t i = from; i < to; ++i) {
            n += used[i]->base;
            k += used[i]->discordant;
            position += used[i]->position;
        }
        position /= double(to - from);
        const double share = (k + 0.5) / (n + 1);
        const double y = std::log(share / (1 - share));
        sw += n;
        sx += n * position;
        sy += n * y;
        sxx += n * position * position;
        sxy += n * position * y;
        if (g == 0)
            line.m_low = position;
        if (g == kGroups - 1)
            line.m_high = position;
    }
    const double det = sw * sxx - sx * sx;
    if (!(det > 0) || !(line.m_high > line.m_low))
        return line;
    line.m_b = (sw * sxy - sx * sy) / det;
    line.m_a = (sy - line.m_b * sx) / sw;
    line.m_fitted = true;
    return line;
}

double GiaAnnualLevel::expected(double position) const {
    if (!m_fitted || std::isnan(position))
        return m_flat;
    const double x = std::clamp(position, m_low, m_high);
    return 1 / (1 + std::exp(-(m_a + m_b * x)));
}

} // namespace objectivity::core
