// gia_vs_annual in the engine: 40 schools whose honest annual marks differ in generosity (the
// share of annual «5» the ОГЭ does not support varies by ±5 p. p. between them) and one school
// where 60 % of them are not supported. The engine estimates the schools' spread per procedure and
// tests each school against it: the planted school is named, no honest one is. (Against the
// region's share alone, the binomial test names an honest school here; with the planted school in
// the estimate of the spread, the spread hides it: p 0.0024.)
#include "objectivity/core/analysis/AnalysisEngine.h"

#include "TenTaskWork.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>

using namespace objectivity;
using namespace objectivity::core;

namespace {

// 40 graduates with an annual «5» per school; each gets an ОГЭ «3» (discordant) with the school's
// own chance: 5 % ± `spread` honest schools, 60 % at «s00».
AnalysisDataset region(double spread) {
    AnalysisDataset data;
    const int oge = data.addProcedure(test::tenTaskProcedure(1, ProcedureKind::OGE, 2024, 9));
    std::mt19937 gen(2031);
    std::normal_distribution<double> normal;
    std::uniform_real_distribution<double> uniform;
    for (int s = 0; s < 41; ++s) {
        const int index = test::addTestSchool(data, s);
        const double chance = s == 0 ? 0.6 : std::clamp(0.05 + spread * normal(gen), 0.0, 1.0);
        for (int i = 0; i < 40; ++i) {
            const bool discordant = uniform(gen) < chance;
            const std::vector<std::int8_t> points(10, discordant ? 1 : 2);
            ParticipantRow row;
            row.points = points.data();
            row.pointCount = 10;
            row.primary = discordant ? 10 : 20;
            row.mark = discordant ? 3 : 5;
            row.annual = 5;
            data.addParticipant(oge, index, row, QStringView());
        }
    }
    data.finish();
    return data;
}

QStringList namedForAnnualMarks(const AnalysisReport &report) {
    QStringList named;
    for (const auto &u : report.units)
        for (const auto &f : u.flags())
            if (f.code == QString::fromUtf16(criterion::GiaVsAnnual))
                named << u.schoolCode;
    return named;
}

} // namespace

TEST(AnnualSpreadEngine, OnlyTheSchoolFarBeyondTheSpreadOfSchoolsIsNamed) {
    const AnalysisReport report = AnalysisEngine::run(region(0.05), AnalysisSettings());
    EXPECT_EQ(namedForAnnualMarks(report), QStringList{QStringLiteral("s00")});
    for (const auto &u : report.units)
        for (const auto &f : u.flags())
            if (f.code == QString::fromUtf16(criterion::GiaVsAnnual)) {
                EXPECT_TRUE(f.explanation.contains(QStringLiteral("разброс школ по этой доле")))
                    << f.explanation.toStdString();
            }
}

TEST(AnnualSpreadEngine, WithoutASpreadOfSchoolsTheTestIsBinomial) {
    // schools alike: σ² is 0 and the explanation does not speak of a spread
    const AnalysisReport report = AnalysisEngine::run(region(0), AnalysisSettings());
    EXPECT_EQ(namedForAnnualMarks(report), QStringList{QStringLiteral("s00")});
    for (const auto &u : report.units)
        for (const auto &f : u.flags())
            EXPECT_FALSE(f.explanation.contains(QStringLiteral("разброс школ по этой доле")));
}
