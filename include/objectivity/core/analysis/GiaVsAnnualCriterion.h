#pragma once
#include "objectivity/core/analysis/CriterionFinding.h"
#include "objectivity/core/analysis/CriterionInput.h"

namespace objectivity::core {

// gia_vs_annual: among students with an annual «4» or «5», the share whose ГИА does not support
// it — annual «5» with ОГЭ «3» or lower (ЕГЭ: a test score below gia_annual.ege_low_score), or
// annual «4»–«5» and failed (ОГЭ «2»; ЕГЭ below the minimum) — far above the region.
class GiaVsAnnualCriterion {
public:
    struct Counts {
        int base = 0;       // students with annual «4»/«5» and a ГИА result
        int discordant = 0; // of them, the ГИА does not support the annual mark
    };
    static Counts count(const UnitAccumulator &acc, const ProcedureLayout &layout, int egeLowScore);
    static CriterionFinding evaluate(const CriterionInput &in);
};

} // namespace objectivity::core
