// The П/В-points-by-score table of an accumulator gives the same counts in its compact form (a
// school's unit) and its dense form (a reference), whatever is added to or subtracted from what.
#include "objectivity/core/analysis/UnitAccumulator.h"
#include "objectivity/core/analysis/UnitMetrics.h"

#include <gtest/gtest.h>

#include <map>

using namespace objectivity::core;

namespace {

// two basic tasks of 2 points, two hard tasks of 3 points: max 10, max hard 6
ProcedureLayout layout() {
    ProcedureLayout l;
    l.maxPrimary = 10;
    l.levels = {TaskLevel::Basic, TaskLevel::Basic, TaskLevel::Advanced, TaskLevel::High};
    l.taskMax = {2, 2, 3, 3};
    l.maxEasy = 4;
    l.maxHard = 6;
    return l;
}

void addRow(UnitAccumulator &acc, std::vector<std::int8_t> points) {
    ParticipantRow row;
    row.points = points.data();
    row.pointCount = static_cast<int>(points.size());
    for (const std::int8_t p : points)
        row.primary += p;
    acc.add(layout(), row);
}

std::map<std::pair<int, int>, int> table(const UnitAccumulator &acc) {
    std::map<std::pair<int, int>, int> t;
    acc.forEachHard(layout().maxHard, [&](int primary, int hard, int count) {
        t[{primary, hard}] += count;
    });
    for (auto it = t.begin(); it != t.end();)
        it = it->second == 0 ? t.erase(it) : std::next(it);
    return t;
}

} // namespace

TEST(UnitAccumulator, CompactAndDenseFormsCountTheSame) {
    UnitAccumulator a, b, dense, region;
    a.init(layout(), true);
    b.init(layout(), true);
    dense.init(layout());
    region.init(layout());
    addRow(a, {2, 1, 3, 0});
    addRow(a, {0, 2, 1, 1});
    addRow(b, {2, 2, 3, 3});
    for (auto *acc : {&dense, &region})
        addRow(*acc, {2, 1, 3, 0}), addRow(*acc, {0, 2, 1, 1});
    addRow(region, {2, 2, 3, 3});
    EXPECT_TRUE(a.hardByPrimary.empty()) << "a school's unit stays compact";
    EXPECT_EQ(table(a), table(dense));
    EXPECT_EQ(table(a), (std::map<std::pair<int, int>, int>{{{6, 3}, 1}, {{4, 2}, 1}}));

    // region minus a compact unit
    UnitAccumulator rest = region;
    rest.subtract(b);
    EXPECT_EQ(table(rest), table(dense));

    // compact plus compact, then minus compact
    UnitAccumulator ab = a;
    ab.addAll(b);
    EXPECT_EQ(table(ab), table(region));
    ab.subtract(b);
    EXPECT_EQ(table(ab), table(a));

    // a dense table added to a compact unit: nothing of either is lost
    UnitAccumulator mixed = b;
    mixed.addAll(dense);
    EXPECT_EQ(table(mixed), table(region));
}

// A work with a primary score and no task points (every task −1, «не выполнял», or no task
// columns) counts in n and in the scores, not in the task counts: the completion of the tasks is
// that of the works that give it. A work of 0 points with every task blank did solve nothing.
TEST(UnitAccumulator, AWorkWithAScoreAndNoTaskPointsIsLeftOutOfTheTaskCounts) {
    UnitAccumulator acc;
    acc.init(layout(), true);
    addRow(acc, {2, 1, 3, 0}); // 6 points, 3 of them hard
    addRow(acc, {0, 0, 0, 0});
    ParticipantRow blank;
    const std::int8_t none[] = {-1, -1, -1, -1};
    blank.points = none;
    blank.pointCount = 4;
    blank.primary = 8;
    EXPECT_FALSE(UnitAccumulator::tasksGiven(blank));
    acc.add(layout(), blank);
    ParticipantRow noColumns; // no task columns at all
    noColumns.primary = 5;
    EXPECT_FALSE(UnitAccumulator::tasksGiven(noColumns));
    acc.add(layout(), noColumns);
    // points that do not make the score (a template three tasks short): none given either
    const std::int8_t shortOf[] = {2, 1, -1, -1};
    ParticipantRow partial;
    partial.points = shortOf;
    partial.pointCount = 4;
    partial.primary = 9;
    EXPECT_FALSE(UnitAccumulator::tasksGiven(partial));
    partial.primary = 3; // they do make it
    EXPECT_TRUE(UnitAccumulator::tasksGiven(partial));
    partial.primary = 3.5; // a half point of the file's own rounding
    EXPECT_TRUE(UnitAccumulator::tasksGiven(partial));
    ParticipantRow nothing = blank; // 0 points, nothing attempted: a work, solved nothing
    nothing.primary = 0;
    EXPECT_TRUE(UnitAccumulator::tasksGiven(nothing));
    acc.add(layout(), nothing);
    EXPECT_EQ(acc.n, 5);
    EXPECT_EQ(acc.taskWorks, 3);
    EXPECT_EQ(acc.primarySum, 6 + 0 + 8 + 5 + 0);
    EXPECT_EQ(acc.hardPairs.size(), 3u);
    const UnitMetrics m = UnitMetrics::compute(acc, layout());
    ASSERT_EQ(m.taskPercent.size(), 4u);
    EXPECT_DOUBLE_EQ(m.taskPercent[0], 100.0 * 2 / (2 * 3)); // 2 points of 2 on 3 works
    EXPECT_DOUBLE_EQ(m.hardPercent, 100.0 * 3 / (6 * 3));
    // region less unit: the counts subtract as they add
    UnitAccumulator region;
    region.init(layout());
    region.addAll(acc);
    region.addAll(acc);
    region.subtract(acc);
    EXPECT_EQ(region.taskWorks, 3);
    EXPECT_EQ(region.primarySum, acc.primarySum);
    // no work with task points: no completion to show
    UnitAccumulator totalsOnly;
    totalsOnly.init(layout(), true);
    totalsOnly.add(layout(), blank);
    EXPECT_TRUE(UnitMetrics::compute(totalsOnly, layout()).taskPercent.empty());
}
