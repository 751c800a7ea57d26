#pragma once
#include "objectivity/core/analysis/CriterionFinding.h"
#include "objectivity/core/analysis/CriterionInput.h"

namespace objectivity::core {

// difficulty_inversion (ФИОКО 2018): easy tasks (level Б) done worse than the region while hard
// tasks (П/В) done better. Tested on the participants, against students of the same total score:
// for each primary score p the region gives the mean m_p and variance v_p of the points on П/В
// tasks; the school's observed П/В points O are compared with E = Σ n_p·m_p, V = Σ n_p·v_p,
// z = (O − E − ½)/√V, one-sided (a stratified test; with the total fixed, more points on hard
// tasks means fewer on easy ones). Effect: (O − E) as a share of the school's П/В maximum.
class DifficultyInversionCriterion {
public:
    static CriterionFinding evaluate(const CriterionInput &in);
};

} // namespace objectivity::core
