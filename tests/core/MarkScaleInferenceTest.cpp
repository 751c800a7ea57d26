// Boundaries inferred from the data when no scale is stored (one vote per school at each primary
// score), and mark_scale_mismatch («отметки не соответствуют шкале») on hand-built regions.
// Expected p-values: SciPy, scipy.stats.binom.sf(k - 1, n, p0) (tests/scripts/check_stats.py).
#include "objectivity/core/analysis/AnalysisEngine.h"
#include "objectivity/core/analysis/MarkScaleMismatchCriterion.h"

#include <functional>
#include <utility>

#include <gtest/gtest.h>

using namespace objectivity::core;

namespace {

// ВПР, 20 tasks of one point (14 basic, 6 advanced); the true scale: «3» 6, «4» 11, «5» 16.
int trueMark(int score) {
    return score >= 16 ? 5 : score >= 11 ? 4 : score >= 6 ? 3 : 2;
}

// A ВПР scale: the lowest primary score for «3», «4», «5».
MarkScale vprScale(int three, int four, int five) {
    MarkScale s;
    s.kind = ProcedureKind::VPR;
    s.minFor3 = three;
    s.minFor4 = four;
    s.minFor5 = five;
    return s;
}

struct Region {
    AnalysisDataset data;
    int procedure = -1;
    qint64 code = 0;

    Region() {
        Procedure p;
        p.id = 1;
        p.kind = ProcedureKind::VPR;
        p.year = 2024;
        p.grade = 5;
        p.subject = QStringLiteral("Математика");
        for (int t = 0; t < 20; ++t)
            p.tasks.append(
                {QString::number(t + 1), 1, t < 14 ? TaskLevel::Basic : TaskLevel::Advanced});
        procedure = data.addProcedure(p);
    }
    int school(int id) {
        School s;
        s.id = id;
        s.code = QStringLiteral("S%1").arg(id, 3, 10, QLatin1Char('0'));
        s.name = s.code;
        return data.addSchool(s);
    }
    void work(int schoolIndex, int score, int mark) {
        ParticipantRow row;
        std::int8_t points[20];
        for (int t = 0; t < 20; ++t) // basic tasks first: no help on hard tasks
            points[t] = t < score ? 1 : 0;
        row.points = points;
        row.pointCount = 20;
        row.primary = score;
        row.mark = mark;
        data.addParticipant(procedure, schoolIndex, row, QString::number(++code), QByteArrayView());
    }
    // `perScore` works at every score 0..20, marked by the true scale
    void honest(int schoolIndex, int perScore) {
        for (int s = 0; s <= 20; ++s)
            for (int k = 0; k < perScore; ++k)
                work(schoolIndex, s, trueMark(s));
    }
    QList<int> boundaries() const {
        const ProcedureLayout &l = data.layout(procedure);
        return {l.minFor[3], l.minFor[4], l.minFor[5]};
    }
    const UnitReport *unit(const AnalysisReport &r, int id) const {
        const QString code = QStringLiteral("S%1").arg(id, 3, 10, QLatin1Char('0'));
        for (const UnitReport &u : r.units)
            if (u.schoolCode == code)
                return &u;
        return nullptr;
    }
};

const CriterionFinding *finding(const UnitReport &u, const QString &code,
                                const QString &label = QString()) {
    for (const CriterionFinding &f : u.findings)
        if (f.code == code && (label.isEmpty() || f.label == label))
            return &f;
    return nullptr;
}

} // namespace

// The example: one «5» at 13 points in one school moved the boundary of «5» to 13 when
// the lowest score with each mark was taken, and the push to the true boundary (16) was missed.
TEST(MarkScaleInference, OneOddMarkMovesNoBoundaryAndThePushIsFound) {
    Region g;
    for (int id = 1; id <= 30; ++id) {
        const int s = g.school(id);
        for (int score = 0; score <= 20; ++score)
            for (int k = 0; k < 3; ++k)
                // school 1 writes one «5» at 13 points (one of its three works there)
                g.work(s, score, id == 1 && score == 13 && k == 0 ? 5 : trueMark(score));
    }
    // school 31 moves every work 1–2 points below «5» up to 16
    const int pushed = g.school(31);
    for (int score = 0; score <= 20; ++score) {
        const int moved = score == 14 || score == 15 ? 16 : score;
        for (int k = 0; k < 3; ++k)
            g.work(pushed, moved, trueMark(moved));
    }
    g.data.finish();
    EXPECT_EQ(g.boundaries(), (QList<int>{6, 11, 16}));
    EXPECT_FALSE(g.data.scaleGiven(g.procedure));
    EXPECT_EQ(g.data.scaleSource(g.procedure), ScaleSource::Inferred);
    EXPECT_TRUE(g.data.scaleNote(g.procedure).contains(QStringLiteral("«5» с 16")))
        << g.data.scaleNote(g.procedure).toStdString();

    const AnalysisReport r = AnalysisEngine::run(g.data, AnalysisSettings());
    const UnitReport *u = g.unit(r, 31);
    ASSERT_NE(u, nullptr);
    const CriterionFinding *five =
        finding(*u, QStringLiteral("boundary_bunching"), QStringLiteral("граница «5»"));
    ASSERT_NE(five, nullptr);
    EXPECT_TRUE(five->flagged) << five->reasonText.toStdString();
    EXPECT_TRUE(u->scale.contains(QStringLiteral("выведены из данных"))) << u->scale.toStdString();
    // the odd mark is one work: not a sign of its own
    const UnitReport *odd = g.unit(r, 1);
    ASSERT_NE(odd, nullptr);
    const CriterionFinding *mismatch = finding(*odd, QStringLiteral("mark_scale_mismatch"));
    ASSERT_NE(mismatch, nullptr);
    EXPECT_TRUE(mismatch->tested());
    EXPECT_EQ(mismatch->statistic, 1);
    EXPECT_FALSE(mismatch->effect);
    EXPECT_FALSE(mismatch->flagged);
}

// One vote per school: a big school's many «5» at 13 points do not outvote nine small schools.
TEST(MarkScaleInference, SchoolsVoteNotPupils) {
    Region g;
    for (int id = 1; id <= 9; ++id)
        g.honest(g.school(id), 1);
    const int big = g.school(10);
    g.honest(big, 1);
    for (int k = 0; k < 50; ++k)
        g.work(big, 13, 5);
    g.data.finish();
    EXPECT_EQ(g.boundaries(), (QList<int>{6, 11, 16}));
}

// When most schools do give «5» from 13 points, that is the boundary the data shows.
TEST(MarkScaleInference, TheMajorityOfSchoolsSetsTheBoundary) {
    Region g;
    for (int id = 1; id <= 10; ++id) {
        const int s = g.school(id);
        for (int score = 0; score <= 20; ++score)
            g.work(s, score, id <= 6 && score >= 13 ? 5 : trueMark(score));
    }
    g.data.finish();
    EXPECT_EQ(g.boundaries(), (QList<int>{6, 11, 13}));
}

// A stored scale wins over the data; the school that gives «4» from two points below the
// boundary is found, the one with a single odd mark is not.
TEST(MarkScaleMismatch, PlantedSchoolIsFoundHonestOddMarkIsNot) {
    Region g;
    MarkScale official = vprScale(6, 11, 16);
    g.data.setScale(g.procedure, official, QStringLiteral("официальная шкала ВПР 2024 года"));
    for (int id = 1; id <= 20; ++id)
        g.honest(g.school(id), 2);
    // school 21: 2 works at 0..12, 1 at 13..20 (34 works); «4» at 9 and 10 points (4 works)
    const int planted = g.school(21);
    for (int score = 0; score <= 20; ++score)
        for (int k = 0; k < (score <= 12 ? 2 : 1); ++k)
            g.work(planted, score, score == 9 || score == 10 ? 4 : trueMark(score));
    // school 22: honest, one clerical «4» at 10 points
    const int clerical = g.school(22);
    for (int score = 0; score <= 20; ++score)
        for (int k = 0; k < 2; ++k)
            g.work(clerical, score, score == 10 && k == 0 ? 4 : trueMark(score));
    g.data.finish();
    EXPECT_TRUE(g.data.scaleGiven(g.procedure));
    EXPECT_EQ(g.data.scaleSource(g.procedure), ScaleSource::Stored);
    EXPECT_EQ(g.boundaries(), (QList<int>{6, 11, 16}));
    ASSERT_EQ(g.data.scaleTotal(g.procedure).checked, 20 * 42 + 34 + 42);
    EXPECT_EQ(g.data.scaleTotal(g.procedure).above, 5);

    const AnalysisReport r = AnalysisEngine::run(g.data, AnalysisSettings());
    const UnitReport *u = g.unit(r, 21);
    ASSERT_NE(u, nullptr);
    const CriterionFinding *f = finding(*u, QStringLiteral("mark_scale_mismatch"));
    ASSERT_NE(f, nullptr);
    EXPECT_EQ(f->statistic, 4);
    // p0 = (1 + 0.5) / (20·42 + 42 + 1) = 1.5 / 883; SciPy: binom.sf(3, 34, 1.5 / 883)
    EXPECT_NEAR(f->pValue, 3.7077620405784783e-07, 1e-13);
    EXPECT_NEAR(f->effectSize, 100.0 * 4 / 34 - 100.0 * 1 / 882, 1e-9);
    EXPECT_TRUE(f->effect);
    EXPECT_TRUE(f->flagged);
    EXPECT_EQ(f->kind(), CriterionKind::Results);
    EXPECT_TRUE(f->explanation.contains(QStringLiteral("У 4 из 34 работ")))
        << f->explanation.toStdString();
    // which marks at which scores: the works can be found
    EXPECT_TRUE(f->explanation.contains(
        QStringLiteral("балле: «4» за 9–10 баллов (по шкале — с 11) — 4 работы; в других школах")))
        << f->explanation.toStdString();
    EXPECT_TRUE(f->explanation.contains(QStringLiteral("официальная шкала ВПР 2024 года")));
    EXPECT_EQ(u->scale, QStringLiteral("официальная шкала ВПР 2024 года"));
    const QJsonObject json = u->toJson(true);
    EXPECT_EQ(json.value(QStringLiteral("scale")).toString(), u->scale);

    const UnitReport *c = g.unit(r, 22);
    ASSERT_NE(c, nullptr);
    const CriterionFinding *cf = finding(*c, QStringLiteral("mark_scale_mismatch"));
    ASSERT_NE(cf, nullptr);
    EXPECT_EQ(cf->statistic, 1);
    EXPECT_FALSE(cf->effect);
    EXPECT_FALSE(cf->flagged);
    EXPECT_EQ(cf->reason, QStringLiteral("effect_below_threshold"));
    const UnitReport *h = g.unit(r, 1);
    ASSERT_NE(h, nullptr);
    EXPECT_FALSE(finding(*h, QStringLiteral("mark_scale_mismatch"))->flagged);
}

// Four of 63 works given «3» two points short of it (6 p.p. more than the other schools) is a
// sign: a share threshold of 10 p.p. let a school give unearned marks to one pupil in eleven
// (bench/second_model found 9 of 91 works, p 7·10⁻²⁸, unflagged). Three of 126 (2 p.p.) stays
// below the threshold.
TEST(MarkScaleMismatch, FourUnearnedMarksOfSixtyThreeAreASignThreeOfOneHundredTwentySixAreNot) {
    Region g;
    g.data.setScale(g.procedure, vprScale(6, 11, 16),
                    QStringLiteral("официальная шкала ВПР 2024 года"));
    for (int id = 1; id <= 20; ++id)
        g.honest(g.school(id), 2);
    const int planted = g.school(21); // 3 works at every score; «3» for 2 of 3 at 4 and 5 points
    for (int score = 0; score <= 20; ++score)
        for (int k = 0; k < 3; ++k)
            g.work(planted, score, (score == 4 || score == 5) && k < 2 ? 3 : trueMark(score));
    const int large = g.school(22); // 6 works at every score; «3» for 3 works at 5 points
    for (int score = 0; score <= 20; ++score)
        for (int k = 0; k < 6; ++k)
            g.work(large, score, score == 5 && k < 3 ? 3 : trueMark(score));
    g.data.finish();
    const AnalysisReport r = AnalysisEngine::run(g.data, AnalysisSettings());

    const CriterionFinding *f = finding(*g.unit(r, 21), QStringLiteral("mark_scale_mismatch"));
    ASSERT_NE(f, nullptr);
    EXPECT_EQ(f->statistic, 4);
    // p0 = (3 + 0.5) / (20·42 + 126 + 1); SciPy: binom.sf(3, 63, 3.5 / 967)
    EXPECT_NEAR(f->pValue, 8.620472913479482e-05, 1e-11);
    EXPECT_NEAR(f->effectSize, 100.0 * 4 / 63 - 100.0 * 3 / 966, 1e-9);
    EXPECT_EQ(f->threshold, 5);
    EXPECT_TRUE(f->effect);
    EXPECT_TRUE(f->flagged) << f->reason.toStdString();
    EXPECT_TRUE(f->explanation.contains(QStringLiteral("«3» за 4–5 баллов (по шкале — с 6) — 4 "
                                                       "работы")))
        << f->explanation.toStdString();

    const CriterionFinding *l = finding(*g.unit(r, 22), QStringLiteral("mark_scale_mismatch"));
    ASSERT_NE(l, nullptr);
    EXPECT_EQ(l->statistic, 3);
    // p0 = (4 + 0.5) / (20·42 + 63 + 1); SciPy: binom.sf(2, 126, 4.5 / 904)
    EXPECT_NEAR(l->pValue, 0.025528828658815783, 1e-9);
    EXPECT_NEAR(l->effectSize, 100.0 * 3 / 126 - 100.0 * 4 / 903, 1e-9);
    EXPECT_FALSE(l->effect);
    EXPECT_FALSE(l->flagged);
    EXPECT_EQ(l->reason, QStringLiteral("effect_below_threshold"));
}

// The works above the scale, by the mark given: the range of their scores and how many.
TEST(MarkScaleMismatch, TheDetailNamesTheMarksAndTheScores) {
    ProcedureLayout l;
    l.minFor[3] = 6;
    l.minFor[4] = 11;
    l.minFor[5] = 16;
    auto pm = [](int score, int mark) { return static_cast<std::uint16_t>(score << 3 | mark); };
    EXPECT_EQ(MarkScaleMismatchCriterion::aboveScaleDetail({pm(6, 3), pm(7, 3), pm(12, 4)}, l),
              QString());
    EXPECT_EQ(MarkScaleMismatchCriterion::aboveScaleDetail(
                  {pm(4, 3), pm(5, 3), pm(5, 3), pm(10, 4), pm(3, 4), pm(15, 5)}, l),
              QStringLiteral("«3» за 4–5 баллов (по шкале — с 6) — 3 работы, «4» за 3–10 баллов "
                             "(по шкале — с 11) — 2 работы, «5» за 15 баллов (по шкале — с 16) "
                             "— 1 работа"));
    EXPECT_EQ(MarkScaleMismatchCriterion::aboveScaleDetail({pm(1, 3)}, l),
              QStringLiteral("«3» за 1 балл (по шкале — с 6) — 1 работа"));
}

// A stored scale that the whole region does not follow (a wrong year, say) flags nobody, and its
// boundary gives way to the one the schools' marks follow.
TEST(MarkScaleMismatch, AScaleNobodyFollowsFlagsNobody) {
    Region g;
    MarkScale wrong = vprScale(6, 13, 16); // every school gives «4» from 11
    g.data.setScale(g.procedure, wrong, QStringLiteral("официальная шкала ВПР 2023 года"));
    for (int id = 1; id <= 20; ++id)
        g.honest(g.school(id), 2);
    g.data.finish();
    EXPECT_EQ(g.boundaries(), (QList<int>{6, 11, 16}));
    EXPECT_EQ(g.data.scaleNote(g.procedure),
              QStringLiteral("официальная шкала ВПР 2023 года — отметки в данных ей не следуют: "
                             "большинство школ ставит «4» с 11 баллов (по шкале — с 13); взяты "
                             "границы из данных: «3» с 6, «4» с 11, «5» с 16"));
    const AnalysisReport r = AnalysisEngine::run(g.data, AnalysisSettings());
    for (const UnitReport &u : r.units) {
        const CriterionFinding *f = finding(u, QStringLiteral("mark_scale_mismatch"));
        ASSERT_NE(f, nullptr);
        EXPECT_EQ(f->statistic, 0); // against the data's boundaries every mark agrees
        EXPECT_FALSE(f->effect) << u.schoolCode.toStdString();
        EXPECT_EQ(u.scale, g.data.scaleNote(g.procedure));
        EXPECT_EQ(u.scaleSource, ScaleSource::Replaced);
        EXPECT_EQ(u.toJson().value(QStringLiteral("scale_source")).toString(),
                  QStringLiteral("replaced"));
    }
}

// Another year's scale of the same structure (the data's «4» and «5» come two points earlier):
// the push of one school to the «4» its region actually gives is found at that boundary. With the
// stored boundaries kept, the window of «4» would sit at 13 and the push would be missed.
TEST(MarkScaleInference, APushToTheBoundaryTheMarksFollowIsFoundUnderAnotherYearsScale) {
    Region g;
    MarkScale other = vprScale(6, 13, 18);
    g.data.setScale(g.procedure, other, QStringLiteral("шкала 2022 года"));
    for (int id = 1; id <= 30; ++id) {
        const int s = g.school(id);
        for (int score = 0; score <= 20; ++score)
            for (int k = 0; k < 3; ++k)
                g.work(s, score, trueMark(score));
    }
    const int pushed = g.school(31); // every work 1–2 points below «4» moved up to 11
    for (int score = 0; score <= 20; ++score) {
        const int moved = score == 9 || score == 10 ? 11 : score;
        for (int k = 0; k < 3; ++k)
            g.work(pushed, moved, trueMark(moved));
    }
    g.data.finish();
    EXPECT_EQ(g.boundaries(), (QList<int>{6, 11, 16}));
    EXPECT_TRUE(g.data.scaleGiven(g.procedure));
    const AnalysisReport r = AnalysisEngine::run(g.data, AnalysisSettings());
    const UnitReport *u = g.unit(r, 31);
    ASSERT_NE(u, nullptr);
    const CriterionFinding *four =
        finding(*u, QStringLiteral("boundary_bunching"), QStringLiteral("граница «4»"));
    ASSERT_NE(four, nullptr);
    EXPECT_TRUE(four->flagged) << four->reasonText.toStdString();
    EXPECT_TRUE(four->explanation.contains(QStringLiteral("(11 баллов)")))
        << four->explanation.toStdString();
    for (int id = 1; id <= 30; ++id)
        for (const CriterionFinding &f : g.unit(r, id)->findings)
            EXPECT_FALSE(f.flagged) << id << " " << f.code.toStdString();
}

// A few schools that give «4» from fewer points do not overturn a scale the others follow, nor
// does a bare majority (the scale gives way to at least three quarters of the votes) or one school
// alone (at least three votes); nor do marks below a scale with an extra condition (geometry,
// literacy lawfully lower a mark) — only marks above it.
TEST(MarkScaleInference, AFewSchoolsOrALawfulConditionKeepTheStoredScale) {
    MarkScale official = vprScale(6, 11, 16);
    // `schools` schools with one work at every score, marked by `mark(school id, score)`, under
    // the stored scale: the boundaries the analysis uses and the scale's note
    const auto analysed = [&](int schools, const std::function<int(int, int)> &mark) {
        Region g;
        g.data.setScale(g.procedure, official, QStringLiteral("официальная шкала"));
        for (int id = 1; id <= schools; ++id) {
            const int s = g.school(id);
            for (int score = 0; score <= 20; ++score)
                g.work(s, score, mark(id, score));
        }
        g.data.finish();
        return std::make_pair(g.boundaries(), g.data.scaleNote(g.procedure));
    };
    const auto fourFrom = [](int from, int lastSchool) {
        return [=](int school, int score) {
            return school <= lastSchool && score >= from && score < 11 ? 4 : trueMark(score);
        };
    };
    const QList<int> stored{6, 11, 16};
    // schools 1–4 of 20 give «4» from 9 points
    EXPECT_EQ(analysed(20, fourFrom(9, 4)),
              std::make_pair(stored, QStringLiteral("официальная шкала")));
    // a split region: 12 schools of 20 give «4» from 9, 8 follow the scale (60 %)
    EXPECT_EQ(analysed(20, fourFrom(9, 12)).first, stored);
    // the only school of the database gives «4» from 10: one school, two votes
    EXPECT_EQ(analysed(1, fourFrom(10, 1)).first, stored);
    official.extraCondition = QStringLiteral("не менее 2 баллов за задания по геометрии");
    // every school gives «4» from 13: lower marks, lawful under the condition
    EXPECT_EQ(
        analysed(20,
                 [](int, int score) { return score == 11 || score == 12 ? 3 : trueMark(score); })
            .first,
        stored);
    // every school gives «4» from 9: higher marks, which no condition allows
    EXPECT_EQ(analysed(20, fourFrom(9, 20)).first, (QList<int>{6, 9, 16}));
}

// The criterion on its own: below the minimum of works, not tested; ЕГЭ, not applicable.
TEST(MarkScaleMismatch, NotTestedReasons) {
    Procedure p;
    p.kind = ProcedureKind::VPR;
    School s;
    ProcedureLayout l;
    UnitAccumulator a;
    UnitMetrics m;
    AnalysisSettings settings;
    const CriterionInput in{p, s, l, a, a, m, m, settings};
    AnalysisDataset::ScaleAgreement unit{9, 5, 0}, region{1000, 0, 0};
    CriterionFinding f = MarkScaleMismatchCriterion::evaluate(in, unit, region, QString());
    EXPECT_FALSE(f.tested());
    EXPECT_EQ(f.reason, QStringLiteral("too_few_participants"));
    unit.checked = 0;
    f = MarkScaleMismatchCriterion::evaluate(in, unit, region, QString());
    EXPECT_EQ(f.reason, QStringLiteral("not_applicable"));
    p.kind = ProcedureKind::EGE;
    unit.checked = 40;
    f = MarkScaleMismatchCriterion::evaluate(in, unit, region, QString());
    EXPECT_EQ(f.reason, QStringLiteral("not_applicable"));
    // exactly at the thresholds: 3 works, share 5 p.p. above the region's
    p.kind = ProcedureKind::VPR;
    unit = {60, 3, 0};
    f = MarkScaleMismatchCriterion::evaluate(in, unit, region, QString());
    EXPECT_TRUE(f.effect);
    unit = {60, 2, 0};
    f = MarkScaleMismatchCriterion::evaluate(in, unit, region, QString());
    EXPECT_FALSE(f.effect);
    unit = {61, 3, 0}; // 4.9 p.p.
    f = MarkScaleMismatchCriterion::evaluate(in, unit, region, QString());
    EXPECT_FALSE(f.effect);
    unit = {10, 2, 0}; // 20 % of a small unit, but two works: below the minimum count
    f = MarkScaleMismatchCriterion::evaluate(in, unit, region, QString());
    EXPECT_TRUE(f.tested());
    EXPECT_FALSE(f.effect);
}
