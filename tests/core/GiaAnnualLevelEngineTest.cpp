// gia_vs_annual at the school's level of ОГЭ results, in the engine: 60 honest schools of levels
// from weak to strong whose annual marks follow the pupils' ability with a year's noise. Among a
// weak school's annual «4» more were earned with a margin of that noise, so more are not confirmed
// by the ОГЭ, honestly (25–30 % at the weakest schools, 12 % over the region). Against the
// region's share those schools would be named; against schools of their level they are not. A
// school whose annual marks are one higher is still named.
#include "objectivity/core/analysis/AnalysisEngine.h"

#include "TenTaskWork.h"

#include <gtest/gtest.h>

#include <random>

using namespace objectivity;
using namespace objectivity::core;

namespace {

// schools s00…s59 of levels −2…+2 (60 graduates each); `lenient` ≥ 0: that school (of 200
// graduates) gives every pupil an annual mark one higher than the year showed
AnalysisDataset region(int lenient = -1) {
    AnalysisDataset data;
    const int oge = data.addProcedure(test::tenTaskProcedure(1, ProcedureKind::OGE, 2024, 9));
    std::mt19937 gen(2024);
    std::normal_distribution<double> normal;
    for (int s = 0; s < 60; ++s) {
        const int index = test::addTestSchool(data, s);
        const double level = -2.0 + 4.0 * s / 59;
        for (int i = 0; i < (s == lenient ? 200 : 60); ++i) {
            const double ability = 0.5 * level + normal(gen);
            const int primary = std::clamp(int(std::lround(12 + 4 * ability)), 0, 24);
            const std::vector<std::int8_t> points = test::tenTaskPoints(primary);
            ParticipantRow row = test::tenTaskRow(points);
            // the teacher's view of the year: the ability and a year's noise
            const double seen = ability + 0.7 * normal(gen);
            const int honest = seen > 0.9 ? 5 : seen > -0.6 ? 4 : 3;
            row.annual = s == lenient ? std::min(5, honest + 1) : honest;
            data.addParticipant(oge, index, row, QStringView());
        }
    }
    data.finish();
    return data;
}

QStringList named(const AnalysisReport &report) {
    QStringList out;
    for (const auto &u : report.units)
        for (const auto &f : u.flags())
            if (f.code == QString::fromUtf16(criterion::GiaVsAnnual))
                out << u.schoolCode;
    return out;
}

const CriterionFinding *annualOf(const AnalysisReport &report, const QString &school) {
    for (const auto &u : report.units)
        if (u.schoolCode == school)
            for (const auto &f : u.findings)
                if (f.code == QString::fromUtf16(criterion::GiaVsAnnual))
                    return &f;
    return nullptr;
}

} // namespace

TEST(GiaAnnualLevelEngine, WeakHonestSchoolsAreComparedWithSchoolsOfTheirLevel) {
    const AnalysisReport report = AnalysisEngine::run(region(), AnalysisSettings());
    EXPECT_TRUE(named(report).isEmpty()) << named(report).join(QLatin1Char(' ')).toStdString();
    // the weakest school's share is above the region's, and its reference follows its level
    const CriterionFinding *weak = annualOf(report, QStringLiteral("s00"));
    const CriterionFinding *strong = annualOf(report, QStringLiteral("s59"));
    ASSERT_TRUE(weak && strong);
    ASSERT_TRUE(weak->tested());
    EXPECT_LT(weak->effectSize, 10.0);
    EXPECT_LT(std::abs(strong->effectSize), 10.0);
}

TEST(GiaAnnualLevelEngine, ASchoolWhoseAnnualMarksAreOneHigherIsNamedAtItsLevel) {
    const AnalysisReport report = AnalysisEngine::run(region(20), AnalysisSettings());
    EXPECT_EQ(named(report), QStringList{QStringLiteral("s20")});
    const CriterionFinding *f = annualOf(report, QStringLiteral("s20"));
    ASSERT_TRUE(f);
    EXPECT_TRUE(f->flagged) << f->effectSize << " p " << f->pValue << " q " << f->qValue << " "
                            << f->reasonText.toStdString() << " " << f->explanation.toStdString();
    EXPECT_TRUE(f->explanation.contains(QStringLiteral("у школ того же уровня результатов ОГЭ")))
        << f->explanation.toStdString();
    // its annual marks are in doubt, not its ОГЭ: the school is counted with the signs of current
    // assessment and is not listed «с признаками необъективных результатов»
    for (const SchoolSummary &s : report.schools)
        if (s.schoolCode == QStringLiteral("s20")) {
            EXPECT_EQ(s.markers, 0);
            EXPECT_TRUE(s.markersByYear.isEmpty());
            EXPECT_EQ(s.currentAssessment, 1);
        }
}
