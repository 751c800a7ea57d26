#pragma once
#include "objectivity/core/plan/FindingRef.h"
#include "objectivity/core/plan/Measure.h"

namespace objectivity::core {

// One measure the analysis proposes for a school's plan: the filled-in measure, the finding it
// answers and the template it came from (the pair tells whether the plan already has it).
struct MeasureProposal {
    FindingRef finding;
    qint64 templateId = 0;
    Measure measure;
};

} // namespace objectivity::core
