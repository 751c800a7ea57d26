#pragma once
#include "objectivity/core/results/MarkScale.h"
#include "objectivity/core/results/Procedure.h"

#include <QList>

namespace objectivity::simulation {

class Rng;

// A procedure of the generated region with its measurement model: each task has a difficulty and a
// discrimination (graded response model, one logistic curve per score step).
struct GeneratedProcedure {
    core::Procedure procedure;
    core::MarkScale scale;
    QList<double> difficulty;     // per task
    QList<double> discrimination; // per task
    // Lower asymptote of every step curve (a three-parameter model: a weak student still scores a
    // step by guessing with this chance); 0 = the graded response model.
    double guessing = 0;

    // P(points >= step) for a task at ability theta, step 1..max.
    double stepProbability(int task, int step, double theta) const;
    double expectedPoints(int task, double theta) const;
    double expectedPrimary(double theta) const;
    int samplePoints(int task, double theta, Rng &rng) const;
    // A continuous mark whose rounding is the scale's mark (2.5 at minFor3, 3.5 at minFor4 ...).
    double continuousMark(double primary) const;
    // ЕГЭ test score for a primary score (0 when the scale has none).
    int testScoreFor(int primary) const;
    bool isEge() const { return procedure.kind == core::ProcedureKind::EGE; }
};

} // namespace objectivity::simulation
