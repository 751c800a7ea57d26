#include "objectivity/simulation/GeneratedProcedure.h"

#include "objectivity/simulation/Rng.h"

#include <algorithm>
#include <cmath>

namespace objectivity::simulation {

double GeneratedProcedure::stepProbability(int task, int step, double theta) const {
    const int max = procedure.tasks.at(task).maxPoints;
    const double b = difficulty.at(task) + (step - (max + 1) / 2.0) * 0.6;
    const double logistic = 1.0 / (1.0 + std::exp(-1.7 * discrimination.at(task) * (theta - b)));
    return guessing + (1.0 - guessing) * logistic;
}

double GeneratedProcedure::expectedPoints(int task, double theta) const {
    double sum = 0;
    for (int k = 1; k <= procedure.tasks.at(task).maxPoints; ++k)
        sum += stepProbability(task, k, theta);
    return sum;
}

double GeneratedProcedure::expectedPrimary(double theta) const {
    double sum = 0;
    for (int t = 0; t < procedure.tasks.size(); ++t)
        sum += expectedPoints(t, theta);
    return sum;
}

int GeneratedProcedure::samplePoints(int task, double theta, Rng &rng) const {
    // The step curves are ordered (higher steps lie to the right), so one uniform draw decides.
    const double u = rng.uniform();
    int points = 0;
    for (int k = 1; k <= procedure.tasks.at(task).maxPoints; ++k) {
        if (u < stepProbability(task, k, theta))
            points = k;
        else
            break;
    }
    return points;
}

double GeneratedProcedure::continuousMark(double primary) const {
    const double max = std::max(1, scale.maxPrimary);
    const double b3 = scale.minFor3, b4 = scale.minFor4, b5 = scale.minFor5;
    if (b3 <= 0)
        return 0;
    if (primary < b3)
        return 1.5 + primary / b3;
    if (primary < b4)
        return 2.5 + (primary - b3) / (b4 - b3);
    if (primary < b5)
        return 3.5 + (primary - b4) / (b5 - b4);
    return 4.5 + (primary - b5) / std::max(1.0, max - b5);
}

int GeneratedProcedure::testScoreFor(int primary) const {
    if (scale.testScores.isEmpty())
        return 0;
    return scale.testScores.at(std::clamp(primary, 0, int(scale.testScores.size()) - 1));
}

} // namespace objectivity::simulation
