#pragma once
#include "objectivity/core/analysis/AnalysisDataset.h"
#include "objectivity/core/analysis/PersonFitIndex.h"

#include <vector>

namespace objectivity::core {

// The region's spread of the aberrant share beyond chance (ShareSpread), per procedure: between
// its units and, apart, between their classes (one teacher each: classes differ more than
// schools), each of at least min_participants works, against the rest of the region. A procedure
// of fewer than ShareSpread::kMinSchools units (classes) takes the spread of all the procedures of
// its kind (ВПР, ОГЭ, ЕГЭ): a municipality analysed alone still allows for it.
struct PersonFitSpread {
    std::vector<double> units, classes; // per procedure of the dataset

    static PersonFitSpread of(const PersonFitIndex &index, const AnalysisDataset &data, int minN);
};

} // namespace objectivity::core
