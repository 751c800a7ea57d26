#include "objectivity/core/analysis/JournalSchoolBaseline.h"

#include "objectivity/core/stats/RobustScale.h"

#include <algorithm>
#include <cmath>
#include <unordered_map>

namespace objectivity::core {

JournalSchoolBaseline JournalSchoolBaseline::of(const std::vector<Entry> &entries, int minOthers) {
    JournalSchoolBaseline b;
    b.m_entries = entries;
    b.m_within.resize(entries.size());
    std::unordered_map<int, std::vector<std::size_t>> bySchool;
    for (std::size_t i = 0; i < entries.size(); ++i)
        bySchool[entries[i].school].push_back(i);
    std::vector<double> differences, variances;
    for (const auto &[school, members] : bySchool) {
        const int others = static_cast<int>(members.size()) - 1;
        for (const std::size_t i : members) {
            Within &w = b.m_within[i];
            w.others = others;
            if (others < std::max(1, minOthers))
                continue;
            std::vector<double> residuals, levels;
            residuals.reserve(members.size());
            levels.reserve(members.size());
            for (const std::size_t j : members)
                if (j != i) {
                    residuals.push_back(entries[j].residual);
                    levels.push_back(entries[j].level);
                }
            w.available = true;
            w.baseline = RobustScale::median(std::move(residuals));
            w.levelBaseline = RobustScale::median(std::move(levels));
            w.difference = entries[i].residual - w.baseline;
            differences.push_back(w.difference);
            variances.push_back(entries[i].samplingVariance);
        }
    }
    b.m_units = static_cast<int>(differences.size());
    if (b.m_units < kMinUnits)
        return b;
    b.m_centre = RobustScale::median(differences);
    std::vector<double> lenientSide;
    for (const double d : differences)
        if (d >= b.m_centre)
            lenientSide.push_back(d - b.m_centre);
    b.m_scale = 1.4826 * RobustScale::median(std::move(lenientSide));
    const double v = RobustScale::median(std::move(variances));
    b.m_withinSd = std::sqrt(std::max(0.0, b.m_scale * b.m_scale - v));
    return b;
}

double JournalSchoolBaseline::z(std::size_t entry) const {
    if (!valid() || entry >= m_within.size() || !m_within[entry].available)
        return std::nan("");
    const double sd = std::sqrt(m_withinSd * m_withinSd + m_entries[entry].samplingVariance);
    return sd > 0 ? (m_within[entry].difference - m_centre) / sd : std::nan("");
}

double JournalSchoolBaseline::t(std::size_t entry) const {
    if (!valid() || entry >= m_within.size() || !m_within[entry].available)
        return std::nan("");
    const double sd = std::sqrt(m_entries[entry].samplingVariance);
    return sd > 0 ? (m_within[entry].difference - m_centre) / sd : std::nan("");
}

} // namespace objectivity::core
