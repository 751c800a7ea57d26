// Which stored scale the analysis uses: the year's own, else the nearest year of the same
// structure (maximum primary score), never a scale of another structure.
#include "objectivity/core/results/MarkScaleChooser.h"

#include <gtest/gtest.h>

using namespace objectivity::core;

namespace {

MarkScale scale(int year, int maxPrimary, int b3, int b4, int b5,
                MarkScale::Origin origin = MarkScale::Origin::Official) {
    MarkScale s;
    s.kind = ProcedureKind::OGE;
    s.year = year;
    s.grade = 9;
    s.subject = QStringLiteral("Математика");
    s.maxPrimary = maxPrimary;
    s.minFor3 = b3;
    s.minFor4 = b4;
    s.minFor5 = b5;
    s.origin = origin;
    s.source = QStringLiteral("письмо %1").arg(year);
    return s;
}

std::optional<MarkScaleChooser::Choice> choose(int year, int maxPrimary,
                                               const QList<MarkScale> &scales) {
    return MarkScaleChooser::choose(ProcedureKind::OGE, year, 9, QStringLiteral("Математика"),
                                    maxPrimary, scales);
}

} // namespace

TEST(MarkScaleChooser, TheYearsOwnScaleFirst) {
    const QList<MarkScale> scales = {scale(2022, 31, 8, 15, 22), scale(2023, 31, 8, 15, 22),
                                     scale(2024, 31, 7, 14, 21)};
    const auto c = choose(2024, 31, scales);
    ASSERT_TRUE(c);
    EXPECT_EQ(c->scale.year, 2024);
    EXPECT_EQ(c->scale.minFor3, 7);
    EXPECT_TRUE(c->note.startsWith(QStringLiteral("официальная шкала ОГЭ 2024 года")))
        << c->note.toStdString();
    EXPECT_TRUE(c->note.contains(QStringLiteral("письмо 2024")));
}

TEST(MarkScaleChooser, NearestYearOnlyWithTheSameMaximum) {
    // 2025 has no scale; 2024 is nearest but of another structure (max 33): 2022 is used
    const QList<MarkScale> scales = {scale(2022, 31, 8, 15, 22), scale(2024, 33, 9, 16, 23),
                                     scale(2019, 31, 6, 12, 18)};
    const auto c = choose(2025, 31, scales);
    ASSERT_TRUE(c);
    EXPECT_EQ(c->scale.year, 2022);
    EXPECT_TRUE(c->note.contains(QStringLiteral("шкалы 2025 года нет")));
    EXPECT_TRUE(c->note.contains(QStringLiteral("той же структуры (максимум 31)")));
    // a procedure of another maximum finds nothing
    EXPECT_FALSE(choose(2025, 40, scales));
    // equally near years: the later one
    const auto tie = choose(2023, 31, {scale(2022, 31, 8, 15, 22), scale(2024, 31, 7, 14, 21)});
    ASSERT_TRUE(tie);
    EXPECT_EQ(tie->scale.year, 2024);
}

TEST(MarkScaleChooser, OwnYearOfAnotherStructureIsNotUsed) {
    const QList<MarkScale> scales = {scale(2024, 33, 9, 16, 23), scale(2023, 31, 8, 15, 22)};
    const auto c = choose(2024, 31, scales);
    ASSERT_TRUE(c);
    EXPECT_EQ(c->scale.year, 2023);
    // the procedure's maximum unknown (no tasks): the year's own scale is taken as it is
    const auto unknown = choose(2024, 0, scales);
    ASSERT_TRUE(unknown);
    EXPECT_EQ(unknown->scale.year, 2024);
}

TEST(MarkScaleChooser, AnyYearScaleNeedsTheSameStructureAndUserOriginIsSaid) {
    QList<MarkScale> scales = {scale(0, 25, 8, 15, 21, MarkScale::Origin::User)};
    const auto c = choose(2024, 25, scales);
    ASSERT_TRUE(c);
    EXPECT_TRUE(c->note.contains(QStringLiteral("изменённая пользователем")));
    EXPECT_TRUE(c->note.contains(QStringLiteral("без указания года")));
    EXPECT_FALSE(choose(2024, 24, scales));
    // a minimum test score without a maximum applies to any structure
    MarkScale min;
    min.kind = ProcedureKind::OGE;
    min.grade = 9;
    min.subject = QStringLiteral("Математика");
    min.minTestScore = 27;
    EXPECT_TRUE(choose(2024, 24, {min}));
}
