#pragma once

#include <QString>

namespace objectivity::core {

// Where a procedure's task levels (Б/П/В: difficulty_inversion's hard tasks) come from.
enum class TaskLevelSource {
    None,     // not a procedure's unit (the medals of a school-year)
    Given,    // the description of the work (tasks.csv, the procedure's tasks)
    Inferred, // not given: the tasks the region solves worst (TaskLevelInference)
    Absent,   // not given, and the region's results cannot tell (or no task points)
};

// «given», «inferred», «absent», empty for None (JSON `task_levels`)
inline QString taskLevelSourceCode(TaskLevelSource s) {
    switch (s) {
    case TaskLevelSource::Given:
        return QStringLiteral("given");
    case TaskLevelSource::Inferred:
        return QStringLiteral("inferred");
    case TaskLevelSource::Absent:
        return QStringLiteral("absent");
    case TaskLevelSource::None:
        break;
    }
    return {};
}

} // namespace objectivity::core
