// high_results_unconfirmed «по сравнению с журналом школы»: a ВПР result above the school's usual
// while the school's own journal keeps the pupils where it usually has them (a weak school's ВПР
// inflated to «good»). The strict side of JournalSchoolBaseline and the criterion's gates, values
// by hand (below; Python's statistics module and norm.sf through erfc), and a whole region run
// through the engine.
#include "objectivity/core/analysis/AnalysisEngine.h"
#include "objectivity/core/analysis/HighResultsCriterion.h"
#include "objectivity/core/analysis/JournalSchoolBaseline.h"

#include "CriterionInputs.h"
#include "TestRegion.h"

#include <gtest/gtest.h>

#include <cmath>
#include <random>

using namespace objectivity;
using namespace objectivity::core;

namespace {

constexpr double kVariance = 0.3288371 / 40;

// Five schools of five units, residuals (expected − shift, marks) base + (−0.1, −0.05, 0, +0.05,
// +0.1) with bases −0.3, −0.1, 0, +0.1, +0.2; school 0's last unit has −0.75 instead of −0.2: its
// work marks stand higher above its journal marks than the school's other units have them.
//
// By hand: school 0's residuals −0.4, −0.35, −0.3, −0.25, −0.75. The planted unit's baseline is
// the median of the other four, −0.325, its difference −0.425; the school's other units have
// differences −0.075, 0, +0.075, +0.125, every other school's −0.125, −0.075, 0, +0.075, +0.125.
// Centre (the 13th of 25) 0. The strict side (d ≤ 0, as distances): 0 ×5, 0.075 ×5, 0.125 ×4,
// 0.425 → median 0.075, scale 0.111195, strict withinSd = √(0.111195² − 0.0082209) = 0.0643693.
// The planted unit: zStrict = 0.425 / √(0.0643693² + 0.0082209) = 3.82211, tStrict = 0.425 /
// √0.0082209 = 4.68736.
//
// Positions (pupil SDs): school 0's units 0.0, 0.1, 0.2, `cohortMate` and the planted `planted`;
// the planted unit's cohort (the same pupils' other subjects) is unit 3 of school 0. The planted
// unit's position baseline: median(0, 0.1, 0.2, cohortMate), 0.15 with cohortMate 0.2.
std::vector<JournalSchoolBaseline::Entry> region(double planted, double cohortMate,
                                                 bool withCohort = true) {
    std::vector<JournalSchoolBaseline::Entry> entries;
    const double bases[] = {-0.3, -0.1, 0.0, 0.1, 0.2};
    const double offsets[] = {-0.1, -0.05, 0.0, 0.05, 0.1};
    const double positions[] = {0.0, 0.1, 0.2, cohortMate, planted};
    for (int s = 0; s < 5; ++s)
        for (int j = 0; j < 5; ++j) {
            const bool isPlanted = s == 0 && j == 4;
            JournalSchoolBaseline::Entry e{s, isPlanted ? -0.75 : bases[s] + offsets[j], 0.0,
                                           kVariance};
            e.position = s == 0 ? positions[j] : 0.0;
            e.cohort = s * 10 + j; // every unit its own cohort …
            if (withCohort && s == 0 && j >= 3)
                e.cohort = 99; // … but the planted unit's and unit 3's: the same pupils
            entries.push_back(e);
        }
    return entries;
}
constexpr int kPlanted = 4;

struct Fixture : test::CriterionInputs {
    Fixture() {
        procedure.kind = ProcedureKind::VPR;
        procedure.subject = QStringLiteral("Математика");
        school.kind = SchoolKind::Sosh;
        metrics.journalPairs = 40;
        metrics.raised = 12;
        metrics.lowered = 3;
    }
    CriterionFinding evaluate(const JournalSchoolBaseline &b, int entry = kPlanted) const {
        return HighResultsCriterion::evaluateAgainstJournal(input(), b, entry);
    }
};

} // namespace

TEST(JournalSchoolBaseline, StrictSideByHand) {
    const JournalSchoolBaseline b = JournalSchoolBaseline::of(region(0.6, 0.2), 4);
    ASSERT_TRUE(b.valid());
    EXPECT_NEAR(b.centre(), 0, 1e-12);
    EXPECT_NEAR(b.strictWithinSd(), 0.0643693, 1e-6);
    const auto &w = b.within(kPlanted);
    EXPECT_NEAR(w.baseline, -0.325, 1e-12);
    EXPECT_NEAR(w.difference, -0.425, 1e-12);
    EXPECT_NEAR(b.zStrict(kPlanted), 3.82211, 1e-5);
    EXPECT_NEAR(b.tStrict(kPlanted), 4.68736, 1e-5);
    EXPECT_NEAR(b.z(kPlanted),
                -b.tStrict(kPlanted) * std::sqrt(kVariance) /
                    std::sqrt(b.withinSd() * b.withinSd() + kVariance),
                1e-9);
    EXPECT_LT(b.zStrict(3), 0); // the school's unit on the lenient side
    // the position against the school's other units and against the same pupils' other subjects
    EXPECT_NEAR(w.positionBaseline, 0.15, 1e-12);
    EXPECT_EQ(w.cohortOthers, 1);
    EXPECT_NEAR(w.cohortPositionBaseline, 0.2, 1e-12);
    EXPECT_EQ(b.within(0).cohortOthers, 0);
}

TEST(HighResultsJournal, WorkAboveTheSchoolsUsualWhileTheJournalIsNot) {
    const Fixture f;
    const JournalSchoolBaseline b = JournalSchoolBaseline::of(region(0.6, 0.2), 4);
    const CriterionFinding r = f.evaluate(b);
    ASSERT_TRUE(r.tested());
    EXPECT_EQ(r.code, QStringLiteral("high_results_unconfirmed"));
    EXPECT_EQ(r.label, QStringLiteral("по сравнению с журналом школы"));
    EXPECT_EQ(r.kind(), CriterionKind::Results);
    EXPECT_TRUE(r.effect);
    EXPECT_NEAR(r.statistic, 4.68736, 1e-5);
    EXPECT_NEAR(r.effectSize, 3.82211, 1e-5);
    // p from z (norm.sf(3.82211) = 6.61564e-05), not from t: the honest spread of units inside
    // schools counts; and apart from the ГИА comparison in the correction
    EXPECT_NEAR(r.pValue, 6.61564e-05, 1e-9);
    EXPECT_EQ(r.correctionFamily(), QStringLiteral("high_results_unconfirmed|journal"));
    EXPECT_NEAR(r.threshold, 3.5, 1e-12);
    for (const QString &part :
         {QStringLiteral("Результат ВПР выше обычного для этой школы, а отметки по журналу этого "
                         "не подтверждают."),
          QStringLiteral(
              "+0,60 при +0,15 в других процедурах школы (медиана по 4) и +0,20 у тех "
              "же учеников по другим предметам ВПР этого года (медиана по 1): выше на 0,45 и 0,40 "
              "(порог 0,30)"),
          QStringLiteral("Разница «отметка за работу − отметка по журналу» больше, чем обычно в "
                         "этой школе при таком результате, на +0,43 отметки (отклонение +3,8"),
          QStringLiteral("Повысили (отметка за работу выше отметки по журналу): 12 из 40 "
                         "участников, понизили: 3.")})
        EXPECT_TRUE(r.explanation.contains(part)) << r.explanation.toStdString();
}

// The same pupils as strong in their other subjects: a stronger cohort, whose journal at a school
// that marks relative to the class stays where it was; not a sign.
TEST(HighResultsJournal, AStrongerCohortIsNotASign) {
    const Fixture f;
    const CriterionFinding r = f.evaluate(JournalSchoolBaseline::of(region(0.6, 0.45), 4));
    ASSERT_TRUE(r.tested());
    EXPECT_FALSE(r.effect);
    EXPECT_TRUE(r.reasonText.contains(QStringLiteral("сильнее набор учеников")))
        << r.reasonText.toStdString();
    // the result at the school's usual: the journal is stricter, the work is not higher
    const CriterionFinding usual = f.evaluate(JournalSchoolBaseline::of(region(0.3, 0.0), 4));
    EXPECT_FALSE(usual.effect);
    EXPECT_TRUE(usual.reasonText.contains(QStringLiteral("не выше обычного для школы")))
        << usual.reasonText.toStdString();
    // a higher bar for z
    Fixture strict;
    strict.settings.setFromText(QStringLiteral("high_results.journal_min_z=3.9"), nullptr);
    EXPECT_FALSE(strict.evaluate(JournalSchoolBaseline::of(region(0.6, 0.2), 4)).effect);
    // a unit on the lenient side
    EXPECT_FALSE(f.evaluate(JournalSchoolBaseline::of(region(0.6, 0.2), 4), 3).effect);
}

// A school whose journal does not follow its results (it marks relative to the class): a unit
// above its usual with the journal where it was is what a good teacher gives there too, and the
// journal cannot tell. The other four schools' journal levels follow their positions at 0.8 marks
// per pupil SD (positions −0.2 … +0.2), so the region's median slope is 0.8 and the bar half of
// it; the residuals, and so z, are those of the hand-made region above.
TEST(HighResultsJournal, AJournalThatDoesNotFollowTheResultsIsNoWitness) {
    const Fixture f;
    auto withLevels = [](std::initializer_list<double> school0) {
        std::vector<JournalSchoolBaseline::Entry> entries = region(0.6, 0.2);
        for (std::size_t i = 0; i < entries.size(); ++i) {
            JournalSchoolBaseline::Entry &e = entries[i];
            if (e.school == 0) {
                e.level = std::data(school0)[i];
            } else {
                e.position = -0.2 + 0.1 * static_cast<double>(i % 5);
                e.level = 0.8 * e.position;
            }
        }
        return JournalSchoolBaseline::of(entries, 4);
    };
    // flat: the slope over the planted unit's four others is 0 with no residual
    const JournalSchoolBaseline flat = withLevels({0, 0, 0, 0, 0});
    EXPECT_NEAR(flat.levelSlope(), 0.8, 1e-12);
    EXPECT_NEAR(flat.within(kPlanted).levelSlope, 0, 1e-12);
    EXPECT_NEAR(flat.within(kPlanted).levelSlopeSe, 0, 1e-12);
    const CriterionFinding gated = f.evaluate(flat);
    EXPECT_FALSE(gated.tested());
    EXPECT_TRUE(gated.reasonText.contains(
        QStringLiteral("не следуют её результатам (0,00 ± 0,00 отметки на стандартное "
                       "отклонение результата по другим процедурам школы при +0,80 в школах "
                       "региона)")))
        << gated.reasonText.toStdString();
    // following (0.8 × the position; the planted unit's journal where the school's usual is)
    const JournalSchoolBaseline following = withLevels({0, 0.08, 0.16, 0.16, 0.12});
    EXPECT_NEAR(following.within(kPlanted).levelSlope, 0.8, 1e-12);
    const CriterionFinding named = f.evaluate(following);
    EXPECT_TRUE(named.tested());
    EXPECT_TRUE(named.effect);
    EXPECT_NEAR(named.effectSize, 3.82211, 1e-5);
    // too uncertain to tell (by hand: x 0, 0.1, 0.2, 0.2; y 0.1, −0.05, 0.1, −0.1: slope
    // −0.409091, SE 0.704179 on 2 degrees of freedom, −0.41 + 6.46 · 0.70 above 0.4): tested
    const JournalSchoolBaseline noisy = withLevels({0.1, -0.05, 0.1, -0.1, 0});
    EXPECT_NEAR(noisy.within(kPlanted).levelSlope, -0.409091, 1e-6);
    EXPECT_NEAR(noisy.within(kPlanted).levelSlopeSe, 0.704179, 1e-6);
    EXPECT_TRUE(f.evaluate(noisy).effect);
}

TEST(HighResultsJournal, ReasonsWhenNotTested) {
    Fixture f;
    const JournalSchoolBaseline b = JournalSchoolBaseline::of(region(0.6, 0.2), 4);
    auto reason = [&](const Fixture &x, const JournalSchoolBaseline &base, int entry) {
        const CriterionFinding r = x.evaluate(base, entry);
        EXPECT_FALSE(r.tested());
        return r.reasonText;
    };
    EXPECT_TRUE(reason(f, JournalSchoolBaseline::of(region(0.6, 0.2, false), 4), kPlanted)
                    .contains(QStringLiteral("те же ученики в этом году не писали ВПР")));
    EXPECT_TRUE(reason(f, b, -1).contains(QStringLiteral("нет отметок по журналу")));
    Fixture lyceum;
    lyceum.school.kind = SchoolKind::Lyceum;
    EXPECT_TRUE(reason(lyceum, b, kPlanted).contains(QStringLiteral("лицей")));
    Fixture oge;
    oge.procedure.kind = ProcedureKind::OGE;
    EXPECT_TRUE(reason(oge, b, kPlanted).contains(QStringLiteral("только для ВПР")));
    std::vector<JournalSchoolBaseline::Entry> few = region(0.6, 0.2);
    few.resize(3);
    EXPECT_TRUE(reason(f, JournalSchoolBaseline::of(few, 4), 0)
                    .contains(QStringLiteral("других процедур с отметками по журналу 2")));
}

namespace {

// A whole region: 30 schools, one cohort of 30 pupils each writing six ВПР subjects (ability
// N(0, 1) per pupil, shared by the subjects; each of 10 tasks up to 2 points). The journal mark is
// the mark of the work as written, ±1 for a tenth of the pupils each way. In s7's «Предмет 3»
// every work gets one more point on five tasks after the journal marks were given: the school's
// ВПР in that subject is inflated, its journal is not.
AnalysisDataset inflatedRegion() {
    AnalysisDataset data;
    constexpr int kSubjects = 6;
    for (int k = 1; k <= kSubjects; ++k)
        data.addProcedure(test::vprProcedure(k, QStringLiteral("Предмет %1").arg(k)));
    std::mt19937 rng(5);
    std::normal_distribution<double> normal(0, 1);
    std::uniform_real_distribution<double> u(0, 1);
    auto markOf = [](int sum) { return sum >= 15 ? 5 : sum >= 11 ? 4 : sum >= 6 ? 3 : 2; };
    for (int s = 1; s <= 30; ++s) {
        test::addOrdinarySchool(data, s);
        std::vector<double> ability;
        for (int i = 0; i < 30; ++i)
            ability.push_back(normal(rng));
        for (int k = 1; k <= kSubjects; ++k)
            for (int i = 0; i < 30; ++i) {
                ParticipantResult r;
                r.schoolId = s;
                r.procedureId = k;
                r.participantCode = QStringLiteral("%1-%2").arg(s).arg(i);
                const double p =
                    1 / (1 + std::exp(-(ability[static_cast<std::size_t>(i)] + 0.5 * normal(rng))));
                int sum = 0;
                for (int t = 0; t < 10; ++t) {
                    const int pts = (u(rng) < p) + (u(rng) < p);
                    r.taskPoints.append(static_cast<std::int8_t>(pts));
                    sum += pts;
                }
                const double d = u(rng);
                r.journalMark = std::clamp(markOf(sum) + (d < 0.1 ? -1 : d > 0.9 ? 1 : 0), 2, 5);
                if (s == 7 && k == 3)
                    sum += test::raiseFirstTasks(r, 5);
                r.primaryScore = sum;
                r.mark = markOf(sum);
                data.addResult(r);
            }
    }
    data.finish();
    return data;
}

} // namespace

TEST(HighResultsJournal, EngineNamesTheInflatedSubjectOnly) {
    const AnalysisReport report = AnalysisEngine::run(inflatedRegion(), AnalysisSettings());
    QStringList named;
    int tested = 0;
    for (const auto &unit : report.units)
        for (const auto &f : unit.findings)
            if (f.label == QStringLiteral("по сравнению с журналом школы")) {
                tested += f.tested();
                if (f.flagged)
                    named << unit.schoolCode + QLatin1Char(' ') + unit.subject;
            }
    // 5 of the 180 not tested: one school whose journal levels, over five units of the same
    // pupils (positions apart by chance only), fall with the position beyond their uncertainty
    EXPECT_EQ(tested, 175);
    EXPECT_EQ(named, QStringList{QStringLiteral("s7 Предмет 3")});
}
