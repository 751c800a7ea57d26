#include "PlantPower.h"

#include "objectivity/core/analysis/BoundaryBunchingCriterion.h"
#include "objectivity/core/analysis/CriterionInput.h"
#include "objectivity/core/analysis/UnitAccumulator.h"
#include "objectivity/core/analysis/UnitMetrics.h"
#include "objectivity/core/stats/NormalDistribution.h"
#include "objectivity/core/stats/TrinomialSumTail.h"

#include <algorithm>
#include <cmath>
#include <random>
#include <vector>

using namespace objectivity;
using namespace objectivity::core;
using namespace objectivity::simulation;

namespace objectivity::bench {

// The p that one more finding of a criterion had to reach in this run: the Benjamini–Hochberg
// threshold of the next discovery, α·(k + 1)/m (k findings kept of m tested), in the criterion's
// own family (a part corrected apart, CriterionFinding::family, is not counted).
double nextDiscoveryCutoff(const AnalysisReport &report, const QString &code, double alpha) {
    int tests = 0, kept = 0;
    for (const auto &u : report.units)
        for (const auto &f : u.findings)
            if (f.correctionFamily() == code && f.tested()) {
                ++tests;
                kept += f.qValue <= alpha ? 1 : 0;
            }
    return alpha * (kept + 1) / std::max(1, tests);
}

double bunchingCutoff(const AnalysisReport &report, double alpha) {
    return nextDiscoveryCutoff(report, QStringLiteral("boundary_bunching"), alpha);
}

PlantPower comparisonPower(const CriterionFinding &planted, const CriterionFinding &honest,
                           double cutoff) {
    PlantPower p;
    auto seOf = [](const CriterionFinding &f) {
        return std::isfinite(f.effectSize) && std::isfinite(f.statistic) &&
                       std::abs(f.statistic) > 1e-9
                   ? f.effectSize / f.statistic
                   : std::nan("");
    };
    double se = seOf(planted);
    if (!(se > 0))
        se = seOf(honest);
    if (!(se > 0) || !std::isfinite(planted.effectSize) || !std::isfinite(honest.effectSize) ||
        !std::isfinite(planted.threshold))
        return p;
    p.valid = true;
    p.se = se;
    p.shift = planted.effectSize - honest.effectSize;
    const double needed =
        std::max(planted.threshold, NormalDistribution::quantile(1 - cutoff) * se);
    p.power = NormalDistribution::sf((needed - p.shift) / se);
    return p;
}

// The oracle power of boundary_bunching on one planted push (a power calculation, not a
// detection): `draws` honest units of the planted unit's size drawn from the region's score
// distribution (the region without the unit), pushed as the generator pushes (a score 1…d below
// the pushed boundary raised to it with probability min(1, 0.9·strength)), and tested by the
// criterion against the region. The share of draws in which a pushed boundary shows the effect with
// p ≤ cutoff · the boundary's weight. *moved gets the mean number of works moved. ideal: the power
// of the most powerful test of this very push instead (an upper bound for any test at the same
// cut-off).
double pushPower(const AnalysisDataset &data, std::size_t unitIndex, const PlantedManipulation &m,
                 double cutoff, const AnalysisSettings &settings, double strength, double *moved,
                 bool ideal, int draws) {
    const auto &unit = data.units()[unitIndex];
    const ProcedureLayout &layout = data.layout(unit.procedure);
    UnitAccumulator region;
    region.init(layout, true);
    for (const auto &u : data.units())
        if (u.procedure == unit.procedure && &u != &unit)
            region.addAll(u.acc);
    // the weighted correction: the pushed boundary's weight (its mean over a run's tests is close
    // to 1), the same for the most powerful test; «все границы» and a push to every boundary: 1
    const double weighted =
        cutoff * (m.boundary == 0
                      ? 1.0
                      : settings.value(QStringLiteral("bunching.weight_%1").arg(m.boundary)));
    std::mt19937_64 rng(0x5eed + unitIndex);
    std::discrete_distribution<int> score(region.primaryHist.begin(), region.primaryHist.end());
    std::bernoulli_distribution pushed(std::min(1.0, 0.9 * strength));
    const UnitMetrics metrics, regionMetrics;
    int found = 0;
    long long movedTotal = 0;
    for (int d = 0; d < draws; ++d) {
        UnitAccumulator drawn;
        drawn.init(layout, true);
        drawn.n = unit.acc.n;
        for (int i = 0; i < drawn.n; ++i) {
            int x = score(rng);
            int target = 0;
            for (int mark = 3; mark <= 5; ++mark) {
                const int b = layout.minFor[mark];
                if ((m.boundary == 0 || m.boundary == mark) && b > 0 && x < b &&
                    x >= b - m.distance)
                    target = b;
            }
            if (target > 0 && pushed(rng)) {
                x = target;
                ++movedTotal;
            }
            ++drawn.primaryHist[static_cast<std::size_t>(x)];
        }
        if (ideal) {
            // the most powerful test of the planted push (Neyman–Pearson, conditional on each
            // pushed boundary's window total): it knows the boundary, the distance and the share
            std::vector<TrinomialSumTail::Component> parts;
            long long u = 0;
            for (int mark = 3; mark <= 5; ++mark) {
                const int b = layout.minFor[mark];
                if ((m.boundary != 0 && m.boundary != mark) || b <= 0 || b - m.distance < 0)
                    continue;
                double pB = 0.5, pA = 0.5;
                int nB = 0;
                for (int x = b - m.distance; x < b; ++x) {
                    pB += region.primaryHist[static_cast<std::size_t>(x)];
                    nB += drawn.primaryHist[static_cast<std::size_t>(x)];
                }
                pA += region.primaryHist[static_cast<std::size_t>(b)];
                const int nA = drawn.primaryHist[static_cast<std::size_t>(b)];
                const double share = std::min(0.99, 0.9 * strength);
                const double a = std::log1p(share * pB / pA), c = std::log1p(-share);
                const double scale = 20 / (a - c);
                TrinomialSumTail::Component comp{nA + nB, pA / (pA + pB), pB / (pA + pB),
                                                 std::max(1, int(std::lround(a * scale))),
                                                 std::min(-1, int(std::lround(c * scale)))};
                u += static_cast<long long>(comp.wA) * nA + static_cast<long long>(comp.wB) * nB;
                if (comp.m > 0)
                    parts.push_back(comp);
            }
            found += !parts.empty() && TrinomialSumTail::exact(parts, u) <= weighted ? 1 : 0;
            continue;
        }
        const CriterionInput in{data.procedures()[unit.procedure],
                                data.schools()[unit.school],
                                layout,
                                drawn,
                                region,
                                metrics,
                                regionMetrics,
                                settings};
        bool hit = false;
        for (const CriterionFinding &f : BoundaryBunchingCriterion::evaluate(in))
            if (f.effect && f.pValue <= cutoff * f.weight &&
                (m.boundary == 0 || f.label.contains(QString::number(m.boundary))))
                hit = true;
        found += hit ? 1 : 0;
    }
    *moved = double(movedTotal) / draws;
    return double(found) / draws;
}

} // namespace objectivity::bench
