#pragma once
#include "objectivity/core/analysis/AnalysisSettings.h"
#include "objectivity/core/analysis/CriterionFinding.h"

namespace objectivity::core {

// cohort_drop: the grade-4 result of year Y far above the region while the same school's grade 5
// in Y+1 (the same cohort, the same subject) is not. Positions are standardised against the region
// each year: d = (school mean % − region mean %) / region SD. z = (d4 − d5) / √(1/n4 + 1/n5).
class CohortDropCriterion {
public:
    struct Side {
        int year = 0;
        int n = 0;
        double position = 0;
        double meanPercent = 0;
        double regionPercent = 0;
    };
    static CriterionFinding evaluate(const Side &grade4, const Side &grade5,
                                     const AnalysisSettings &settings);
};

} // namespace objectivity::core
