#include "objectivity/core/results/ProcedureLayout.h"

namespace objectivity::core {

ProcedureLayout ProcedureLayout::fromProcedure(const Procedure &procedure) {
    ProcedureLayout l;
    l.ege = procedure.kind == ProcedureKind::EGE;
    for (const TaskInfo &t : procedure.tasks) {
        l.levels.push_back(t.level);
        l.taskMax.push_back(t.maxPoints);
        l.maxPrimary += t.maxPoints;
        if (t.level == TaskLevel::Basic)
            l.maxEasy += t.maxPoints;
        else if (isHardLevel(t.level))
            l.maxHard += t.maxPoints;
    }
    return l;
}

} // namespace objectivity::core
