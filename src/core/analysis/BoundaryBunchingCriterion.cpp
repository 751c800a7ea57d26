#include "objectivity/core/analysis/BoundaryBunchingCriterion.h"

#include "objectivity/core/common/NumberText.h"
#include "objectivity/core/stats/TrinomialSumTail.h"

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
// Exact tail up to this many works in the window, the normal approximation beyond; the exact tail
// is also skipped when the approximation is far from significance (p ≥ 0.2).
constexpr int kExactLimit = 80;
constexpr double kExactBelow = 0.2;

// The sum of h over the scores from..to (clipped to the histogram).
template <typename T> T sumRange(const std::vector<T> &h, int from, int to) {
    T s = 0;
    for (int i = std::max(0, from); i <= to && i < static_cast<int>(h.size()); ++i)
        s += h[static_cast<std::size_t>(i)];
    return s;
}

// The region's histogram at the unit's level: h(x)·e^(λx), λ such that its mean is the unit's
// mean primary score, scaled to the region's count (exponential tilting). For a normal region it
// is the same shape moved to the school's mean, so a strong school's density, still rising at
// «5» where the region's falls, is not taken for bunching (nor a weak school's at «3»). A push
// moves the unit's mean by a fraction of a point and λ with it: the test keeps its power.
std::vector<double> shapeAtLevel(const std::vector<int> &region, const std::vector<int> &unit) {
    std::vector<double> shape(region.begin(), region.end());
    double n = 0, sum = 0, un = 0, usum = 0, sum2 = 0;
    for (std::size_t x = 0; x < region.size(); ++x) {
        n += region[x];
        sum += double(region[x]) * double(x);
        sum2 += double(region[x]) * double(x) * double(x);
    }
    for (std::size_t x = 0; x < unit.size(); ++x) {
        un += unit[x];
        usum += double(unit[x]) * double(x);
    }
    if (n <= 0 || un <= 0)
        return shape;
    const double target = usum / un, mean = sum / n, variance = sum2 / n - mean * mean;
    if (!(variance > 0))
        return shape;
    // Newton on λ from the normal's exact value; the tilted mean grows with λ (its derivative is
    // the tilted variance)
    double lambda = std::clamp((target - mean) / variance, -3.0, 3.0);
    std::vector<double> w(region.size());
    for (int iteration = 0; iteration < 40; ++iteration) {
        double top = -1e300;
        for (std::size_t x = 0; x < region.size(); ++x)
            top = std::max(top, region[x] > 0 ? lambda * double(x) : top);
        double m0 = 0, m1 = 0, m2 = 0;
        for (std::size_t x = 0; x < region.size(); ++x) {
            w[x] = region[x] > 0 ? region[x] * std::exp(lambda * double(x) - top) : 0.0;
            m0 += w[x];
            m1 += w[x] * double(x);
            m2 += w[x] * double(x) * double(x);
        }
        const double tiltedMean = m1 / m0, tiltedVariance = m2 / m0 - tiltedMean * tiltedMean;
        for (std::size_t x = 0; x < region.size(); ++x)
            shape[x] = w[x] * n / m0;
        if (std::abs(tiltedMean - target) < 1e-12 * (1 + target) || !(tiltedVariance > 1e-12))
            break;
        lambda = std::clamp(lambda + (target - tiltedMean) / tiltedVariance, -3.0, 3.0);
    }
    return shape;
}

// One boundary at one width: the unit's counts and the region's shape.
struct Window {
    int width = 0;
    int belowFrom = 0, aboveTo = 0;
    int below = 0, at = 0, above = 0;
    double pBelow = 0, pAt = 0;
    double pValue = 1;
    long long statistic = 0; // U
    int total() const { return below + at + above; }
};

bool measure(const CriterionInput &in, const std::vector<double> &shape, int b, int belowFrom,
             int aboveTo, Window &win) {
    win.belowFrom = belowFrom;
    win.aboveTo = aboveTo;
    win.below = sumRange(in.unit.primaryHist, belowFrom, b - 1);
    win.at = sumRange(in.unit.primaryHist, b, b);
    win.above = sumRange(in.unit.primaryHist, b + 1, aboveTo);
    const double refBelow = sumRange(shape, belowFrom, b - 1);
    const double refAt = sumRange(shape, b, b);
    const double refAbove = sumRange(shape, b + 1, aboveTo);
    if (refBelow + refAt + refAbove < 1 || win.total() == 0 || belowFrom > b - 1)
        return false;
    // a little smoothing keeps the shares away from 0 for thin regions
    const double total = refBelow + refAt + refAbove + (aboveTo > b ? 1.5 : 1.0);
    win.pBelow = (refBelow + 0.5) / total;
    win.pAt = (refAt + 0.5) / total;
    return true;
}

// p of the likelihood-ratio statistic for one window (the statistic U goes to win.statistic).
double pValueOf(Window &win) {
    const double realA = std::log1p(kPushShare * win.pBelow / win.pAt);
    const double realB = std::log1p(-kPushShare);
    const double scale = kWeightSteps / (realA - realB);
    const TrinomialSumTail::Component c{win.total(), win.pAt, win.pBelow,
                                        std::max(1, static_cast<int>(std::lround(realA * scale))),
                                        std::min(-1, static_cast<int>(std::lround(realB * scale)))};
    const long long u =
        static_cast<long long>(c.wA) * win.at + static_cast<long long>(c.wB) * win.below;
    win.statistic = u;
    const double approx = TrinomialSumTail::normal({c}, u);
    if (win.total() <= kExactLimit && approx < kExactBelow)
        return TrinomialSumTail::exact({c}, u);
    return approx;
}

// The integer weights of one window on a common scale (the log likelihood ratio times `scale`).
TrinomialSumTail::Component componentOf(const Window &win, double scale) {
    const double realA = std::log1p(kPushShare * win.pBelow / win.pAt);
    const double realB = std::log1p(-kPushShare);
    return {win.total(), win.pAt, win.pBelow,
            std::max(1, static_cast<int>(std::lround(realA * scale))),
            std::min(-1, static_cast<int>(std::lround(realB * scale)))};
}

// Every tested boundary together at one width: the sum of their likelihood-ratio statistics, exact
// (convolution of the boundaries' windows, independent given each window's total) when small.
double combinedPValue(const std::vector<const Window *> &wins, long long *statistic) {
    double widestGap = 0;
    for (const Window *w : wins)
        widestGap = std::max(widestGap,
                             std::log1p(kPushShare * w->pBelow / w->pAt) - std::log1p(-kPushShare));
    const double scale = kWeightSteps / widestGap;
    std::vector<TrinomialSumTail::Component> parts;
    long long u = 0;
    int total = 0;
    for (const Window *w : wins) {
        parts.push_back(componentOf(*w, scale));
        u += static_cast<long long>(parts.back().wA) * w->at +
             static_cast<long long>(parts.back().wB) * w->below;
        total += w->total();
    }
    *statistic = u;
    const double approx = TrinomialSumTail::normal(parts, u);
    if (total <= kExactLimit && approx < kExactBelow)
        return TrinomialSumTail::exact(parts, u);
    return approx;
}

QString points(int n) {
    return NumberText::counted(n, u"балл", u"балла", u"баллов");
}

QString works(int n) {
    return NumberText::counted(n, u"работа", u"работы", u"работ");
}

// The boundary's weight in the weighted correction, when it is not 1; the reason of the default
// weights only while the settings keep their order («3» ≥ «4» ≥ «5», not all equal).
QString weightText(int mark, double weight, const AnalysisSettings &settings) {
    if (std::abs(weight - 1) < 1e-9)
        return {};
    const double w3 = settings.value(QStringLiteral("bunching.weight_3")),
                 w4 = settings.value(QStringLiteral("bunching.weight_4")),
                 w5 = settings.value(QStringLiteral("bunching.weight_5"));
    const bool usualOrder = w3 >= w4 && w4 >= w5 && w3 > w5;
    return QStringLiteral(" В поправке на число проверок вес границы «%1» — %2%3.")
        .arg(QString::number(mark), NumberText::fixed(weight, weight == std::round(weight) ? 0 : 1),
             usualOrder ? QStringLiteral(" (до «3» дотягивают чаще всего, до «5» — реже всего)")
                        : QStringLiteral(" (так задано в пороговых значениях)"));
}

// A push to every boundary at once: the boundaries' statistics summed at each width w = 1…W (each
// boundary's widest window up to w), Bonferroni over the distinct widths; one more finding of the
// criterion, «все границы».
CriterionFinding allBoundaries(const std::vector<std::vector<Window>> &tested, int widest,
                               double minMissing) {
    CriterionFinding f;
    f.code = staticCode(criterion::BoundaryBunching);
    f.label = QStringLiteral("все границы");
    f.threshold = minMissing;
    struct Width {
        std::vector<const Window *> wins;
        double p = 1;
        long long u = 0;
        int at = 0, below = 0, total = 0;
        double expectedAt = 0, expectedBelow = 0;
        double missing() const { return 1.0 - (below + 0.5) / (expectedBelow + 0.5); }
        bool effect(double minMissing) const { return at > expectedAt && missing() >= minMissing; }
    };
    std::vector<Width> widths;
    for (int w = 1; w <= widest; ++w) {
        Width x;
        for (const auto &windows : tested) {
            const Window *pick = nullptr;
            for (const Window &win : windows)
                if (win.width <= w)
                    pick = &win;
            if (pick)
                x.wins.push_back(pick);
        }
        if (x.wins.size() < 2)
            continue;
        // the same windows as the previous width: not a new choice
        if (!widths.empty() && widths.back().wins == x.wins)
            continue;
        for (const Window *win : x.wins) {
            x.at += win->at;
            x.below += win->below;
            x.total += win->total();
            x.expectedAt += win->total() * win->pAt;
            x.expectedBelow += win->total() * win->pBelow;
        }
        x.p = combinedPValue(x.wins, &x.u);
        widths.push_back(x);
    }
    if (widths.empty()) {
        f.skip(reason::TooFew, QStringLiteral("не проверялось: меньше двух границ с работами"));
        return f;
    }
    std::size_t best = 0;
    for (std::size_t i = 1; i < widths.size(); ++i) {
        const bool e = widths[i].effect(minMissing), eb = widths[best].effect(minMissing);
        if (e != eb ? e : widths[i].p < widths[best].p)
            best = i;
    }
    const Width &x = widths[best];
    f.pValue = std::min(1.0, x.p * static_cast<double>(widths.size()));
    f.statistic = static_cast<double>(x.u);
    f.effectSize = x.missing();
    if (x.effect(minMissing)) {
        f.effect = true;
        f.explanation =
            QStringLiteral(
                "У всех проверенных границ вместе (границ: %1): ровно на границах %2 при "
                "ожидаемых по форме распределения региона на уровне школы ≈%3, чуть ниже "
                "границ — %4 при ожидаемых ≈%5 (недостаёт %6 % работ чуть ниже границ; в окнах "
                "%7). Ширина окон выбрана как самая значимая из %8; p умножено на "
                "%8 (поправка на выбор ширины).")
                .arg(QString::number(x.wins.size()), works(x.at),
                     NumberText::fixed(x.expectedAt, 1), QString::number(x.below),
                     NumberText::fixed(x.expectedBelow, 1),
                     QString::number(std::lround(100 * x.missing())), works(x.total),
                     QString::number(widths.size()));
    } else if (x.missing() >= minMissing) {
        f.belowThreshold(QStringLiteral("чуть ниже границ недостаёт "
                                        "%1 % работ, но на самих границах их не больше "
                                        "ожидаемого (%2 при ≈%3)")
                             .arg(std::lround(100 * x.missing()))
                             .arg(x.at)
                             .arg(NumberText::fixed(x.expectedAt, 1)));
    }
    return f;
}

} // namespace

QList<CriterionFinding> BoundaryBunchingCriterion::evaluate(const CriterionInput &in) {
    QList<CriterionFinding> out;
    const int widest = std::max(1, in.settings.intValue(QStringLiteral("bunching.window")));
    const double minCount = std::max(1.0, in.settings.value(QStringLiteral("bunching.min_count")));
    const double minMissing = in.settings.value(QStringLiteral("bunching.min_missing_share"));
    const std::vector<double> shape = shapeAtLevel(in.region.primaryHist, in.unit.primaryHist);
    int previous = -1; // the previous boundary: the window below never reaches it
    std::vector<std::vector<Window>> tested; // the windows of every tested boundary, by width
    for (int mark = 3; mark <= 5; ++mark) {
        const int b = in.layout.minFor[mark];
        if (b <= previous || b <= 0)
            continue;
        int next = 0;
        for (int m = mark + 1; m <= 5 && next == 0; ++m)
            next = in.layout.minFor[m] > b ? in.layout.minFor[m] : 0;
        const int low = std::max(previous + 1, 0);
        previous = b;
        // the cell above stays clear of the next boundary's widest window below
        const int aboveLimit = next > 0 ? next - widest - 1 : in.layout.maxPrimary;
        std::vector<Window> windows;
        for (int w = 1; w <= widest; ++w) {
            Window win;
            win.width = w;
            if (!measure(in, shape, b, std::max(low, b - w), std::min(b + w - 1, aboveLimit), win))
                continue;
            // near the neighbouring boundaries a wider width may give the same window
            if (!windows.empty() && windows.back().belowFrom == win.belowFrom &&
                windows.back().aboveTo == win.aboveTo)
                continue;
            windows.push_back(win);
        }
        // too few works near the boundary: not tested (and not counted in the correction)
        if (windows.empty())
            continue;
        if (windows.back().total() < minCount) {
            CriterionFinding f;
            f.code = staticCode(criterion::BoundaryBunching);
            f.label = QStringLiteral("граница «%1»").arg(mark);
            f.threshold = minMissing;
            f.skip(reason::TooFew,
                   QStringLiteral("не проверялось: у границы «%1» (%2) в окне %3, нужно не "
                                  "меньше %4")
                       .arg(QString::number(mark), points(b), works(windows.back().total()),
                            QString::number(minCount)));
            out.append(f);
            continue;
        }
        // the reported width: the most significant of those that show the effect (or of all);
        // the Bonferroni bound below holds whatever rule picks the width
        auto effectOf = [&](const Window &x) {
            const double expectedBelow = x.total() * x.pBelow;
            return x.at > x.total() * x.pAt &&
                   1.0 - (x.below + 0.5) / (expectedBelow + 0.5) >= minMissing;
        };
        std::size_t best = 0;
        for (std::size_t i = 0; i < windows.size(); ++i) {
            windows[i].pValue = pValueOf(windows[i]);
            const bool better = effectOf(windows[i]) != effectOf(windows[best])
                                    ? effectOf(windows[i])
                                    : windows[i].pValue < windows[best].pValue;
            if (better)
                best = i;
        }
        tested.push_back(windows);
        const Window &win = windows[best];
        CriterionFinding f;
        f.code = staticCode(criterion::BoundaryBunching);
        f.label = QStringLiteral("граница «%1»").arg(mark);
        f.weight = std::max(0.0, in.settings.value(QStringLiteral("bunching.weight_%1").arg(mark)));
        // the push distance is not known: every width is tried, Bonferroni over them
        f.pValue = std::min(1.0, win.pValue * static_cast<double>(windows.size()));
        const double expectedBelow = win.total() * win.pBelow;
        const double expectedAt = win.total() * win.pAt;
        const double missing = 1.0 - (win.below + 0.5) / (expectedBelow + 0.5);
        f.statistic = static_cast<double>(win.statistic);
        f.effectSize = missing;
        f.threshold = minMissing;
        if (effectOf(win)) {
            f.effect = true;
            const int belowWidth = b - win.belowFrom;
            f.explanation =
                QStringLiteral(
                    "У границы «%1» (%2): ровно на границе %3 при ожидаемых по "
                    "форме распределения региона на уровне школы ≈%4, на %5 ниже — %6 "
                    "при ожидаемых ≈%7 (недостаёт %8 % работ чуть ниже границы; в окне %9). "
                    "Окно в %10 ниже границы выбрано как самое значимое из ширин "
                    "1–%11; p умножено на %12 (поправка на выбор ширины).")
                    .arg(QString::number(mark), points(b), works(win.at),
                         NumberText::fixed(expectedAt, 1),
                         belowWidth == 1 ? QStringLiteral("1 балл")
                                         : QStringLiteral("1–%1 балла").arg(belowWidth),
                         QString::number(win.below), NumberText::fixed(expectedBelow, 1),
                         QString::number(std::lround(100 * missing)), works(win.total()),
                         points(belowWidth), QString::number(widest),
                         QString::number(windows.size())) +
                weightText(mark, f.weight, in.settings);
        } else if (missing >= minMissing) {
            // a hole below the boundary without a bunch at it is not a push
            f.belowThreshold(QStringLiteral("чуть ниже границы "
                                            "недостаёт %1 % работ, но на самой границе "
                                            "их не больше ожидаемого (%2 при ≈%3) — без "
                                            "скопления на границе это не дотягивание")
                                 .arg(std::lround(100 * missing))
                                 .arg(win.at)
                                 .arg(NumberText::fixed(expectedAt, 1)));
        }
        out.append(f);
    }
    if (tested.size() >= 2)
        out.append(allBoundaries(tested, widest, minMissing));
    if (out.isEmpty()) { // no boundary with works near it
        CriterionFinding f;
        f.code = staticCode(criterion::BoundaryBunching);
        f.skip(reason::TooFew, QStringLiteral("не проверялось: у границ отметок нет работ"));
        out.append(f);
    }
    return out;
}

} // namespace objectivity::core
