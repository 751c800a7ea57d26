#pragma once
#include "objectivity/core/results/ProcedureKind.h"
#include "objectivity/core/results/TaskInfo.h"

#include <QList>

namespace objectivity::core {

// One procedure: ВПР 2024, grade 5, «Математика», with its tasks.
struct Procedure {
    qint64 id = 0;
    ProcedureKind kind = ProcedureKind::VPR;
    int year = 0;
    int grade = 0;
    QString subject; // canonical name
    QList<TaskInfo> tasks;

    int maxPrimary() const {
        int sum = 0;
        for (const auto &t : tasks)
            sum += t.maxPoints;
        return sum;
    }
    friend bool operator==(const Procedure &, const Procedure &) = default;
};

} // namespace objectivity::core
