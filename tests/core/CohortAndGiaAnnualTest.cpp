// cohort_drop and gia_vs_annual on hand-made inputs: a planted and an honest case each, the
// expected statistic and p derived by hand (SciPy: norm.sf), the reasons when not tested.
#include "objectivity/core/analysis/CohortDropCriterion.h"
#include "objectivity/core/analysis/GiaVsAnnualCriterion.h"
#include "objectivity/core/stats/ShareSpread.h"

#include "CriterionInputs.h"

#include <gtest/gtest.h>

#include <cmath>

using namespace objectivity;
using namespace objectivity::core;

TEST(CohortDrop, HighGrade4NotConfirmedInGrade5) {
    const AnalysisSettings settings;
    // drop 1.0 − 0.1 = 0.9, z = 0.9 / sqrt(1/30 + 1/30) = 3.48569, p = norm.sf(z) = 2.4544e-4
    const CriterionFinding f =
        CohortDropCriterion::evaluate({2023, 30, 1.0, 80, 60}, {2024, 30, 0.1, 62, 60}, settings);
    ASSERT_TRUE(f.tested());
    EXPECT_TRUE(f.effect);
    EXPECT_NEAR(f.statistic, 3.48569, 1e-5);
    EXPECT_NEAR(f.pValue, 2.45439e-4, 1e-8);
    EXPECT_NEAR(f.effectSize, 0.9, 1e-12);
    EXPECT_EQ(f.kind(), CriterionKind::Results);
    EXPECT_TRUE(f.explanation.contains(QStringLiteral("высокий результат 4 класса не "
                                                      "подтвердился")));
}

TEST(CohortDrop, WeakCohortInflatedToTheRegionsLevelInGrade4) {
    // the weak school's grade 4 inflated only a little above the region (+0.2, below the former
    // 0.4 premise), the same pupils clearly below it in grade 5 (−0.6): the school is compared with
    // itself, not only with the region. drop 0.8, z = 0.8 / sqrt(1/40 + 1/40) = 3.577709,
    // p = norm.sf(z) = 1.73310e-4
    const AnalysisSettings settings;
    const CriterionFinding f =
        CohortDropCriterion::evaluate({2023, 40, 0.2, 64, 60}, {2024, 40, -0.6, 50, 60}, settings);
    ASSERT_TRUE(f.tested());
    EXPECT_TRUE(f.effect);
    EXPECT_NEAR(f.statistic, 3.577709, 1e-6);
    EXPECT_NEAR(f.pValue, 1.73310e-4, 1e-8);
    EXPECT_NEAR(f.effectSize, 0.8, 1e-12);
}

TEST(CohortDrop, ConfirmedOrOrdinaryGrade4IsNoSign) {
    const AnalysisSettings settings;
    // the same cohort stays high: drop 0.2 < 0.5
    CriterionFinding f =
        CohortDropCriterion::evaluate({2023, 30, 1.0, 80, 60}, {2024, 30, 0.8, 75, 60}, settings);
    ASSERT_TRUE(f.tested());
    EXPECT_FALSE(f.effect);
    // a grade 4 below the region (−0.1 < 0) that drops is no sign of an inflated grade 4; the
    // reason says so (the drop alone, 0.9, is above its threshold)
    f = CohortDropCriterion::evaluate({2023, 30, -0.1, 58, 60}, {2024, 30, -1.0, 45, 60}, settings);
    ASSERT_TRUE(f.tested());
    EXPECT_FALSE(f.effect);
    EXPECT_EQ(f.reason, QStringLiteral("effect_below_threshold"));
    EXPECT_EQ(f.reasonText,
              QStringLiteral("эффект ниже порога: результат 4 класса в 2023 году ниже региона "
                             "(−0,10 ст. откл., нужно не меньше 0,0) — критерий ищет результат "
                             "не ниже региона, не подтвердившийся через год"));
    // a weak cohort whose grade 4 only reaches the region's level, and stays weak in grade 5, is
    // the weak school's grade 4 «confirmed»: drop 0.1 < 0.5
    f = CohortDropCriterion::evaluate({2023, 40, 0.1, 62, 60}, {2024, 40, 0.0, 60, 60}, settings);
    EXPECT_FALSE(f.effect);
    // a grade improving: no drop
    f = CohortDropCriterion::evaluate({2023, 30, 0.5, 65, 60}, {2024, 30, 1.5, 80, 60}, settings);
    EXPECT_FALSE(f.effect);
    EXPECT_GT(f.pValue, 0.99);
    f = CohortDropCriterion::evaluate({2023, 1, 2.0, 95, 60}, {2024, 30, -1, 40, 60}, settings);
    EXPECT_FALSE(f.tested());
    EXPECT_EQ(f.reason, QStringLiteral("too_few_participants"));
}

namespace {

struct OgeFixture : test::CriterionInputs {

    OgeFixture() {
        procedure.kind = ProcedureKind::OGE;
        // the region: 1000 students with annual «5», 100 of them got «3» at the ОГЭ
        region.annualTable[5 * 6 + 5] = 900;
        region.annualTable[5 * 6 + 3] = 100;
    }
    void setUnit(int discordant, int total) {
        unit.annualTable[5 * 6 + 3] = discordant;
        unit.annualTable[5 * 6 + 5] = total - discordant;
    }
    CriterionFinding evaluate(double spread = 0) const {
        return GiaVsAnnualCriterion::evaluate(input(), spread);
    }
};

} // namespace

TEST(GiaVsAnnual, AnnualFivesTheOgeDoesNotSupport) {
    OgeFixture f;
    f.setUnit(8, 20); // 40 % against 10 %: P(X ≥ 8), X ~ Bin(20, 0.1) (SciPy binom.sf(7, 20, 0.1))
    const CriterionFinding r = f.evaluate();
    ASSERT_TRUE(r.tested());
    EXPECT_TRUE(r.effect);
    EXPECT_NEAR(r.pValue, 0.00041563501884547615, 1e-15);
    EXPECT_NEAR(r.statistic, 0.3 / std::sqrt(0.1 * 0.9 / 20), 1e-9); // z, for orientation
    EXPECT_NEAR(r.effectSize, 30, 1e-9);
    // the annual marks are in doubt, not the ОГЭ: a sign of the school's own marking
    EXPECT_EQ(r.kind(), CriterionKind::CurrentAssessment);
    EXPECT_TRUE(r.explanation.contains(QStringLiteral("у 8 (40,0 %)")))
        << r.explanation.toStdString();
}

// ОГЭ results without the marks and no scale to give them: the reason says so, not «no annual
// marks».
TEST(GiaVsAnnual, WithoutOgeMarksTheReasonSaysWhy) {
    OgeFixture f;
    f.unit.n = 25;
    f.unit.marks[0] = 25;
    CriterionFinding r = f.evaluate();
    EXPECT_FALSE(r.tested());
    EXPECT_EQ(r.reasonText, QStringLiteral("не проверялось: отметок за ОГЭ в данных нет, а шкалы "
                                           "перевода баллов в отметку для процедуры нет"));
    // marks given, no annual «4» or «5»
    f.unit.marks[0] = 0;
    f.unit.marks[3] = 25;
    r = f.evaluate();
    EXPECT_EQ(r.reasonText, QStringLiteral("не проверялось: нет годовых отметок «4» и «5»"));
}

// ЕГЭ Математика (база) has a mark and no test score: it is read by its marks, as the ОГЭ (an
// ЕГЭ read by test scores only would find no graduate to test and never name the school).
TEST(GiaVsAnnual, BasicMathIsReadByItsMarks) {
    OgeFixture f;
    f.procedure.kind = ProcedureKind::EGE;
    f.procedure.subject = QStringLiteral("Математика (база)");
    f.layout.ege = true;
    for (UnitAccumulator *acc : {&f.unit, &f.region}) { // as UnitAccumulator::init for an ЕГЭ
        acc->testHist.assign(UnitAccumulator::kTestScores, 0);
        acc->annualTest.assign(6 * UnitAccumulator::kTestScores, 0);
    }
    f.setUnit(8, 20);
    const CriterionFinding r = f.evaluate();
    ASSERT_TRUE(r.tested()) << r.reasonText.toStdString();
    EXPECT_TRUE(r.effect);
    EXPECT_NEAR(r.pValue, 0.00041563501884547615, 1e-15); // binom.sf(7, 20, 0.1), as the ОГЭ
    EXPECT_TRUE(r.explanation.contains(QStringLiteral("результат ЕГЭ их не подтверждает "
                                                      "(годовая «5» — «3» и ниже")))
        << r.explanation.toStdString();
    // an ЕГЭ with test scores keeps its own reading: annual «5» with a score below 60
    OgeFixture scored;
    scored.procedure.kind = ProcedureKind::EGE;
    scored.layout.ege = true;
    scored.region = UnitAccumulator();
    scored.unit = UnitAccumulator();
    for (UnitAccumulator *acc : {&scored.unit, &scored.region}) {
        acc->testHist.assign(UnitAccumulator::kTestScores, 0);
        acc->annualTest.assign(6 * UnitAccumulator::kTestScores, 0);
    }
    auto put = [](UnitAccumulator &acc, int score, int n) {
        acc.testHist[static_cast<std::size_t>(score)] += n;
        acc.annualTest[static_cast<std::size_t>(5 * UnitAccumulator::kTestScores + score)] += n;
    };
    put(scored.region, 80, 900);
    put(scored.region, 40, 100);
    put(scored.unit, 80, 12);
    put(scored.unit, 40, 8);
    const AnalysisSettings defaults;
    const GiaVsAnnualCriterion::Counts c = GiaVsAnnualCriterion::count(
        scored.unit, scored.layout, defaults.intValue(QStringLiteral("gia_annual.ege_low_score")));
    EXPECT_TRUE(c.testScores);
    EXPECT_EQ(c.base, 20);
    EXPECT_EQ(c.discordant, 8);
}

TEST(GiaVsAnnual, TwoOfTenIsTheExactBinomialTailNotTheNormalOne) {
    OgeFixture f;
    f.region.annualTable[5 * 6 + 5] = 970; // the region: 3 % of 1000
    f.region.annualTable[5 * 6 + 3] = 30;
    f.setUnit(2, 10); // 20 % against 3 %: 17 p. p., above the threshold
    const CriterionFinding r = f.evaluate();
    ASSERT_TRUE(r.tested());
    EXPECT_TRUE(r.effect);
    // SciPy binom.sf(1, 10, 0.03); the normal approximation would give 0.0008
    EXPECT_NEAR(r.pValue, 0.03450655550870217, 1e-14);
    // no discordance in the region at all: p₀ = 0.5/1000, not 0
    f.region.annualTable[5 * 6 + 5] = 1000;
    f.region.annualTable[5 * 6 + 3] = 0;
    EXPECT_NEAR(f.evaluate().pValue,
                1 - std::pow(1 - 0.0005, 10) - 10 * 0.0005 * std::pow(0.9995, 9), 1e-12);
}

TEST(GiaVsAnnual, OrdinaryDiscordanceIsNoSign) {
    OgeFixture f;
    f.setUnit(3, 20); // 15 % against 10 %: 5 p. p. < 15
    CriterionFinding r = f.evaluate();
    ASSERT_TRUE(r.tested());
    EXPECT_FALSE(r.effect);
    EXPECT_NEAR(r.effectSize, 5, 1e-9);
    f.setUnit(4, 8); // 8 students: below the minimum of 10
    r = f.evaluate();
    EXPECT_FALSE(r.tested());
    EXPECT_EQ(
        r.reasonText,
        QStringLiteral("не проверялось: выпускников с годовой «4» или «5» 8, нужно не меньше 10"));
    f.procedure.kind = ProcedureKind::VPR;
    EXPECT_EQ(f.evaluate().reason, QStringLiteral("not_applicable"));
}

TEST(GiaVsAnnual, TheRegionsSpreadOfSchoolsMakesTheTestBetaBinomial) {
    OgeFixture f;
    f.setUnit(8, 20); // 40 % against 10 %
    // schools differ by ±5 p. p. beyond chance: ρ = 0.0025/(0.1·0.9) = 0.02778, Beta(3.5, 31.5);
    // SciPy betabinom.sf(7, 20, 3.5, 31.5) (binomial alone: 0.000416)
    const CriterionFinding r = f.evaluate(0.05 * 0.05);
    ASSERT_TRUE(r.tested());
    EXPECT_NEAR(r.pValue, 0.0055108329501586395, 1e-14);
    EXPECT_TRUE(r.effect);
    EXPECT_TRUE(r.explanation.contains(QStringLiteral("разброс школ по этой доле (±5,0 п. п.")))
        << r.explanation.toStdString();
    // no spread: the binomial test, no word of it
    const CriterionFinding plain = f.evaluate(0);
    EXPECT_NEAR(plain.pValue, 0.00041563501884547615, 1e-15);
    EXPECT_FALSE(plain.explanation.contains(QStringLiteral("разброс")));
}

TEST(GiaVsAnnual, TheSpreadIsTheSchoolsVarianceLessTheirChance) {
    // 30 schools of 20 graduates against the region's 10 %: k = 0, 1, 2, 3, 4, 5, 6, 2, 2, 1
    // three times; var(d) − mean(s²) = 0.0038793103448275844 (numpy)
    const GiaVsAnnualCriterion::Counts region{1000, 100};
    std::vector<GiaVsAnnualCriterion::Deviation> schools;
    for (int copy = 0; copy < 3; ++copy)
        for (const int k : {0, 1, 2, 3, 4, 5, 6, 2, 2, 1})
            schools.push_back(GiaVsAnnualCriterion::deviation({20, k}, region));
    EXPECT_NEAR(schools[3].d(), 0.05, 1e-15);
    EXPECT_NEAR(schools[3].variance(), 0.1 * 0.9 / 20, 1e-15);
    EXPECT_NEAR(ShareSpread::of(schools), 0.0038793103448275844, 1e-15);
    // schools no more different than chance: 0, never negative
    std::vector<GiaVsAnnualCriterion::Deviation> alike(
        30, GiaVsAnnualCriterion::deviation({20, 2}, region));
    EXPECT_EQ(ShareSpread::of(alike), 0.0);
    // three schools with 75 % discordant are left out of the estimate: with them the moments
    // would give 0.035855113636363636 (numpy), and their z (2.8) would hide them
    std::vector<GiaVsAnnualCriterion::Deviation> withSigns = schools;
    for (int i = 0; i < 3; ++i)
        withSigns.push_back(GiaVsAnnualCriterion::deviation({20, 15}, region));
    EXPECT_NEAR(ShareSpread::of(withSigns), 0.0038793103448275844, 1e-15);
    // fewer than 30 schools: not estimated
    schools.pop_back();
    EXPECT_EQ(ShareSpread::of(schools), 0.0);
}
