#include "objectivity/core/analysis/TaskLevelInference.h"

#include <algorithm>
#include <numeric>

namespace objectivity::core {

bool TaskLevelInference::apply(ProcedureLayout &layout, const std::vector<std::int64_t> &taskPoints,
                               long long works) {
    const std::size_t tasks = layout.taskMax.size();
    // the tasks' maxima, not maxPrimary: taken from the data, that may be above their sum
    const int total = std::accumulate(layout.taskMax.begin(), layout.taskMax.end(), 0);
    if (layout.hasLevels() || tasks < static_cast<std::size_t>(kMinTasks) ||
        taskPoints.size() != tasks || works < kMinWorks || total <= 0)
        return false;
    std::vector<double> rate(tasks, 0);
    for (std::size_t t = 0; t < tasks; ++t) {
        if (layout.taskMax[t] <= 0)
            return false;
        rate[t] =
            static_cast<double>(taskPoints[t]) / (static_cast<double>(works) * layout.taskMax[t]);
    }
    // the hardest first; among equal rates the later task (works put the hard tasks last)
    std::vector<std::size_t> order(tasks);
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        return rate[a] != rate[b] ? rate[a] < rate[b] : a > b;
    });
    // the natural break: of the splits «the k hardest | the rest», the one whose two groups'
    // rates are closest to their own means (weighted by the maxima: two-means in one dimension,
    // where the best split is always one of these), keeping at most kMaxHardShare of the points
    std::size_t best = 0;
    double bestSpread = 0;
    int hardPoints = 0;
    for (std::size_t k = 1; k < tasks; ++k) {
        hardPoints += layout.taskMax[order[k - 1]];
        if (k > 1 && hardPoints > kMaxHardShare * total)
            break;
        double spread = 0;
        for (const auto &[from, to] : {std::pair{std::size_t{0}, k}, std::pair{k, tasks}}) {
            double w = 0, sum = 0, squares = 0;
            for (std::size_t i = from; i < to; ++i) {
                const double m = layout.taskMax[order[i]], r = rate[order[i]];
                w += m;
                sum += m * r;
                squares += m * r * r;
            }
            spread += squares - sum * sum / w;
        }
        if (best == 0 || spread < bestSpread - 1e-12) {
            best = k;
            bestSpread = spread;
        }
    }
    std::vector<bool> hard(tasks, false);
    int maxHard = 0;
    for (std::size_t i = 0; i < best; ++i) {
        hard[order[i]] = true;
        maxHard += layout.taskMax[order[i]];
    }
    const int maxEasy = total - maxHard;
    if (maxEasy <= 0)
        return false;
    // the points-weighted solve rates of the two groups must differ: a work whose tasks are
    // equally hard has no «hard tasks»
    double hardSum = 0, easySum = 0;
    for (std::size_t t = 0; t < tasks; ++t)
        (hard[t] ? hardSum : easySum) += static_cast<double>(taskPoints[t]);
    const double hardRate = hardSum / (static_cast<double>(works) * maxHard);
    const double easyRate = easySum / (static_cast<double>(works) * maxEasy);
    if (easyRate - hardRate < kMinGap)
        return false;
    for (std::size_t t = 0; t < tasks; ++t)
        layout.levels[t] = hard[t] ? TaskLevel::Advanced : TaskLevel::Basic;
    layout.maxHard = maxHard;
    layout.maxEasy = maxEasy;
    layout.levelsInferred = true;
    return true;
}

QStringList TaskLevelInference::hardTaskLabels(const Procedure &procedure,
                                               const ProcedureLayout &layout) {
    QStringList labels;
    if (!layout.levelsInferred)
        return labels;
    for (std::size_t t = 0; t < layout.levels.size(); ++t) {
        if (!isHardLevel(layout.levels[t]))
            continue;
        const auto i = static_cast<qsizetype>(t);
        labels << (i < procedure.tasks.size() && !procedure.tasks.at(i).label.isEmpty()
                       ? procedure.tasks.at(i).label
                       : QString::number(i + 1));
    }
    return labels;
}

} // namespace objectivity::core
