// journal_mismatch_lenient / _strict / _inflated on hand-made counts: the unit's journal shift
// (mean «отметка − журнал») against the spread of the
// schools of its procedure (JournalSpread), the journal-level gate that keeps grading relative to
// the class from being called lenient, the per-unit test, the reasons when not tested. Expected
// values derived by hand and checked with NumPy/SciPy (median, one-sided MAD·1.4826, the pooled
// variance of mark − journal; norm.sf, norm.isf for the Šidák threshold).
#include "objectivity/core/analysis/AnalysisEngine.h"
#include "objectivity/core/analysis/JournalMismatchCriterion.h"

#include "CriterionInputs.h"
#include "FindingOf.h"
#include "TestRegion.h"

#include <gtest/gtest.h>

#include <cmath>
#include <random>
#include <tuple>

using namespace objectivity;
using namespace objectivity::core;

namespace {

// Counts of `pairs` participants, every one with «3» for the work: `lowered` with «4» in the
// journal, `raised` with «2», the rest «3».
JournalSpread::Counts threes(int lowered, int raised, int pairs, double position = 0) {
    JournalSpread::Counts c;
    c.lowered = lowered;
    c.raised = raised;
    c.pairs = pairs;
    c.position = position;
    c.diffSum = raised - lowered;
    c.diffSumSq = raised + lowered;
    c.journalCount = pairs;
    c.journalSum = 3.0 * pairs + lowered - raised;
    c.journalSumSq = 16.0 * lowered + 4.0 * raised + 9.0 * (pairs - lowered - raised);
    return c;
}

// Seven schools of 100 pairs, (lowered, raised) → shifts −0.30, −0.15, 0, 0, +0.05, +0.10, +0.40.
// Centre (median) 0. Lenient side: distances of the schools at or below it 0.30, 0.15, 0, 0 →
// median 0.075, scale 0.111195; strict side: 0, 0, 0.05, 0.10, 0.40 → median 0.05, scale 0.07413.
// Pooled: 110 lowered, 120 raised of 700: mean of mark − journal 10/700 = 0.0142857, variance
// (230 − 10²/700)/699 = 0.3288371; sampling variance of a school 0.003288371.
// betweenSdLow = √(0.111195² − 0.003288371) = 0.0952678, betweenSdHigh = √(0.07413² −
// 0.003288371) = 0.0469775. Journal marks: mean 2090/700 = 2.985714, SD 0.573443.
JournalSpread sevenSchools() {
    std::vector<JournalSpread::Counts> c;
    for (const auto &[l, r] : std::vector<std::pair<int, int>>{
             {35, 5}, {25, 10}, {10, 10}, {15, 15}, {10, 15}, {10, 20}, {5, 45}})
        c.push_back(threes(l, r, 100));
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
    // (mark, journal, count) cells of the unit's table; the metrics the explanation quotes
    void setUnit(const std::vector<std::tuple<int, int, int>> &cells) {
        unit = UnitAccumulator();
        metrics = UnitMetrics();
        for (const auto &[mark, journal, n] : cells) {
            unit.journalTable[mark * 6 + journal] += n;
            unit.journalPairs += n;
            metrics.lowered += mark < journal ? n : 0;
            metrics.raised += mark > journal ? n : 0;
        }
        const int pairs = unit.journalPairs;
        metrics.journalPairs = pairs;
        metrics.raisedPct = pairs ? 100.0 * metrics.raised / pairs : 0;
        metrics.loweredPct = pairs ? 100.0 * metrics.lowered / pairs : 0;
        metrics.confirmedPct =
            pairs ? 100.0 * (pairs - metrics.raised - metrics.lowered) / pairs : 0;
    }
    // every participant with «3»: `lowered` «4» in the journal, `raised` «2»
    void setThrees(int lowered, int raised, int pairs) {
        setUnit({{3, 4, lowered}, {3, 2, raised}, {3, 3, pairs - lowered - raised}});
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

TEST(JournalSpread, MedianOneSidedMadAndBetweenSchoolSpreadByHand) {
    const JournalSpread s = sevenSchools();
    EXPECT_EQ(s.schools, 7);
    EXPECT_NEAR(s.centre, 0.0, 1e-12);
    EXPECT_NEAR(s.slope, 0.0, 1e-12);
    EXPECT_NEAR(s.diffMean, 10.0 / 700, 1e-12);
    EXPECT_NEAR(s.diffVar, 0.3288371, 1e-7);
    EXPECT_NEAR(s.betweenSdLow, 0.0952678, 1e-6);
    EXPECT_NEAR(s.betweenSdHigh, 0.0469775, 1e-6);
    EXPECT_NEAR(s.journalMean, 2090.0 / 700, 1e-12);
    EXPECT_NEAR(s.journalSd, 0.5734432, 1e-6);
    // a unit of 40 with 24 «понизили», 2 «повысили»: shift −0.55, on the lenient side:
    // −0.55 / √(0.0952678² + 0.3288371/40) = −4.18195
    EXPECT_NEAR(s.robustZ(threes(24, 2, 40), 5), -4.18195, 1e-4);
    // 2 «понизили», 21 «повысили»: +0.475 on the strict side, √(0.0469775² + 0.3288371/40):
    // +4.65154
    EXPECT_NEAR(s.robustZ(threes(2, 21, 40), 5),
                0.475 / std::sqrt(0.0469775 * 0.0469775 + 0.3288371 / 40), 1e-4);
    EXPECT_TRUE(std::isnan(s.robustZ(threes(24, 2, 40), 8))); // fewer schools than needed
    // the journal level of the lenient unit: mean 3.55, (3.55 − 2.985714) / (0.573443/√40) = 6.2236
    EXPECT_NEAR(s.levelZ(threes(24, 2, 40)), 6.22356, 1e-4);
}

// The strict schools (many «повысили») do not widen the bar for a lenient one: the lenient side is
// measured on the schools at or below the centre only.
TEST(JournalSpread, EachSideFromItsOwnSchools) {
    std::vector<JournalSpread::Counts> c;
    for (const auto &[l, r] : std::vector<std::pair<int, int>>{
             {12, 10}, {11, 10}, {10, 10}, {10, 10}, {10, 11}, {5, 40}, {5, 45}, {5, 50}})
        c.push_back(threes(l, r, 100));
    const JournalSpread s = JournalSpread::of(c);
    // residuals −0.02, −0.01, 0, 0, +0.01, +0.35, +0.40, +0.45: median (0 + 0.01)/2 = 0.005
    EXPECT_NEAR(s.centre, 0.005, 1e-12);
    EXPECT_LT(s.betweenSdLow, s.betweenSdHigh / 10);
}

// A unit's counts from its table: «понизили», «повысили», the mean of mark − journal and the level
// of the journal marks.
TEST(JournalSpread, CountsOfAUnit) {
    UnitAccumulator acc;
    acc.journalTable[5 * 6 + 5] = 20; // «5», journal «5»
    acc.journalTable[4 * 6 + 5] = 18; // «4», journal «5»: понизили
    acc.journalTable[4 * 6 + 3] = 2;  // «4», journal «3»: повысили
    acc.journalPairs = 40;
    const JournalSpread::Counts c = JournalSpread::countsOf(acc);
    EXPECT_EQ(c.pairs, 40);
    EXPECT_EQ(c.lowered, 18);
    EXPECT_EQ(c.raised, 2);
    EXPECT_NEAR(c.shift(), (-18.0 + 2) / 40, 1e-12);
    EXPECT_NEAR(c.diffSumSq, 20.0, 1e-12);
    EXPECT_EQ(c.journalCount, 40);
    EXPECT_NEAR(c.journalMean(), (20 * 5 + 18 * 5 + 2 * 3) / 40.0, 1e-12);
}

// The shift grows with the level of the school: schools on the line shift = 0.04·position; a
// strong school on the line is ordinary, the same shift at an ordinary level is not.
TEST(JournalSpread, ComparesWithSchoolsOfTheSameLevel) {
    std::vector<JournalSpread::Counts> c;
    const int raised[] = {10, 12, 14, 16, 18, 20, 22};
    for (int i = 0; i < 7; ++i) // positions −1.5 … +1.5, shifts (raised − 10)/100 = 0 … +0.12
        c.push_back(threes(10, raised[i], 100, -1.5 + 0.5 * i));
    const JournalSpread s = JournalSpread::of(c);
    EXPECT_NEAR(s.slope, 0.04, 1e-12); // 0.02 per 0.5 SD
    EXPECT_NEAR(s.centre, 0.06, 1e-12);
    EXPECT_NEAR(s.betweenSdHigh, 0.0, 1e-12);
    EXPECT_NEAR(s.expected(2.0), 0.14, 1e-12);
    // a unit of 100 at position 2 with shift +0.14: exactly as expected
    EXPECT_NEAR(s.robustZ(threes(10, 24, 100, 2.0), 5), 0.0, 1e-12);
    // the same counts at position −1: 0.14 − 0.02 = 0.12 above, sampling SD √(diffVar/100)
    EXPECT_NEAR(s.robustZ(threes(10, 24, 100, -1.0), 5), 0.12 / std::sqrt(s.diffVar / 100), 1e-9);
    EXPECT_GT(s.robustZ(threes(10, 24, 100, -1.0), 5), 2);
}

TEST(JournalMismatch, LenientJournalIsFoundAsCurrentAssessment) {
    Fixture f;
    f.setThrees(24, 2, 40);
    const CriterionFinding r = f.lenient();
    ASSERT_TRUE(r.tested());
    EXPECT_TRUE(r.effect);
    EXPECT_EQ(r.kind(), CriterionKind::CurrentAssessment);
    EXPECT_NEAR(r.effectSize, 4.18195, 1e-4);
    EXPECT_EQ(r.threshold, 2);
    // the school's own mean against the schools' mean: (0.55 + 0.0142857)/√(0.3288371/40) =
    // 6.22356, p = norm.sf(6.22356) = 2.430e-10
    EXPECT_NEAR(r.statistic, 6.22356, 1e-4);
    EXPECT_NEAR(r.pValue, 2.430048e-10, 1e-14);
    EXPECT_TRUE(r.explanation.contains(QStringLiteral("24 из 40 участников (60,0 %) при 13,0 %")))
        << r.explanation.toStdString();
    EXPECT_TRUE(r.explanation.contains(QStringLiteral("Средняя отметка по журналу 3,55 при 2,99")))
        << r.explanation.toStdString();
    // the same counts are no sign of a strict journal
    EXPECT_FALSE(f.strict().effect);
    EXPECT_LT(f.strict().effectSize, 0);
}

// Grading relative to the class: a weak class (every «2» got «3» in the journal) has as many
// «понизили» as a lenient teacher, but its journal marks are the region's usual ones (mean 3.00
// against 2.99: level z = 0.158). The shift is explained by the class's level: no sign.
TEST(JournalMismatch, ClassRelativeGradingIsNotLenient) {
    Fixture f;
    f.setUnit({{2, 3, 20}, {3, 3, 20}});
    const CriterionFinding r = f.lenient(-1.0);
    ASSERT_TRUE(r.tested());
    // the shift alone would be a sign: −0.5 / √(0.0952678² + 0.3288371/40) = −3.80
    EXPECT_NEAR(r.effectSize, 3.80177, 1e-4);
    EXPECT_FALSE(r.effect);
    EXPECT_EQ(r.reason, QStringLiteral("effect_below_threshold"));
    EXPECT_TRUE(r.reasonText.contains(QStringLiteral("относительно класса")))
        << r.reasonText.toStdString();
    EXPECT_TRUE(r.reasonText.contains(QStringLiteral("+0,2 ст. ош.")))
        << r.reasonText.toStdString();
    // lifted above the region's usual marks (every «3» got «4» as well): lenient
    f.setUnit({{2, 3, 20}, {3, 4, 20}});
    EXPECT_TRUE(f.lenient(-1.0).effect);
    // the gate can be switched off by its setting
    f.setUnit({{2, 3, 20}, {3, 3, 20}});
    f.settings.setFromText(QStringLiteral("journal.min_level_z=-10"), nullptr);
    EXPECT_TRUE(f.lenient(-1.0).effect);
}

TEST(JournalMismatch, HonestSpreadIsNotASign) {
    Fixture f;
    f.setThrees(6, 2, 40); // shift −0.10: −0.10/0.131518 = −0.760 (threshold 2)
    const CriterionFinding r = f.lenient();
    ASSERT_TRUE(r.tested());
    EXPECT_FALSE(r.effect);
    EXPECT_NEAR(r.effectSize, 0.10 / std::sqrt(0.0952678 * 0.0952678 + 0.3288371 / 40), 1e-4);
    CriterionFinding copy = r;
    copy.explainOutcome(0.05);
    EXPECT_EQ(copy.reason, QStringLiteral("effect_below_threshold"));
}

// In a region where schools differ a lot, 14 of 40 «понизили» is within the usual spread; in the
// narrow region of sevenSchools() it is a sign.
TEST(JournalMismatch, WideSpreadOfHonestSchoolsRaisesTheBar) {
    Fixture f;
    std::vector<JournalSpread::Counts> c;
    for (const auto &[l, r] : std::vector<std::pair<int, int>>{
             {60, 5}, {45, 10}, {30, 15}, {20, 20}, {15, 25}, {10, 30}, {5, 40}})
        c.push_back(threes(l, r, 100));
    f.spread = JournalSpread::of(c);
    f.setThrees(16, 2, 40); // shift −0.35
    const CriterionFinding r = f.lenient();
    ASSERT_TRUE(r.tested());
    EXPECT_LT(r.pValue, 0.01); // the school's own counts differ from the schools' mean
    EXPECT_FALSE(r.effect) << r.effectSize;
    Fixture narrow;
    narrow.setThrees(16, 2, 40);
    EXPECT_TRUE(narrow.lenient().effect) << narrow.lenient().effectSize;
}

TEST(JournalMismatch, StrictJournalWithAnOrdinaryResultIsStrictNotInflated) {
    Fixture f;
    f.setThrees(2, 21, 40); // shift +0.475: z = +4.65, journal mean 2.525 (level z −5.08)
    const CriterionFinding s = f.strict(0.1);
    ASSERT_TRUE(s.tested());
    EXPECT_TRUE(s.effect);
    EXPECT_EQ(s.code, QStringLiteral("journal_mismatch_strict"));
    EXPECT_EQ(s.kind(), CriterionKind::CurrentAssessment);
    EXPECT_NEAR(s.effectSize, 4.65154, 1e-4);
    EXPECT_TRUE(s.explanation.contains(QStringLiteral("строже"))) << s.explanation.toStdString();
    const CriterionFinding i = f.inflated(0.1);
    EXPECT_FALSE(i.tested());
    EXPECT_EQ(i.reason, QStringLiteral("not_applicable"));
    EXPECT_FALSE(f.lenient(0.1).effect);
}

TEST(JournalMismatch, RaisedWithAHighResultIsInflated) {
    Fixture f;
    f.setThrees(2, 21, 40);
    const CriterionFinding i = f.inflated(0.9); // the result 0.9 SD above the region
    ASSERT_TRUE(i.tested());
    EXPECT_TRUE(i.effect);
    EXPECT_EQ(i.kind(), CriterionKind::CurrentAssessment);
    EXPECT_TRUE(i.explanation.contains(QStringLiteral("+0,90 ст. откл.")))
        << i.explanation.toStdString();
    // the journal marks themselves are low: mean 2.525 at 2.99 usual (level z −5.08)
    EXPECT_TRUE(i.explanation.contains(QStringLiteral("ниже обычных по региону")))
        << i.explanation.toStdString();
    EXPECT_FALSE(f.strict(0.9).tested());
    // an ordinary count of «повысили» with a high result: no sign
    f.setThrees(4, 6, 40);
    EXPECT_TRUE(f.inflated(0.9).tested());
    EXPECT_FALSE(f.inflated(0.9).effect);
}

// A strong class graded relative to the class: «4» and «5» for the work, the region's usual «3»
// in the journal. Many «повысили» at a high result, but the journal marks are not below the
// region's usual ones, so the shift is the class's level, not a sign.
TEST(JournalMismatch, RaisedWithAHighResultAndUsualJournalMarksIsNoSign) {
    Fixture f;
    f.setUnit({{4, 3, 20}, {5, 3, 5}, {3, 3, 15}}); // shift +0.75, journal mean 3.00
    const CriterionFinding i = f.inflated(0.9);
    ASSERT_TRUE(i.tested());
    EXPECT_FALSE(i.effect);
    EXPECT_GT(i.effectSize, 2.0); // the shift alone is far beyond the schools' spread
    EXPECT_EQ(i.reason, QStringLiteral("effect_below_threshold"));
    // level z = (3.00 − 2.985714) / (0.573443 / √40) = +0.158
    EXPECT_EQ(i.reasonText.toStdString(),
              QStringLiteral("эффект ниже порога: сдвиг объясняется уровнем участников — средняя "
                             "отметка по журналу 3,00 при 2,99 обычно по региону (отклонение +0,2 "
                             "ст. ош., нужно не больше −1,65), так бывает при оценивании "
                             "относительно класса")
                  .toStdString());
    // the same class with journal marks a grade lower («2» for the «3» work, «3» for the rest):
    // level z = (2.625 − 2.985714) / 0.090670 = −3.98, a sign
    f.setUnit({{4, 3, 20}, {5, 3, 5}, {3, 2, 15}});
    EXPECT_TRUE(f.inflated(0.9).effect);
}

TEST(JournalMismatch, ReasonsWhenNotTested) {
    Fixture f;
    f.setThrees(8, 0, 8);
    CriterionFinding r = f.lenient();
    EXPECT_FALSE(r.tested());
    EXPECT_EQ(r.reason, QStringLiteral("too_few_participants"));
    EXPECT_EQ(
        r.reasonText,
        QStringLiteral("не проверялось: участников с отметкой по журналу 8, нужно не меньше 10"));
    f.setUnit({});
    r = f.lenient();
    EXPECT_EQ(r.reasonText, QStringLiteral("не проверялось: нет отметок по журналу"));
    f.setThrees(20, 2, 40);
    f.spread =
        JournalSpread::of({threes(1, 1, 20), threes(1, 2, 20), threes(1, 3, 20), threes(3, 1, 20)});
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
    data.addProcedure(test::vprProcedure(1, QStringLiteral("Русский язык")));
    std::mt19937 rng(7);
    std::binomial_distribution<int> points(20, 0.55);
    std::uniform_real_distribution<double> u(0, 1);
    for (int s = 1; s <= 30; ++s) {
        test::addOrdinarySchool(data, s);
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
    const QMap<QString, QStringList> flagged = test::flaggedBySchool(report);
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
