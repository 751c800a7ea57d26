#include "objectivity/core/plan/RollupCounts.h"

namespace objectivity::core {

void RollupCounts::add(RollupState state) {
    ++total;
    switch (state) {
    case RollupState::Done:
        ++done;
        break;
    case RollupState::InProgress:
        ++inProgress;
        break;
    case RollupState::Overdue:
        ++overdue;
        break;
    case RollupState::NotStarted:
        ++notStarted;
        break;
    }
}

} // namespace objectivity::core
