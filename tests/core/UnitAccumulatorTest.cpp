// The П/В-points-by-score table of an accumulator gives the same counts in its compact form (a
// school's unit) and its dense form (a reference), whatever is added to or subtracted from what.
#include "objectivity/core/analysis/UnitAccumulator.h"

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
