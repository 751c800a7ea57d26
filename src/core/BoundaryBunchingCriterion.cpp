#include "objectivity/core/BoundaryBunchingCriterion.h"

#include "objectivity/core/NormalDistribution.h"

#include <QStringList>

#include <algorithm>
#include <cmath>

namespace objectivity::core {

namespace {
// P(K >= k) for K the number of successes of independent trials: counts[j] trials with chance
// chances[j] each (a Poisson-binomial tail, exact: small units are the usual case).
double upperTail(const std::vector<int> &counts, const std::vector<double> &chances, int k) {
    std::vector<double> dist{1.0};
    for (std::size_t j = 0; j < counts.size(); ++j)
        for (int t = 0; t < counts[j]; ++t) {
            dist.push_back(0.0);
            for (std::size_t x = dist.size() - 1; x > 0; --x)
                dist[x] = dist[x] * (1 - chances[j]) + dist[x - 1] * chances[j];
            dist[0] *= 1 - chances[j];
        }
    double tail = 0;
    for (std::size_t x = static_cast<std::size_t>(std::max(0, k)); x < dist.size(); ++x)
        tail += dist[x];
    return std::clamp(tail, 0.0, 1.0);
}

double sumRange(const std::vector<int> &h, int from, int to) {
    double s = 0;
    for (int i = std::max(0, from); i <= to && i < static_cast<int>(h.size()); ++i)
        s += h[static_cast<std::size_t>(i)];
    return s;
}
} // namespace

CriterionFinding BoundaryBunchingCriterion::evaluate(const CriterionInput &in) {
    CriterionFinding f;
    f.code = QString::fromUtf16(criterion::BoundaryBunching);
    const int w = std::max(1, in.settings.intValue(QStringLiteral("bunching.window")));
    double k = 0, m = 0, e = 0, v = 0;
    std::vector<int> counts;
    std::vector<double> chances;
    QStringList parts;
    for (int mark = 3; mark <= 5; ++mark) {
        const int b = in.layout.minFor[mark];
        if (b - w < 0 || b <= 0)
            continue;
        const double at = sumRange(in.unit.primaryHist, b, b + w - 1);
        const double below = sumRange(in.unit.primaryHist, b - w, b - 1);
        const double refAt = sumRange(in.region.primaryHist, b, b + w - 1);
        const double refBelow = sumRange(in.region.primaryHist, b - w, b - 1);
        if (refAt + refBelow < 1 || at + below < 1)
            continue;
        // a little smoothing keeps q away from 0 and 1 for thin regions
        const double q = (refAt + 0.5) / (refAt + refBelow + 1);
        k += at;
        m += at + below;
        e += (at + below) * q;
        v += (at + below) * q * (1 - q);
        counts.push_back(static_cast<int>(at + below));
        chances.push_back(q);
        parts << QStringLiteral("«%1» (граница %2 б.): на границе и выше %3, чуть ниже %4, "
                                "ожидалось ниже ≈%5")
                     .arg(QString::number(mark), QString::number(b), QString::number(at),
                          QString::number(below), QString::number((at + below) * (1 - q), 'f', 1));
    }
    // too few participants near the boundaries: not tested (and not counted in the correction)
    if (m < std::max(1.0, in.settings.value(QStringLiteral("bunching.min_count"))) || !(v > 0))
        return f;
    // exact tail while the counts are small, the normal approximation beyond
    f.pValue = m <= 2000 ? upperTail(counts, chances, static_cast<int>(k))
                         : NormalDistribution::sf((k - e - 0.5) / std::sqrt(v));
    const double below = m - k, expectedBelow = m - e;
    const double odds =
        below > 0 ? (k / below) / (e / expectedBelow) : std::numeric_limits<double>::infinity();
    if (odds < in.settings.value(QStringLiteral("bunching.min_ratio")))
        return f;
    f.effect = true;
    f.explanation =
        QStringLiteral("У границ отметок (окно %1 б.) на границе и чуть выше %2 "
                       "участников из %3, чуть ниже — %4 при ожидаемых по форме "
                       "распределения региона %5 (отношение шансов %6). ")
            .arg(QString::number(w), QString::number(k), QString::number(m), QString::number(below),
                 QString::number(expectedBelow, 'f', 1),
                 std::isfinite(odds) ? QString::number(odds, 'f', 1) : QStringLiteral("∞")) +
        parts.join(QStringLiteral("; ")) + QLatin1Char('.');
    return f;
}

} // namespace objectivity::core
