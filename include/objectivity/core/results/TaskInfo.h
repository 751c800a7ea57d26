#pragma once
#include <QString>

namespace objectivity::core {

// Difficulty level of a task as ФИС ОКО marks it: Б (базовый), П (повышенный), В (высокий).
enum class TaskLevel { Unknown, Basic, Advanced, High };

// One task of a procedure: its label as written («9.1»), its maximum points and level where known.
struct TaskInfo {
    QString label;
    int maxPoints = 0;
    TaskLevel level = TaskLevel::Unknown;

    friend bool operator==(const TaskInfo &, const TaskInfo &) = default;
};

// П and В: the hard tasks of the analysis (its hard share, difficulty_inversion's tilt). Where
// the levels are inferred (TaskLevelInference), the hard tasks are Advanced and the others Basic.
constexpr bool isHardLevel(TaskLevel level) {
    return level == TaskLevel::Advanced || level == TaskLevel::High;
}

// «Б», «П», «В», or "" for Unknown — the codes used in files, JSON and the database.
QString taskLevelCode(TaskLevel level);
// Reads «Б»/«П»/«В» (also Latin look-alikes, «базовый», «повышенный», «высокий»); Unknown
// otherwise.
TaskLevel taskLevelFromText(const QString &text);

} // namespace objectivity::core
