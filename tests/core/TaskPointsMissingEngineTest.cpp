// A region where a third of the schools entered only the primary score (every task blank, as a
// template without task columns gives): their works say nothing about the tasks. Counted as zeros
// they made every other school look better on the advanced tasks than its peers with the same
// score (on the second model, 57 % of the honest units named by difficulty_inversion), and the
// schools themselves look as if they solved nothing. Left out of the task counts, the region is
// as without them: the helped school is named, nobody else, and the schools without task points
// are «не проверялось».
#include "objectivity/core/analysis/AnalysisEngine.h"

#include "InversionOf.h"
#include "TenTaskWork.h"

#include <gtest/gtest.h>

#include <random>

using namespace objectivity;
using namespace objectivity::core;
using objectivity::test::inversionOf;

namespace {

// 60 schools of 40 pupils, one ВПР of ten tasks; «s00» does the advanced tasks 1.0 better than
// its pupils' ability; the schools from «s40» on give no task points (−1, «не выполнял», in
// every column) with the same primary scores, marks and classes — or (LastTasks) the points of
// their first seven tasks only.
enum class Missing { None, Blank, LastTasks };

AnalysisDataset region(Missing missing) {
    AnalysisDataset data;
    const int vpr = data.addProcedure(test::tenTaskProcedure(1, ProcedureKind::VPR, 2024, 6));
    std::mt19937 gen(2031);
    std::normal_distribution<double> normal;
    const std::vector<std::int8_t> blank(10, -1);
    for (int s = 0; s < 60; ++s) {
        const int index = test::addTestSchool(data, s);
        const double effect = 0.4 * normal(gen);
        double offset[10];
        for (int t = 0; t < 10; ++t)
            offset[t] = s == 0 && t >= 6 ? 1.0 : 0.0;
        for (int i = 0; i < 40; ++i) {
            const auto points = test::simulatedTenTaskPoints(gen, effect + normal(gen), offset);
            ParticipantRow row = test::tenTaskRow(points);
            std::vector<std::int8_t> shortOf = points; // a template that stops three tasks short
            std::fill(shortOf.begin() + 7, shortOf.end(), std::int8_t{-1});
            if (missing == Missing::Blank && s >= 40)
                row.points = blank.data();
            else if (missing == Missing::LastTasks && s >= 40)
                row.points = shortOf.data();
            data.addParticipant(vpr, index, row, QStringView(),
                                i < 20 ? QByteArrayView("6А") : QByteArrayView("6Б"));
        }
    }
    data.finish();
    return data;
}

int flaggedBy(const AnalysisReport &report, const char16_t *code, const QString &except) {
    int flagged = 0;
    for (const auto &u : report.units)
        if (u.schoolCode != except)
            for (const auto &f : u.findings)
                flagged += f.code == QStringView(code) && f.flagged ? 1 : 0;
    return flagged;
}

} // namespace

TEST(TaskPointsMissingEngine, SchoolsWithoutTaskPointsLeaveTheOthersAsTheyWere) {
    const QString helped = QStringLiteral("s00");
    const AnalysisReport full = AnalysisEngine::run(region(Missing::None), AnalysisSettings());
    const AnalysisReport part = AnalysisEngine::run(region(Missing::Blank), AnalysisSettings());
    EXPECT_TRUE(inversionOf(full, helped).flagged);
    EXPECT_TRUE(inversionOf(part, helped).flagged)
        << inversionOf(part, helped).reasonText.toStdString();
    EXPECT_EQ(flaggedBy(full, criterion::DifficultyInversion, helped), 0);
    EXPECT_EQ(flaggedBy(part, criterion::DifficultyInversion, helped), 0);
    EXPECT_EQ(flaggedBy(part, criterion::PersonFit, helped), 0);
    // the helped school's own test is the same up to the 40 schools that give task points: its
    // expectation comes from the same kind of pupils
    EXPECT_NEAR(inversionOf(part, helped).effectSize, inversionOf(full, helped).effectSize, 3.0);

    const UnitReport *blankUnit = nullptr;
    for (const auto &u : part.units)
        if (u.schoolCode == QStringLiteral("s45"))
            blankUnit = &u;
    ASSERT_NE(blankUnit, nullptr);
    EXPECT_EQ(blankUnit->n, 40);
    const CriterionFinding &inversion = inversionOf(part, QStringLiteral("s45"));
    EXPECT_FALSE(inversion.tested());
    EXPECT_EQ(inversion.reasonText,
              QStringLiteral("не проверялось: баллов по заданиям в данных нет (только первичный "
                             "балл)"));
    for (const auto &f : blankUnit->findings) {
        if (f.code == QStringView(criterion::PersonFit)) {
            EXPECT_FALSE(f.tested()) << f.reasonText.toStdString();
        }
    }
    // no completion of tasks to show, and the score metrics are the school's own
    EXPECT_TRUE(blankUnit->metrics.taskPercent.empty());
    EXPECT_EQ(blankUnit->metrics.hardPercent, -1); // not computed
    for (const auto &u : full.units)
        if (u.schoolCode == QStringLiteral("s45")) {
            EXPECT_EQ(blankUnit->metrics.meanPrimary, u.metrics.meanPrimary);
            EXPECT_EQ(blankUnit->metrics.markPct[4], u.metrics.markPct[4]);
        }
}

// Task points that do not add up to the score (the last three tasks blank, the score whole) are
// left out as well: the unit is not tested on its tasks, and the helped school is named as with
// full data. Counted, they lowered the region's expected hard points at every score.
TEST(TaskPointsMissingEngine, TaskPointsThatDoNotMakeTheScoreAreLeftOutToo) {
    const QString helped = QStringLiteral("s00");
    const AnalysisReport full = AnalysisEngine::run(region(Missing::None), AnalysisSettings());
    const AnalysisReport part = AnalysisEngine::run(region(Missing::LastTasks), AnalysisSettings());
    EXPECT_TRUE(inversionOf(part, helped).flagged);
    EXPECT_EQ(flaggedBy(part, criterion::DifficultyInversion, helped), 0);
    EXPECT_NEAR(inversionOf(part, helped).effectSize, inversionOf(full, helped).effectSize, 3.0);
    const CriterionFinding &shortOne = inversionOf(part, QStringLiteral("s45"));
    EXPECT_FALSE(shortOne.tested());
    // its works whose last three tasks got 0 anyway still make their scores: a few are counted
    EXPECT_TRUE(shortOne.reasonText.startsWith(QStringLiteral("не проверялось: баллы по заданиям "
                                                              "в данных есть у ")))
        << shortOne.reasonText.toStdString();
}
