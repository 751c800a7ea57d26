#include "objectivity/core/analysis/InversionSpread.h"

#include "objectivity/core/analysis/DifficultyInversionCriterion.h"
#include "objectivity/core/common/RunOnThreads.h"
#include "objectivity/core/stats/ExcessSpreadGroups.h"

#include <algorithm>
#include <cmath>
#include <thread>

namespace objectivity::core {

InversionSpread InversionSpread::of(const AnalysisDataset &data,
                                    const std::vector<UnitAccumulator> &totals, int minN,
                                    int threads) {
    using Excess = DifficultyInversionCriterion::Excess;
    const auto &units = data.units();
    // each unit's excess and its classes' (invalid: not counted), computed in parallel and added
    // in the units' order, so the estimate does not depend on the threads
    std::vector<std::vector<Excess>> excess(units.size());
    forEachIndexOnThreads(threads, units.size(), [&](std::size_t i) {
        const auto &u = units[i];
        const ProcedureLayout &layout = data.layout(u.procedure);
        if (!layout.hasLevels() || u.acc.taskWorks < minN)
            return;
        // against the rest of the region, as the criterion tests it (the engine's region less
        // the unit): with a dozen schools the unit would pull the expectation towards itself,
        // and the spread would come out smaller than that of the tilts tested; the tilts' errors
        // hold the rest's own noise
        UnitAccumulator rest = totals[static_cast<std::size_t>(u.procedure)];
        rest.subtract(u.acc);
        const int maxHard = layout.maxHard;
        std::vector<Excess> &out = excess[i];
        out.push_back(DifficultyInversionCriterion::excessOf(u.acc, rest, maxHard));
        for (const UnitAccumulator &c : u.classes)
            out.push_back(c.taskWorks >= minN
                              ? DifficultyInversionCriterion::excessOf(c, rest, maxHard)
                              : Excess{});
    });
    std::vector<double> hard(static_cast<std::size_t>(data.procedures().size()), 0.0);
    for (std::size_t p = 0; p < hard.size(); ++p)
        for (TaskLevel level : data.layout(int(p)).levels)
            hard[p] += isHardLevel(level) ? 1 : 0;
    ExcessSpreadGroups unitGroups, classGroups;                         // per procedure
    std::vector<double> unitTilts, unitErrors, classTilts, classErrors; // ·√h, every procedure
    for (std::size_t i = 0; i < units.size(); ++i) {
        const std::size_t p = static_cast<std::size_t>(units[i].procedure);
        const double root = std::sqrt(std::max(1.0, hard[p]));
        for (std::size_t k = 0; k < excess[i].size(); ++k)
            if (const Excess &e = excess[i][k]; e.valid()) {
                (k == 0 ? unitGroups : classGroups).add(qint64(p), -1, e.tilt(), e.tiltError());
                (k == 0 ? unitTilts : classTilts).push_back(e.tilt() * root);
                (k == 0 ? unitErrors : classErrors).push_back(e.tiltError() * root);
            }
    }
    // the units' and the classes' spreads side by side when a second thread may be used
    ExcessSpread unitTau, classTau;
    const auto estimateClasses = [&] {
        classGroups.estimate();
        classTau = ExcessSpread::of(classTilts, classErrors);
    };
    std::thread second;
    if (threads > 1)
        second = std::thread(estimateClasses);
    else
        estimateClasses();
    unitGroups.estimate();
    unitTau = ExcessSpread::of(unitTilts, unitErrors);
    if (second.joinable())
        second.join();
    const auto shrunk = [&hard](const ExcessSpreadGroups &groups, const ExcessSpread &tau,
                                std::size_t p) {
        return groups.own(qint64(p)).towards(tau.variance / std::max(1.0, hard[p]));
    };
    InversionSpread s;
    for (std::size_t p = 0; p < hard.size(); ++p) {
        s.units.push_back(shrunk(unitGroups, unitTau, p));
        s.classes.push_back(shrunk(classGroups, classTau, p));
    }
    return s;
}

} // namespace objectivity::core
