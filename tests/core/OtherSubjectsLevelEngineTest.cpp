// high_results_unconfirmed in a ВПР subject whose ОГЭ is chosen (История): the school's level is
// read from its ОГЭ in Русский язык and Математика, which every pupil takes, and the gap is judged
// against the region's usual spread of such gaps (schools are strong in different subjects).
#include "objectivity/core/analysis/AnalysisEngine.h"
#include "objectivity/core/analysis/GiaEvidenceIndex.h"

#include "FindingOf.h"
#include "TenTaskWork.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <random>

using namespace objectivity;
using namespace objectivity::core;

namespace {

// 60 schools of 40 pupils: ВПР 6 История and ОГЭ 9 Русский язык and Математика of 2023 (other
// pupils). Schools differ by N(0, 0.5) pupil SD in everything and, in История only, by their own
// N(0, subjectSd); «s00» (level 0) has +historyGap in История. compulsoryVpr: also ВПР 6 Русский
// язык and Математика of the same pupils (procedures 3 and 4).
AnalysisDataset region(double subjectSd, double historyGap, bool compulsoryVpr = false) {
    AnalysisDataset data;
    Procedure history = test::tenTaskProcedure(1, ProcedureKind::VPR, 2023, 6);
    history.subject = QStringLiteral("История");
    const int vpr = data.addProcedure(history);
    Procedure russian = test::tenTaskProcedure(2, ProcedureKind::OGE, 2023, 9);
    russian.subject = QStringLiteral("Русский язык");
    const int ogeRussian = data.addProcedure(russian);
    const int ogeMaths = data.addProcedure(test::tenTaskProcedure(3, ProcedureKind::OGE, 2023, 9));
    if (compulsoryVpr) {
        Procedure vprRussian = test::tenTaskProcedure(4, ProcedureKind::VPR, 2023, 6);
        vprRussian.subject = QStringLiteral("Русский язык");
        data.addProcedure(vprRussian);
        data.addProcedure(test::tenTaskProcedure(5, ProcedureKind::VPR, 2023, 6));
    }
    std::mt19937 gen(2029);
    std::normal_distribution<double> normal;
    for (int s = 0; s < 60; ++s) {
        const int index = test::addTestSchool(data, s);
        const double level = s == 0 ? 0 : 0.5 * normal(gen);
        const double own = s == 0 ? historyGap : subjectSd * normal(gen);
        std::vector<int> procedures{vpr, ogeRussian, ogeMaths};
        if (compulsoryVpr)
            procedures.insert(procedures.end(), {3, 4});
        for (const int p : procedures)
            for (int i = 0; i < 40; ++i) {
                const double ability = level + (p == vpr ? own : 0) + normal(gen);
                test::addTenTaskWork(
                    data, p, index,
                    std::clamp(static_cast<int>(std::lround(12 + 4 * ability)), 0, 24));
            }
    }
    data.finish();
    return data;
}

const CriterionFinding &highResultsOf(const AnalysisReport &report, const QString &school) {
    return test::findingOf(report, school, 6, criterion::HighResults);
}

int flaggedOthers(const AnalysisReport &report) {
    int flagged = 0;
    for (const auto &u : report.units)
        for (const auto &f : u.findings)
            flagged += f.code == QString::fromUtf16(criterion::HighResults) && f.flagged &&
                       u.schoolCode != QStringLiteral("s00");
    return flagged;
}

} // namespace

TEST(OtherSubjectsLevelEngine, HistoryFarAboveTheSchoolsCompulsoryOgeIsAFinding) {
    // schools are as strong in История as in Русский язык and Математика: +1.5 stands out
    const AnalysisReport report = AnalysisEngine::run(region(0, 1.5), AnalysisSettings());
    const CriterionFinding &f = highResultsOf(report, QStringLiteral("s00"));
    EXPECT_TRUE(f.flagged) << f.reasonText.toStdString() << " z " << f.statistic;
    EXPECT_TRUE(f.explanation.contains(QStringLiteral("ОГЭ по этому предмету — по выбору")))
        << f.explanation.toStdString();
    EXPECT_TRUE(f.explanation.contains(QStringLiteral("ОГЭ 2023, русский язык, 40 уч.; ОГЭ 2023, "
                                                      "математика, 40 уч.")))
        << f.explanation.toStdString();
    EXPECT_TRUE(f.explanation.contains(QStringLiteral("выше общего уровня школы")))
        << f.explanation.toStdString();
    EXPECT_EQ(flaggedOthers(report), 0);
}

TEST(OtherSubjectsLevelEngine, WhereSchoolsDifferBySubjectTheSameGapIsOrdinary) {
    // schools' История differs from their general level by 0.7 pupil SD: +1.5 is an ordinary
    // strong subject, and no honest school is named
    const AnalysisReport report = AnalysisEngine::run(region(0.7, 1.5), AnalysisSettings());
    const CriterionFinding &f = highResultsOf(report, QStringLiteral("s00"));
    EXPECT_TRUE(f.tested()) << f.reasonText.toStdString();
    EXPECT_FALSE(f.flagged) << f.explanation.toStdString();
    EXPECT_EQ(flaggedOthers(report), 0);
}

TEST(OtherSubjectsLevelEngine, AConfirmationSaysWhichOgeConfirmedIt) {
    const AnalysisReport report = AnalysisEngine::run(region(0, 1.5), AnalysisSettings());
    int confirmed = 0;
    for (const auto &u : report.units)
        for (const auto &f : u.findings)
            if (f.code == QString::fromUtf16(criterion::HighResults) &&
                f.reason == QStringLiteral("confirmed")) {
                ++confirmed;
                EXPECT_TRUE(f.reasonText.contains(QStringLiteral("русскому языку и математике")))
                    << f.reasonText.toStdString();
            }
    EXPECT_GT(confirmed, 5);
}

TEST(OtherSubjectsLevelEngine, TheTwoSubjectsArePooledAsOneWorkOfThePupils) {
    // the school's level for История: the mean of its ОГЭ positions in Русский язык and Математика
    // (40 participants each), with the error of one subject, √((SE_r² + SE_m²)/2), not the
    // √(SE_r² + SE_m²)/2 of independent works: the same pupils write both
    const AnalysisDataset data = region(0, 1.5, true);
    std::vector<UnitAccumulator> totals(static_cast<std::size_t>(data.procedures().size()));
    for (std::size_t p = 0; p < totals.size(); ++p)
        totals[p].init(data.layout(static_cast<int>(p)));
    for (const auto &u : data.units())
        totals[static_cast<std::size_t>(u.procedure)].addAll(u.acc);
    const GiaEvidenceIndex index(data, totals, 2);
    for (const QString &school : {QStringLiteral("s00"), QStringLiteral("s07")}) {
        const GiaEvidence history = index.find(school, 0, 1);
        const GiaEvidence russian = index.find(school, 3, 1);
        const GiaEvidence maths = index.find(school, 4, 1);
        ASSERT_TRUE(history.found && russian.found && maths.found);
        EXPECT_TRUE(history.otherSubjects);
        EXPECT_FALSE(russian.otherSubjects);
        EXPECT_EQ(history.participants, 80);
        EXPECT_NEAR(history.position, (russian.position + maths.position) / 2, 1e-12);
        EXPECT_NEAR(history.standardError,
                    std::sqrt((russian.standardError * russian.standardError +
                               maths.standardError * maths.standardError) /
                              2),
                    1e-12);
    }
}
