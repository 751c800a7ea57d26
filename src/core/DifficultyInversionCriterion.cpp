#include "objectivity/core/DifficultyInversionCriterion.h"

#include "objectivity/core/MannWhitney.h"

namespace objectivity::core {

CriterionFinding DifficultyInversionCriterion::evaluate(const CriterionInput &in) {
    CriterionFinding f;
    f.code = QString::fromUtf16(criterion::DifficultyInversion);
    if (in.unit.inversionHist.empty() || in.region.inversionHist.empty())
        return f;
    const std::vector<double> a(in.unit.inversionHist.begin(), in.unit.inversionHist.end());
    const std::vector<double> b(in.region.inversionHist.begin(), in.region.inversionHist.end());
    const TestResult t = MannWhitney::greaterFromCounts(a, b);
    if (!t.valid)
        return f;
    f.pValue = t.pValue;
    const double easyDiff = in.metrics.easyPercent - in.regionMetrics.easyPercent;
    const double hardDiff = in.metrics.hardPercent - in.regionMetrics.hardPercent;
    const double gap = hardDiff - easyDiff;
    // the relative pattern: hard tasks gain at least half of the gap over the region
    if (gap < in.settings.value(QStringLiteral("difficulty.min_gap_pp")) || hardDiff < gap / 2)
        return f;
    f.effect = true;
    f.explanation =
        QStringLiteral("Базовые задания (Б) выполнены на %1% при %2% по региону (%3 п. п.), а "
                       "задания повышенного и высокого уровня (П, В) — на %4% при %5% (%6 п. п.): "
                       "сложные задания выполнены относительно лучше лёгких, чем в регионе "
                       "(разрыв %7 п. п.).")
            .arg(QString::number(in.metrics.easyPercent, 'f', 1),
                 QString::number(in.regionMetrics.easyPercent, 'f', 1),
                 QString::number(easyDiff, 'f', 1)
                     .prepend(easyDiff >= 0 ? QStringLiteral("+") : QString()),
                 QString::number(in.metrics.hardPercent, 'f', 1),
                 QString::number(in.regionMetrics.hardPercent, 'f', 1),
                 QString::number(hardDiff, 'f', 1)
                     .prepend(hardDiff >= 0 ? QStringLiteral("+") : QString()),
                 QString::number(gap, 'f', 1));
    return f;
}

} // namespace objectivity::core
