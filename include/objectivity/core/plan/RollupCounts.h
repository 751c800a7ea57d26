#pragma once
#include "objectivity/core/plan/RollupState.h"

namespace objectivity::core {

// Linked copies counted by state, for one municipal measure or one school.
struct RollupCounts {
    int total = 0;
    int done = 0;
    int inProgress = 0;
    int overdue = 0;
    int notStarted = 0;

    void add(RollupState state);
    // done / total, 0..1 (0 for none).
    double doneShare() const { return total > 0 ? double(done) / total : 0.0; }

    friend bool operator==(const RollupCounts &, const RollupCounts &) = default;
};

} // namespace objectivity::core
