// person_fit: the share of aberrant works of a unit (or of one class) against the rest of the
// region. Expected p-values from SciPy: scipy.stats.binom.sf(k − 1, n, p0).
#include "objectivity/core/analysis/PersonFitCriterion.h"

#include <gtest/gtest.h>

#include <cmath>

using namespace objectivity::core;

namespace {

const PersonFitIndex::Counts kRegion{10000, 100}; // p0 = 1 %

AnalysisSettings settings() {
    AnalysisSettings s;
    s.setValue(QStringLiteral("min_participants"), 10);
    return s;
}

} // namespace

TEST(PersonFitCriterion, ManyAberrantWorksAreAnEffect) {
    const CriterionFinding f = PersonFitCriterion::evaluate(settings(), {25, 8}, kRegion);
    ASSERT_TRUE(f.tested());
    EXPECT_EQ(f.code, QStringLiteral("person_fit"));
    EXPECT_EQ(f.kind(), CriterionKind::Results);
    EXPECT_NEAR(f.pValue, 9.293864046642567e-11, 1e-20); // binom.sf(7, 25, 0.01)
    EXPECT_DOUBLE_EQ(f.statistic, 8);
    EXPECT_NEAR(f.effectSize, 31.0, 1e-9); // 32 % − 1 %
    EXPECT_DOUBLE_EQ(f.threshold, 10);
    EXPECT_TRUE(f.effect);
    EXPECT_TRUE(f.explanation.contains(QStringLiteral("8 из 25"))) << qPrintable(f.explanation);
}

TEST(PersonFitCriterion, OneOrTwoAberrantPupilsAreNoSign) {
    // 2 of 12: 15.7 p.p. above the region and p = 0.0062, but two pupils are below the minimum
    CriterionFinding f = PersonFitCriterion::evaluate(settings(), {12, 2}, kRegion);
    EXPECT_TRUE(f.tested());
    EXPECT_FALSE(f.effect);
    EXPECT_EQ(f.reasonText,
              QStringLiteral("эффект ниже порога: нетипичных работ 2, нужно не меньше 3"));
    // 3 of 10 is an effect (p = binom.sf(2, 10, 0.01))
    f = PersonFitCriterion::evaluate(settings(), {10, 3}, kRegion);
    EXPECT_TRUE(f.effect);
    EXPECT_NEAR(f.pValue, 0.00011384911790577965, 1e-15);
}

TEST(PersonFitCriterion, ShareLikeTheRegionIsNoEffect) {
    // 5 of 300 (1.7 %) with 3+ works: below the excess threshold
    const CriterionFinding f = PersonFitCriterion::evaluate(settings(), {300, 5}, kRegion);
    EXPECT_FALSE(f.effect);
    EXPECT_LT(f.effectSize, 1.0);
    // none aberrant: p = 1
    EXPECT_DOUBLE_EQ(PersonFitCriterion::evaluate(settings(), {25, 0}, kRegion).pValue, 1.0);
}

TEST(PersonFitCriterion, OneClassOfTheParallelIsFoundAndNamed) {
    // 4 classes of 25; 8 aberrant works in 5Б, 1 in 5А: the parallel (9 of 100, +8 p.p.) is below
    // the threshold, the class is not
    const std::vector<PersonFitCriterion::ClassCounts> classes = {{QStringLiteral("5А"), {25, 1}},
                                                                  {QStringLiteral("5Б"), {25, 8}},
                                                                  {QStringLiteral("5В"), {25, 0}},
                                                                  {QStringLiteral("5Г"), {25, 0}}};
    const CriterionFinding f = PersonFitCriterion::evaluate(settings(), {100, 9}, kRegion, classes);
    EXPECT_TRUE(f.effect);
    EXPECT_EQ(f.label, QStringLiteral("класс 5Б"));
    // Šidák over 4 classes, doubled: −2·expm1(4·log1p(−binom.sf(7, 25, 0.01)))
    EXPECT_NEAR(f.pValue, 7.435091236277544e-10, 1e-18);
    EXPECT_TRUE(f.explanation.startsWith(QStringLiteral("В классе 5Б (25 из 100 работ параллели): "
                                                        "работ с нетипичным профилем")))
        << qPrintable(f.explanation);
}

TEST(PersonFitCriterion, HonestParallelStaysTheParallel) {
    const std::vector<PersonFitCriterion::ClassCounts> classes = {{QStringLiteral("5А"), {25, 1}},
                                                                  {QStringLiteral("5Б"), {25, 0}},
                                                                  {QStringLiteral("5В"), {25, 1}},
                                                                  {QStringLiteral("5Г"), {25, 0}}};
    const CriterionFinding f = PersonFitCriterion::evaluate(settings(), {100, 2}, kRegion, classes);
    EXPECT_FALSE(f.effect);
    EXPECT_TRUE(f.label.isEmpty());
    // the parallel's p doubled: 2·binom.sf(1, 100, 0.01)
    EXPECT_NEAR(f.pValue, 2 * 0.26423802107704364, 1e-12);
}

TEST(PersonFitCriterion, WholeParallelHelpedIsTheParallel) {
    const std::vector<PersonFitCriterion::ClassCounts> classes = {{QStringLiteral("5А"), {25, 6}},
                                                                  {QStringLiteral("5Б"), {25, 7}}};
    const CriterionFinding f = PersonFitCriterion::evaluate(settings(), {50, 13}, kRegion, classes);
    EXPECT_TRUE(f.effect);
    EXPECT_TRUE(f.label.isEmpty()); // the parallel's p is the smaller
}

TEST(PersonFitCriterion, TheSpreadOfSchoolsWidensTheTest) {
    // where honest units differ beyond chance (a teacher who taught one topic well makes a hard
    // task easy for the school), the count is beta-binomial with the region's spread σ² of the
    // share: 8 of 25 at p0 = 1 % and σ = 2 p.p. (ρ = 0.0004/(0.01·0.99)). Expected by hand:
    // Σ_{j≥8} C(25, j)·B(j + a, 25 − j + b)/B(a, b), a = p0(1/ρ − 1), b = (1 − p0)(1/ρ − 1)
    const CriterionFinding f = PersonFitCriterion::evaluate(settings(), {25, 8}, kRegion, 0.0004);
    EXPECT_TRUE(f.effect); // the effect is the excess share, as without the spread
    EXPECT_NEAR(f.pValue, 0.0002271026477829324, 1e-15);
    EXPECT_TRUE(
        f.explanation.contains(QStringLiteral("между школами сверх случайного (±2,0 п. п.")))
        << qPrintable(f.explanation);
    // no spread: the binomial, and no word of it
    const CriterionFinding binomial = PersonFitCriterion::evaluate(settings(), {25, 8}, kRegion, 0);
    EXPECT_NEAR(binomial.pValue, 9.293864046642567e-11, 1e-20);
    EXPECT_FALSE(binomial.explanation.contains(QStringLiteral("сверх случайного")));
}

TEST(PersonFitCriterion, ClassesAreTestedWithTheSpreadOfClasses) {
    // the parallel with the units' spread (0 here), its classes with the classes' (σ = 5 p.p.):
    // Šidák over 4 classes, doubled, of the beta-binomial tail of 8 of 25 (by hand: 0.0089678…)
    const std::vector<PersonFitCriterion::ClassCounts> classes = {{QStringLiteral("5А"), {25, 1}},
                                                                  {QStringLiteral("5Б"), {25, 8}},
                                                                  {QStringLiteral("5В"), {25, 0}},
                                                                  {QStringLiteral("5Г"), {25, 0}}};
    const CriterionFinding f =
        PersonFitCriterion::evaluate(settings(), {100, 9}, kRegion, classes, 0, 0.0025);
    EXPECT_EQ(f.label, QStringLiteral("класс 5Б"));
    EXPECT_NEAR(f.pValue, 0.07078355852392242, 1e-12);
    EXPECT_TRUE(f.explanation.contains(
        QStringLiteral("между классами сверх случайного (±5,0 п. п.: учителя по-разному учат "
                       "отдельным темам, и задания, трудные для региона, бывают лёгкими для "
                       "класса)")))
        << qPrintable(f.explanation);
}
