#pragma once
#include "objectivity/core/results/Procedure.h"
#include "objectivity/core/results/ProcedureLayout.h"

#include <QStringList>

#include <cstdint>
#include <vector>

namespace objectivity::core {

// Where the data gives no task levels (Б/П/В: a results file without the description of the work,
// another source's export), the hard tasks are read off the region's own results: the tasks sorted
// by the region's solve rate (points over the maximum) split where the rates break into two groups
// (two-means weighted by the tasks' maxima), the hard group holding at most kMaxHardShare of the
// sum of the task maxima; the others count as basic. This is what difficulty_inversion needs: help
// shows as many points on the tasks the region finds hard, at a given primary score. The data
// cannot tell when the work has fewer than kMinTasks tasks, the region fewer than kMinWorks works,
// or the hard group is solved less than kMinGap (a share of the maximum) worse than the others:
// then the layout keeps no levels.
class TaskLevelInference {
public:
    static constexpr double kMaxHardShare = 2.0 / 3.0;
    static constexpr int kMinTasks = 4;
    static constexpr long long kMinWorks = 100;
    static constexpr double kMinGap = 0.10;

    // `taskPoints`: the region's points per task (not attempted = 0) over `works` works. Sets
    // `layout.levels` (Advanced = hard, Basic = the others), maxEasy, maxHard and levelsInferred;
    // false (the layout unchanged) when the layout already has levels or the data cannot tell.
    static bool apply(ProcedureLayout &layout, const std::vector<std::int64_t> &taskPoints,
                      long long works);
    // The labels of the tasks a layout with inferred levels takes as hard («7», «9.1»; a task
    // without a label by its number), empty for given levels.
    static QStringList hardTaskLabels(const Procedure &procedure, const ProcedureLayout &layout);
};

} // namespace objectivity::core
