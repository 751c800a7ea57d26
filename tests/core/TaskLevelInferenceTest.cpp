// Task levels read off the region's results where the data gives none (TaskLevelInference): the
// hard tasks are the group the region solves worst, split at the natural break of the solve
// rates; difficulty_inversion then works on them as on given levels, names the class, and says
// which tasks it took as hard.
#include "objectivity/core/analysis/TaskLevelInference.h"
#include "objectivity/core/analysis/AnalysisEngine.h"

#include "InversionOf.h"
#include "TenTaskWork.h"

#include <QJsonArray>

#include <gtest/gtest.h>

#include <cmath>
#include <random>

using namespace objectivity;
using namespace objectivity::core;
using objectivity::test::inversionOf;

namespace {

ProcedureLayout layoutOf(const std::vector<int> &maxima) {
    Procedure p;
    for (const int m : maxima)
        p.tasks.append({QString(), m, TaskLevel::Unknown});
    return ProcedureLayout::fromProcedure(p);
}

// the region's points per task for solve rates `rates` over `works` works
std::vector<std::int64_t> pointsAt(const ProcedureLayout &l, const std::vector<double> &rates,
                                   long long works) {
    std::vector<std::int64_t> points;
    for (std::size_t t = 0; t < rates.size(); ++t)
        points.push_back(std::llround(rates[t] * works * l.taskMax[t]));
    return points;
}

std::vector<TaskLevel> levelsOf(const char *pattern) { // 'b' → Basic, anything else → Advanced
    std::vector<TaskLevel> levels;
    for (const char *c = pattern; *c; ++c)
        levels.push_back(*c == 'b' ? TaskLevel::Basic : TaskLevel::Advanced);
    return levels;
}

} // namespace

TEST(TaskLevelInference, TheHardTasksAreTheGroupTheRegionSolvesWorst) {
    // six tasks: four solved by 80–90 %, two by 30–35 %, in a mixed order
    ProcedureLayout l = layoutOf({1, 2, 1, 2, 1, 2});
    ASSERT_TRUE(
        TaskLevelInference::apply(l, pointsAt(l, {0.9, 0.3, 0.85, 0.35, 0.8, 0.88}, 500), 500));
    EXPECT_TRUE(l.levelsInferred);
    EXPECT_EQ(l.levels, levelsOf("bhbhbb"));
    EXPECT_EQ(l.maxHard, 4);
    EXPECT_EQ(l.maxEasy, 5);
    EXPECT_TRUE(l.hasLevels());
    // the break is where the rates jump, not a fixed share: three hard tasks of five
    ProcedureLayout three = layoutOf({1, 1, 1, 1, 1});
    ASSERT_TRUE(
        TaskLevelInference::apply(three, pointsAt(three, {0.2, 0.25, 0.3, 0.85, 0.9}, 200), 200));
    EXPECT_EQ(three.levels, levelsOf("hhhbb"));
}

TEST(TaskLevelInference, TheHardGroupKeepsAtMostTwoThirdsOfThePoints) {
    // one task everybody solves and nine about equally hard ones: the break would leave one
    // basic task; the hard group stops at 6 of the 10 points, the hardest first
    ProcedureLayout l = layoutOf({1, 1, 1, 1, 1, 1, 1, 1, 1, 1});
    ASSERT_TRUE(TaskLevelInference::apply(
        l, pointsAt(l, {0.98, 0.4, 0.41, 0.42, 0.43, 0.44, 0.45, 0.46, 0.47, 0.48}, 1000), 1000));
    EXPECT_EQ(l.maxHard, 6);
    EXPECT_EQ(l.levels, levelsOf("bhhhhhhbbb"));
}

TEST(TaskLevelInference, NothingIsInferredWhereTheDataCannotTell) {
    const std::vector<double> rates{0.9, 0.3, 0.85, 0.35, 0.8, 0.88};
    ProcedureLayout l = layoutOf({1, 2, 1, 2, 1, 2});
    // too few works
    EXPECT_FALSE(TaskLevelInference::apply(l, pointsAt(l, rates, 99), 99));
    // every task about equally hard: the groups differ by less than 10 points of the maximum
    EXPECT_FALSE(
        TaskLevelInference::apply(l, pointsAt(l, {0.62, 0.6, 0.64, 0.58, 0.61, 0.66}, 500), 500));
    // no task points in the data
    EXPECT_FALSE(TaskLevelInference::apply(l, std::vector<std::int64_t>(6, 0), 500));
    EXPECT_FALSE(l.levelsInferred);
    EXPECT_FALSE(l.hasLevels());
    // three tasks are too few
    ProcedureLayout small = layoutOf({1, 1, 1});
    EXPECT_FALSE(TaskLevelInference::apply(small, pointsAt(small, {0.9, 0.2, 0.9}, 500), 500));
    // given levels stay as they are
    Procedure given = test::tenTaskProcedure(1, ProcedureKind::VPR, 2024, 6);
    ProcedureLayout g = ProcedureLayout::fromProcedure(given);
    const std::vector<TaskLevel> before = g.levels;
    EXPECT_FALSE(TaskLevelInference::apply(
        g, pointsAt(g, {0.2, 0.2, 0.2, 0.2, 0.2, 0.2, 0.9, 0.9, 0.9, 0.9}, 500), 500));
    EXPECT_EQ(g.levels, before);
    EXPECT_FALSE(g.levelsInferred);
}

namespace {

// 40 schools of two classes of 14 pupils, one ВПР of ten tasks (six basic of 2 points, four
// advanced of 3); each step of a task passed with probability logistic(ability − difficulty).
// In «s00», class «6Б» was helped: each of its pupils gets full points on an advanced task with
// probability 0.6. `levels`: the procedure gives the levels, else none; `maxima`: the procedure
// gives the tasks' maxima, else 0 (results without the description of the work).
AnalysisDataset region(bool levels, bool maxima = true) {
    AnalysisDataset data;
    Procedure p = test::tenTaskProcedure(1, ProcedureKind::VPR, 2024, 6);
    for (TaskInfo &t : p.tasks) {
        if (!levels)
            t.level = TaskLevel::Unknown;
        if (!maxima)
            t.maxPoints = 0;
    }
    const int vpr = data.addProcedure(p);
    std::mt19937 gen(2029);
    std::normal_distribution<double> normal;
    std::uniform_real_distribution<double> uniform;
    for (int s = 0; s < 40; ++s) {
        const int index = test::addTestSchool(data, s);
        const double effect = 0.4 * normal(gen);
        for (int i = 0; i < 28; ++i) {
            const bool helped = s == 0 && i >= 14;
            const double ability = effect + normal(gen);
            std::vector<std::int8_t> points;
            for (int t = 0; t < 10; ++t) {
                const double q = 1 / (1 + std::exp(-(ability - (t < 6 ? -0.8 : 0.8))));
                int got = 0;
                for (int step = 0; step < (t < 6 ? 2 : 3); ++step)
                    got += uniform(gen) < q ? 1 : 0;
                if (helped && t >= 6 && uniform(gen) < 0.6)
                    got = 3;
                points.push_back(static_cast<std::int8_t>(got));
            }
            const ParticipantRow row = test::tenTaskRow(points);
            data.addParticipant(vpr, index, row, QStringView(),
                                i < 14 ? QByteArrayView("6А") : QByteArrayView("6Б"));
        }
    }
    data.finish();
    return data;
}

} // namespace

TEST(TaskLevelInferenceEngine, HelpInOneClassIsFoundWithoutGivenLevelsAsWithThem) {
    const AnalysisDataset given = region(true), inferred = region(false);
    ASSERT_FALSE(given.layout(0).levelsInferred);
    ASSERT_TRUE(inferred.layout(0).levelsInferred);
    // the region solves the advanced tasks worst: the inferred levels are the given ones, and
    // the П/В counts of every unit and class are made again under them
    EXPECT_EQ(inferred.layout(0).levels, given.layout(0).levels);
    EXPECT_EQ(inferred.layout(0).maxHard, 12);
    const AnalysisReport a = AnalysisEngine::run(given, AnalysisSettings());
    const AnalysisReport b = AnalysisEngine::run(inferred, AnalysisSettings());
    ASSERT_EQ(a.units.size(), b.units.size());
    int flaggedOthers = 0;
    for (qsizetype u = 0; u < a.units.size(); ++u) {
        const QString school = a.units[u].schoolCode;
        const CriterionFinding &x = inversionOf(a, school), &y = inversionOf(b, school);
        EXPECT_EQ(x.statistic, y.statistic) << school.toStdString();
        EXPECT_EQ(x.pValue, y.pValue) << school.toStdString();
        EXPECT_EQ(x.flagged, y.flagged) << school.toStdString();
        EXPECT_EQ(x.label, y.label) << school.toStdString();
        if (school != QStringLiteral("s00"))
            flaggedOthers += y.flagged ? 1 : 0;
    }
    EXPECT_EQ(flaggedOthers, 0);
    const CriterionFinding &found = inversionOf(b, QStringLiteral("s00"));
    EXPECT_TRUE(found.flagged) << found.explanation.toStdString();
    EXPECT_EQ(found.label, QStringLiteral("класс 6Б"));
    EXPECT_TRUE(found.explanation.startsWith(
        QStringLiteral("В классе 6Б (14 из 28 участников): Уровни заданий в данных не указаны; "
                       "сложными взяты задания, которые в регионе выполняют хуже всего "
                       "(задания 7, 8, 9, 10). Они выполнены на ")))
        << found.explanation.toStdString();
    EXPECT_TRUE(inversionOf(a, QStringLiteral("s00"))
                    .explanation.contains(QStringLiteral("Задания повышенного и высокого уровня")));
    // the JSON says where the levels come from and, inferred, which tasks were taken as hard
    const QJsonObject inferredJson = b.units.first().toJson();
    EXPECT_EQ(inferredJson.value(QStringLiteral("task_levels")).toString(),
              QStringLiteral("inferred"));
    EXPECT_EQ(inferredJson.value(QStringLiteral("hard_tasks")).toArray(),
              QJsonArray({QStringLiteral("7"), QStringLiteral("8"), QStringLiteral("9"),
                          QStringLiteral("10")}));
    const QJsonObject givenJson = a.units.first().toJson();
    EXPECT_EQ(givenJson.value(QStringLiteral("task_levels")).toString(), QStringLiteral("given"));
    EXPECT_FALSE(givenJson.contains(QStringLiteral("hard_tasks")));
}

TEST(TaskLevelInferenceEngine, ARegionTooSmallToTellSaysWhyTheCriterionWasNotTested) {
    AnalysisDataset data;
    Procedure p = test::tenTaskProcedure(1, ProcedureKind::VPR, 2024, 6);
    for (TaskInfo &t : p.tasks)
        t.level = TaskLevel::Unknown;
    const int vpr = data.addProcedure(p);
    const int school = test::addTestSchool(data, 0);
    for (int i = 0; i < 40; ++i) // 40 works: below the 100 the solve rates need
        test::addTenTaskWork(data, vpr, school, 4 + i % 16);
    data.finish();
    EXPECT_FALSE(data.layout(vpr).hasLevels());
    const AnalysisReport r = AnalysisEngine::run(data, AnalysisSettings());
    const CriterionFinding &f = inversionOf(r, QStringLiteral("s00"));
    EXPECT_FALSE(f.tested());
    EXPECT_EQ(r.units.first().toJson().value(QStringLiteral("task_levels")).toString(),
              QStringLiteral("absent"));
    EXPECT_EQ(f.reasonText,
              QStringLiteral("не проверялось: уровни заданий в данных не указаны, а по "
                             "результатам региона сложные задания не выделяются (нужно не меньше "
                             "100 работ в регионе и разница в выполнении сложных и остальных "
                             "заданий не меньше 10 п. п.)"));
}

// Results without the description of the work: the maxima are not known while the rows are read.
// The rows wait for finish(), which takes each task's maximum from the most points any work got
// and the maximum primary score from the tasks, the scores and the scale: every criterion then
// sees what it sees with the maxima given (before, every primary score was clamped to 0).
TEST(MaximaFromData, ARegionWithoutTaskMaximaIsAnalysedAsWithThem) {
    const AnalysisDataset given = region(false), unknown = region(false, false);
    ASSERT_FALSE(given.maximaFromData(0));
    ASSERT_TRUE(unknown.maximaFromData(0));
    EXPECT_EQ(unknown.layout(0).taskMax, given.layout(0).taskMax); // full points were reached
    EXPECT_EQ(unknown.layout(0).maxPrimary, 24);
    EXPECT_EQ(unknown.layout(0).levels, given.layout(0).levels); // inferred in both
    EXPECT_EQ(unknown.participantCount(), given.participantCount());
    const AnalysisReport a = AnalysisEngine::run(given, AnalysisSettings());
    const AnalysisReport b = AnalysisEngine::run(unknown, AnalysisSettings());
    ASSERT_EQ(a.units.size(), b.units.size());
    int tested = 0;
    for (qsizetype u = 0; u < a.units.size(); ++u) {
        ASSERT_EQ(a.units[u].findings.size(), b.units[u].findings.size());
        for (qsizetype f = 0; f < a.units[u].findings.size(); ++f) {
            const CriterionFinding &x = a.units[u].findings[f], &y = b.units[u].findings[f];
            EXPECT_EQ(x.code, y.code);
            EXPECT_TRUE(x.pValue == y.pValue || (std::isnan(x.pValue) && std::isnan(y.pValue)))
                << x.code.toStdString() << ": " << x.pValue << " vs " << y.pValue;
            EXPECT_EQ(x.flagged, y.flagged) << x.code.toStdString();
            EXPECT_EQ(x.label, y.label) << x.code.toStdString();
            tested += y.tested() ? 1 : 0;
        }
        EXPECT_EQ(a.units[u].metrics.meanPercent, b.units[u].metrics.meanPercent);
    }
    EXPECT_GT(tested, 3 * a.units.size()); // difficulty, bunching, person-fit, journal… ran
    EXPECT_TRUE(inversionOf(b, QStringLiteral("s00")).flagged);
    EXPECT_TRUE(b.units.first().toJson().value(QStringLiteral("maxima_from_data")).toBool());
    EXPECT_FALSE(a.units.first().toJson().contains(QStringLiteral("maxima_from_data")));
}

TEST(MaximaFromData, WithoutTasksTheMaximumIsTheHighestScoreOrTheScales) {
    AnalysisDataset data;
    Procedure p = test::tenTaskProcedure(1, ProcedureKind::VPR, 2024, 6);
    p.tasks.clear(); // only the primary scores and the marks
    const int vpr = data.addProcedure(p);
    const int school = test::addTestSchool(data, 0);
    for (const int primary : {3, 8, 8, 14, 17}) {
        ParticipantRow row;
        row.primary = primary;
        row.mark = primary >= 14 ? 4 : primary >= 8 ? 3 : 2;
        data.addParticipant(vpr, school, row, QStringView());
    }
    MarkScale scale;
    scale.kind = ProcedureKind::VPR;
    scale.maxPrimary = 20;
    scale.minFor3 = 8;
    scale.minFor4 = 14;
    scale.minFor5 = 18;
    data.setScale(vpr, scale);
    data.finish();
    EXPECT_TRUE(data.maximaFromData(vpr));
    EXPECT_EQ(data.layout(vpr).maxPrimary, 20); // the scale's, above the highest score 17
    EXPECT_EQ(data.layout(vpr).minFor[4], 14);
    const std::vector<int> &hist = data.units().front().acc.primaryHist;
    ASSERT_EQ(hist.size(), 21u);
    EXPECT_EQ(hist[8], 2);
    EXPECT_EQ(hist[17], 1);
    EXPECT_EQ(data.units().front().acc.n, 5);
}
