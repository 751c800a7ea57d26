#include "objectivity/core/analysis/DifficultyInversionCriterion.h"

#include "objectivity/core/common/NumberText.h"
#include "objectivity/core/stats/NormalDistribution.h"

#include <cmath>
#include <vector>

namespace objectivity::core {

CriterionFinding DifficultyInversionCriterion::evaluate(const CriterionInput &in) {
    CriterionFinding f;
    f.code = QString::fromUtf16(criterion::DifficultyInversion);
    const auto &r = in.region.hardByPrimary;
    f.threshold = in.settings.value(QStringLiteral("difficulty.min_gap_pp"));
    if (!in.layout.hasLevels() || r.empty()) {
        f.skip(reason::NotApplicable,
               QStringLiteral("не проверялось: нет заданий повышенного и высокого уровня"));
        return f;
    }
    const int k = in.layout.maxHard + 1;
    const int scores = static_cast<int>(r.size()) / k;
    // the unit's participants and П/В points by primary score
    std::vector<double> count(static_cast<std::size_t>(scores), 0.0), points(count);
    in.unit.forEachHard(in.layout.maxHard, [&](int p, int h, int c) {
        if (p < scores) {
            count[static_cast<std::size_t>(p)] += c;
            points[static_cast<std::size_t>(p)] += static_cast<double>(c) * h;
        }
    });
    double observed = 0, expected = 0, variance = 0, n = 0;
    for (int p = 0; p < scores; ++p) {
        const double np = count[static_cast<std::size_t>(p)];
        const double o = points[static_cast<std::size_t>(p)];
        if (np <= 0)
            continue;
        double rn = 0, rs = 0, rs2 = 0;
        for (int h = 0; h < k; ++h) {
            const double rc = r[static_cast<std::size_t>(p * k + h)];
            rn += rc;
            rs += rc * h;
            rs2 += rc * h * h;
        }
        n += np;
        if (rn <= 0) { // no region student with this score: no expectation, count as expected
            expected += o;
            observed += o;
            continue;
        }
        const double mean = rs / rn;
        observed += o;
        expected += np * mean;
        variance += np * std::max(0.0, rs2 / rn - mean * mean);
    }
    if (n <= 0 || !(variance > 0)) {
        f.skip(reason::NotApplicable,
               QStringLiteral("не проверялось: нет разброса баллов за сложные задания"));
        return f;
    }
    const double z = (observed - expected - 0.5) / std::sqrt(variance);
    f.pValue = NormalDistribution::sf(z);
    f.statistic = z;
    const double excessPp = 100.0 * (observed - expected) / (n * in.layout.maxHard);
    f.effectSize = excessPp;
    if (excessPp < f.threshold)
        return f;
    const double easyDiff = in.metrics.easyPercent - in.regionMetrics.easyPercent;
    const double hardDiff = in.metrics.hardPercent - in.regionMetrics.hardPercent;
    auto signedText = [](double v) -> QString {
        return (v >= 0 ? QStringLiteral("+") : QString()) + NumberText::fixed(v, 1);
    };
    f.effect = true;
    f.explanation =
        QStringLiteral("Задания повышенного и высокого уровня (П, В) выполнены на %1% при %2% по "
                       "региону (%3 п. п.), базовые (Б) — на %4% при %5% (%6 п. п.). По сравнению "
                       "с участниками региона с тем же первичным баллом за сложные задания "
                       "получено на %7 п. п. больше ожидаемого (%8 балла вместо %9): сложные "
                       "задания выполнены лучше, а лёгкие хуже, чем у сверстников с тем же "
                       "результатом.")
            .arg(NumberText::fixed(in.metrics.hardPercent, 1),
                 NumberText::fixed(in.regionMetrics.hardPercent, 1), signedText(hardDiff),
                 NumberText::fixed(in.metrics.easyPercent, 1),
                 NumberText::fixed(in.regionMetrics.easyPercent, 1), signedText(easyDiff),
                 NumberText::fixed(excessPp, 1), NumberText::fixed(observed, 0),
                 NumberText::fixed(expected, 0));
    return f;
}

} // namespace objectivity::core
