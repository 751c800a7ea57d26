// The engine allows for the region's usual spread of difficulty_inversion between schools
// (honest differential item functioning: a teacher drills some tasks): a school whose pupils do
// the advanced tasks better than their totals say is a finding where every other school follows
// the region's task difficulties, and is not where teachers' task profiles differ anyway.
#include "objectivity/core/analysis/AnalysisEngine.h"

#include "InversionOf.h"
#include "TenTaskWork.h"

#include <gtest/gtest.h>

#include <cmath>
#include <random>

using namespace objectivity;
using namespace objectivity::core;
using objectivity::test::inversionOf;

namespace {

// 60 schools of 40 pupils, one ВПР of ten tasks (six basic of 2 points, four advanced of 3). Each
// step of a task is passed with probability logistic(ability + offset − difficulty); every
// school's teacher has an honest offset N(0, profileSd) per task; «s00» does the advanced tasks
// 1.0 better than its pupils' ability (and nothing else).
AnalysisDataset region(double profileSd) {
    AnalysisDataset data;
    const int vpr = data.addProcedure(test::tenTaskProcedure(1, ProcedureKind::VPR, 2024, 6));
    std::mt19937 gen(2028);
    std::normal_distribution<double> normal;
    for (int s = 0; s < 60; ++s) {
        const int index = test::addTestSchool(data, s);
        const double effect = 0.4 * normal(gen);
        double offset[10];
        for (int t = 0; t < 10; ++t)
            offset[t] = s == 0 ? (t < 6 ? 0.0 : 1.0) : profileSd * normal(gen);
        for (int i = 0; i < 40; ++i) {
            const double ability = effect + normal(gen);
            const auto points = test::simulatedTenTaskPoints(gen, ability, offset);
            const ParticipantRow row = test::tenTaskRow(points);
            data.addParticipant(vpr, index, row, QStringView());
        }
    }
    data.finish();
    return data;
}

int flaggedOthers(const AnalysisReport &report) {
    int flagged = 0;
    for (const auto &u : report.units)
        if (u.schoolCode != QStringLiteral("s00"))
            flagged += inversionOf(report, u.schoolCode).flagged ? 1 : 0;
    return flagged;
}

} // namespace

TEST(InversionSpreadEngine, AnAdvancedTaskProfileIsAFindingOnlyWhereItIsRare) {
    const QString first = QStringLiteral("s00");
    // every other school follows the region's difficulties: s00 stands out
    const AnalysisReport quiet = AnalysisEngine::run(region(0), AnalysisSettings());
    const CriterionFinding &alone = inversionOf(quiet, first);
    EXPECT_TRUE(alone.flagged) << alone.reasonText.toStdString();
    EXPECT_EQ(flaggedOthers(quiet), 0);
    // teachers' task profiles differ by 0.8 per task: the same profile is ordinary, and no
    // other school is named for its own profile either
    const AnalysisReport varied = AnalysisEngine::run(region(0.8), AnalysisSettings());
    const CriterionFinding &common = inversionOf(varied, first);
    EXPECT_TRUE(common.tested());
    EXPECT_FALSE(common.flagged) << common.explanation.toStdString();
    EXPECT_LT(common.statistic, alone.statistic / 2);
    EXPECT_TRUE(common.explanation.contains(QStringLiteral("обычный для региона разброс школ")))
        << common.explanation.toStdString() << " effect " << common.effectSize << " z "
        << common.statistic << " vs " << alone.statistic;
    EXPECT_EQ(flaggedOthers(varied), 0);
}
