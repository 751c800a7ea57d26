// The engine links the same pupils' works by participant code: a ВПР inflated in one year is not
// confirmed by the same pupils' next ВПР (cohort_unconfirmed) nor by their ОГЭ
// (high_results_unconfirmed, the linked gap); codes that do not name pupils are not used.
#include "objectivity/core/analysis/AnalysisEngine.h"

#include "TenTaskWork.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <random>

using namespace objectivity;
using namespace objectivity::core;

namespace {

// 20 schools of 25 pupils; ВПР 7 (2022), ВПР 8 (2023), ОГЭ 9 (2024) of the same pupils.
// School «s00»: its ВПР 7 inflated by 6 points; «s01»: its ВПР 8 inflated by 6 points.
// `codeShift` ≠ 0: each procedure's codes name other pupils of the school than the last one's;
// «s00» keeps the codes of its first `keptByFirstSchool` pupils only, or numbers its works anew
// (`firstSchoolShift`) in a region that keeps codes.
AnalysisDataset region(int codeShift, int keptByFirstSchool = 25, int firstSchoolShift = 0) {
    AnalysisDataset data;
    const int vpr7 = data.addProcedure(test::tenTaskProcedure(1, ProcedureKind::VPR, 2022, 7));
    const int vpr8 = data.addProcedure(test::tenTaskProcedure(2, ProcedureKind::VPR, 2023, 8));
    const int oge = data.addProcedure(test::tenTaskProcedure(3, ProcedureKind::OGE, 2024, 9));
    std::mt19937 gen(2026);
    std::normal_distribution<double> normal;
    for (int s = 0; s < 20; ++s) {
        const int index = test::addTestSchool(data, s);
        const double effect = s < 2 ? 0 : 0.4 * normal(gen);
        for (int i = 0; i < 25; ++i) {
            const double ability = effect + normal(gen);
            for (const int p : {vpr7, vpr8, oge}) {
                double score = 12 + 4 * ability + 2 * normal(gen);
                if ((s == 0 && p == vpr7) || (s == 1 && p == vpr8))
                    score += 6;
                const int primary = std::clamp(static_cast<int>(std::lround(score)), 0, 24);
                const int shift = s == 0 && firstSchoolShift ? firstSchoolShift : codeShift;
                const int code = (i + shift * (p == vpr7 ? 0 : p == vpr8 ? 1 : 2)) % 25;
                // «s00» may give new codes to some pupils after grade 7
                const bool renamed = s == 0 && p != vpr7 && i >= keptByFirstSchool;
                const quint64 codeHash = AnalysisDataset::hashCodeUtf8(
                    QStringLiteral("%1-%2%3")
                        .arg(s)
                        .arg(code)
                        .arg(renamed ? QStringLiteral("n") : QString())
                        .toUtf8());
                test::addTenTaskWork(data, p, index, primary, codeHash);
            }
        }
    }
    data.finish();
    return data;
}

const CriterionFinding *findingOf(const AnalysisReport &report, const QString &school, int grade,
                                  const char16_t *code) {
    for (const auto &u : report.units)
        if (u.schoolCode == school && u.grade == grade)
            for (const auto &f : u.findings)
                if (f.code == QString::fromUtf16(code))
                    return &f;
    return nullptr;
}

} // namespace

TEST(CohortLinkEngine, TheSamePupilsNextWorksDoNotConfirmAnInflatedVpr) {
    const AnalysisReport report = AnalysisEngine::run(region(0), AnalysisSettings());
    const CriterionFinding *drop =
        findingOf(report, QStringLiteral("s00"), 7, criterion::CohortUnconfirmed);
    ASSERT_NE(drop, nullptr);
    EXPECT_TRUE(drop->flagged) << drop->reasonText.toStdString();
    EXPECT_TRUE(drop->explanation.contains(QStringLiteral("одних и тех же учеников (25 уч.")))
        << drop->explanation.toStdString();
    EXPECT_TRUE(drop->explanation.contains(QStringLiteral("высокий результат 7 класса")));
    const CriterionFinding *gap =
        findingOf(report, QStringLiteral("s01"), 8, criterion::HighResults);
    ASSERT_NE(gap, nullptr);
    EXPECT_TRUE(gap->flagged) << gap->reasonText.toStdString();
    EXPECT_TRUE(gap->explanation.contains(QStringLiteral("ВПР и ОГЭ связаны кодом участника")))
        << gap->explanation.toStdString();
    // the other schools: tested through their linked pupils, none flagged
    int tested = 0;
    for (const auto &u : report.units)
        for (const auto &f : u.findings)
            if (u.schoolCode != QStringLiteral("s00") && u.schoolCode != QStringLiteral("s01") &&
                f.code == QString::fromUtf16(criterion::CohortUnconfirmed)) {
                tested += f.tested();
                EXPECT_FALSE(f.flagged) << u.schoolCode.toStdString();
            }
    EXPECT_EQ(tested, 18);
}

TEST(CohortLinkEngine, CodesThatNameOtherPupilsAreNotUsed) {
    const AnalysisReport report = AnalysisEngine::run(region(7), AnalysisSettings());
    const CriterionFinding *drop =
        findingOf(report, QStringLiteral("s00"), 7, criterion::CohortUnconfirmed);
    ASSERT_NE(drop, nullptr);
    EXPECT_FALSE(drop->tested());
    EXPECT_TRUE(drop->reasonText.contains(QStringLiteral("не связаны кодом участника")))
        << drop->reasonText.toStdString();
    EXPECT_TRUE(drop->reasonText.contains(
        QStringLiteral("коды участников по региону не называют одних и тех же учеников")))
        << drop->reasonText.toStdString();
    // the ОГЭ comparison falls back to the two parallels, without the linked pupils
    const CriterionFinding *gap =
        findingOf(report, QStringLiteral("s01"), 8, criterion::HighResults);
    ASSERT_NE(gap, nullptr);
    EXPECT_FALSE(gap->explanation.contains(QStringLiteral("связаны кодом участника")));
}

TEST(CohortLinkEngine, FewerThanHalfOfTheParallelLinkedIsNoComparisonOfTheSamePupils) {
    // 12 of the 25 pupils of «s00» keep their code (at least min_participants, fewer than half)
    AnalysisReport report = AnalysisEngine::run(region(0, 12), AnalysisSettings());
    const CriterionFinding *drop =
        findingOf(report, QStringLiteral("s00"), 7, criterion::CohortUnconfirmed);
    ASSERT_NE(drop, nullptr);
    EXPECT_FALSE(drop->tested()) << drop->explanation.toStdString();
    EXPECT_TRUE(drop->reasonText.contains(QStringLiteral("связаны работы только 12 уч. (в "
                                                         "параллелях 25 и 25")))
        << drop->reasonText.toStdString();
    // 13 of 25: half or more — the linked pupils are compared
    report = AnalysisEngine::run(region(0, 13), AnalysisSettings());
    drop = findingOf(report, QStringLiteral("s00"), 7, criterion::CohortUnconfirmed);
    ASSERT_NE(drop, nullptr);
    EXPECT_TRUE(drop->flagged);
    EXPECT_TRUE(drop->explanation.contains(QStringLiteral("(13 уч.")))
        << drop->explanation.toStdString();
}

TEST(CohortLinkEngine, ASchoolNumberingItsWorksAnewInARegionKeepingCodesIsNotLinked) {
    const AnalysisReport report = AnalysisEngine::run(region(0, 25, 9), AnalysisSettings());
    const CriterionFinding *drop =
        findingOf(report, QStringLiteral("s00"), 7, criterion::CohortUnconfirmed);
    ASSERT_NE(drop, nullptr);
    EXPECT_FALSE(drop->tested()) << drop->explanation.toStdString();
    EXPECT_TRUE(drop->reasonText.contains(QStringLiteral("две работы не согласуются")))
        << drop->reasonText.toStdString();
    // the rest of the region stays linked
    const CriterionFinding *gap =
        findingOf(report, QStringLiteral("s01"), 8, criterion::HighResults);
    ASSERT_NE(gap, nullptr);
    EXPECT_TRUE(gap->explanation.contains(QStringLiteral("связаны кодом участника")));
}
