#pragma once
#include "objectivity/core/stats/ExcessSpread.h"

#include <QHash>

#include <vector>

namespace objectivity::core {

// ExcessSpread per group of comparisons (one pair of procedures, one ВПР procedure), with a
// wider pool to fall back to where a group has fewer than ExcessSpread::kMinSchools schools (all
// the procedures of one kind of comparison).
class ExcessSpreadGroups {
public:
    // One school's estimate (centred on the region) and its standard error; pool < 0: none.
    void add(qint64 group, qint64 pool, double estimate, double standardError);
    // Estimates every group and pool; call once, after the last add().
    void estimate();
    // The group's extra variance, or its pool's where the group is too small, or 0.
    double variance(qint64 group) const;
    // The group's own estimate (schools 0: too few to estimate, or no such group).
    ExcessSpread own(qint64 group) const;

private:
    struct Sample {
        std::vector<double> estimates, errors;
        qint64 pool = -1;
        ExcessSpread spread;
    };
    QHash<qint64, Sample> m_groups, m_pools;
};

} // namespace objectivity::core
