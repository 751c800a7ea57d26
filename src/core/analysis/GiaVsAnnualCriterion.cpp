#include "objectivity/core/analysis/GiaVsAnnualCriterion.h"

#include "objectivity/core/common/NumberText.h"
#include "objectivity/core/stats/ShareSpread.h"
#include "objectivity/core/stats/ZTest.h"

#include <algorithm>
#include <cmath>

namespace objectivity::core {

GiaVsAnnualCriterion::Counts GiaVsAnnualCriterion::count(const UnitAccumulator &acc,
                                                         const ProcedureLayout &layout,
                                                         int egeLowScore) {
    Counts c;
    // an ЕГЭ with test scores is read by them; Математика (база) has a mark only, as the ОГЭ
    const bool scored =
        layout.ege && !acc.annualTest.empty() &&
        std::any_of(acc.testHist.begin(), acc.testHist.end(), [](int n) { return n > 0; });
    if (scored) {
        c.testScores = true;
        const int minimum = layout.minTestScore;
        for (int annual = 4; annual <= 5; ++annual)
            for (int t = 0; t < UnitAccumulator::kTestScores; ++t) {
                const int n = acc.annualTest[static_cast<std::size_t>(
                    annual * UnitAccumulator::kTestScores + t)];
                c.base += n;
                if ((annual == 5 && t < egeLowScore) || (minimum > 0 && t < minimum))
                    c.discordant += n;
            }
        return c;
    }
    for (int annual = 4; annual <= 5; ++annual)
        for (int mark = 2; mark <= 5; ++mark) {
            const int n = acc.annualTable[annual * 6 + mark];
            c.base += n;
            if ((annual == 5 && mark <= 3) || mark == 2)
                c.discordant += n;
        }
    return c;
}

double GiaVsAnnualCriterion::regionShare(const Counts &r) {
    return std::min(1.0, std::max(double(r.discordant), 0.5) / r.base);
}

GiaVsAnnualCriterion::Deviation GiaVsAnnualCriterion::deviation(const Counts &school,
                                                                const Counts &region) {
    if (school.base < 1 || region.base < 1)
        return {};
    return {school.discordant, school.base, regionShare(region)};
}

CriterionFinding GiaVsAnnualCriterion::evaluate(const CriterionInput &in, double spreadVariance,
                                                double levelShare, double position) {
    CriterionFinding f;
    f.code = staticCode(criterion::GiaVsAnnual);
    f.threshold = in.settings.value(QStringLiteral("gia_annual.min_diff_pp"));
    if (in.procedure.kind == ProcedureKind::VPR) {
        f.skip(reason::NotApplicable, QStringLiteral("не проверялось: только для ОГЭ и ЕГЭ"));
        return f;
    }
    const int low = in.settings.intValue(QStringLiteral("gia_annual.ege_low_score"));
    const Counts u = count(in.unit, in.layout, low);
    const Counts r = count(in.region, in.layout, low);
    const int minN = in.settings.intValue(QStringLiteral("min_participants"));
    // ОГЭ works without their mark (only the scores) and no scale to give it: nothing to compare
    if (u.base == 0 && in.procedure.kind == ProcedureKind::OGE && in.unit.n > 0 &&
        in.unit.marks[0] == in.unit.n) {
        f.skip(reason::NotApplicable,
               QStringLiteral("не проверялось: отметок за ОГЭ в данных нет, а шкалы перевода "
                              "баллов в отметку для процедуры нет"));
        return f;
    }
    if (u.base < minN || r.base < 1) {
        f.skip(u.base == 0 ? reason::NotApplicable : reason::TooFew,
               u.base == 0 ? QStringLiteral("не проверялось: нет годовых отметок «4» и «5»")
                           : QStringLiteral("не проверялось: выпускников с годовой «4» или «5» "
                                            "%1, нужно не меньше %2")
                                 .arg(u.base)
                                 .arg(minN));
        return f;
    }
    if (u.discordant == 0 && r.discordant == 0) {
        f.skip(reason::NotApplicable,
               QStringLiteral("не проверялось: нет расхождений ни в школе, ни в регионе"));
        return f;
    }
    // The school's discordant graduates against the region's share, exactly: P(X ≥ k) for
    // X ~ Bin(n, p₀). A unit has 10–30 graduates with a «4» or «5» and the region's share is a
    // few per cent, where the normal approximation overstates significance many times (2 of 10 at
    // 3 %: z gives p = 0.0008, the binomial tail 0.035). The region's share is known from
    // thousands of graduates (not below half a graduate, so that p₀ is never 0); z stays as the
    // statistic, for orientation.
    // Schools differ honestly in how generous their annual marks are: with the region's spread
    // σ² of the share between schools, the school's count is beta-binomial with the same mean and
    // the intra-class correlation ρ = σ²/(p₀(1 − p₀)) (its variance p₀(1 − p₀)/n + σ²·(n − 1)/n).
    // at the school's level of ГИА results when known (GiaAnnualLevel), else the region's
    const bool atLevel = levelShare >= 0;
    const double p0 = atLevel ? std::clamp(levelShare, 1e-6, 1.0) : regionShare(r);
    f.pValue = ShareSpread::upperTail(u.discordant, u.base, p0, spreadVariance);
    const TestResult t = ZTest::proportionAbove(u.discordant, u.base, p0);
    f.statistic = t.valid ? t.statistic : 0;
    const double pct = 100.0 * u.discordant / u.base;
    const double refPct = 100.0 * r.discordant / r.base;
    const double expectedPct = atLevel ? 100.0 * p0 : refPct;
    f.effectSize = pct - expectedPct;
    if (f.effectSize < f.threshold)
        return f;
    f.effect = true;
    // at the school's level: both shares, and why they differ
    const QString levelText =
        atLevel ? QStringLiteral(" и ≈%1 % у школ того же уровня результатов %2 (позиция %3 ст. "
                                 "откл.; чем слабее школа, тем больше таких выпускников и при "
                                 "честных годовых отметках)")
                      .arg(NumberText::fixed(expectedPct, 1), procedureKindCode(in.procedure.kind),
                           NumberText::fixed(position, 2))
                : QString();
    f.explanation =
        QStringLiteral("Из %1 с годовой «4» или «5» у %2 (%3 %) результат %4 их не "
                       "подтверждает (%5) при %6 % по региону%7.")
            .arg(NumberText::counted(u.base, u"выпускника", u"выпускников", u"выпускников"),
                 QString::number(u.discordant), NumberText::fixed(pct, 1),
                 procedureKindCode(in.procedure.kind),
                 u.testScores
                     ? QStringLiteral("годовая «5» — тестовый балл ниже %1; или ниже минимума")
                           .arg(low)
                     : QStringLiteral("годовая «5» — «3» и ниже; годовая «4»–«5» — «2»"),
                 NumberText::fixed(refPct, 1), levelText);
    if (ShareSpread::correlation(p0, spreadVariance) > 0)
        f.explanation +=
            QStringLiteral(" В p учтён и обычный для региона разброс школ по этой доле (±%1 "
                           "п. п.: школы по-разному строги в годовых отметках).")
                .arg(NumberText::fixed(100 * std::sqrt(spreadVariance), 1));
    return f;
}

} // namespace objectivity::core
