// The spread of schools' gaps beyond their standard errors (ExcessSpread, ExcessSpreadGroups) and
// high_results_unconfirmed with it; expected values by hand and from SciPy (norm.sf).
#include "objectivity/core/stats/ExcessSpread.h"
#include "objectivity/core/analysis/HighResultsCriterion.h"
#include "objectivity/core/stats/ExcessSpreadGroups.h"

#include "CriterionInputs.h"

#include <gtest/gtest.h>

#include <cmath>

using namespace objectivity;
using namespace objectivity::core;

namespace {

// n gaps of ±size around 0 (half each way), every one with the standard error se
void alternating(int n, double size, double se, std::vector<double> &d, std::vector<double> &s) {
    for (int i = 0; i < n; ++i) {
        d.push_back(i % 2 ? size : -size);
        s.push_back(se);
    }
}

} // namespace

TEST(ExcessSpread, TheVarianceThatMakesTheRobustSpreadOne) {
    std::vector<double> d, s;
    alternating(40, 1.0, 1.0, d, s);
    // robust SD of the gaps 1.4826 (MAD 1); with equal errors the standardised spread is
    // 1.4826/√(1 + v): it is 1 at v = 1.4826² − 1 = 1.19810276
    const ExcessSpread e = ExcessSpread::of(d, s);
    EXPECT_EQ(e.schools, 40);
    EXPECT_NEAR(e.variance, 1.19810276, 1e-8);
}

TEST(ExcessSpread, GapsWithinTheirErrorsGetNothingAndNeverANarrowerError) {
    std::vector<double> d, s;
    alternating(40, 0.5, 1.0, d, s); // robust spread 0.74 < 1: the errors explain it all
    const ExcessSpread e = ExcessSpread::of(d, s);
    EXPECT_EQ(e.schools, 40);
    EXPECT_DOUBLE_EQ(e.variance, 0);
}

TEST(ExcessSpread, ThirtySchoolsOrNotEstimated) {
    std::vector<double> d, s;
    alternating(29, 3.0, 1.0, d, s);
    EXPECT_EQ(ExcessSpread::of(d, s).schools, 0);
    EXPECT_DOUBLE_EQ(ExcessSpread::of(d, s).variance, 0);
    d.push_back(3.0);
    s.push_back(1.0);
    EXPECT_EQ(ExcessSpread::of(d, s).schools, 30);
    EXPECT_GT(ExcessSpread::of(d, s).variance, 1);
    // gaps without an error do not count
    s.back() = 0;
    EXPECT_EQ(ExcessSpread::of(d, s).schools, 0);
}

TEST(ExcessSpread, AFewManipulatingSchoolsDoNotWidenIt) {
    std::vector<double> d, s;
    alternating(40, 1.0, 1.0, d, s);
    d.push_back(0); // 41 gaps: median 0, MAD 1
    s.push_back(1.0);
    const double honest = ExcessSpread::of(d, s).variance;
    // four schools with a huge gap on each side keep the median and barely move the MAD
    for (double x : {40.0, -40.0, 40.0, -40.0}) {
        d.push_back(x);
        s.push_back(1.0);
    }
    EXPECT_NEAR(ExcessSpread::of(d, s).variance, honest, 1e-9);
}

TEST(ExcessSpreadGroups, ASmallGroupFallsBackToItsPool) {
    ExcessSpreadGroups groups;
    // group 1: 40 schools with the spread of the first test; group 2: 10 schools, same pool 7
    for (int i = 0; i < 40; ++i)
        groups.add(1, 7, i % 2 ? 1.0 : -1.0, 1.0);
    for (int i = 0; i < 10; ++i)
        groups.add(2, 7, i % 2 ? 1.0 : -1.0, 1.0);
    groups.add(3, -1, 5.0, 1.0); // alone, no pool
    groups.estimate();
    EXPECT_NEAR(groups.variance(1), 1.19810276, 1e-8);
    EXPECT_NEAR(groups.variance(2), 1.19810276, 1e-8); // the pool of 50 has the same spread
    EXPECT_DOUBLE_EQ(groups.variance(3), 0);
    EXPECT_DOUBLE_EQ(groups.variance(99), 0);
}

TEST(ExcessSpread, HighResultsWithTheRegionsSpreadOfGaps) {
    test::CriterionInputs in;
    in.procedure.kind = ProcedureKind::VPR;
    in.procedure.year = 2023;
    in.procedure.grade = 6;
    in.procedure.subject = QStringLiteral("Математика");
    in.school.kind = SchoolKind::Sosh;
    in.metrics.n = 30;
    in.metrics.meanPercent = 70;
    in.metrics.sdPercent = 15;
    in.regionMetrics.n = 10000;
    in.regionMetrics.meanPercent = 55;
    in.regionMetrics.sdPercent = 18;
    GiaEvidence gia;
    gia.found = true;
    gia.position = -0.2;
    gia.standardError = 0.18;
    gia.participants = 28;
    gia.description = QStringLiteral("ОГЭ 2023, 28 уч.");
    // without the spread: z = 1.0333/√(0.1525² + 0.18²) = 4.3804 (HighResultsCriterionTest)
    const CriterionFinding plain = HighResultsCriterion::evaluate(in.input(), gia);
    EXPECT_NEAR(plain.statistic, 4.380413, 1e-5);
    EXPECT_TRUE(plain.effect);
    // schools' gaps vary by ±0.5 beyond their errors (other cohorts, other teachers):
    // z = 1.0333/√(0.1525² + 0.5² + 0.18²) = 1.8691, p = 0.030805 (SciPy) — not a finding after
    // any correction over many schools
    gia.excessVariance = 0.25;
    const CriterionFinding wide = HighResultsCriterion::evaluate(in.input(), gia);
    EXPECT_NEAR(wide.statistic, 1.869087, 1e-5);
    EXPECT_NEAR(wide.pValue, 0.030805, 1e-6);
    // the effect (gap ≥ 1 spread) stands: the text names the spread taken into account
    EXPECT_TRUE(wide.explanation.contains(QStringLiteral("±0,50")))
        << wide.explanation.toStdString();
}

TEST(ExcessSpread, ARoughEstimateIsRaisedTowardsTheModelNeverLowered) {
    // 30 schools: credibility 30/(30 + 30) = ½
    ExcessSpread e;
    e.schools = 30;
    e.variance = 0.01;
    EXPECT_DOUBLE_EQ(e.towards(0.15), 0.08);  // (30·0.01 + 30·0.15)/60
    EXPECT_DOUBLE_EQ(e.towards(0.001), 0.01); // never below its own
    // 270 schools: credibility 0.9
    e.schools = 270;
    EXPECT_NEAR(e.towards(0.15), 0.9 * 0.01 + 0.1 * 0.15, 1e-15);
    // not estimated: the model's
    EXPECT_DOUBLE_EQ(ExcessSpread{}.towards(0.05), 0.05);
}
