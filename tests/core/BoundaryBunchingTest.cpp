// boundary_bunching on hand-made histograms: a region with a smooth shape and units with and
// without works moved from just below the boundaries up to them.
#include "objectivity/core/analysis/BoundaryBunchingCriterion.h"

#include <gtest/gtest.h>

using namespace objectivity::core;

namespace {

// Scores 0..30, boundaries «3» 10, «4» 17, «5» 24.
struct Fixture {
    Procedure procedure;
    School school;
    ProcedureLayout layout;
    UnitAccumulator unit, region;
    UnitMetrics metrics, regionMetrics;
    AnalysisSettings settings;

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
    CriterionFinding evaluate() const {
        return BoundaryBunchingCriterion::evaluate(
            {procedure, school, layout, unit, region, metrics, regionMetrics, settings});
    }
};

} // namespace

TEST(BoundaryBunching, WorksMovedUpToTheBoundariesAreFound) {
    Fixture f;
    for (int s = 0; s <= 30; ++s)
        f.unit.primaryHist[static_cast<std::size_t>(s)] = 2;
    // every work 1–2 points below a boundary moved up to it
    for (const int b : {10, 17, 24}) {
        f.unit.primaryHist[static_cast<std::size_t>(b - 2)] = 0;
        f.unit.primaryHist[static_cast<std::size_t>(b - 1)] = 0;
        f.unit.primaryHist[static_cast<std::size_t>(b)] = 6;
    }
    const CriterionFinding r = f.evaluate();
    ASSERT_TRUE(r.tested());
    // windows: 3 × (below 0, at 6, above 2) = 24 works; under the flat region shape each window is
    // ½ below, ¼ at, ¼ above, so P(no work below and 18 at) is of the order of 10⁻⁷
    EXPECT_LT(r.pValue, 1e-5);
    EXPECT_TRUE(r.effect);
    EXPECT_TRUE(r.explanation.contains(QStringLiteral("Ровно на границах отметок 18 работ")))
        << r.explanation.toStdString();
    EXPECT_TRUE(r.explanation.contains(QStringLiteral("недостаёт 96 %")))
        << r.explanation.toStdString();
    EXPECT_TRUE(r.explanation.contains(QStringLiteral("«4» (граница 17 б.)")));
}

TEST(BoundaryBunching, ASchoolShapedLikeTheRegionIsNot) {
    Fixture f;
    for (int s = 0; s <= 30; ++s)
        f.unit.primaryHist[static_cast<std::size_t>(s)] = 2;
    const CriterionFinding r = f.evaluate();
    ASSERT_TRUE(r.tested());
    EXPECT_GT(r.pValue, 0.3);
    EXPECT_FALSE(r.effect);
    EXPECT_TRUE(r.explanation.isEmpty());
}

TEST(BoundaryBunching, TooFewWorksNearTheBoundariesAreNotTested) {
    Fixture f;
    f.unit.primaryHist[10] = 3; // 3 at the «3» boundary, 2 at «4»: 5 works < min_count 8
    f.unit.primaryHist[17] = 2;
    f.unit.primaryHist[29] = 20; // far from every boundary: does not count
    EXPECT_FALSE(f.evaluate().tested());
    f.settings.setValue(QStringLiteral("bunching.min_count"), 5);
    EXPECT_TRUE(f.evaluate().tested());
}

TEST(BoundaryBunching, NeighbouringBoundariesDoNotShareScores) {
    Fixture f;
    // «4» three points above «3»: windows [8,9] 10 and [11,12] 13 [14] — the window below «4»
    // takes 11, «3» is left without a window above
    f.layout.minFor[3] = 10;
    f.layout.minFor[4] = 13;
    f.layout.minFor[5] = 24;
    for (int s = 8; s <= 14; ++s)
        f.unit.primaryHist[static_cast<std::size_t>(s)] = 2;
    f.unit.primaryHist[24] = 2;
    // in the windows: 6 + 8 + 2 = 16 works (18 if 11 counted twice)
    f.settings.setValue(QStringLiteral("bunching.min_count"), 17);
    EXPECT_FALSE(f.evaluate().tested());
    f.settings.setValue(QStringLiteral("bunching.min_count"), 16);
    const CriterionFinding r = f.evaluate();
    ASSERT_TRUE(r.tested());
    EXPECT_FALSE(r.effect);
}
