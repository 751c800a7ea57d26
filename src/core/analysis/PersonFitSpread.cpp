#include "objectivity/core/analysis/PersonFitSpread.h"

#include "objectivity/core/analysis/PersonFitCriterion.h"
#include "objectivity/core/stats/ShareSpread.h"

#include <algorithm>

namespace objectivity::core {

PersonFitSpread PersonFitSpread::of(const PersonFitIndex &index, const AnalysisDataset &data,
                                    int minN) {
    const std::size_t procedures = static_cast<std::size_t>(data.procedures().size());
    std::vector<std::vector<ShareSpread::Deviation>> units(procedures), classes(procedures);
    const auto &all = data.units();
    for (std::size_t i = 0; i < all.size(); ++i) {
        const PersonFitIndex::ProcedureFit &pf = index.procedure(all[i].procedure);
        const PersonFitIndex::UnitFit &uf = index.unit(static_cast<int>(i));
        if (!pf.usable || uf.all.works < minN || pf.all.works <= uf.all.works)
            continue;
        // against the rest of the region, as the criterion tests the unit
        const double p0 = PersonFitCriterion::regionShare(
            {pf.all.works - uf.all.works, pf.all.aberrant - uf.all.aberrant});
        const std::size_t p = static_cast<std::size_t>(all[i].procedure);
        units[p].push_back({uf.all.aberrant, uf.all.works, p0});
        for (const PersonFitIndex::Counts &c : uf.classes)
            if (c.works >= minN && c.works < uf.all.works)
                classes[p].push_back({c.aberrant, c.works, p0});
    }
    std::vector<int> kindOf(procedures);
    for (std::size_t p = 0; p < procedures; ++p)
        kindOf[p] = static_cast<int>(data.procedures()[static_cast<int>(p)].kind);
    PersonFitSpread s;
    s.units = ShareSpread::ofGroups(units, kindOf);
    s.classes = ShareSpread::ofGroups(classes, kindOf);
    return s;
}

} // namespace objectivity::core
