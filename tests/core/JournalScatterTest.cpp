// journal_mismatch_scatter: the variance of «отметка − журнал» inside the classes of a unit against
// the schools of its procedure (JournalScatter), the criterion's reasons, and a region where one
// school's journal marks do not follow its pupils. Expected values derived by hand and checked
// with Python (math.log, the median, one-sided MAD·1.4826, erfc for the normal tail).
#include "objectivity/core/analysis/AnalysisEngine.h"
#include "objectivity/core/analysis/JournalScatterCriterion.h"

#include "CriterionInputs.h"
#include "FindingOf.h"
#include "TestRegion.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <random>

using namespace objectivity;
using namespace objectivity::core;

namespace {

void addPairs(UnitAccumulator &acc, int mark, int journal, int count) {
    acc.journalTable[mark * 6 + journal] += count;
    acc.journalPairs += count;
}

// A unit of 21 pairs (df 20) whose variance of d is `v`, with the fourth moment that makes the
// pooled kurtosis of the seven units below exactly 2.
JournalScatter::Counts unitOf(double v) {
    JournalScatter::Counts c;
    c.pairs = 21;
    c.df = 20;
    c.squares = 20 * v;
    c.fourth = 36.214285714285715;
    return c;
}

// Seven units with V 0.5 … 1.0 and 2.0: centre log 0.8; distances above it 0, 0.117783, 0.223144,
// 0.916291 → median 0.1704635, scale 0.2527289; sampling variance (2 − 1)/20 = 0.05; betweenSd
// √(0.2527289² − 0.05) = 0.1177790.
JournalScatter sevenUnits() {
    std::vector<JournalScatter::Counts> units;
    for (const double v : {0.5, 0.6, 0.7, 0.8, 0.9, 1.0, 2.0})
        units.push_back(unitOf(v));
    return JournalScatter::of(units);
}

} // namespace

TEST(JournalScatter, VarianceInsideEachClassAboutItsOwnMean) {
    // 6А: d = 0, +1, −1, 0 (mean 0): squares 2, fourth 2; 6Б: d = 0, 0, −2 (mean −2/3): squares
    // 4/9 + 4/9 + 16/9 = 8/3, fourth 16/81 + 16/81 + 256/81 = 32/9
    UnitAccumulator a, b, unit;
    addPairs(a, 3, 3, 1);
    addPairs(a, 4, 3, 1);
    addPairs(a, 3, 4, 1);
    addPairs(a, 5, 5, 1);
    addPairs(b, 4, 4, 2);
    addPairs(b, 2, 4, 1);
    unit.addAll(a);
    unit.addAll(b);
    const JournalScatter::Counts c = JournalScatter::countsOf(unit, {a, b});
    EXPECT_EQ(c.pairs, 7);
    EXPECT_EQ(c.df, 5);
    EXPECT_EQ(c.classes, 2);
    EXPECT_NEAR(c.squares, 2 + 8.0 / 3, 1e-12);
    EXPECT_NEAR(c.fourth, 2 + 32.0 / 9, 1e-12);
    EXPECT_NEAR(c.variance(), 14.0 / 15, 1e-12);
    // a pupil without a class: the whole unit, d = 0, 1, −1, 0, 0, 0, −2, 0 about −1/4:
    // Σd² − n·mean² = 6 − 8/16 = 5.5 over df 7
    UnitAccumulator more = unit;
    addPairs(more, 4, 4, 1);
    const JournalScatter::Counts whole = JournalScatter::countsOf(more, {a, b});
    EXPECT_EQ(whole.classes, 0);
    EXPECT_EQ(whole.df, 7);
    EXPECT_NEAR(whole.squares, 5.5, 1e-12);
}

TEST(JournalScatter, ClassesMarkedRelativeToTheirLevelDoNotScatter) {
    // a strong class a grade below the work, a weak one a grade above, each the same to everyone:
    // no disagreement inside either class (the floor of a quarter), while over the parallel d is
    // −1 or +1 (variance 20/19 ≈ 1.05)
    UnitAccumulator strong, weak, unit;
    addPairs(strong, 5, 4, 10);
    addPairs(weak, 2, 3, 10);
    unit.addAll(strong);
    unit.addAll(weak);
    const JournalScatter::Counts c = JournalScatter::countsOf(unit, {strong, weak});
    EXPECT_EQ(c.classes, 2);
    EXPECT_NEAR(c.variance(), 0.25 / 18, 1e-12);
    EXPECT_NEAR(JournalScatter::countsOf(unit, {}).variance(), 20.0 / 19, 1e-12);
}

TEST(JournalScatter, MedianOneSidedMadAndBetweenSchoolSpreadByHand) {
    const JournalScatter s = sevenUnits();
    EXPECT_EQ(s.units, 7);
    EXPECT_NEAR(s.centre, std::log(0.8), 1e-12);
    EXPECT_NEAR(s.kurtosis, 2.0, 1e-9);
    EXPECT_NEAR(s.betweenSd, 0.11777897, 1e-7);
    EXPECT_NEAR(s.usualSd(), std::sqrt(0.8), 1e-12);
    // V 2.0: log(2/0.8) = 0.916291 over √(0.1177790² + 0.05) → 3.62559; t over √0.05 → 4.09778
    EXPECT_NEAR(s.robustZ(unitOf(2.0), 5), 3.6255878, 1e-6);
    EXPECT_NEAR(s.t(unitOf(2.0)), 4.0977767, 1e-6);
    // V 0.9 is ordinary: +0.466; less scatter than usual is below the centre
    EXPECT_NEAR(s.robustZ(unitOf(0.9), 5), 0.4660450, 1e-6);
    EXPECT_LT(s.robustZ(unitOf(0.5), 5), 0);
    EXPECT_TRUE(std::isnan(s.robustZ(unitOf(2.0), 8))); // fewer units than needed
}

namespace {

struct Fixture : test::CriterionInputs {
    JournalScatter spread = sevenUnits();
    Fixture() {
        metrics.journalPairs = 21;
        metrics.confirmedPct = 33.3;
        metrics.loweredPct = 33.3;
        metrics.raisedPct = 33.3;
        metrics.kappa = 0.12;
        regionMetrics.journalPairs = 1000;
        regionMetrics.confirmedPct = 62;
        regionMetrics.kappa = 0.55;
    }
    CriterionFinding evaluate(const JournalScatter::Counts &c) const {
        return JournalScatterCriterion::evaluate(input(), spread, c);
    }
};

} // namespace

TEST(JournalScatterCriterion, ScatterFarAboveTheSchoolsIsASignOfCurrentAssessment) {
    const Fixture fx;
    const CriterionFinding f = fx.evaluate(unitOf(2.0));
    EXPECT_EQ(f.code, QStringLiteral("journal_mismatch_scatter"));
    EXPECT_EQ(f.kind(), CriterionKind::CurrentAssessment);
    EXPECT_TRUE(f.effect);
    EXPECT_NEAR(f.effectSize, 3.6255878, 1e-6);
    EXPECT_NEAR(f.statistic, 4.0977767, 1e-6);
    EXPECT_NEAR(f.pValue, 2.0856867e-05, 1e-11); // 0.5·erfc(4.0977767/√2)
    EXPECT_DOUBLE_EQ(f.threshold, 3);
    EXPECT_TRUE(f.explanation.contains(QStringLiteral("не одна для всех; подтвердили 33,3 % (при "
                                                      "62,0 % по региону)")))
        << f.explanation.toStdString();
    EXPECT_TRUE(f.explanation.contains(QStringLiteral("стандартное отклонение 1,41 при 0,89")))
        << f.explanation.toStdString();
    EXPECT_TRUE(f.explanation.contains(QStringLiteral("взвешенная каппа 0,12 при 0,55")));
    EXPECT_TRUE(f.explanation.contains(QStringLiteral("по всем участникам")));
}

TEST(JournalScatterCriterion, OrdinaryOrSmallScatterIsNoSign) {
    const Fixture fx;
    const CriterionFinding ordinary = fx.evaluate(unitOf(0.9));
    EXPECT_TRUE(ordinary.tested());
    EXPECT_FALSE(ordinary.effect);
    EXPECT_NEAR(ordinary.effectSize, 0.4660450, 1e-6);
    EXPECT_GT(ordinary.pValue, 0.1);
    const CriterionFinding agreeing = fx.evaluate(unitOf(0.5));
    EXPECT_FALSE(agreeing.effect);
    EXPECT_GT(agreeing.pValue, 0.5);
}

TEST(JournalScatterCriterion, SaysWhyItDidNotTest) {
    Fixture fx;
    fx.metrics.journalPairs = 0;
    CriterionFinding f = fx.evaluate(unitOf(2.0));
    EXPECT_FALSE(f.tested());
    EXPECT_EQ(f.reason, QStringLiteral("not_applicable"));
    fx.metrics.journalPairs = 7;
    f = fx.evaluate(unitOf(2.0));
    EXPECT_EQ(f.reason, QStringLiteral("too_few_participants"));
    EXPECT_TRUE(f.reasonText.contains(QStringLiteral("участников с отметкой по журналу 7")));
    fx.metrics.journalPairs = 21;
    fx.spread = JournalScatter::of({unitOf(1.0), unitOf(2.0)});
    f = fx.evaluate(unitOf(2.0));
    EXPECT_EQ(f.reason, QStringLiteral("not_applicable"));
    EXPECT_TRUE(f.reasonText.contains(QStringLiteral("школ с отметками по журналу в процедуре 2")))
        << f.reasonText.toStdString();
}

// A region of 30 schools whose journals agree with the work but for one: at s7 each pupil gets
// the mark of the pupil before (the same marks, so no shift, but not the pupil's own). It is
// named by this criterion only, as current assessment; the honest schools are not.
TEST(JournalScatterCriterion, EngineNamesTheSchoolWhoseJournalDoesNotFollowItsPupils) {
    AnalysisDataset data;
    data.addProcedure(test::vprProcedure(1, QStringLiteral("Математика")));
    std::mt19937 rng(11);
    std::binomial_distribution<int> points(20, 0.55);
    std::uniform_real_distribution<double> u(0, 1);
    for (int s = 1; s <= 30; ++s) {
        test::addOrdinarySchool(data, s);
        int previous = 3;
        for (int i = 0; i < 30; ++i) {
            ParticipantResult r;
            r.schoolId = s;
            r.procedureId = 1;
            r.participantCode = QStringLiteral("%1-%2").arg(s).arg(i);
            const double skill = u(rng);
            int sum = 0;
            for (int t = 0; t < 10; ++t) {
                const int pts = std::min(2, points(rng) * 2 / 20 + (u(rng) < skill * 0.6 ? 1 : 0));
                r.taskPoints.append(static_cast<std::int8_t>(pts));
                sum += pts;
            }
            r.primaryScore = sum;
            r.mark = sum >= 17 ? 5 : sum >= 13 ? 4 : sum >= 8 ? 3 : 2;
            const double d = u(rng);
            r.journalMark = std::clamp(r.mark + (d < 0.1 ? -1 : d > 0.9 ? 1 : 0), 2, 5);
            if (s == 7)
                r.journalMark = previous;
            previous = r.mark;
            data.addResult(r);
        }
    }
    data.finish();
    const AnalysisReport report = AnalysisEngine::run(data, AnalysisSettings());
    const QMap<QString, QStringList> flagged = test::flaggedBySchool(report);
    EXPECT_EQ(flagged.value(QStringLiteral("s7")),
              QStringList{QStringLiteral("journal_mismatch_scatter")});
    EXPECT_EQ(flagged.size(), 1) << flagged.keys().join(u',').toStdString();
    for (const auto &s : report.schools) {
        EXPECT_EQ(s.markers, 0) << s.schoolCode.toStdString();
        EXPECT_EQ(s.currentAssessment, s.schoolCode == QStringLiteral("s7") ? 1 : 0);
    }
    // every tested unit carries the criterion with its reason
    for (const auto &unit : report.units) {
        const auto it = std::find_if(unit.findings.begin(), unit.findings.end(), [](const auto &f) {
            return f.code == QStringLiteral("journal_mismatch_scatter");
        });
        ASSERT_NE(it, unit.findings.end()) << unit.schoolCode.toStdString();
        EXPECT_FALSE(it->reasonText.isEmpty());
    }
}

TEST(JournalScatterCriterion, AUnitWhoseWorksAreFlaggedIsNotNamedForItsJournal) {
    auto flaggedFinding = [](const char16_t *code) {
        CriterionFinding f;
        f.code = QString::fromUtf16(code);
        f.pValue = 1e-6;
        f.qValue = 1e-4;
        f.effect = f.flagged = true;
        return f;
    };
    // help on the hard tasks: the work is in doubt, the journal is not named
    QList<CriterionFinding> helped{flaggedFinding(criterion::DifficultyInversion),
                                   flaggedFinding(criterion::JournalScatter)};
    JournalScatterCriterion::yieldToTheWork(helped);
    EXPECT_FALSE(helped[1].flagged);
    EXPECT_TRUE(helped[1].effect);
    EXPECT_DOUBLE_EQ(helped[1].qValue, 1e-4);
    EXPECT_EQ(helped[1].reason, QStringLiteral("explained_by_work"));
    EXPECT_TRUE(helped[1].reasonText.contains(QStringLiteral("«Лёгкие задания хуже, сложные "
                                                             "лучше»")))
        << helped[1].reasonText.toStdString();
    EXPECT_TRUE(helped[0].flagged);
    // a lenient journal next to it is no doubt about the work: both stay named
    QList<CriterionFinding> lenient{flaggedFinding(criterion::JournalLenient),
                                    flaggedFinding(criterion::JournalScatter)};
    JournalScatterCriterion::yieldToTheWork(lenient);
    EXPECT_TRUE(lenient[1].flagged);
    // a work criterion tested but not flagged does not excuse the journal
    QList<CriterionFinding> tested{flaggedFinding(criterion::PersonFit),
                                   flaggedFinding(criterion::JournalScatter)};
    tested[0].flagged = false;
    JournalScatterCriterion::yieldToTheWork(tested);
    EXPECT_TRUE(tested[1].flagged);
}
