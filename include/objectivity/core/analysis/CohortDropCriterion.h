#pragma once
#include "objectivity/core/analysis/AnalysisSettings.h"
#include "objectivity/core/analysis/CriterionFinding.h"
#include "objectivity/core/stats/EmpiricalNull.h"

namespace objectivity::core {

// cohort_drop: the grade-4 result of year Y far above the region while the same school's grade 5
// in Y+1 (the same cohort, the same subject) is not. cohort_unconfirmed: the same for a ВПР of
// grades 5–7 and the next grade a year later, only where the pupils are linked by their code.
// Positions are standardised against the region each year: d = (school mean % − region mean %) /
// region SD. z = (d4 − d5) / √(1/n4 + 1/n5). Where participant codes link the pupils' two works
// (PupilLink), the drop is that of the linked pupils themselves: mean of (z4 − z5) against the
// region's, its standard error from the pooled within-school spread of a pupil's difference — who
// the pupils are cancels out.
class CohortDropCriterion {
public:
    struct Side {
        int year = 0;
        int n = 0;
        double position = 0;
        double meanPercent = 0;
        double regionPercent = 0;
        int grade = 4; // 4: cohort_drop; 5–7: cohort_unconfirmed
    };
    // The drop of the pupils whose two works are linked by their code.
    struct Linked {
        int n = 0;
        double drop = 0;
        double standardError = 0;
        double correlation = 0; // of a pupil's two works within schools, over the region
        // the region's spread of such drops between schools beyond their pupils' noise (teachers:
        // ExcessSpread), as an SD; already in standardError
        double excessSd = 0;
    };
    // linked: null when the codes do not link the works (the comparison of the two parallels);
    // unlinkedWhy: why not, for the reason of an untested cohort_unconfirmed; calibration: the
    // region's drops tᵢ = Dᵢ/√(1/n₄ + 1/n₅) (EmpiricalNull), z = D / (scale · √(1/n₄ + 1/n₅))
    static CriterionFinding evaluate(const Side &grade4, const Side &grade5,
                                     const AnalysisSettings &settings,
                                     const Linked *linked = nullptr,
                                     const QString &unlinkedWhy = QString(),
                                     const EmpiricalNull *calibration = nullptr);
};

} // namespace objectivity::core
