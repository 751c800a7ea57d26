// The region's spread of a test's z as its null (RobustScale, EmpiricalNull) and cohort_drop
// calibrated by it; expected values by hand (the normal tail: 0.5·erfc(z/√2)).
#include "objectivity/core/stats/EmpiricalNull.h"
#include "objectivity/core/analysis/CohortDropCriterion.h"
#include "objectivity/core/stats/RobustScale.h"

#include <gtest/gtest.h>

#include <cmath>

using namespace objectivity::core;

TEST(RobustScale, MedianAndMadByHand) {
    EXPECT_DOUBLE_EQ(RobustScale::median({3, 1, 100, 2, 4}), 3);
    EXPECT_DOUBLE_EQ(RobustScale::median({4, 1, 3, 2}), 2.5);
    EXPECT_DOUBLE_EQ(RobustScale::median({}), 0);
    // |x − 3| = 2, 1, 0, 1, 97: median 1 — the outlier 100 does not move it
    EXPECT_DOUBLE_EQ(RobustScale::madScale({1, 2, 3, 4, 100}), 1.4826);
    EXPECT_TRUE(std::isnan(RobustScale::madScale({5})));
}

TEST(EmpiricalNull, ThirtySchoolsOrNoCalibration) {
    std::vector<double> z;
    for (int i = 0; i < 29; ++i)
        z.push_back(i % 2 ? 0.5 : -0.5);
    EmpiricalNull few = EmpiricalNull::of(z);
    EXPECT_EQ(few.schools, 0);
    EXPECT_DOUBLE_EQ(few.scale, 1);
    z.push_back(0.5); // 30: 15 at −0.5 and 15 at 0.5, median 0, every distance 0.5
    const EmpiricalNull enough = EmpiricalNull::of(z);
    EXPECT_EQ(enough.schools, 30);
    EXPECT_DOUBLE_EQ(enough.scale, 1.4826 * 0.5);
    // no spread at all: not a calibration
    EXPECT_EQ(EmpiricalNull::of(std::vector<double>(40, 1.0)).schools, 0);
}

TEST(EmpiricalNull, CohortDropAgainstTheRegionsSpreadOfDrops) {
    const AnalysisSettings settings;
    const CohortDropCriterion::Side g4{2023, 30, 0.6, 75, 65}, g5{2024, 30, 0.1, 66, 65};
    // drop 0.5; uncalibrated z = 0.5/√(1/30 + 1/30) = 1.9365, p = 0.026404
    const CriterionFinding plain = CohortDropCriterion::evaluate(g4, g5, settings);
    EXPECT_NEAR(plain.statistic, 1.9364916731037087, 1e-12);
    EXPECT_NEAR(plain.pValue, 0.02640375570805681, 1e-12);
    // the region's drops spread half as wide as the formula says (the same pupils in both
    // parallels): z = 0.5/(0.5·√(1/15)) = 3.873, p = 5.3756e-05
    EmpiricalNull null;
    null.scale = 0.5;
    null.schools = 120;
    const CriterionFinding f =
        CohortDropCriterion::evaluate(g4, g5, settings, nullptr, QString(), &null);
    EXPECT_NEAR(f.statistic, 3.8729833462074175, 1e-12);
    EXPECT_NEAR(f.pValue, 5.375558836475028e-05, 1e-15);
    EXPECT_TRUE(f.effect);
    EXPECT_TRUE(f.explanation.contains(QStringLiteral("в 120 школах региона (разброс — 0,50 от "
                                                      "расчётного")))
        << f.explanation.toStdString();
    // wider than the formula (schools change between the years): a smaller z
    null.scale = 2;
    EXPECT_NEAR(
        CohortDropCriterion::evaluate(g4, g5, settings, nullptr, QString(), &null).statistic,
        1.9364916731037087 / 2, 1e-12);
    // the linked pupils' own error is not calibrated
    const CohortDropCriterion::Linked linked{25, 0.6, 0.15, 0.7};
    EXPECT_NEAR(
        CohortDropCriterion::evaluate(g4, g5, settings, &linked, QString(), &null).statistic, 4.0,
        1e-12);
}
