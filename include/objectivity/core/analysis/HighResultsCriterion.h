#pragma once
#include "objectivity/core/analysis/CriterionFinding.h"
#include "objectivity/core/analysis/CriterionInput.h"

namespace objectivity::core {

// high_results_unconfirmed (ФИОКО 2018): ВПР results clearly above the region, in a school that is
// not a гимназия/лицей/school with advanced study of the subject, not confirmed by the school's
// own ОГЭ/ЕГЭ in the subject. Welch z-test on the mean % of the maximum.
class HighResultsCriterion {
public:
    static bool exempt(const School &school, const QString &subject);
    // position: the unit's standardised position against the region.
    static CriterionFinding evaluate(const CriterionInput &in, double position,
                                     const GiaEvidence &gia);
};

} // namespace objectivity::core
