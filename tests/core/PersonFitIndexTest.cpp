// PersonFitIndex on a hand-built region: one school with Guttman-consistent works (and a little
// noise), one with a class where weak pupils «solved» the hard task and missed the easy ones. The
// aberrant works are counted in that school and that class only.
#include "objectivity/core/analysis/PersonFitIndex.h"

#include <gtest/gtest.h>

using namespace objectivity::core;

namespace {

struct Region {
    AnalysisDataset data;
    int honest = 0, helped = 0;

    Region() {
        Procedure p;
        p.id = 1;
        p.kind = ProcedureKind::VPR;
        p.year = 2024;
        p.grade = 5;
        p.subject = QStringLiteral("Математика");
        for (int i = 0; i < 4; ++i) {
            TaskInfo t;
            t.label = QString::number(i + 1);
            t.maxPoints = i == 3 ? 2 : 1;
            t.level = i >= 2 ? TaskLevel::Advanced : TaskLevel::Basic;
            p.tasks << t;
        }
        data.addProcedure(p);
        School a, b;
        a.id = 1;
        a.code = QStringLiteral("a");
        b.id = 2;
        b.code = QStringLiteral("b");
        honest = data.addSchool(a);
        helped = data.addSchool(b);
    }
    void add(int school, std::vector<std::int8_t> points, const char *cls) {
        ParticipantRow row;
        row.points = points.data();
        row.pointCount = static_cast<int>(points.size());
        for (auto v : points)
            row.primary += std::max<int>(0, v);
        data.addParticipant(0, school, row, QStringView(), QByteArrayView(cls));
    }
};

} // namespace

TEST(PersonFitIndex, AberrantWorksCountedInTheirSchoolAndClass) {
    Region r;
    // 1400 honest works: the easiest steps first, and mild inversions; the region's bands hold
    // 400 works or more, so the 6 aberrant works stay above the 99th percentile of their band
    // (in a band of 200, 3 aberrant works would be 1.5 % and set the cut-off themselves)
    const std::vector<std::vector<std::int8_t>> usual = {{1, 0, 0, 0}, {1, 1, 0, 0}, {1, 1, 1, 0},
                                                         {1, 1, 1, 1}, {0, 1, 0, 0}, {1, 0, 1, 0},
                                                         {1, 1, 0, 1}};
    for (int i = 0; i < 1400; ++i)
        r.add(r.honest, usual[static_cast<std::size_t>(i % 7)], i % 2 ? "5А" : "5Б");
    // the helped school: class 5А honest (10 works), class 5Б: 6 weak pupils with the hard task
    // at its maximum and the easy ones missed, 4 honest
    for (int i = 0; i < 10; ++i)
        r.add(r.helped, usual[static_cast<std::size_t>(i % 7)], "5А");
    for (int i = 0; i < 6; ++i)
        r.add(r.helped,
              i % 2 ? std::vector<std::int8_t>{0, 0, 0, 2} : std::vector<std::int8_t>{0, 0, 1, 2},
              "5Б");
    for (int i = 0; i < 4; ++i)
        r.add(r.helped, usual[static_cast<std::size_t>(i)], "5Б");
    r.data.finish();

    const PersonFitIndex index(r.data, 99, 400, 1000);
    ASSERT_TRUE(index.procedure(0).usable);
    EXPECT_EQ(index.procedure(0).steps, 5);
    EXPECT_EQ(index.procedure(0).all.works, 1420);
    const auto &a = index.unit(0), &b = index.unit(1);
    EXPECT_EQ(a.all.works, 1400);
    EXPECT_EQ(a.all.aberrant, 0);
    EXPECT_EQ(b.all.works, 20);
    EXPECT_EQ(b.all.aberrant, 6);
    ASSERT_EQ(b.classes.size(), 2u);
    EXPECT_EQ(b.classes[0].works, 10); // «5А», met first
    EXPECT_EQ(b.classes[0].aberrant, 0);
    EXPECT_EQ(b.classes[1].works, 10);
    EXPECT_EQ(b.classes[1].aberrant, 6);
    EXPECT_EQ(index.procedure(0).all.aberrant, 6);
}

TEST(PersonFitIndex, TooFewWorksInTheRegionIsNotUsable) {
    Region r;
    for (int i = 0; i < 50; ++i)
        r.add(r.honest, {1, 1, 0, 0}, "5А");
    r.data.finish();
    const PersonFitIndex index(r.data, 99, 50, 100);
    EXPECT_FALSE(index.procedure(0).usable);
    EXPECT_EQ(index.unit(0).all.works, 50);
    EXPECT_EQ(index.unit(0).all.aberrant, 0);
}
