#pragma once
#include "objectivity/core/analysis/AnalysisSettings.h"
#include "objectivity/core/analysis/CriterionFinding.h"
#include "objectivity/core/analysis/PersonFitIndex.h"

#include <vector>

namespace objectivity::core {

// person_fit (docs/methodology.md): the share of aberrant works of a unit — works whose normed
// polytomous Guttman errors G^p_normed exceed the region's cut-off for their band of total
// scores (PersonFitIndex) — against the share in the rest of the region. Exact binomial test,
// one-sided: k aberrant of n, P(X ≥ k), X ~ Bin(n, p0), p0 = the region's aberrant share without
// the unit (at least ½ work). Effect: k ≥ person_fit.min_count and 100·(k/n − p0) ≥
// person_fit.min_excess_pp (one or two odd works never make a sign).
//
// Classes: where the unit has two or more classes of at least `min_participants` works, each is
// tested the same way; the most extreme class gets a Šidák correction for the choice among the K
// classes, 1 − (1 − p_min)^K (exact for independent classes: they share no works), and the
// finding is the better of the parallel and that class, each p doubled (Bonferroni for the two
// looks). A finding driven by a class names it (label «класс 5Б»).
//
// Schools differ honestly in this share beyond their pupils' chance: a teacher who taught one
// topic well makes a task that is hard for the region easy for the school, and its works look
// aberrant against the region's order of difficulty. With the region's spread σ² of the share
// between units (between classes for a class; ShareSpread::of, robust to the units with a sign)
// the count is beta-binomial with mean p0 instead of binomial (ShareSpread::upperTail); σ² = 0
// gives the binomial test above.
class PersonFitCriterion {
public:
    struct ClassCounts {
        QString name; // «5Б»
        PersonFitIndex::Counts counts;
    };

    static CriterionFinding evaluate(const AnalysisSettings &settings,
                                     const PersonFitIndex::Counts &unit,
                                     const PersonFitIndex::Counts &region,
                                     double spreadVariance = 0);
    static CriterionFinding evaluate(const AnalysisSettings &settings,
                                     const PersonFitIndex::Counts &unit,
                                     const PersonFitIndex::Counts &region,
                                     const std::vector<ClassCounts> &classes, double unitSpread = 0,
                                     double classSpread = 0);
    // p0: the region's aberrant share, at least ½ work (so that the tests never see p0 = 0).
    static double regionShare(const PersonFitIndex::Counts &region);
    // A finding marked not tested because the procedure has no person-fit (too few tasks with
    // points or works in the region).
    static CriterionFinding notApplicable();
};

} // namespace objectivity::core
