#include "objectivity/core/stats/ExcessSpreadGroups.h"

namespace objectivity::core {

void ExcessSpreadGroups::add(qint64 group, qint64 pool, double estimate, double standardError) {
    Sample &g = m_groups[group];
    g.estimates.push_back(estimate);
    g.errors.push_back(standardError);
    g.pool = pool;
    if (pool >= 0) {
        Sample &p = m_pools[pool];
        p.estimates.push_back(estimate);
        p.errors.push_back(standardError);
    }
}

void ExcessSpreadGroups::estimate() {
    for (Sample &g : m_groups)
        g.spread = ExcessSpread::of(g.estimates, g.errors);
    for (Sample &p : m_pools)
        p.spread = ExcessSpread::of(p.estimates, p.errors);
}

ExcessSpread ExcessSpreadGroups::own(qint64 group) const {
    const auto g = m_groups.constFind(group);
    return g == m_groups.cend() ? ExcessSpread{} : g->spread;
}

double ExcessSpreadGroups::variance(qint64 group) const {
    const auto g = m_groups.constFind(group);
    if (g == m_groups.cend())
        return 0;
    if (g->spread.schools > 0)
        return g->spread.variance;
    const auto p = m_pools.constFind(g->pool);
    return p != m_pools.cend() && p->spread.schools > 0 ? p->spread.variance : 0;
}

} // namespace objectivity::core
