#pragma once
#include "objectivity/core/results/Procedure.h"

#include <vector>

namespace objectivity::core {

// What the accumulation needs to know about a procedure, computed once: the level of each task,
// the maxima, the mark boundaries (from a scale or read off the data).
struct ProcedureLayout {
    int maxPrimary = 0;
    bool ege = false;
    std::vector<TaskLevel> levels; // per task
    std::vector<int> taskMax;      // per task
    int maxEasy = 0;               // sum of maxima of level Б tasks
    int maxHard = 0;               // sum of maxima of level П and В tasks
    // the levels were not given: the hard tasks are those the region solves worst
    // (TaskLevelInference), Advanced = hard, Basic = the others
    bool levelsInferred = false;
    int minFor[6] = {0, 0, 0, 0, 0, 0}; // lowest primary score for mark 3, 4, 5 (0 = unknown)
    int minTestScore = 0;               // ЕГЭ: minimum test score (0 = unknown)

    static ProcedureLayout fromProcedure(const Procedure &procedure);
    bool hasLevels() const { return maxEasy > 0 && maxHard > 0; }
};

} // namespace objectivity::core
