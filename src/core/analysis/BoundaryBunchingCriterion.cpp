#include "objectivity/core/analysis/BoundaryBunchingCriterion.h"

#include "objectivity/core/common/NumberText.h"
#include "objectivity/core/stats/TrinomialSumTail.h"

#include <QStringList>

#include <algorithm>
#include <cmath>

namespace objectivity::core {

namespace {

// The share of works just below a boundary that the statistic is tuned to (the likelihood ratio
// against "this share of them moved up to the boundary" is most powerful at this share; the test
// stays valid for any share).
constexpr double kPushShare = 0.7;
// Integer weights: the larger of (wA − wB) becomes this many steps.
constexpr double kWeightSteps = 10;
// Exact tail up to this many participants in the windows, the normal approximation beyond; the
// exact tail is also skipped when the approximation is far from significance (the two agree within
// a factor of about 2.5 in the tails on generated regions, so p ≥ 0.2 stays above 0.05).
constexpr int kExactLimit = 80;
constexpr double kExactBelow = 0.2;

int sumRange(const std::vector<int> &h, int from, int to) {
    int s = 0;
    for (int i = std::max(0, from); i <= to && i < static_cast<int>(h.size()); ++i)
        s += h[static_cast<std::size_t>(i)];
    return s;
}

struct Window {
    int mark = 0, boundary = 0;
    int below = 0, at = 0, above = 0; // the unit's counts
    double pBelow = 0, pAt = 0;       // the reference shape within the window
    int belowFrom = 0;                // first score of the window below
};

} // namespace

CriterionFinding BoundaryBunchingCriterion::evaluate(const CriterionInput &in) {
    CriterionFinding f;
    f.code = QString::fromUtf16(criterion::BoundaryBunching);
    const int w = std::max(1, in.settings.intValue(QStringLiteral("bunching.window")));

    std::vector<Window> windows;
    int previousEnd = -1; // windows of neighbouring boundaries never share a score
    for (int mark = 3; mark <= 5; ++mark) {
        const int b = in.layout.minFor[mark];
        if (b <= previousEnd + 1)
            continue;
        int next = 0;
        for (int m = mark + 1; m <= 5 && next == 0; ++m)
            next = in.layout.minFor[m] > b ? in.layout.minFor[m] : 0;
        Window win;
        win.mark = mark;
        win.boundary = b;
        win.belowFrom = std::max(previousEnd + 1, b - w);
        const int aboveTo = next > 0 ? std::min(b + w - 1, next - w - 1) : b + w - 1;
        win.below = sumRange(in.unit.primaryHist, win.belowFrom, b - 1);
        win.at = sumRange(in.unit.primaryHist, b, b);
        win.above = sumRange(in.unit.primaryHist, b + 1, aboveTo);
        const double refBelow = sumRange(in.region.primaryHist, win.belowFrom, b - 1);
        const double refAt = sumRange(in.region.primaryHist, b, b);
        const double refAbove = sumRange(in.region.primaryHist, b + 1, aboveTo);
        previousEnd = std::max(b, aboveTo);
        if (refBelow + refAt + refAbove < 1 || win.below + win.at + win.above == 0)
            continue;
        // a little smoothing keeps the shares away from 0 for thin regions
        const double total = refBelow + refAt + refAbove + 1.5;
        win.pBelow = (refBelow + 0.5) / total;
        win.pAt = (refAt + 0.5) / total;
        windows.push_back(win);
    }

    int participants = 0;
    for (const Window &win : windows)
        participants += win.below + win.at + win.above;
    // too few participants near the boundaries: not tested (and not counted in the correction)
    const double minCount = std::max(1.0, in.settings.value(QStringLiteral("bunching.min_count")));
    f.threshold = in.settings.value(QStringLiteral("bunching.min_missing_share"));
    if (windows.empty() || participants < minCount) {
        f.skip(reason::TooFew,
               QStringLiteral("не проверялось: у границ отметок %1 участников, нужно не меньше %2")
                   .arg(participants)
                   .arg(minCount));
        return f;
    }

    // Likelihood ratio of "a share π of the works just below moved to the boundary" against the
    // region's shape: wA·(at) + wB·(below), wA = ln(1 + π·pBelow/pAt), wB = ln(1 − π).
    std::vector<double> realA, realB;
    double widest = 0;
    for (const Window &win : windows) {
        realA.push_back(std::log1p(kPushShare * win.pBelow / win.pAt));
        realB.push_back(std::log1p(-kPushShare));
        widest = std::max(widest, realA.back() - realB.back());
    }
    const double scale = kWeightSteps / widest;
    std::vector<TrinomialSumTail::Component> components;
    long long statistic = 0;
    double expectedBelow = 0, expectedAt = 0;
    int below = 0, at = 0;
    QStringList parts;
    for (std::size_t j = 0; j < windows.size(); ++j) {
        const Window &win = windows[j];
        const int m = win.below + win.at + win.above;
        TrinomialSumTail::Component c{
            m, win.pAt, win.pBelow, std::max(1, static_cast<int>(std::lround(realA[j] * scale))),
            std::min(-1, static_cast<int>(std::lround(realB[j] * scale)))};
        components.push_back(c);
        statistic +=
            static_cast<long long>(c.wA) * win.at + static_cast<long long>(c.wB) * win.below;
        expectedBelow += m * win.pBelow;
        expectedAt += m * win.pAt;
        below += win.below;
        at += win.at;
        parts << QStringLiteral("«%1» (граница %2 б.): ровно на границе %3 (ожидалось ≈%4), "
                                "ниже на 1–%5 б. %6 (ожидалось ≈%7)")
                     .arg(QString::number(win.mark), QString::number(win.boundary),
                          QString::number(win.at), NumberText::fixed(m * win.pAt, 1),
                          QString::number(win.boundary - win.belowFrom), QString::number(win.below),
                          NumberText::fixed(m * win.pBelow, 1));
    }
    const double approx = TrinomialSumTail::normal(components, statistic);
    f.pValue =
        participants <= kExactLimit ? TrinomialSumTail::exact(components, statistic) : approx;

    // effect: the share of the expected works just below the boundaries that is missing
    const double missing = 1.0 - (below + 0.5) / (expectedBelow + 0.5);
    f.statistic = static_cast<double>(statistic);
    f.effectSize = missing;
    if (at <= expectedAt ||
        missing < in.settings.value(QStringLiteral("bunching.min_missing_share")))
        return f;
    f.effect = true;
    f.explanation =
        QStringLiteral("Ровно на границах отметок %1 работ при ожидаемых по форме распределения "
                       "региона ≈%2, на 1–%3 б. ниже границ — %4 при ожидаемых ≈%5 (недостаёт "
                       "%6 % работ чуть ниже границ; в окнах у границ %7 участников). ")
            .arg(QString::number(at), NumberText::fixed(expectedAt, 1), QString::number(w),
                 QString::number(below), NumberText::fixed(expectedBelow, 1),
                 QString::number(std::lround(100 * missing)), QString::number(participants)) +
        parts.join(QStringLiteral("; ")) + QLatin1Char('.');
    return f;
}

} // namespace objectivity::core
