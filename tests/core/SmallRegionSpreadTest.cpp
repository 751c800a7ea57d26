// A municipality's own database: 20 schools, fewer than the 30 the region's spread of gaps needs
// per pair of procedures. The spread is then taken from all pairs of the same kind (two linked
// pairs of 20 schools: 40): where teachers differ, no honest school is named for a grade-4 → 5
// drop and a strong year's z is a third of what the pupils' noise alone gives. (Without the pool
// two honest schools are named.)
#include "objectivity/core/analysis/AnalysisEngine.h"

#include "TenTaskWork.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <random>

using namespace objectivity;
using namespace objectivity::core;

namespace {

// 20 schools of 30 pupils, the same pupils' ВПР of 2022 and 2023 linked by their codes in
// `pairs` cohorts: grade 4 → 5 and grade 5 → 6. Every school's first work of each cohort gets an
// honest teacher effect N(0, teacherSd); «s00» an effect of +1.5 in grade 4.
AnalysisDataset municipality(double teacherSd, int pairs) {
    AnalysisDataset data;
    std::vector<std::pair<int, int>> works;
    for (int j = 0; j < pairs; ++j)
        works.emplace_back(
            data.addProcedure(test::tenTaskProcedure(10 * j + 1, ProcedureKind::VPR, 2022, 4 + j)),
            data.addProcedure(test::tenTaskProcedure(10 * j + 2, ProcedureKind::VPR, 2023, 5 + j)));
    std::mt19937 gen(2029);
    std::normal_distribution<double> normal;
    for (int s = 0; s < 20; ++s) {
        const int index = test::addTestSchool(data, s);
        const double effect = s == 0 ? 0 : 0.4 * normal(gen);
        for (int j = 0; j < pairs; ++j) {
            const double teacher = s == 0 && j == 0 ? 1.5 : teacherSd * normal(gen);
            std::vector<double> pupils(30);
            for (double &a : pupils)
                a = effect + normal(gen);
            for (const int p : {works[static_cast<std::size_t>(j)].first,
                                works[static_cast<std::size_t>(j)].second})
                for (int i = 0; i < 30; ++i) {
                    const double ability =
                        pupils[static_cast<std::size_t>(i)] + 0.6 * normal(gen) +
                        (p == works[static_cast<std::size_t>(j)].first ? teacher : 0);
                    const int primary =
                        std::clamp(static_cast<int>(std::lround(12 + 4 * ability)), 0, 24);
                    test::addTenTaskWork(
                        data, p, index, primary,
                        AnalysisDataset::hashCodeUtf8(
                            QStringLiteral("%1-%2-%3").arg(j).arg(s).arg(i).toUtf8()));
                }
        }
    }
    data.finish();
    return data;
}

const CriterionFinding &dropOfFirstSchool(const AnalysisReport &report) {
    for (const auto &u : report.units)
        if (u.schoolCode == QStringLiteral("s00") && u.grade == 4)
            for (const auto &f : u.findings)
                if (f.code == QString::fromUtf16(criterion::CohortDrop))
                    return f;
    static const CriterionFinding none;
    ADD_FAILURE() << "no cohort_drop for s00";
    return none;
}

} // namespace

TEST(SmallRegionSpread, TwentySchoolsTakeTheSpreadOfAllTheirLinkedPairs) {
    // where teachers do not differ, s00's +1.5 grade-4 year stands out
    const AnalysisReport quiet = AnalysisEngine::run(municipality(0, 2), AnalysisSettings());
    const CriterionFinding &alone = dropOfFirstSchool(quiet);
    EXPECT_TRUE(alone.flagged) << alone.reasonText.toStdString();
    // teachers differ by 0.6: 20 schools per pair are too few for its own spread, the 40 of both
    // pairs are enough; s00's year (2.5 teacher SDs) stays a finding, with a much smaller z
    const AnalysisReport varied = AnalysisEngine::run(municipality(0.6, 2), AnalysisSettings());
    const CriterionFinding &common = dropOfFirstSchool(varied);
    EXPECT_TRUE(common.tested());
    EXPECT_LT(common.statistic, 0.6 * alone.statistic) << common.explanation.toStdString();
    EXPECT_TRUE(common.explanation.contains(QStringLiteral("обычный для региона разброс")))
        << common.explanation.toStdString();
    int others = 0;
    for (const auto &u : varied.units)
        for (const auto &f : u.findings)
            others += u.schoolCode != QStringLiteral("s00") && f.flagged;
    EXPECT_EQ(others, 0);
    // one pair of 20 schools: nothing to estimate the spread from, the errors are the pupils' only
    const AnalysisReport single = AnalysisEngine::run(municipality(0.6, 1), AnalysisSettings());
    EXPECT_GT(dropOfFirstSchool(single).statistic, 2 * common.statistic);
    EXPECT_FALSE(dropOfFirstSchool(single).explanation.contains(
        QStringLiteral("обычный для региона разброс")));
}
