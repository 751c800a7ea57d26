// difficulty_inversion with the classes of the parallel: help in one class of two is found and
// named, an honest parallel is not, one class only is the parallel. Expected values by hand:
// one hard task of 2 points; in the region, of the 100 participants with primary score 3, half
// have 0 and half 2 points on it (mean 1, variance 1). The region's mean is known to ±1/√100, so
// E of n pupils at that score has its own variance R = n²·1/100 beside the pupils' V = n·1.
#include "objectivity/core/analysis/DifficultyInversionCriterion.h"
#include "objectivity/core/stats/NormalDistribution.h"

#include "CriterionInputs.h"

#include <gtest/gtest.h>

#include <cmath>

using namespace objectivity;
using namespace objectivity::core;

namespace {

struct Fixture : test::CriterionInputs {
    UnitAccumulator classA, classB;

    Fixture() {
        layout.maxPrimary = 4;
        layout.maxEasy = 2;
        layout.maxHard = 2;
        region.hardByPrimary.assign(5 * 3, 0);
        region.hardByPrimary[3 * 3 + 0] = 50;
        region.hardByPrimary[3 * 3 + 2] = 50;
        settings.setValue(QStringLiteral("min_participants"), 10);
    }
    // `twos` of the class's 12 participants (all with primary score 3) have 2 hard points, the
    // others 0
    static void fill(UnitAccumulator &acc, int twos) {
        acc.n = acc.taskWorks = 12;
        for (int i = 0; i < 12; ++i)
            acc.hardPairs.push_back((3u << 16) | (i < twos ? 2u : 0u));
    }
    void parallel() {
        unit.n = classA.n + classB.n;
        unit.taskWorks = classA.taskWorks + classB.taskWorks;
        unit.hardPairs = classA.hardPairs;
        unit.hardPairs.insert(unit.hardPairs.end(), classB.hardPairs.begin(),
                              classB.hardPairs.end());
    }
    CriterionFinding evaluate() const {
        return DifficultyInversionCriterion::evaluate(
            input(), {{QStringLiteral("5А"), &classA}, {QStringLiteral("5Б"), &classB}});
    }
};

// P(all 12 pupils have 2 points) when each has them with probability e^{2δ}/(1 + e^{2δ}) and δ ~
// N(0, variance): ∫ (e^{2δ}/(1 + e^{2δ}))¹²·φ(δ/σ)/σ dδ by Simpson's rule over ±10 σ
double allTwelveMixed(double variance) {
    const double sd = std::sqrt(variance);
    const int steps = 4000;
    const double lo = -10 * sd, h = 20 * sd / steps;
    double sum = 0;
    for (int i = 0; i <= steps; ++i) {
        const double d = lo + i * h, share = 1 / (1 + std::exp(-2 * d));
        const double weight = (i == 0 || i == steps) ? 1 : (i % 2 ? 4 : 2);
        sum += weight * std::pow(share, 12) * std::exp(-d * d / (2 * variance)) /
               (sd * std::sqrt(2 * M_PI));
    }
    return sum * h / 3;
}

} // namespace

TEST(DifficultyInversionClasses, HelpInOneClassIsFoundAndNamed) {
    Fixture f;
    Fixture::fill(f.classA, 12); // every pupil of 5А solved the hard task: O 24, E 12, V 12
    Fixture::fill(f.classB, 6);  // 5Б as the region: O 12, E 12
    f.parallel();
    // the parallel alone: O 36, E 24, V 24, R = 24²/100 = 5.76, z = 11.5/√29.76 = 2.108
    const CriterionFinding whole = DifficultyInversionCriterion::evaluate(f.input());
    EXPECT_NEAR(whole.statistic, 11.5 / std::sqrt(29.76), 1e-12);
    EXPECT_NEAR(whole.effectSize, 25.0, 1e-12); // 12 points above E of 48 possible
    const CriterionFinding r = f.evaluate();
    ASSERT_TRUE(r.tested());
    EXPECT_TRUE(r.effect);
    EXPECT_EQ(r.label, QStringLiteral("класс 5А"));
    // 5А: V 12, R = 12²/100 = 1.44, z = 11.5/√13.44 = 3.137; p is the tail of the sum itself:
    // every one of the 12 pupils has 2 points, with the region's noise as a tilt of variance
    // R/V² = 0.01 (0.5¹² = 0.000244 without it); two classes and the parallel: p = 2·2·P
    EXPECT_NEAR(r.statistic, 11.5 / std::sqrt(13.44), 1e-12);
    EXPECT_NEAR(r.pValue / (4 * allTwelveMixed(0.01)), 1.0, 1e-3);
    EXPECT_LT(r.pValue, 2 * whole.pValue); // the class is the stronger evidence
    EXPECT_NEAR(r.effectSize, 50.0, 1e-12);
    EXPECT_TRUE(r.explanation.startsWith(QStringLiteral("В классе 5А (12 из 24 участников): ")))
        << r.explanation.toStdString();
    EXPECT_TRUE(r.explanation.contains(QStringLiteral("p умножено на 4")));
    // the points in the noun's form their number takes: 24 (5А's) «балла», 36 (the parallel's)
    // «баллов»
    EXPECT_TRUE(r.explanation.contains(QStringLiteral("(24 балла вместо 12)")))
        << r.explanation.toStdString();
    EXPECT_TRUE(whole.explanation.contains(QStringLiteral("(36 баллов вместо 24)")))
        << whole.explanation.toStdString();
}

TEST(DifficultyInversionClasses, AnHonestParallelIsNot) {
    Fixture f;
    Fixture::fill(f.classA, 6); // both classes as the region: O = E = 12
    Fixture::fill(f.classB, 6);
    f.parallel();
    const CriterionFinding r = f.evaluate();
    ASSERT_TRUE(r.tested());
    EXPECT_FALSE(r.effect);
    EXPECT_TRUE(r.label.isEmpty());
    // the parallel (O 24 = E 24): z = −0.5/√(24 + 5.76), p doubled for the look at the classes
    EXPECT_NEAR(r.pValue, std::min(1.0, 2 * NormalDistribution::sf(-0.5 / std::sqrt(29.76))),
                1e-15);
    // one more «2» in 5А than the region expects: 8.3 p. p. above (over the 5 p. p. threshold) but
    // z = 1.5/√12 = 0.433, p = 4·0.3325 > 1 → 1: the class is named, never significant
    f.classA.hardPairs.clear();
    Fixture::fill(f.classA, 7);
    f.parallel();
    const CriterionFinding small = f.evaluate();
    EXPECT_TRUE(small.effect);
    EXPECT_EQ(small.pValue, 1.0);
}

TEST(DifficultyInversionClasses, OneClassLargeEnoughIsTheParallel) {
    Fixture f;
    Fixture::fill(f.classA, 12);
    Fixture::fill(f.classB, 6);
    f.classB.n = f.classB.taskWorks = 9; // below min_participants: not tested on its own
    f.parallel();
    const CriterionFinding r = f.evaluate();
    const CriterionFinding whole = DifficultyInversionCriterion::evaluate(f.input());
    EXPECT_EQ(r.pValue, whole.pValue); // no correction: nothing was chosen
    EXPECT_TRUE(r.label.isEmpty());
}

TEST(DifficultyInversionClasses, TheRegionsSpreadOfSchoolsWidensTheError) {
    Fixture f;
    Fixture::fill(f.classA, 12);
    Fixture::fill(f.classB, 6);
    f.parallel();
    // the spread of schools is a tilt δ ~ N(0, s²), s² = 0.05 for the parallel: it moves the
    // points by V·δ, V = 24, so the variance is 24 + R 5.76 + 0.05·24² = 58.56 (the schools'
    // ±√0.05·24/48 = 11,2 п. п.)
    const CriterionFinding whole = DifficultyInversionCriterion::evaluate(f.input(), 0.05);
    EXPECT_NEAR(whole.statistic, 11.5 / std::sqrt(58.56), 1e-12);
    EXPECT_NEAR(whole.effectSize, 25.0, 1e-12); // the effect is the school's own
    EXPECT_TRUE(whole.explanation.contains(QStringLiteral("разброс школ по этой доле сверх "
                                                          "случайного (±11,2 п. п.")))
        << whole.explanation.toStdString();
    // a ВПР's spread has one more honest source than an ОГЭ's: every school writes its own
    // variants (ФИС ОКО generates them for each school from the bank of analogous tasks)
    EXPECT_TRUE(whole.explanation.contains(QStringLiteral("варианты ВПР у каждой школы свои")))
        << whole.explanation.toStdString();
    f.procedure.kind = ProcedureKind::OGE;
    const CriterionFinding oge = DifficultyInversionCriterion::evaluate(f.input(), 0.05);
    EXPECT_EQ(oge.statistic, whole.statistic);
    EXPECT_FALSE(oge.explanation.contains(QStringLiteral("варианты ВПР")))
        << oge.explanation.toStdString();
    f.procedure.kind = ProcedureKind::VPR;
    // R is 24 % of V: the explanation says the expectation itself is rough
    EXPECT_TRUE(whole.explanation.contains(QStringLiteral("В регионе немного участников с такими "
                                                          "же первичными баллами")))
        << whole.explanation.toStdString();
    // classes have their own s² (0.2): 5А 12 + 1.44 + 0.2·12² = 42.24
    const CriterionFinding r = DifficultyInversionCriterion::evaluate(
        f.input(), {{QStringLiteral("5А"), &f.classA}, {QStringLiteral("5Б"), &f.classB}}, 0.05,
        0.2);
    const double zClass = 11.5 / std::sqrt(42.24), zWhole = 11.5 / std::sqrt(58.56);
    // the parallel's p (×2) is now below the class's (×4): the finding is the parallel's
    ASSERT_LT(2 * NormalDistribution::sf(zWhole), 4 * NormalDistribution::sf(zClass));
    EXPECT_TRUE(r.label.isEmpty());
    EXPECT_EQ(r.pValue, 2 * whole.pValue);
    // z < 2: p is the normal's
    EXPECT_NEAR(r.pValue, 2 * NormalDistribution::sf(zWhole), 1e-15);
    // excessOf: the share and its error without any σ²
    const auto e = DifficultyInversionCriterion::excessOf(f.unit, f.region, f.layout.maxHard);
    EXPECT_NEAR(e.share(), 12.0 / 48, 1e-15);
    EXPECT_NEAR(e.shareError(), std::sqrt(24.0) / 48, 1e-15);
    EXPECT_NEAR(e.referenceVariance, 5.76, 1e-12);
    EXPECT_NEAR(e.tiltError(), std::sqrt(29.76) / 24, 1e-15);
    // against a region with the parallel counted in it, the parallel pulls the expectation
    // towards itself: 36 of its points among 124 (so the region must be the rest of it)
    UnitAccumulator all = f.region;
    for (const std::uint32_t pair : f.unit.hardPairs)
        ++all.hardByPrimary[(pair >> 16) * 3 + (pair & 0xFFFF)];
    const auto in = DifficultyInversionCriterion::excessOf(f.unit, all, 2);
    EXPECT_NEAR(in.expected, 24 * (100.0 + 36) / 124, 1e-12);
}

// With the region's spread of schools the tail is the pupils' sum mixed over the school's tilt δ:
// every one of 12 pupils at 2 points (O = 24, E = 12, V = 12), s² = 0.01 (V·δ has variance 1.44
// points²) and the region's noise R = 1.44 as much again, z = 11.5/√14.88 = 2.98. A pupil tilted
// by δ has 2 points with probability e^{2δ}/(1 + e^{2δ}), so exactly p = allTwelveMixed(0.02).
TEST(DifficultyInversionClasses, TheTailWithTheSpreadOfSchoolsIsTheSumMixedOverTheTilt) {
    Fixture f;
    Fixture::fill(f.unit, 12);
    const CriterionFinding r = DifficultyInversionCriterion::evaluate(f.input(), 0.01);
    EXPECT_NEAR(r.statistic, 11.5 / std::sqrt(14.88), 1e-12);
    const double exact = allTwelveMixed(0.02);
    EXPECT_NEAR(r.pValue / exact, 1.0, 1e-3) << r.pValue << " vs " << exact;
    // without the spread and the noise: 0.5¹²; the normal with the same variance would say
    // sf(2.98), and a normal spread of the share of the same variance P(2·B(12, ½) + N(0, 2.88)
    // ≥ 23.5)
    EXPECT_GT(r.pValue, 1.5 * std::pow(0.5, 12));
    EXPECT_GT(std::abs(NormalDistribution::sf(r.statistic) / exact - 1), 0.08);
    double normalPart = 0, binomial = 1.0 / 4096; // C(12, k)/2¹²
    for (int k = 0; k <= 12; ++k) {
        normalPart += binomial * NormalDistribution::sf((23.5 - 2 * k) / std::sqrt(2.88));
        binomial = binomial * (12 - k) / (k + 1);
    }
    EXPECT_GT(std::abs(normalPart / exact - 1), 0.08) << normalPart << " vs " << exact;
}

// «из 21 участника», not «из 21 участников»: the count after «из» takes its genitive form
TEST(DifficultyInversionClasses, TheClassesShareOfTheParallelReadsInRussian) {
    Fixture f;
    f.settings.setValue(QStringLiteral("min_participants"), 9);
    Fixture::fill(f.classA, 12);
    Fixture::fill(f.classB, 6);
    f.classB.hardPairs.resize(9); // 9 pupils in 5Б, 6 of them with 2 points
    f.classB.n = f.classB.taskWorks = 9;
    f.parallel();
    const CriterionFinding r = f.evaluate();
    EXPECT_EQ(r.label, QStringLiteral("класс 5А"));
    EXPECT_TRUE(r.explanation.startsWith(QStringLiteral("В классе 5А (12 из 21 участника): ")))
        << r.explanation.toStdString();
}

// A region with 3 participants at the unit's score (0, 1 and 1 point of 2): all 12 of the unit's
// pupils have 2, more than any of them. The region's distribution there makes 24 points out of
// reach (the saddlepoint's p would be 0); with so few participants p is the normal's with the
// region's noise: mean 2/3, v = 2/9, V = 12·2/9 = 8/3, R = 12²·(2/9)/3 = 32/3, O − E = 24 − 8,
// z = 15.5/√(40/3) = 4.24.
TEST(DifficultyInversionClasses, ARegionOfAFewParticipantsAtAScoreIsNotOutOfReach) {
    Fixture f;
    f.region.hardByPrimary.assign(5 * 3, 0);
    f.region.hardByPrimary[3 * 3 + 0] = 1;
    f.region.hardByPrimary[3 * 3 + 1] = 2;
    Fixture::fill(f.unit, 12);
    const CriterionFinding r = DifficultyInversionCriterion::evaluate(f.input());
    const double z = 15.5 / std::sqrt(40.0 / 3);
    EXPECT_NEAR(r.statistic, z, 1e-12);
    EXPECT_GT(r.pValue, 0.0);
    EXPECT_NEAR(r.pValue, NormalDistribution::sf(z), 1e-15);
    bool sparse = false;
    EXPECT_EQ(DifficultyInversionCriterion::upperTail(f.unit, f.region, 2, 0.0, &sparse), 0.0);
    EXPECT_TRUE(sparse);
}
