#pragma once
#include "objectivity/core/analysis/AnalysisDataset.h"

#include <vector>

namespace objectivity::core {

// Person-fit of every work of a dataset against its procedure's region (PersonFit), computed once
// before the criteria: per procedure the item steps from the proportions of all its works, the
// normed polytomous Guttman errors G^p_normed of each work, the region's cut-off per band of total
// scores (the `percentile`-th percentile of G^p_normed among the works of the band; a band is one
// total score, or neighbouring scores merged until it holds `minBand` works), and per unit and per
// class the number of aberrant works (G^p_normed above the cut-off of its band). Works whose
// G^p_normed is undefined (total 0 or the maximum) count as works, never as aberrant. A percentile
// of 0 turns person-fit off (no procedure is usable).
class PersonFitIndex {
public:
    struct Counts {
        int works = 0;
        int aberrant = 0;
    };
    struct ProcedureFit {
        bool usable = false; // tasks with points and at least `minRegion` works
        Counts all;
        int bands = 0;
        int tasks = 0;
        int steps = 0;
    };
    struct UnitFit {
        Counts all;
        std::vector<Counts> classes; // as AnalysisDataset::Unit::classNames
    };

    PersonFitIndex(const AnalysisDataset &data, double percentile, int minBand, int minRegion,
                   int threads = 2);

    const ProcedureFit &procedure(int index) const {
        return m_procedures[static_cast<std::size_t>(index)];
    }
    const UnitFit &unit(int index) const { return m_units[static_cast<std::size_t>(index)]; }
    double percentile() const { return m_percentile; }

private:
    void build(const AnalysisDataset &data, int procedure, const std::vector<int> &units,
               int minBand, int minRegion);

    std::vector<ProcedureFit> m_procedures;
    std::vector<UnitFit> m_units;
    double m_percentile = 99;
};

} // namespace objectivity::core
