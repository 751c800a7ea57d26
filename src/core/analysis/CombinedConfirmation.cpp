#include "objectivity/core/analysis/CombinedConfirmation.h"

#include "objectivity/core/common/NumberText.h"
#include "objectivity/core/stats/NormalDistribution.h"

#include <algorithm>
#include <utility>

namespace objectivity::core {

namespace {

constexpr std::array<std::pair<CombinedConfirmation::Part, CombinedConfirmation::Part>, 3> kPairs{
    {{CombinedConfirmation::Gia, CombinedConfirmation::Journal},
     {CombinedConfirmation::Gia, CombinedConfirmation::Cohort},
     {CombinedConfirmation::Journal, CombinedConfirmation::Cohort}}};

// How the texts name each part: the comparison («с ГИА школы z = 2,8»), the part in a pair's
// correlation («ГИА–журнал 0,27») and where the school looks weaker («на ГИА»).
struct PartText {
    const char16_t *comparison, *shortName, *weaker;
};
constexpr std::array<PartText, CombinedConfirmation::kParts> kText{{
    {u"с ГИА школы", u"ГИА", u"на ГИА"},
    {u"с журналом школы", u"журнал", u"в журнале"},
    {u"с результатом тех же учеников через год", u"те же ученики", u"через год"},
}};

const PartText &textOf(CombinedConfirmation::Part p) {
    return kText[static_cast<std::size_t>(p)];
}

double clipped(double z) {
    return std::clamp(z, -CombinedConfirmation::kClip, CombinedConfirmation::kClip);
}

} // namespace

int CombinedConfirmation::Parts::count() const {
    return static_cast<int>(
        std::count_if(z.begin(), z.end(), [](double v) { return !std::isnan(v); }));
}

int CombinedConfirmation::pairIndex(Part a, Part b) {
    for (std::size_t i = 0; i < kPairs.size(); ++i)
        if ((kPairs[i].first == a && kPairs[i].second == b) ||
            (kPairs[i].first == b && kPairs[i].second == a))
            return static_cast<int>(i);
    return -1;
}

CombinedConfirmation::Correlation
CombinedConfirmation::correlationOf(const std::vector<Parts> &parts) {
    Correlation c;
    for (std::size_t i = 0; i < kPairs.size(); ++i) {
        const auto a = static_cast<std::size_t>(kPairs[i].first);
        const auto b = static_cast<std::size_t>(kPairs[i].second);
        double n = 0, sx = 0, sy = 0, sxx = 0, syy = 0, sxy = 0;
        for (const Parts &p : parts) {
            if (p.exempt || p.giaAbove || std::isnan(p.z[a]) || std::isnan(p.z[b]))
                continue;
            const double x = clipped(p.z[a]), y = clipped(p.z[b]);
            n += 1;
            sx += x;
            sy += y;
            sxx += x * x;
            syy += y * y;
            sxy += x * y;
        }
        c.units[i] = static_cast<int>(n);
        if (n < kMinPairs)
            continue; // rho stays 1: no gain from combining
        const double vx = sxx - sx * sx / n, vy = syy - sy * sy / n;
        if (!(vx > 0 && vy > 0))
            continue;
        const double r = std::clamp((sxy - sx * sy / n) / std::sqrt(vx * vy), -0.999999, 0.999999);
        c.estimate[i] = r;
        // the upper end of the 95 % interval (Fisher's z): a correlation underestimated by chance
        // would make honest units' combined z too large
        const double upper = std::tanh(std::atanh(r) + 1.959964 / std::sqrt(n - 3));
        c.rho[i] = std::clamp(upper, 0.0, 1.0);
    }
    return c;
}

double CombinedConfirmation::combinedZ(const Parts &parts, const Correlation &correlation) {
    if (parts.count() < 2)
        return std::nan("");
    double sum = 0, variance = 0;
    for (std::size_t i = 0; i < parts.z.size(); ++i)
        if (!std::isnan(parts.z[i])) {
            sum += clipped(parts.z[i]);
            variance += 1;
        }
    for (std::size_t i = 0; i < kPairs.size(); ++i)
        if (parts.has(kPairs[i].first) && parts.has(kPairs[i].second))
            variance += 2 * correlation.rho[i];
    return sum / std::sqrt(variance);
}

CriterionFinding CombinedConfirmation::evaluate(const Parts &parts, const Correlation &correlation,
                                                const AnalysisSettings &settings) {
    CriterionFinding f;
    f.code = staticCode(criterion::HighResults);
    f.label = QStringLiteral("по совокупности сравнений");
    f.family = QStringLiteral("combined");
    f.threshold = settings.value(QStringLiteral("high_results.combined_min_z"));
    if (parts.exempt || parts.giaAbove) {
        f.skip(parts.exempt ? reason::NotApplicable : reason::Confirmed, parts.skipText);
        return f;
    }
    if (parts.count() < 2) {
        QStringList have;
        for (int p = 0; p < kParts; ++p)
            if (parts.has(static_cast<Part>(p)))
                have << QString::fromUtf16(textOf(static_cast<Part>(p)).comparison);
        f.skip(reason::NotApplicable,
               QStringLiteral("не проверялось: нужно хотя бы два сравнения результата ВПР (с ГИА "
                              "школы, с её журналом, с результатом тех же учеников через год), %1")
                   .arg(have.isEmpty() ? QStringLiteral("нет ни одного")
                                       : QStringLiteral("есть только одно — ") + have.first()));
        return f;
    }
    const double z = combinedZ(parts, correlation);
    f.statistic = z;
    f.pValue = NormalDistribution::sf(z);
    double weakest = kClip;
    QStringList each;
    for (int p = 0; p < kParts; ++p) {
        const auto part = static_cast<Part>(p);
        if (!parts.has(part))
            continue;
        const double zi = parts.z[static_cast<std::size_t>(p)];
        weakest = std::min(weakest, zi);
        each << QString::fromUtf16(textOf(part).comparison) + QStringLiteral(" z = ") +
                    NumberText::fixed(zi, 1);
    }
    f.effectSize = weakest;
    if (weakest < f.threshold) {
        f.belowThreshold(
            QStringLiteral("не все сравнения указывают в одну сторону (%1; нужно "
                           "у каждого не меньше %2)")
                .arg(each.join(QStringLiteral(", ")), NumberText::fixed(f.threshold, 1)));
        return f;
    }
    f.effect = true;
    QStringList rho, weaker;
    for (std::size_t i = 0; i < kPairs.size(); ++i)
        if (parts.has(kPairs[i].first) && parts.has(kPairs[i].second))
            rho << QString::fromUtf16(textOf(kPairs[i].first).shortName) + QStringLiteral("–") +
                       QString::fromUtf16(textOf(kPairs[i].second).shortName) + QLatin1Char(' ') +
                       NumberText::fixed(correlation.rho[i], 2);
    for (int p = 0; p < kParts; ++p)
        if (parts.has(static_cast<Part>(p)))
            weaker << QString::fromUtf16(textOf(static_cast<Part>(p)).weaker);
    f.explanation =
        QStringLiteral("Результат ВПР выше, чем его подтверждают все сравнения сразу: %1. Каждое "
                       "сравнение в отдельности могло бы быть случайностью, но все указывают в "
                       "одну сторону: школа %2 выглядит слабее, чем на этой ВПР. Сравнения "
                       "связаны — у них общий результат ВПР, — поэтому их z сложены с учётом "
                       "того, насколько они согласуются у школ региона (корреляция %3; взята с "
                       "запасом, по верхней границе 95-процентного интервала): вместе z = %4.")
            .arg(each.join(QStringLiteral("; ")), weaker.join(QStringLiteral(", ")),
                 rho.join(QStringLiteral("; ")), NumberText::fixed(z, 1));
    return f;
}

} // namespace objectivity::core
