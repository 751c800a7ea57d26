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
    // The variant (not in ground_truth.csv). boundary_push: the mark whose boundary is pushed
    // (3, 4 or 5; 0 = every boundary) and how many points below it are raised (1–3);
    // medals_unsupported: how many medals are given without support (0 = 12 % of the grade, at
    // least 2); help_hard_tasks, lenient_journal: the one class concerned (GeneratedStudent's
    // classIndex; -1 = every class of the parallel).
    int boundary = 0;
    int distance = 0;
    int count = 0;
    int classIndex = -1;

    friend bool operator==(const PlantedManipulation &, const PlantedManipulation &) = default;
};

} // namespace objectivity::simulation
