#pragma once
#include "objectivity/core/results/ProcedureKind.h"
#include "objectivity/simulation/Manipulation.h"

#include <QString>

namespace objectivity::simulation {

// One row of the generator's ground truth: which unit (year, procedure, grade, subject, school)
// carries which manipulation. Medals are a school's grade-11 matter: their subject is empty.
struct PlantedManipulation {
    int year = 0;
    core::ProcedureKind kind = core::ProcedureKind::VPR;
    int grade = 0;
    QString subject;
    QString schoolCode;
    Manipulation manipulation = Manipulation::HelpHardTasks;

    friend bool operator==(const PlantedManipulation &, const PlantedManipulation &) = default;
};

} // namespace objectivity::simulation
