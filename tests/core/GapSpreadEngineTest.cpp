// The engine allows for the region's usual spread of ВПР–ГИА gaps between schools (ExcessSpread):
// a school's honest good year is not «high results not confirmed» in a region where such years
// are common, and is in a region where every other school's ВПР follows its ГИА.
#include "objectivity/core/analysis/AnalysisEngine.h"

#include "FindingOf.h"
#include "TenTaskWork.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <random>

using namespace objectivity;
using namespace objectivity::core;

namespace {

// 60 schools of 30 pupils: ВПР 6 and ОГЭ 9 of 2023 (other pupils: no same cohort), or (cohort)
// the same pupils' ВПР 4 of 2022 and ВПР 5 of 2023, linked by their codes. Every school's first
// work gets an honest teacher effect N(0, teacherSd) in pupil SDs; «s00» an effect of +1.5.
AnalysisDataset region(double teacherSd, bool cohort = false) {
    AnalysisDataset data;
    const int vpr =
        data.addProcedure(cohort ? test::tenTaskProcedure(1, ProcedureKind::VPR, 2022, 4)
                                 : test::tenTaskProcedure(1, ProcedureKind::VPR, 2023, 6));
    const int oge =
        data.addProcedure(cohort ? test::tenTaskProcedure(2, ProcedureKind::VPR, 2023, 5)
                                 : test::tenTaskProcedure(2, ProcedureKind::OGE, 2023, 9));
    std::mt19937 gen(2027);
    std::normal_distribution<double> normal;
    for (int s = 0; s < 60; ++s) {
        const int index = test::addTestSchool(data, s);
        const double effect = s == 0 ? 0 : 0.4 * normal(gen);
        const double teacher = s == 0 ? 1.5 : teacherSd * normal(gen);
        std::vector<double> pupils(cohort ? 30 : 0);
        for (double &a : pupils)
            a = effect + normal(gen);
        for (const int p : {vpr, oge})
            for (int i = 0; i < 30; ++i) {
                // the same pupil in both works (cohort), with a work's own noise; or other pupils
                const double ability =
                    (cohort ? pupils[static_cast<std::size_t>(i)] + 0.6 * normal(gen)
                            : effect + normal(gen)) +
                    (p == vpr ? teacher : 0);
                const int primary =
                    std::clamp(static_cast<int>(std::lround(12 + 4 * ability)), 0, 24);
                test::addTenTaskWork(
                    data, p, index, primary,
                    AnalysisDataset::hashCodeUtf8(QStringLiteral("%1-%2").arg(s).arg(i).toUtf8()));
            }
    }
    data.finish();
    return data;
}

const CriterionFinding &findingOfFirstSchool(const AnalysisReport &report, int grade,
                                             const char16_t *code) {
    return test::findingOf(report, QStringLiteral("s00"), grade, code);
}
const CriterionFinding &highResultsOfFirstSchool(const AnalysisReport &report) {
    return findingOfFirstSchool(report, 6, criterion::HighResults);
}

} // namespace

TEST(GapSpreadEngine, AGoodYearIsAFindingOnlyWhereGoodYearsAreRare) {
    // every other school's ВПР follows its ОГЭ: a gap of 1.5 pupil SD stands out
    const AnalysisReport quiet = AnalysisEngine::run(region(0), AnalysisSettings());
    const CriterionFinding &alone = highResultsOfFirstSchool(quiet);
    EXPECT_TRUE(alone.flagged) << alone.reasonText.toStdString();
    // teachers differ by 0.6 pupil SD from year to year: the same gap is an ordinary good year
    const AnalysisReport varied = AnalysisEngine::run(region(0.6), AnalysisSettings());
    const CriterionFinding &common = highResultsOfFirstSchool(varied);
    EXPECT_TRUE(common.tested());
    EXPECT_FALSE(common.flagged) << common.explanation.toStdString();
    EXPECT_LT(common.statistic, alone.statistic / 2);
    EXPECT_TRUE(common.explanation.contains(QStringLiteral("обычный для региона разброс")))
        << common.explanation.toStdString();
    // and no other school is named either
    for (const auto &u : varied.units)
        for (const auto &f : u.findings) {
            if (f.code == QString::fromUtf16(criterion::HighResults)) {
                EXPECT_FALSE(f.flagged) << u.schoolCode.toStdString();
            }
        }
}

TEST(GapSpreadEngine, ALinkedDropAllowsForTeachersToo) {
    // the same pupils, linked: their own drop from grade 4 to grade 5 has no composition noise, but
    // a strong grade-4 teacher still gives an honest drop; where such teachers are common the
    // drop of «s00» (a +1.5 SD grade-4 year) is ordinary
    const AnalysisReport quiet = AnalysisEngine::run(region(0, true), AnalysisSettings());
    const CriterionFinding &alone = findingOfFirstSchool(quiet, 4, criterion::CohortDrop);
    EXPECT_TRUE(alone.flagged) << alone.reasonText.toStdString();
    EXPECT_TRUE(alone.explanation.contains(QStringLiteral("связан")))
        << alone.explanation.toStdString();
    const AnalysisReport varied = AnalysisEngine::run(region(0.6, true), AnalysisSettings());
    const CriterionFinding &common = findingOfFirstSchool(varied, 4, criterion::CohortDrop);
    EXPECT_TRUE(common.tested());
    EXPECT_FALSE(common.flagged) << common.explanation.toStdString();
    EXPECT_LT(common.statistic, alone.statistic / 2);
    EXPECT_TRUE(common.explanation.contains(QStringLiteral("обычный для региона разброс таких "
                                                           "падений между школами")))
        << common.explanation.toStdString();
    EXPECT_TRUE(common.explanation.endsWith(QStringLiteral("учителя разных лет различаются).")))
        << common.explanation.toStdString();
}
