#pragma once
#include "objectivity/core/plan/Measure.h"

namespace objectivity::core {

// Counts of measures by execution status, for a section or a whole plan. `overdue` counts measures
// whose deadline passed without being done; they are also counted under their status.
struct ExecutionTotals {
    int total = 0;
    int done = 0;
    int notDone = 0;
    int postponed = 0; // «перенесено»
    int inProgress = 0;
    int planned = 0;
    int overdue = 0;

    void add(MeasureStatus status, bool isOverdue);
    ExecutionTotals &operator+=(const ExecutionTotals &other);
    // Share of done measures, 0..100 (0 for an empty set).
    int donePercent() const;
    // «всего 12, выполнено 5, не выполнено 1, перенесено 0, в работе 2, запланировано 4, просрочено
    // 1»
    QString describe() const;

    friend bool operator==(const ExecutionTotals &, const ExecutionTotals &) = default;
};

} // namespace objectivity::core
