// high_results_unconfirmed «по совокупности сравнений»: the ВПР result against the school's ГИА,
// its journal and the same pupils a year later, together. The correlation of each pair over the
// run (Pearson, the upper end of Fisher's 95 % interval, at least 0), Stouffer's sum with it, the
// gates. Expected values by hand / Python's statistics.correlation, math.atanh, math.erfc.
#include "objectivity/core/analysis/CombinedConfirmation.h"
#include "objectivity/core/analysis/AnalysisSettings.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <vector>

using namespace objectivity::core;

namespace {

using Parts = CombinedConfirmation::Parts;

Parts parts(double gia, double journal, double cohort) {
    Parts p;
    p.z = {gia, journal, cohort};
    return p;
}

constexpr double kNone = std::numeric_limits<double>::quiet_NaN();

// 40 units with ГИА and journal: x = i/10 − 2, y = x + 0.5 for every third unit, x − 0.25 for the
// others (Python: statistics.correlation = 0.9551849575861668, the upper bound
// tanh(atanh(r) + 1.959964/√37) = 0.9762207542690272); `sign` −1 mirrors y.
std::vector<Parts> pairedRegion(double sign, double cohort = kNone) {
    std::vector<Parts> region;
    for (int i = 0; i < 40; ++i) {
        const double x = i / 10.0 - 2;
        region.push_back(parts(x, sign * x + (i % 3 == 0 ? 0.5 : -0.25), cohort));
    }
    return region;
}

} // namespace

TEST(CombinedConfirmation, TheCorrelationIsTakenAtTheUpperEndOfItsInterval) {
    const auto c = CombinedConfirmation::correlationOf(pairedRegion(1));
    const int gj =
        CombinedConfirmation::pairIndex(CombinedConfirmation::Gia, CombinedConfirmation::Journal);
    EXPECT_EQ(c.units[gj], 40);
    EXPECT_NEAR(c.estimate[gj], 0.9551849575861668, 1e-12);
    EXPECT_NEAR(c.rho[gj], 0.9762207542690272, 1e-7);
    // no unit has the cohort: its pairs stay at 1 (no gain from combining)
    const int gc =
        CombinedConfirmation::pairIndex(CombinedConfirmation::Gia, CombinedConfirmation::Cohort);
    EXPECT_EQ(c.units[gc], 0);
    EXPECT_EQ(c.rho[gc], 1.0);
}

TEST(CombinedConfirmation, ANegativeCorrelationCountsAsNone) {
    // r = −0.955, its upper bound −0.916: taken as 0, or the sum of two z would grow beyond what
    // independent comparisons give
    const auto c = CombinedConfirmation::correlationOf(pairedRegion(-1));
    const int gj =
        CombinedConfirmation::pairIndex(CombinedConfirmation::Gia, CombinedConfirmation::Journal);
    EXPECT_NEAR(c.estimate[gj], -0.9551849575861667, 1e-12);
    EXPECT_EQ(c.rho[gj], 0.0);
    EXPECT_NEAR(CombinedConfirmation::combinedZ(parts(3, 3, kNone), c), 6 / std::sqrt(2.0), 1e-12);
}

TEST(CombinedConfirmation, FewUnitsWithAPairGiveNoGain) {
    std::vector<Parts> region = pairedRegion(1);
    region.resize(CombinedConfirmation::kMinPairs - 1);
    const auto c = CombinedConfirmation::correlationOf(region);
    EXPECT_EQ(c.rho[0], 1.0);
    // ρ = 1: the combined z is the mean of the two, never above the larger
    EXPECT_NEAR(CombinedConfirmation::combinedZ(parts(3, 2, kNone), c), 2.5, 1e-12);
}

TEST(CombinedConfirmation, ExemptUnitsAndAGiaAboveTheRegionDoNotEnterTheCorrelation) {
    std::vector<Parts> region = pairedRegion(1);
    for (int i = 0; i < 10; ++i) {
        Parts p = parts(5, -5, kNone); // would pull the correlation down
        (i % 2 ? p.exempt : p.giaAbove) = true;
        region.push_back(p);
    }
    const auto c = CombinedConfirmation::correlationOf(region);
    EXPECT_EQ(c.units[0], 40);
    EXPECT_NEAR(c.estimate[0], 0.9551849575861668, 1e-12);
}

TEST(CombinedConfirmation, ThreeComparisonsEachShortOfADiscoveryAreOneTogether) {
    // ρ by hand: ГИА–журнал 0.2, ГИА–когорта 0.4, журнал–когорта 0.3; z 3.0, 3.4, 3.2:
    // Z = 9.6/√(3 + 2·0.9) = 4.3817804600413295, p = 5.885669548807503e-06
    CombinedConfirmation::Correlation c;
    c.rho = {0.2, 0.4, 0.3};
    ASSERT_EQ(
        CombinedConfirmation::pairIndex(CombinedConfirmation::Journal, CombinedConfirmation::Gia),
        0);
    ASSERT_EQ(
        CombinedConfirmation::pairIndex(CombinedConfirmation::Cohort, CombinedConfirmation::Gia),
        1);
    const AnalysisSettings settings;
    const CriterionFinding f = CombinedConfirmation::evaluate(parts(3.0, 3.4, 3.2), c, settings);
    EXPECT_EQ(f.code, QStringLiteral("high_results_unconfirmed"));
    EXPECT_EQ(f.label, QStringLiteral("по совокупности сравнений"));
    EXPECT_EQ(f.correctionFamily(), QStringLiteral("high_results_unconfirmed|combined"));
    EXPECT_NEAR(f.statistic, 4.3817804600413295, 1e-12);
    EXPECT_NEAR(f.pValue, 5.885669548807503e-06, 1e-15);
    EXPECT_TRUE(f.effect);
    EXPECT_DOUBLE_EQ(f.effectSize, 3.0);
    EXPECT_TRUE(f.explanation.contains(QStringLiteral("с ГИА школы z = 3,0")));
    EXPECT_TRUE(f.explanation.contains(QStringLiteral("с журналом школы z = 3,4")));
    EXPECT_TRUE(
        f.explanation.contains(QStringLiteral("с результатом тех же учеников через год z = 3,2")));
    EXPECT_TRUE(f.explanation.contains(QStringLiteral("вместе z = 4,4")));
    EXPECT_TRUE(f.explanation.contains(
        QStringLiteral("корреляция ГИА–журнал 0,20; ГИА–те же ученики 0,40; журнал–те же ученики "
                       "0,30")))
        << f.explanation.toStdString();
    EXPECT_TRUE(f.explanation.contains(
        QStringLiteral("школа на ГИА, в журнале, через год выглядит слабее")));
    // two of them: the pair's ρ only, Z = 6.4/√(2 + 0.4)
    const CriterionFinding two =
        CombinedConfirmation::evaluate(parts(3.0, 3.4, kNone), c, settings);
    EXPECT_NEAR(two.statistic, 6.4 / std::sqrt(2.4), 1e-12);
}

TEST(CombinedConfirmation, EveryComparisonMustPointTheSameWay) {
    CombinedConfirmation::Correlation c;
    c.rho = {0, 0, 0};
    const AnalysisSettings settings;
    // a large ГИА gap and a journal that confirms the result: no combined discovery, though
    // (5.5 + 0.8)/√2 = 4.45
    const CriterionFinding f = CombinedConfirmation::evaluate(parts(5.5, 0.8, kNone), c, settings);
    EXPECT_NEAR(f.statistic, 6.3 / std::sqrt(2.0), 1e-12);
    EXPECT_TRUE(f.tested());
    EXPECT_FALSE(f.effect);
    EXPECT_DOUBLE_EQ(f.effectSize, 0.8);
    EXPECT_EQ(f.reason, QStringLiteral("effect_below_threshold"));
    EXPECT_TRUE(f.reasonText.contains(QStringLiteral("не все сравнения указывают в одну сторону")))
        << f.reasonText.toStdString();
    // one z of 50 counts as 6: a single overwhelming comparison is its own criterion's business
    EXPECT_NEAR(CombinedConfirmation::combinedZ(parts(50, 2, kNone), c), 8 / std::sqrt(2.0), 1e-12);
}

TEST(CombinedConfirmation, NotTestedWithoutTwoComparisonsOrWhereTheCriterionDoesNotApply) {
    CombinedConfirmation::Correlation c;
    const AnalysisSettings settings;
    const CriterionFinding one =
        CombinedConfirmation::evaluate(parts(4, kNone, kNone), c, settings);
    EXPECT_FALSE(one.tested());
    EXPECT_EQ(one.reason, QStringLiteral("not_applicable"));
    EXPECT_TRUE(one.reasonText.contains(QStringLiteral("есть только одно — с ГИА школы")))
        << one.reasonText.toStdString();
    Parts exempt = parts(4, 4, 4);
    exempt.exempt = true;
    EXPECT_FALSE(CombinedConfirmation::evaluate(exempt, c, settings).tested());
    Parts above = parts(4, 4, 4);
    above.giaAbove = true;
    above.skipText = QStringLiteral("подтверждено ГИА школы по предмету (ОГЭ 2024, 35 уч.): "
                                    "+0,82 при ст. ошибке 0,30 — выше региона");
    const CriterionFinding confirmed = CombinedConfirmation::evaluate(above, c, settings);
    EXPECT_FALSE(confirmed.tested());
    EXPECT_EQ(confirmed.reason, QStringLiteral("confirmed"));
    EXPECT_EQ(confirmed.reasonText, above.skipText);
}
