#pragma once
#include "objectivity/core/CriterionFinding.h"
#include "objectivity/core/CriterionInput.h"

namespace objectivity::core {

// difficulty_inversion (ФИОКО 2018): easy tasks (level Б) done worse than the region while hard
// tasks (П/В) done better. Tested on the participants: per participant the index
// (hard % − easy %), Mann–Whitney one-sided against the region's participants.
class DifficultyInversionCriterion {
public:
    static CriterionFinding evaluate(const CriterionInput &in);
};

} // namespace objectivity::core
