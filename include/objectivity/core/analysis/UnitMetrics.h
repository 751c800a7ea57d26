#pragma once
#include "objectivity/core/analysis/UnitAccumulator.h"
#include "objectivity/core/results/ProcedureLayout.h"

#include <QJsonObject>

#include <vector>

namespace objectivity::core {

// The figures of one unit as the ФИС ОКО reports show them. Percentages are 0..100.
struct UnitMetrics {
    int n = 0;
    double markPct[6] = {0, 0, 0, 0, 0, 0}; // index 2..5
    double successPct = 0;                  // успеваемость: «3»–«5»
    double qualityPct = 0;                  // качество: «4»–«5»
    double meanPrimary = 0;
    double meanPercent = 0; // mean primary score, % of the maximum
    double sdPercent = 0;
    double meanTestScore = -1; // ЕГЭ
    double sdTestScore = 0;
    std::vector<double> taskPercent; // completion of each task, %
    double easyPercent = -1;         // completion of level Б tasks, %
    double hardPercent = -1;         // completion of levels П and В, %
    int journalPairs = 0;
    int lowered = 0;   // понизили: mark < journal mark
    int confirmed = 0; // подтвердили
    int raised = 0;    // повысили: mark > journal mark
    double loweredPct = 0, confirmedPct = 0, raisedPct = 0;
    double meanJournalMinusMark = 0;
    double kappa = 0;    // quadratic-weighted, mark vs journal; NaN when undefined
    double spearman = 0; // primary score vs journal mark; NaN when undefined

    static UnitMetrics compute(const UnitAccumulator &acc, const ProcedureLayout &layout);
    // Only n and the score figures (meanPrimary, meanPercent, sdPercent, meanTestScore,
    // sdTestScore) of `acc` less `minus` when given — a unit's position against the rest of its
    // procedure without copying the procedure's counts; compute() takes them from here, so the
    // two never differ.
    static UnitMetrics scoresOf(const UnitAccumulator &acc, const UnitAccumulator *minus,
                                int maxPrimary);
    // meanPrimary, meanPercent and sdPercent from a primary-score histogram, less `minus` when
    // given (a region: the procedure's total less one unit, without copying its counts)
    void setScores(const std::vector<int> &hist, const std::vector<int> *minus, int maxPrimary);
    QJsonObject toJson() const;
};

} // namespace objectivity::core
