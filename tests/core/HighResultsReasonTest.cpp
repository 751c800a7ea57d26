// high_results_unconfirmed: what the explanation and the reason say about the school's ГИА — none,
// too few participants (1–9 is data, below the minimum, not «нет данных»), or confirming.
#include "objectivity/core/analysis/HighResultsCriterion.h"

#include "CriterionInputs.h"

#include <gtest/gtest.h>

using namespace objectivity;
using namespace objectivity::core;

namespace {

struct Fixture : test::CriterionInputs {

    Fixture() {
        procedure.kind = ProcedureKind::VPR;
        procedure.subject = QStringLiteral("Математика");
        school.kind = SchoolKind::Sosh;
        // 30 participants at 75 % (SD 15) against 2000 at 55 % (SD 18): 20 p. p. above,
        // z = 20 / sqrt(225/30 + 324/2000) = 7.22535
        metrics.n = 30;
        metrics.meanPercent = 75;
        metrics.sdPercent = 15;
        regionMetrics.n = 2000;
        regionMetrics.meanPercent = 55;
        regionMetrics.sdPercent = 18;
    }
    CriterionFinding evaluate(const GiaEvidence &gia) const {
        return HighResultsCriterion::evaluate(input(), gia);
    }
};

} // namespace

TEST(HighResultsReason, FewGiaParticipantsAreNotNoData) {
    Fixture f;
    f.settings.setValue(QStringLiteral("high_results.flag_without_gia"), 1);
    GiaEvidence gia;
    gia.smallParticipants = 7;
    gia.minimum = 10;
    const CriterionFinding r = f.evaluate(gia);
    ASSERT_TRUE(r.tested());
    EXPECT_TRUE(r.effect);
    EXPECT_NEAR(r.statistic, 7.22535, 1e-4);
    EXPECT_NEAR(r.effectSize, 20, 1e-12);
    EXPECT_EQ(r.threshold, 12);
    EXPECT_TRUE(r.explanation.contains(
        QStringLiteral("ОГЭ/ЕГЭ школы по этому предмету сдавали 7 участников — меньше 10")))
        << r.explanation.toStdString();
    EXPECT_FALSE(r.explanation.contains(QStringLiteral("в базе нет")));
    // without any ГИА the text says so
    EXPECT_TRUE(
        f.evaluate(GiaEvidence())
            .explanation.contains(QStringLiteral("ОГЭ/ЕГЭ школы по этому предмету в базе нет")));
}

TEST(HighResultsReason, NotTestedWithoutGiaWhenTheSettingSaysSo) {
    Fixture f;
    f.settings.setValue(QStringLiteral("high_results.flag_without_gia"), 0);
    GiaEvidence gia;
    gia.smallParticipants = 7;
    gia.minimum = 10;
    CriterionFinding r = f.evaluate(gia);
    EXPECT_FALSE(r.effect);
    EXPECT_EQ(r.reason, QStringLiteral("gia_too_few"));
    EXPECT_EQ(r.reasonText,
              QStringLiteral("не проверялось: ОГЭ/ЕГЭ школы по предмету сдавали 7 участников — "
                             "меньше 10"));
    // the verb and the noun take the count's form
    gia.smallParticipants = 1;
    EXPECT_TRUE(f.evaluate(gia).reasonText.endsWith(
        QStringLiteral("по предмету сдавал 1 участник — меньше 10")));
    gia.smallParticipants = 3;
    EXPECT_TRUE(f.evaluate(gia).reasonText.endsWith(
        QStringLiteral("по предмету сдавали 3 участника — меньше 10")));
    r = f.evaluate(GiaEvidence());
    EXPECT_EQ(r.reason, QStringLiteral("no_gia"));
    EXPECT_EQ(r.reasonText, QStringLiteral("не проверялось: нет ГИА по предмету"));
}

TEST(HighResultsReason, ConfirmedByTheSchoolsGia) {
    // ВПР position 20/18 = 1.111, SE √(225/30 + 324/2000)/18 = 0.15377
    Fixture f;
    GiaEvidence gia;
    gia.found = true;
    gia.position = 0.6; // gap 0.51 < high_results.min_gap_sd = 1: the ГИА confirms within noise
    gia.standardError = 0.3;
    gia.participants = 40;
    gia.description = QStringLiteral("ОГЭ 2024, 40 уч.");
    CriterionFinding r = f.evaluate(gia);
    ASSERT_TRUE(r.tested());
    EXPECT_FALSE(r.effect);
    EXPECT_NEAR(r.effectSize, 20.0 / 18 - 0.6, 1e-9);
    EXPECT_EQ(r.threshold, 1);
    EXPECT_EQ(r.reason, QStringLiteral("confirmed"));
    EXPECT_TRUE(r.reasonText.contains(QStringLiteral("ОГЭ 2024, 40 уч.")))
        << r.reasonText.toStdString();
    // a ГИА far below and not above the region (0.1 < 1.96 × 0.3): not confirmed
    gia.position = 0.1;
    r = f.evaluate(gia);
    EXPECT_TRUE(r.effect);
    EXPECT_TRUE(r.reason.isEmpty()); // the engine writes «признак» after the correction
    // z = 1.0111/√(0.15378² + 0.3²) = 2.99928
    EXPECT_NEAR(r.statistic, 2.999284762565716, 1e-9);
    EXPECT_TRUE(r.explanation.contains(QStringLiteral("выше собственного уровня школы")));
    // the same gap, but the ГИА clearly above the region (0.1 ≥ 1.96 × 0.05): confirmed
    gia.standardError = 0.05;
    r = f.evaluate(gia);
    EXPECT_FALSE(r.effect);
    EXPECT_EQ(r.reason, QStringLiteral("confirmed"));
    EXPECT_TRUE(r.reasonText.contains(QStringLiteral("выше региона")))
        << r.reasonText.toStdString();
    gia.standardError = 0.052; // 0.1 < 1.96 × 0.052 = 0.1019: not clearly above, found
    EXPECT_TRUE(f.evaluate(gia).effect);
    // a гимназия is not tested
    f.school.kind = SchoolKind::Gymnasium;
    r = f.evaluate(gia);
    EXPECT_FALSE(r.tested());
    EXPECT_EQ(r.reason, QStringLiteral("not_applicable"));
}
