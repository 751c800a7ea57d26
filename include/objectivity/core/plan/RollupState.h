#pragma once
#include <QString>

namespace objectivity::core {

// Where one school stands with one linked measure on the date of a roll-up (each copy is in
// exactly one state):
//  - Done: done (a recurring measure: every window done);
//  - Overdue: a window ended before the date and is not done, or the measure is marked «не
//    выполнено» (the same rules as the execution report: ExecutionReport::missedDeadline);
//  - InProgress: «в работе», «перенесено», or some windows of a recurring measure done;
//  - NotStarted: «запланировано» and nothing overdue.
enum class RollupState { Done, InProgress, Overdue, NotStarted };

class RollupStates {
public:
    static QString displayName(RollupState state); // «выполнено», «в работе», ...
    static QString code(RollupState state);        // "done", "in_progress", "overdue", ...
};

} // namespace objectivity::core
