// A class typed in several spellings is one class of the unit: results imported before the
// importer wrote class names canonically keep «6б», «6 Б», «6-Б» beside «6Б», and the analysis,
// which looks for help and lenient marks class by class, took them for four small classes.
#include "objectivity/core/analysis/AnalysisDataset.h"

#include "TenTaskWork.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <vector>

using namespace objectivity;
using namespace objectivity::core;

TEST(DatasetClassSpellings, OneClassInFourSpellingsIsOneClass) {
    AnalysisDataset data;
    const int vpr = data.addProcedure(test::tenTaskProcedure(1, ProcedureKind::VPR, 2024, 6));
    const int school = test::addTestSchool(data, 0);
    const char *spellings[] = {"6Б", "6б", "6 Б", "6-Б", "6А", "6A", "класс"};
    // the row points into the work's points: they live as long as the rows are added
    const std::vector<std::int8_t> points{1, 1, 1, 1, 1, 1, 1, 1, 1, 1};
    for (int i = 0; i < 28; ++i) {
        const ParticipantRow row = test::tenTaskRow(points);
        data.addParticipant(vpr, school, row, QStringView(), QByteArrayView(spellings[i % 7]));
    }
    data.finish();
    ASSERT_EQ(data.units().size(), 1u);
    const AnalysisDataset::Unit &unit = data.units().front();
    ASSERT_EQ(unit.classNames.size(), 2u);
    EXPECT_EQ(unit.classNames[0], QByteArray("6Б"));
    EXPECT_EQ(unit.classNames[1], QByteArray("6А")); // Latin «6A» too
    EXPECT_EQ(unit.classes[0].n, 16);
    EXPECT_EQ(unit.classes[1].n, 8);
    EXPECT_EQ(unit.acc.n, 28); // «класс» names no class; the work still counts for the school
}
