// Runs of consecutive years with signs, as the engine's summaries and the window's overview
// count them (the history of a run for one year: AnalysisEngine.YearsInARowOfOneYear…).
#include "objectivity/core/analysis/YearsInRow.h"

#include <gtest/gtest.h>

using objectivity::core::YearsInRow;

TEST(YearsInRow, TheLongestRunInAnyOrderWithRepeats) {
    EXPECT_EQ(YearsInRow::longest({}), 0);
    EXPECT_EQ(YearsInRow::longest({2024}), 1);
    EXPECT_EQ(YearsInRow::longest({2025, 2022, 2023, 2023}), 2); // 2022–2023; 2025 alone
    EXPECT_EQ(YearsInRow::longest({2021, 2023, 2024, 2025, 2019}), 3);
}

TEST(YearsInRow, TheRunThatEndsAtAYear) {
    const QSet<int> years{2020, 2022, 2023, 2024};
    EXPECT_EQ(YearsInRow::endingAt(years, 2024), 3);
    EXPECT_EQ(YearsInRow::endingAt(years, 2022), 1);
    EXPECT_EQ(YearsInRow::endingAt(years, 2021), 0);
    EXPECT_EQ(YearsInRow::endingAt({}, 2024), 0);
}
