#pragma once
#include "objectivity/core/analysis/CriterionFinding.h"
#include "objectivity/core/analysis/CriterionInput.h"

#include <vector>

namespace objectivity::core {

// difficulty_inversion (ФИОКО 2018): easy tasks (level Б) done worse than the region while hard
// tasks (П/В) done better. Tested on the participants, against students of the same total score:
// for each primary score p the region gives the mean m_p and variance v_p of the points on П/В
// tasks; the school's observed П/В points O are compared with E = Σ n_p·m_p, V = Σ n_p·v_p,
// z = (O − E − ½)/√V, one-sided (a stratified test; with the total fixed, more points on hard
// tasks means fewer on easy ones). Effect: (O − E) as a share of the school's П/В maximum.
//
// Classes: help in one class of a parallel is diluted by the honest classes, so where the unit has
// two or more classes of at least `min_participants` each, every such class is tested the same way
// and the finding is the better of the parallel and its most extreme class, with a Bonferroni
// correction for the choice: p = min(2·p_parallel, 2·K·min p_class) over the K classes tested
// (valid whatever the classes' dependence). A finding driven by a class names it (label
// «класс 5Б»).
class DifficultyInversionCriterion {
public:
    struct ClassCounts {
        QString name; // «5Б»
        const UnitAccumulator *counts = nullptr;
    };

    static CriterionFinding evaluate(const CriterionInput &in);
    static CriterionFinding evaluate(const CriterionInput &in,
                                     const std::vector<ClassCounts> &classes);
};

} // namespace objectivity::core
