// high_results_unconfirmed allows for the region's spread of ВПР–ГИА gaps between schools, and for
// a one-class parallel at least the spread of the region's one-class parallels: it rests on one
// teacher, so its honest good year is larger than a large parallel's, where the classes' teachers
// average.
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

constexpr int kSchools = 80;
constexpr int kOneClass = 40; // schools 0..39: one class «6А»; 40..79: «6А», «6Б», «6В»
constexpr int kClassSize = 25;
constexpr int kGiaPupils = 60; // ОГЭ of every school (its level; two years of a small school)

// ВПР 6 and ОГЭ 9 of 2023 (other pupils: not the same cohort; 60 of every school). Schools differ
// by N(0, 0.6) pupil SD in both. A one-class school's ВПР has its teacher's honest effect
// N(0, 0.6); the three classes of a large parallel are taken to average out (0). «s00» (one class)
// gets +oneClassGap, every class of «s40» (three classes) +threeClassGap, both of level 0.
// classNames false: the rows do not name the class.
AnalysisDataset region(double oneClassGap, double threeClassGap, bool classNames = true) {
    AnalysisDataset data;
    const int vpr = data.addProcedure(test::tenTaskProcedure(1, ProcedureKind::VPR, 2023, 6));
    const int oge = data.addProcedure(test::tenTaskProcedure(2, ProcedureKind::OGE, 2023, 9));
    std::mt19937 gen(2031);
    std::normal_distribution<double> normal;
    const QString letters = QStringLiteral("АБВ");
    auto add = [&data](int procedure, int school, double ability, const QByteArray &className) {
        const int primary = std::clamp(static_cast<int>(std::lround(12 + 4 * ability)), 0, 24);
        const std::vector<std::int8_t> points = test::tenTaskPoints(primary);
        data.addParticipant(procedure, school, test::tenTaskRow(points), QStringView(), className);
    };
    for (int s = 0; s < kSchools; ++s) {
        const int index = test::addTestSchool(data, s);
        const double effect = s == 0 || s == kOneClass ? 0 : 0.6 * normal(gen);
        const int classes = s < kOneClass ? 1 : 3;
        for (int c = 0; c < classes; ++c) {
            const double teacher = s == 0           ? oneClassGap
                                   : s == kOneClass ? threeClassGap
                                   : classes == 1   ? 0.6 * normal(gen)
                                                    : 0.0;
            const QByteArray name =
                classNames ? (QStringLiteral("6") + letters[c]).toUtf8() : QByteArray();
            for (int i = 0; i < kClassSize; ++i)
                add(vpr, index, effect + teacher + normal(gen), name);
        }
        for (int i = 0; i < kGiaPupils; ++i)
            add(oge, index, effect + normal(gen), QByteArray());
    }
    data.finish();
    return data;
}

const CriterionFinding &highResultsOf(const AnalysisReport &report, const QString &school) {
    return test::findingOf(report, school, 6, criterion::HighResults);
}

} // namespace

TEST(ClassMakeSpreadEngine, AOneClassGoodYearIsComparedWithOneClassSchools) {
    const AnalysisReport report = AnalysisEngine::run(region(1.6, 1.6), AnalysisSettings());
    // one teacher's good year of 1.6 pupil SD: ordinary where one-class teachers differ by 0.6
    const CriterionFinding &one = highResultsOf(report, QStringLiteral("s00"));
    EXPECT_TRUE(one.tested());
    EXPECT_FALSE(one.flagged) << one.explanation.toStdString() << one.reasonText.toStdString();
    // the same gap in all three classes: rare where the classes' teachers average out
    const CriterionFinding &three = highResultsOf(report, QStringLiteral("s40"));
    EXPECT_TRUE(three.flagged) << three.reasonText.toStdString() << " z " << three.statistic;
    EXPECT_FALSE(three.explanation.contains(QStringLiteral("одним классом")))
        << three.explanation.toStdString();
    // no honest school of either make is named
    for (const auto &u : report.units)
        for (const auto &f : u.findings)
            if (f.code == QString::fromUtf16(criterion::HighResults) &&
                u.schoolCode != QStringLiteral("s40")) {
                EXPECT_FALSE(f.flagged) << u.schoolCode.toStdString() << " z " << f.statistic;
            }
}

TEST(ClassMakeSpreadEngine, AOneClassFindingSaysWhoItWasComparedWith) {
    const AnalysisReport report = AnalysisEngine::run(region(2.5, 1.7), AnalysisSettings());
    const CriterionFinding &one = highResultsOf(report, QStringLiteral("s00"));
    ASSERT_TRUE(one.flagged) << one.reasonText.toStdString();
    EXPECT_TRUE(one.explanation.contains(QStringLiteral("у школ с одним классом в параллели")))
        << one.explanation.toStdString();
}

TEST(ClassMakeSpreadEngine, WithoutClassNamesEverySchoolSharesOneSpread) {
    // the same region, the class not in the rows: the region's spread of all schools, smaller
    // than the one-class schools', so the one-class school's gap stands out more; the three-class
    // school is compared as before
    const AnalysisReport named = AnalysisEngine::run(region(1.6, 1.6), AnalysisSettings());
    const AnalysisReport unnamed = AnalysisEngine::run(region(1.6, 1.6, false), AnalysisSettings());
    EXPECT_GT(highResultsOf(unnamed, QStringLiteral("s00")).statistic,
              highResultsOf(named, QStringLiteral("s00")).statistic + 0.3);
    EXPECT_DOUBLE_EQ(highResultsOf(unnamed, QStringLiteral("s40")).statistic,
                     highResultsOf(named, QStringLiteral("s40")).statistic);
    EXPECT_FALSE(highResultsOf(unnamed, QStringLiteral("s00"))
                     .explanation.contains(QStringLiteral("одним")));
}
