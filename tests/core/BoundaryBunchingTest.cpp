// boundary_bunching on hand-made histograms: a region with a smooth shape and units with and
// without works moved from just below a boundary up to it. Each boundary is tested on its own.
#include "objectivity/core/analysis/BoundaryBunchingCriterion.h"

#include "CriterionInputs.h"

#include <gtest/gtest.h>

#include <cmath>

using namespace objectivity;
using namespace objectivity::core;

namespace {

// Scores 0..30, boundaries «3» 10, «4» 17, «5» 24.
struct Fixture : test::CriterionInputs {

    Fixture() {
        layout.maxPrimary = 30;
        layout.minFor[3] = 10;
        layout.minFor[4] = 17;
        layout.minFor[5] = 24;
        unit.primaryHist.assign(31, 0);
        region.primaryHist.assign(31, 0);
        for (int s = 0; s <= 30; ++s) // a flat region: 40 works at every score
            region.primaryHist[static_cast<std::size_t>(s)] = 40;
    }
    void flat(int perScore) {
        for (int s = 0; s <= 30; ++s)
            unit.primaryHist[static_cast<std::size_t>(s)] = perScore;
    }
    // every work 1..distance points below boundary b moved up to it
    void push(int b, int distance) {
        for (int s = b - distance; s < b; ++s) {
            unit.primaryHist[static_cast<std::size_t>(b)] += unit.primaryHist[std::size_t(s)];
            unit.primaryHist[static_cast<std::size_t>(s)] = 0;
        }
    }
    // `count` works moved from score `from` down to `to`, away from every window: the pushes'
    // points given back, so the unit stays at the region's mean (15) and the region's shape is
    // not tilted (the hand-derived values below assume λ = 0)
    void giveBack(int from, int to, int count) {
        unit.primaryHist[static_cast<std::size_t>(from)] -= count;
        unit.primaryHist[static_cast<std::size_t>(to)] += count;
    }
    QList<CriterionFinding> evaluate() const {
        return BoundaryBunchingCriterion::evaluate(input());
    }
};

const CriterionFinding *atBoundary(const QList<CriterionFinding> &fs, const QString &mark) {
    for (const auto &f : fs)
        if (f.explanation.contains(QStringLiteral("У границы «%1»").arg(mark)))
            return &f;
    return nullptr;
}

} // namespace

TEST(BoundaryBunching, EachBoundaryIsAFindingOfItsOwn) {
    Fixture f;
    f.flat(2);
    for (const int b : {10, 17, 24})
        f.push(b, 2);
    const QList<CriterionFinding> r = f.evaluate();
    ASSERT_EQ(r.size(), 4); // three boundaries and «все границы»
    for (const auto &x : r.mid(0, 3)) {
        EXPECT_EQ(x.code, QStringLiteral("boundary_bunching"));
        ASSERT_TRUE(x.tested());
        EXPECT_TRUE(x.effect) << x.explanation.toStdString();
    }
    // every width 1–3 tried: p = 3 · the smallest exact window tail, the region's shape tilted to
    // the unit's mean (15.1, pushed up by 18 points); the values of the Python re-implementation
    // with SciPy's multinomial and Brent's root finder for the tilt (tests/scripts/check_stats.py)
    EXPECT_NEAR(r.at(0).pValue, 0.0017729396686039225, 1e-10);
    EXPECT_NEAR(r.at(1).pValue, 0.0017718410581315119, 1e-10);
    EXPECT_NEAR(r.at(2).pValue, 0.001770770080811375, 1e-10);
    // the three boundaries together: far stronger than each (the same Python re-implementation)
    const CriterionFinding &all = r.at(3);
    EXPECT_EQ(all.label, QStringLiteral("все границы"));
    EXPECT_TRUE(all.effect);
    EXPECT_NEAR(all.pValue, 3.796662835494189e-09, 1e-15);
    EXPECT_TRUE(all.explanation.contains(QStringLiteral("границ: 3")))
        << all.explanation.toStdString();
    const CriterionFinding *four = atBoundary(r, QStringLiteral("4"));
    ASSERT_NE(four, nullptr);
    EXPECT_TRUE(four->explanation.contains(QStringLiteral("(17 баллов)")))
        << four->explanation.toStdString();
    EXPECT_TRUE(four->explanation.contains(QStringLiteral("ровно на границе 6 работ")));
}

TEST(BoundaryBunching, APushOverThreeOnlyIsFoundThereAndNowhereElse) {
    Fixture f;
    f.flat(6);
    f.push(10, 1);         // score 9 moved to 10: 0 at 9, 12 at 10
    f.giveBack(28, 27, 6); // the unit's mean stays 15: no tilt
    const QList<CriterionFinding> r = f.evaluate();
    ASSERT_EQ(r.size(), 4);
    // by hand: at width 1 the window is {9} and {10} with region shares (40 + ½)/81 = ½ each;
    // U = wA·at + wB·below is largest only when all 12 works are at 10: p₁ = ½¹² = 2.44·10⁻⁴
    // (wider windows are less extreme); three widths tried: p = 3·½¹².
    const CriterionFinding *three = atBoundary(r, QStringLiteral("3"));
    ASSERT_NE(three, nullptr);
    EXPECT_NEAR(three->pValue, 3 * std::pow(0.5, 12), 1e-12);
    EXPECT_TRUE(three->effect);
    EXPECT_TRUE(three->explanation.contains(QStringLiteral("(10 баллов): ровно на границе 12 "
                                                           "работ при ожидаемых по форме "
                                                           "распределения региона на уровне "
                                                           "школы ≈6,0")))
        << three->explanation.toStdString();
    EXPECT_TRUE(three->explanation.contains(QStringLiteral("на 1 балл ниже — 0")))
        << three->explanation.toStdString();
    EXPECT_TRUE(three->explanation.endsWith(
        QStringLiteral("В поправке на число проверок вес границы «3» — 2 (до «3» дотягивают чаще "
                       "всего, до «5» — реже всего).")))
        << three->explanation.toStdString();
    // weights the user set against that order: the weight, without the default's reason
    {
        Fixture g = f;
        ASSERT_TRUE(g.settings.setFromText(QStringLiteral("bunching.weight_5=3"), nullptr));
        const QList<CriterionFinding> s = g.evaluate();
        const CriterionFinding *t = atBoundary(s, QStringLiteral("3"));
        ASSERT_NE(t, nullptr);
        EXPECT_TRUE(
            t->explanation.endsWith(QStringLiteral("В поправке на число проверок вес границы «3» — "
                                                   "2 (так задано в пороговых значениях).")))
            << t->explanation.toStdString();
    }
    int others = 0;
    for (const auto &x : r.mid(0, 3))
        if (x.label != three->label) {
            EXPECT_FALSE(x.effect);
            EXPECT_GT(x.pValue, 0.3);
            ++others;
        }
    EXPECT_EQ(others, 2);
    // one pushed boundary diluted by two honest ones: the sum has no effect (SciPy: p = 0.0979)
    EXPECT_EQ(r.at(3).label, QStringLiteral("все границы"));
    EXPECT_FALSE(r.at(3).effect);
    EXPECT_NEAR(r.at(3).pValue, 0.09786800283472946, 1e-12);
}

// A push of one point at every boundary: each boundary alone is weak (p = 3·(½⁶ + …) ≈ 0.047), the
// three together are not. By hand: at width 1 every window is {b − 1} and {b} with region shares ½;
// weights ln 1.7 and ln 0.3 on a common lattice of 10 steps → 3 and −7; U = 3·18 is the largest
// possible (all 18 works at the boundaries): p₁ = ½¹⁸; three widths tried: p = 3·½¹⁸.
TEST(BoundaryBunching, APushToEveryBoundaryIsFoundByTheirSum) {
    Fixture f;
    f.flat(3);
    for (const int b : {10, 17, 24})
        f.push(b, 1);
    f.giveBack(30, 27, 3); // 9 points back: the mean stays 15
    const QList<CriterionFinding> r = f.evaluate();
    ASSERT_EQ(r.size(), 4);
    for (const auto &x : r.mid(0, 3))
        EXPECT_NEAR(x.pValue, 0.04687500000000006, 1e-12);
    const CriterionFinding &all = r.at(3);
    EXPECT_TRUE(all.effect);
    EXPECT_NEAR(all.pValue, 3 * std::pow(0.5, 18), 1e-15);
    EXPECT_EQ(all.statistic, 54);
    EXPECT_NEAR(all.effectSize, 1.0 - 0.5 / (9.0 + 0.5), 1e-12); // 0 of ≈9 works below
}

TEST(BoundaryBunching, APushOfThreePointsIsFoundWithTheWiderWindow) {
    Fixture f;
    f.flat(4);
    f.push(17, 3);         // 14, 15, 16 moved to 17
    f.giveBack(30, 27, 4); // 24 points back: the mean stays 15
    f.giveBack(6, 3, 4);
    const QList<CriterionFinding> r = f.evaluate();
    const CriterionFinding *four = atBoundary(r, QStringLiteral("4"));
    ASSERT_NE(four, nullptr);
    EXPECT_TRUE(four->effect);
    EXPECT_LT(four->pValue, 1e-4);
    EXPECT_TRUE(four->explanation.contains(QStringLiteral("на 1–3 балла ниже — 0")))
        << four->explanation.toStdString();
    // by hand, width 3: the region's cells below [14, 16], at 17, above [18, 19] hold 120, 40, 80
    // works (+1.5 smoothing): pBelow = 120.5/241.5, pAt = 40.5/241.5; the unit 0, 16, 8 (24).
    // Missing share 1 − 0.5/(24·pBelow + 0.5) = 0.959920; weights ln(1 + 0.7·pBelow/pAt) = 1.12581
    // and ln 0.3 = −1.20397 on a lattice of 10 steps → 5 and −5: U = 5·16 − 5·0 = 80
    EXPECT_EQ(four->label, QStringLiteral("граница «4»"));
    EXPECT_NEAR(four->effectSize, 1.0 - 0.5 / (24.0 * 120.5 / 241.5 + 0.5), 1e-12);
    EXPECT_EQ(four->statistic, 80);
    EXPECT_EQ(four->threshold, 0.5);
    EXPECT_EQ(atBoundary(r, QStringLiteral("3")), nullptr);
}

TEST(BoundaryBunching, ASchoolShapedLikeTheRegionIsNot) {
    Fixture f;
    f.flat(2);
    const QList<CriterionFinding> r = f.evaluate();
    ASSERT_EQ(r.size(), 4); // «все границы» too
    for (const auto &x : r) {
        ASSERT_TRUE(x.tested());
        EXPECT_GT(x.pValue, 0.3);
        EXPECT_FALSE(x.effect);
        EXPECT_TRUE(x.explanation.isEmpty());
    }
}

TEST(BoundaryBunching, AHoleAboveTheBoundaryIsNotABunch) {
    // the mirror image: works moved down from the boundary to just below it
    Fixture f;
    f.flat(6);
    f.unit.primaryHist[9] = 12;
    f.unit.primaryHist[10] = 0;
    for (const auto &x : f.evaluate()) {
        EXPECT_FALSE(x.effect);
        EXPECT_GT(x.pValue, 0.5);
    }
}

TEST(BoundaryBunching, TooFewWorksNearABoundaryAreNotTested) {
    Fixture f;
    f.unit.primaryHist[10] = 3; // 3 at the «3» boundary, 2 at «4»: < min_count 8 in each window
    f.unit.primaryHist[17] = 2;
    f.unit.primaryHist[29] = 20; // far from every boundary: does not count
    // each boundary with works near it is listed as not tested, with its count
    QList<CriterionFinding> r = f.evaluate();
    ASSERT_EQ(r.size(), 2); // «5» has no works in its window
    for (const auto &x : r) {
        EXPECT_FALSE(x.tested());
        EXPECT_EQ(x.reason, QStringLiteral("too_few_participants"));
    }
    EXPECT_EQ(r.at(0).label, QStringLiteral("граница «3»"));
    EXPECT_EQ(r.at(0).reasonText,
              QStringLiteral("не проверялось: у границы «3» (10 баллов) в окне 3 работы, нужно "
                             "не меньше 8"));
    EXPECT_EQ(r.at(1).reasonText,
              QStringLiteral("не проверялось: у границы «4» (17 баллов) в окне 2 работы, нужно "
                             "не меньше 8"));
    f.settings.setValue(QStringLiteral("bunching.min_count"), 3);
    r = f.evaluate();
    ASSERT_EQ(r.size(), 2);
    EXPECT_TRUE(r.at(0).tested()); // «3» only: «4» has 2 works in its window
    EXPECT_FALSE(r.at(1).tested());
    // no works near any boundary: one finding, not tested
    Fixture empty;
    empty.unit.primaryHist[29] = 20;
    r = empty.evaluate();
    ASSERT_EQ(r.size(), 1);
    EXPECT_FALSE(r.first().tested());
    EXPECT_EQ(r.first().reasonText, QStringLiteral("не проверялось: у границ отметок нет работ"));
}

TEST(BoundaryBunching, TheWindowsStopAtTheNeighbouringBoundaries) {
    Fixture f;
    // «4» three points above «3»: below «4» never reaches 10, above «3» never reaches within 3
    // points of 13 (so it is empty)
    f.layout.minFor[3] = 10;
    f.layout.minFor[4] = 13;
    f.layout.minFor[5] = 24;
    f.unit.primaryHist[10] = 12; // a bunch at «3» must not make «4» look empty below
    f.unit.primaryHist[13] = 8;
    f.unit.primaryHist[11] = 1;
    f.unit.primaryHist[12] = 1;
    const QList<CriterionFinding> r = f.evaluate();
    const CriterionFinding *four = atBoundary(r, QStringLiteral("4"));
    ASSERT_NE(four, nullptr) << "8 at 13 against 2 at 11–12 is a bunch at «4»";
    const CriterionFinding *three = atBoundary(r, QStringLiteral("3"));
    ASSERT_NE(three, nullptr);
    // the window of «3» has no cell above (11–12 lie within 3 points of «4»): 12 works only
    EXPECT_TRUE(three->explanation.contains(QStringLiteral("в окне 12 работ")))
        << three->explanation.toStdString();
    EXPECT_TRUE(four->explanation.contains(QStringLiteral("на 1–2 балла ниже — 2")))
        << four->explanation.toStdString();
    // with works below the boundary the weights matter, and the unit (mean 11.3) tilts the
    // region's shape: the value of the Python re-implementation (tests/scripts/check_stats.py)
    EXPECT_NEAR(four->pValue, 0.003731663252160634, 1e-10);
}

// Works missing just below every boundary and at it (a hole, not a bunch): every boundary's widest
// window still has 9 works (3 below, 0 at, 6 above), none shows the effect, and neither does their
// sum — there are fewer works at the boundaries than the region's shape expects.
TEST(BoundaryBunching, HolesAtEveryBoundaryAreNotABunchOfAll) {
    Fixture f;
    f.flat(3);
    for (const int b : {10, 17, 24})
        for (int s = b - 2; s <= b; ++s)
            f.unit.primaryHist[static_cast<std::size_t>(s)] = 0;
    const QList<CriterionFinding> r = f.evaluate();
    ASSERT_EQ(r.size(), 4);
    for (const auto &x : r) {
        ASSERT_TRUE(x.tested()) << x.label.toStdString();
        EXPECT_FALSE(x.effect) << x.label.toStdString();
    }
    EXPECT_EQ(r.at(3).label, QStringLiteral("все границы"));
    // the reason names what is missing: the hole is there, the bunch is not
    for (const auto &x : r) {
        EXPECT_EQ(x.reason, QStringLiteral("effect_below_threshold")) << x.label.toStdString();
        EXPECT_TRUE(x.reasonText.startsWith(x.label + QStringLiteral(": эффект ниже порога: чуть "
                                                                     "ниже границ")))
            << x.reasonText.toStdString();
        EXPECT_TRUE(x.reasonText.contains(QStringLiteral("не больше ожидаемого (0 при")))
            << x.reasonText.toStdString();
    }
}

// A strong school with the region's shape moved up by 7 points (400 works, nothing pushed): its
// density still rises at «4» and «5» where the region's falls. Against the region's own shape
// that looks like too few works just below the boundaries (p of all boundaries 7·10⁻⁸, of «4»
// 10⁻⁴);
// against the region's shape tilted to the school's mean it is nothing.
TEST(BoundaryBunching, AStrongSchoolsShapeIsNotABunch) {
    Fixture f;
    double sum = 0;
    for (int x = 0; x <= 30; ++x)
        sum += std::exp(-(x - 19) * (x - 19) / 50.0);
    for (int x = 0; x <= 30; ++x) {
        f.region.primaryHist[static_cast<std::size_t>(x)] =
            static_cast<int>(std::lround(1000 * std::exp(-(x - 12) * (x - 12) / 50.0)));
        f.unit.primaryHist[static_cast<std::size_t>(x)] =
            static_cast<int>(std::lround(400 * std::exp(-(x - 19) * (x - 19) / 50.0) / sum));
    }
    const QList<CriterionFinding> r = f.evaluate();
    ASSERT_EQ(r.size(), 4);
    for (const auto &x : r) {
        ASSERT_TRUE(x.tested()) << x.label.toStdString();
        EXPECT_FALSE(x.effect) << x.explanation.toStdString();
        EXPECT_GT(x.pValue, 0.5) << x.label.toStdString();
    }
}

// The weights of the weighted correction follow the boundary, fixed before the data are seen:
// pushes are commonest at «3» (docs/methodology.md §3.3), rarest at «5»; the sum of all has 1.
TEST(BoundaryBunching, EachBoundaryCarriesItsWeightInTheCorrection) {
    Fixture f;
    f.flat(4);
    QList<CriterionFinding> r = f.evaluate();
    ASSERT_EQ(r.size(), 4);
    const double expected[] = {2, 1, 0.5, 1};
    for (int i = 0; i < 4; ++i)
        EXPECT_DOUBLE_EQ(r.at(i).weight, expected[i]) << r.at(i).label.toStdString();
    EXPECT_EQ(r.at(0).label, QStringLiteral("граница «3»"));
    EXPECT_EQ(r.at(2).label, QStringLiteral("граница «5»"));
    // the user may set equal weights (the usual Benjamini–Hochberg)
    QString error;
    ASSERT_TRUE(f.settings.setFromText(QStringLiteral("bunching.weight_3=1"), &error));
    ASSERT_TRUE(f.settings.setFromText(QStringLiteral("bunching.weight_5=1"), &error));
    r = f.evaluate();
    for (const auto &x : r)
        EXPECT_DOUBLE_EQ(x.weight, 1) << x.label.toStdString();
}
