// How p and q are written in the window, the workbook and the CLI: a rule check (medals) is not a
// probability and says so; a test's p with four decimals, «< 0,0001» below, «—» when not tested.
#include "objectivity/core/analysis/CriterionTitle.h"

#include <gtest/gtest.h>

#include <cmath>

using namespace objectivity::core;

namespace {
CriterionFinding finding(const QString &code) {
    CriterionFinding f;
    f.code = code;
    return f;
}
} // namespace

TEST(ProbabilityText, ATestsPWithFourDecimalsAndARuleCheckAsARule) {
    const CriterionFinding test = finding(QStringLiteral("boundary_bunching"));
    EXPECT_EQ(probabilityText(test, 0.02134), QStringLiteral("0,0213"));
    EXPECT_EQ(probabilityText(test, 0.0001), QStringLiteral("0,0001"));
    EXPECT_EQ(probabilityText(test, 0.00009), QStringLiteral("< 0,0001"));
    EXPECT_EQ(probabilityText(test, 0.0), QStringLiteral("< 0,0001"));
    EXPECT_EQ(probabilityText(test, std::nan("")), QStringLiteral("—"));

    // medals: each medalist against the rules of the year; p is 0 (broken) or 1 by convention
    const CriterionFinding medals = finding(QStringLiteral("medals_unsupported"));
    EXPECT_TRUE(checksARule(medals.code));
    EXPECT_EQ(probabilityText(medals, 0.0), QStringLiteral("по правилу"));
    EXPECT_EQ(probabilityText(medals, 1.0), QStringLiteral("по правилу"));
    EXPECT_EQ(probabilityText(medals, std::nan("")), QStringLiteral("—")); // not checked

    for (const char *code :
         {"high_results_unconfirmed", "difficulty_inversion", "boundary_bunching",
          "journal_mismatch_lenient", "journal_mismatch_strict", "journal_mismatch_inflated",
          "cohort_drop", "cohort_unconfirmed", "gia_vs_annual", "mark_scale_mismatch",
          "person_fit"})
        EXPECT_FALSE(checksARule(QString::fromLatin1(code))) << code;
}
