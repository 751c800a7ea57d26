// The region's spread of difficulty_inversion's tilt per procedure (InversionSpread): a procedure
// whose own schools happen to show no spread is not trusted on its own few dozen schools; its
// estimate is raised towards τ²/h, the spread of every procedure of the region per hard task.
#include "objectivity/core/analysis/InversionSpread.h"
#include "objectivity/core/analysis/RegionReferences.h"

#include "objectivity/core/analysis/DifficultyInversionCriterion.h"
#include "objectivity/core/analysis/UnitAccumulator.h"
#include "objectivity/core/stats/ExcessSpread.h"

#include "TenTaskWork.h"

#include <gtest/gtest.h>

#include <cmath>
#include <random>

using namespace objectivity;
using namespace objectivity::core;

namespace {

// The first `schools` schools of 40 pupils write one ten-task ВПР (grade); every school's teacher
// has an honest offset N(0, profileSd) per task (a school × task interaction), as in
// InversionSpreadEngineTest.
void addProcedure(AnalysisDataset &data, int grade, int schools, double profileSd,
                  std::mt19937 &gen) {
    const int vpr =
        data.addProcedure(test::tenTaskProcedure(grade, ProcedureKind::VPR, 2024, grade));
    std::normal_distribution<double> normal;
    for (int s = 0; s < schools; ++s) {
        const int index = s; // the schools added by regionOf()
        const double effect = 0.4 * normal(gen);
        double offset[10];
        for (double &o : offset)
            o = profileSd * normal(gen);
        for (int i = 0; i < 40; ++i) {
            const double ability = effect + normal(gen);
            const auto points = test::simulatedTenTaskPoints(gen, ability, offset);
            data.addParticipant(vpr, index, test::tenTaskRow(points), QStringView());
        }
    }
}

// 80 schools, two procedures (grade 6 of 80 schools, grade 7 of the first 40) with these
// profile spreads.
AnalysisDataset regionOf(double sixth, double seventh, int schools = 80) {
    AnalysisDataset data;
    for (int s = 0; s < schools; ++s)
        test::addTestSchool(data, s);
    std::mt19937 gen(2029);
    addProcedure(data, 6, schools, sixth, gen);
    if (seventh >= 0)
        addProcedure(data, 7, schools / 2, seventh, gen);
    data.finish();
    return data;
}

} // namespace

TEST(InversionSpread, AProcedureWithoutItsOwnSpreadIsRaisedTowardsTheRegions) {
    // grade 6: 80 schools whose teachers' task profiles differ (0.8 per task); grade 7: 40
    // schools that follow the region's difficulties exactly, so their own estimate is about 0
    const AnalysisDataset data = regionOf(0.8, 0.0);
    const InversionSpread spread =
        InversionSpread::of(data, RegionReferences::totalsOf(data), 20, 1);
    ASSERT_EQ(spread.units.size(), 2u);
    const double varied = spread.units[0], quiet = spread.units[1];
    // the varied procedure keeps its own spread (above the region's τ²/h, so not lowered to it)
    EXPECT_GT(varied, 0.05) << varied;
    // the same quiet procedure in a region of quiet procedures: its own estimate, about 0
    const AnalysisDataset alone = regionOf(0.0, 0.0);
    const double own =
        InversionSpread::of(alone, RegionReferences::totalsOf(alone), 20, 1).units[1];
    EXPECT_LT(own, 0.1 * varied) << own << " vs " << varied;
    // beside the varied one it is (40·own + 30·τ²/h)/70, τ² from all 120 units: well above its
    // own (0.0215 against 0.0033 here), below the varied one's (0.125)
    EXPECT_GT(quiet, 3 * own) << quiet << " vs " << own;
    EXPECT_GT(quiet, 0.1 * varied) << quiet << " vs " << varied;
    EXPECT_LT(quiet, 0.5 * varied) << quiet << " vs " << varied;
    // the same on two threads
    EXPECT_EQ(InversionSpread::of(data, RegionReferences::totalsOf(data), 20, 2).units,
              spread.units);
}

TEST(InversionSpread, EachSchoolsTiltIsTheOneTestedAgainstTheRestOfTheRegion) {
    // a municipality of 24 schools analysed on its own, two procedures (24 and 12 schools):
    // fewer than 30 schools each, so each one's spread is τ²/h (h = 4 hard tasks), τ² from the
    // 36 units; each tilt against the rest of the region, with the error of the pupils and of the
    // rest's means (the school left in would pull the expectation towards itself by a 24th or a
    // 12th, and shrink the spread)
    const AnalysisDataset data = regionOf(0.8, 0.8, 24);
    const std::vector<UnitAccumulator> totals = RegionReferences::totalsOf(data);
    std::vector<double> tilts, errors;
    for (const auto &u : data.units()) {
        // the rest: the other units of the procedure added up
        UnitAccumulator rest;
        rest.init(data.layout(u.procedure));
        for (const auto &other : data.units())
            if (&other != &u && other.procedure == u.procedure)
                rest.addAll(other.acc);
        const auto e = DifficultyInversionCriterion::excessOf(u.acc, rest, 12);
        tilts.push_back(e.tilt() * 2);
        errors.push_back(e.tiltError() * 2);
    }
    ASSERT_EQ(tilts.size(), 36u);
    const double expected = ExcessSpread::of(tilts, errors).variance / 4;
    EXPECT_GT(expected, 0.02);
    const InversionSpread spread = InversionSpread::of(data, totals, 20, 1);
    EXPECT_DOUBLE_EQ(spread.units[0], expected);
    EXPECT_DOUBLE_EQ(spread.units[1], expected);
}
