// journal_mismatch_lenient / _strict / _inflated on hand-made counts: the unit's journal shift
// «повысили − понизили» against the spread of the schools of its procedure (JournalSpread), the
// per-unit z-test of its counts, the reasons when not tested. Expected values derived by hand
// (median, MAD·1.4826, the sampling variance (pR + pL − (pR − pL)²)/n).
#include "objectivity/core/analysis/AnalysisEngine.h"
#include "objectivity/core/analysis/JournalMismatchCriterion.h"

#include "CriterionInputs.h"

#include <gtest/gtest.h>

#include <cmath>
#include <random>

using namespace objectivity;
using namespace objectivity::core;

namespace {

// Seven schools of 100 pairs: (raised, lowered) → shifts −0.10, −0.05, 0, 0, 0.02, 0.05, 0.10.
// Median 0; |deviations| 0.10, 0.05, 0, 0, 0.02, 0.05, 0.10 → median 0.05, scale 0.07413;
// sampling variances 0.0029, 0.002475, 0.002, 0.003, 0.002196, 0.002475, 0.0029 → median
// 0.002475; betweenSd = sqrt(0.07413² − 0.002475) = 0.054957.
JournalSpread sevenSchools() {
    std::vector<JournalSpread::Counts> c;
    for (const auto &[r, l] : std::vector<std::pair<int, int>>{
             {10, 20}, {10, 15}, {10, 10}, {15, 15}, {12, 10}, {15, 10}, {20, 10}})
        c.push_back({r, l, 100});
    return JournalSpread::of(c);
}

struct Fixture : test::CriterionInputs {
    JournalSpread spread = sevenSchools();

    Fixture() {
        // the region: 1000 pairs, 12 % «повысили», 13 % «понизили»
        regionMetrics.journalPairs = 1000;
        regionMetrics.raised = 120;
        regionMetrics.lowered = 130;
        regionMetrics.raisedPct = 12;
        regionMetrics.loweredPct = 13;
    }
    void setUnit(int raised, int lowered, int pairs) {
        metrics.journalPairs = pairs;
        metrics.raised = raised;
        metrics.lowered = lowered;
        metrics.raisedPct = 100.0 * raised / pairs;
        metrics.loweredPct = 100.0 * lowered / pairs;
        metrics.confirmedPct = 100.0 * (pairs - raised - lowered) / pairs;
    }
    CriterionFinding lenient(double position = 0) const {
        return JournalMismatchCriterion::evaluateLenient(input(), spread, position);
    }
    CriterionFinding strict(double position = 0) const {
        return JournalMismatchCriterion::evaluateStrict(input(), spread, position);
    }
    CriterionFinding inflated(double position = 0) const {
        return JournalMismatchCriterion::evaluateInflated(input(), spread, position);
    }
};

} // namespace

TEST(JournalSpread, MedianMadAndBetweenSchoolSpreadByHand) {
    const JournalSpread s = sevenSchools();
    EXPECT_EQ(s.schools, 7);
    EXPECT_NEAR(s.centre, 0.0, 1e-12);
    EXPECT_NEAR(s.scale, 0.07413, 1e-9);
    EXPECT_NEAR(s.betweenSd, 0.0549569, 1e-6);
    // a unit of 40 with 2 «повысили», 20 «понизили» at the region's 12 % / 13 %:
    // (−0.45 − 0) / sqrt(0.0549569² + (0.25 − 0.0001)/40) = −4.6744
    EXPECT_NEAR(s.robustZ({2, 20, 40}, 0.12, 0.13, 5), -4.67439, 1e-4);
    EXPECT_TRUE(std::isnan(s.robustZ({2, 20, 40}, 0.12, 0.13, 8))); // fewer schools than needed
}

// The shift grows with the level of the school (ceiling of the «5», grading relative to the class):
// schools on the line shift = 0.1·position; a strong school on the line is ordinary, the same
// shift at an ordinary level is not.
TEST(JournalSpread, ComparesWithSchoolsOfTheSameLevel) {
    std::vector<JournalSpread::Counts> c;
    const int raised[] = {10, 12, 14, 16, 18, 20, 22};
    for (int i = 0; i < 7; ++i) // positions −1.5 … +1.5, shifts (raised − 10)/100 −0 … +0.12
        c.push_back({raised[i], 10, 100, -1.5 + 0.5 * i});
    const JournalSpread s = JournalSpread::of(c);
    EXPECT_NEAR(s.slope, 0.04, 1e-12); // 0.02 per 0.5 SD
    EXPECT_NEAR(s.centre, 0.06, 1e-12);
    EXPECT_NEAR(s.scale, 0.0, 1e-12);
    EXPECT_NEAR(s.expected(2.0), 0.14, 1e-12);
    // a unit of 100 at position 2 with shift +0.14: exactly as expected
    EXPECT_NEAR(s.robustZ({24, 10, 100, 2.0}, 0.12, 0.13, 5), 0.0, 1e-12);
    // the same counts at position −1: 0.14 − 0.02 = 0.12 above; sampling SD
    // sqrt((0.25 − 0.0001)/100) = 0.049990
    EXPECT_NEAR(s.robustZ({24, 10, 100, -1.0}, 0.12, 0.13, 5), 0.12 / 0.0499900, 1e-4);
}

TEST(JournalMismatch, LenientJournalIsFoundAsCurrentAssessment) {
    Fixture f;
    f.setUnit(2, 20, 40);
    const CriterionFinding r = f.lenient();
    ASSERT_TRUE(r.tested());
    EXPECT_TRUE(r.effect);
    EXPECT_EQ(r.kind(), CriterionKind::CurrentAssessment);
    EXPECT_NEAR(r.effectSize, 4.67439, 1e-4);
    EXPECT_EQ(r.threshold, 2);
    // z of 20/40 against 130/1000: pooled 150/1040, (0.5 − 0.13) / 0.056650 = 6.5314
    EXPECT_NEAR(r.statistic, 6.5314, 1e-3);
    EXPECT_LT(r.pValue, 1e-9);
    EXPECT_TRUE(r.explanation.contains(QStringLiteral("20 из 40 участников (50,0%) при 13,0%")))
        << r.explanation.toStdString();
    // the same counts are no sign of a strict journal
    EXPECT_FALSE(f.strict().effect);
    EXPECT_LT(f.strict().effectSize, 0);
}

TEST(JournalMismatch, HonestSpreadIsNotASign) {
    Fixture f;
    f.setUnit(4, 8, 40); // shift −0.10: z = −1.04 (threshold 2)
    const CriterionFinding r = f.lenient();
    ASSERT_TRUE(r.tested());
    EXPECT_FALSE(r.effect);
    EXPECT_NEAR(r.effectSize, 1.03875, 1e-4);
    CriterionFinding copy = r;
    copy.explainOutcome(0.05);
    EXPECT_EQ(copy.reason, QStringLiteral("effect_below_threshold"));
}

// In a region where schools differ a lot (teachers grading relative to their class), 22 p. p. more
// «понизили» than the region — a sign under the old fixed 20 p. p. — is within the usual spread.
TEST(JournalMismatch, WideSpreadOfHonestSchoolsRaisesTheBar) {
    Fixture f;
    std::vector<JournalSpread::Counts> c;
    for (const auto &[r, l] : std::vector<std::pair<int, int>>{
             {5, 45}, {10, 35}, {15, 30}, {20, 20}, {25, 15}, {30, 10}, {40, 5}})
        c.push_back({r, l, 100});
    f.spread = JournalSpread::of(c);
    f.setUnit(4, 18, 40); // 45 % «понизили» against the region's 13 %: z = −1.16
    const CriterionFinding r = f.lenient();
    ASSERT_TRUE(r.tested());
    EXPECT_LT(r.pValue, 0.001); // the school's counts alone differ from the region
    EXPECT_FALSE(r.effect) << r.effectSize;
    EXPECT_NEAR(r.effectSize, 1.16475, 1e-4);
    // the same school in the narrow region of sevenSchools() is a sign: z = −3.64
    Fixture narrow;
    narrow.setUnit(4, 18, 40);
    EXPECT_TRUE(narrow.lenient().effect) << narrow.lenient().effectSize;
}

TEST(JournalMismatch, StrictJournalWithAnOrdinaryResultIsStrictNotInflated) {
    Fixture f;
    f.setUnit(22, 1, 40); // shift +0.525: z = +5.45
    const CriterionFinding s = f.strict(0.1);
    ASSERT_TRUE(s.tested());
    EXPECT_TRUE(s.effect);
    EXPECT_EQ(s.code, QStringLiteral("journal_mismatch_strict"));
    EXPECT_EQ(s.kind(), CriterionKind::CurrentAssessment);
    EXPECT_NEAR(s.effectSize, 5.45346, 1e-4);
    EXPECT_TRUE(s.explanation.contains(QStringLiteral("строже"))) << s.explanation.toStdString();
    const CriterionFinding i = f.inflated(0.1);
    EXPECT_FALSE(i.tested());
    EXPECT_EQ(i.reason, QStringLiteral("not_applicable"));
    EXPECT_FALSE(f.lenient(0.1).effect);
}

TEST(JournalMismatch, RaisedWithAHighResultIsInflated) {
    Fixture f;
    f.setUnit(22, 1, 40);
    const CriterionFinding i = f.inflated(0.9); // the result 0.9 SD above the region
    ASSERT_TRUE(i.tested());
    EXPECT_TRUE(i.effect);
    EXPECT_EQ(i.kind(), CriterionKind::CurrentAssessment);
    EXPECT_TRUE(i.explanation.contains(QStringLiteral("+0,90 ст. откл.")))
        << i.explanation.toStdString();
    EXPECT_FALSE(f.strict(0.9).tested());
    // an ordinary count of «повысили» with a high result: no sign
    f.setUnit(6, 4, 40);
    EXPECT_TRUE(f.inflated(0.9).tested());
    EXPECT_FALSE(f.inflated(0.9).effect);
}

TEST(JournalMismatch, ReasonsWhenNotTested) {
    Fixture f;
    f.setUnit(0, 8, 8);
    CriterionFinding r = f.lenient();
    EXPECT_FALSE(r.tested());
    EXPECT_EQ(r.reason, QStringLiteral("too_few_participants"));
    EXPECT_EQ(
        r.reasonText,
        QStringLiteral("не проверялось: участников с отметкой по журналу 8, нужно не меньше 10"));
    f.metrics = UnitMetrics();
    r = f.lenient();
    EXPECT_EQ(r.reasonText, QStringLiteral("не проверялось: нет отметок по журналу"));
    f.setUnit(2, 20, 40);
    f.spread = JournalSpread::of({{1, 1, 20}, {2, 1, 20}, {3, 1, 20}, {1, 3, 20}});
    r = f.lenient();
    EXPECT_FALSE(r.tested());
    EXPECT_EQ(r.reasonText,
              QStringLiteral("не проверялось: школ с отметками по журналу в процедуре 4, нужно не "
                             "меньше 5"));
}

// A whole region: honest schools, one lenient journal, one strict-but-fair teacher. Both are signs
// of current assessment only: neither school is listed «с признаками необъективных результатов».
TEST(JournalMismatch, EngineCountsJournalSignsApartFromResults) {
    AnalysisDataset data;
    Procedure p;
    p.id = 1;
    p.kind = ProcedureKind::VPR;
    p.year = 2024;
    p.grade = 6;
    p.subject = QStringLiteral("Русский язык");
    for (int t = 0; t < 10; ++t)
        p.tasks.append({QString::number(t + 1), 2, TaskLevel::Basic});
    data.addProcedure(p);
    std::mt19937 rng(7);
    std::binomial_distribution<int> points(20, 0.55);
    std::uniform_real_distribution<double> u(0, 1);
    for (int s = 1; s <= 30; ++s) {
        School school;
        school.id = s;
        school.code = QStringLiteral("s%1").arg(s);
        school.name = school.code;
        school.kind = SchoolKind::Sosh;
        data.addSchool(school);
        for (int i = 0; i < 30; ++i) {
            ParticipantResult r;
            r.schoolId = s;
            r.procedureId = 1;
            r.participantCode = QStringLiteral("%1-%2").arg(s).arg(i);
            int sum = 0;
            for (int t = 0; t < 10; ++t) {
                const int pts = points(rng) * 2 / 20 + (u(rng) < 0.1 ? 1 : 0);
                r.taskPoints.append(static_cast<std::int8_t>(std::min(2, pts)));
                sum += std::min(2, pts);
            }
            r.primaryScore = sum;
            r.mark = sum >= 17 ? 5 : sum >= 13 ? 4 : sum >= 7 ? 3 : 2;
            const double d = u(rng);
            r.journalMark = std::clamp(r.mark + (d < 0.1 ? -1 : d > 0.9 ? 1 : 0), 2, 5);
            if (s == 3) // lenient: a grade above the result
                r.journalMark = std::min(5, r.mark + 1);
            if (s == 5) // strict but fair: a grade below, same order
                r.journalMark = std::max(2, r.mark - 1);
            data.addResult(r);
        }
    }
    data.finish();
    const AnalysisReport report = AnalysisEngine::run(data, AnalysisSettings());
    QMap<QString, QStringList> flagged;
    for (const auto &unit : report.units)
        for (const auto &f : unit.flags())
            flagged[unit.schoolCode] << f.code;
    EXPECT_EQ(flagged.value(QStringLiteral("s3")),
              QStringList{QStringLiteral("journal_mismatch_lenient")});
    EXPECT_EQ(flagged.value(QStringLiteral("s5")),
              QStringList{QStringLiteral("journal_mismatch_strict")});
    EXPECT_EQ(flagged.size(), 2) << flagged.keys().join(u',').toStdString();
    for (const auto &s : report.schools) {
        EXPECT_EQ(s.markers, 0) << s.schoolCode.toStdString();
        const bool journal =
            s.schoolCode == QStringLiteral("s3") || s.schoolCode == QStringLiteral("s5");
        EXPECT_EQ(s.currentAssessment, journal ? 1 : 0) << s.schoolCode.toStdString();
        EXPECT_EQ(s.toJson().value(QLatin1String("current_assessment_markers")).toInt(),
                  journal ? 1 : 0);
    }
    // every unit explains every criterion
    for (const auto &unit : report.units)
        for (const auto &f : unit.findings)
            EXPECT_FALSE(f.reasonText.isEmpty()) << f.code.toStdString();
}
