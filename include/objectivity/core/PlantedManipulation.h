#pragma once
#include "objectivity/core/Manipulation.h"
#include "objectivity/core/ProcedureKind.h"

#include <QString>

namespace objectivity::core {

// One row of the generator's ground truth: which unit (year, procedure, grade, subject, school)
// carries which manipulation. Medals are a school's grade-11 matter: their subject is empty.
struct PlantedManipulation {
    int year = 0;
    ProcedureKind kind = ProcedureKind::VPR;
    int grade = 0;
    QString subject;
    QString schoolCode;
    Manipulation manipulation = Manipulation::HelpHardTasks;

    friend bool operator==(const PlantedManipulation &, const PlantedManipulation &) = default;
};

} // namespace objectivity::core
