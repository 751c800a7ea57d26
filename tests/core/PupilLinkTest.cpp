// PupilLink and the criteria that compare the same pupils' two works (cohort_drop: grade 4 → 5,
// high_results_unconfirmed: ВПР → ОГЭ), on hand-made pupils; expected values derived by hand and
// with SciPy (scipy.stats.norm.sf).
#include "objectivity/core/analysis/PupilLink.h"
#include "objectivity/core/analysis/CohortDropCriterion.h"
#include "objectivity/core/analysis/HighResultsCriterion.h"

#include "CriterionInputs.h"

#include <gtest/gtest.h>

#include <cmath>
#include <random>

using namespace objectivity;
using namespace objectivity::core;

namespace {

using Unit = AnalysisDataset::Unit;

Unit unitOf(std::vector<Unit::Pupil> pupils) {
    Unit u;
    u.pupils = std::move(pupils);
    return u;
}

// 200 pupils in 10 schools: a pupil's second work correlates 0.7 with the first; `shift` moves
// the codes of the second procedure, so that a code names another pupil (codes «1»…«20» reused
// in every school, as a school numbering its works)
PupilLink regionOf(int shift) {
    std::mt19937 gen(7);
    std::normal_distribution<double> normal;
    PupilLink region;
    for (int s = 0; s < 10; ++s) {
        std::vector<Unit::Pupil> a, b;
        for (int i = 0; i < 20; ++i) {
            const double first = normal(gen), second = 0.7 * first + 0.71 * normal(gen);
            a.push_back({std::uint64_t(i + 1), float(first)});
            b.push_back({std::uint64_t((i + shift) % 20 + 1), float(second)});
        }
        std::sort(b.begin(), b.end(), [](auto &x, auto &y) { return x.code < y.code; });
        region.add(PupilLink::match(unitOf(a), {0, 1}, unitOf(b), {0, 1}));
    }
    return region;
}

} // namespace

TEST(PupilLink, MatchesCodesInBothUnitsAndStandardisesEachProcedure) {
    // A (mean 10, SD 5): codes 1, 2, 3, 5 at 20, 15, 5, 20; B (mean 20, SD 10): codes 2, 3, 4, 5
    // at 30, 20, 0, 40. Matched: 2 (1, 1), 3 (−1, 0), 5 (2, 2): z̄a = 2/3, z̄b = 1,
    // ssA = (1/3)² + (5/3)² + (4/3)² = 42/9, ssB = 0 + 1 + 1 = 2, sAB = 0 + 5/3 + 4/3 = 3
    const Unit a = unitOf({{1, 20}, {2, 15}, {3, 5}, {5, 20}});
    const Unit b = unitOf({{2, 30}, {3, 20}, {4, 0}, {5, 40}});
    const PupilLink::Sample s = PupilLink::match(a, {10, 5}, b, {20, 10});
    EXPECT_EQ(s.n, 3);
    EXPECT_NEAR(s.meanA, 2.0 / 3, 1e-12);
    EXPECT_NEAR(s.meanB, 1.0, 1e-12);
    EXPECT_NEAR(s.ssA, 42.0 / 9, 1e-12);
    EXPECT_NEAR(s.ssB, 2.0, 1e-12);
    EXPECT_NEAR(s.sAB, 3.0, 1e-12);
    EXPECT_EQ(PupilLink::match(a, {10, 0}, b, {20, 10}).n, 0); // no spread: no link
}

TEST(PupilLink, DifferenceAgainstTheRegionWithThePooledWithinSchoolVariance) {
    PupilLink region;
    const PupilLink::Sample s1{3, 2.0 / 3, 1.0, 42.0 / 9, 2.0, 3.0};
    const PupilLink::Sample s2{2, 0, 0, 2, 2, 2};
    region.add(s1);
    region.add(s2);
    // pooled: ssA 60/9, ssB 4, sAB 5, df 3; var(za − zb) = (60/9 + 4 − 10)/3 = 2/9; school 1's
    // own: (42/9 + 2 − 6)/2 = 1/3, the larger; region mean (2 − 3)/5 = −0.2;
    // school 1: (2/3 − 1) + 0.2 = −2/15, se = √(1/3/3 + 2/9/5) = 0.39440531887330776
    const PupilLink::Difference d = region.difference(s1);
    ASSERT_TRUE(d.valid);
    EXPECT_NEAR(d.value, -2.0 / 15, 1e-12);
    EXPECT_NEAR(d.standardError, 0.39440531887330776, 1e-12);
    // school 2 (own variance 0): the pooled one, √(2/9/2 + 2/9/5)
    EXPECT_NEAR(region.difference(s2).standardError, std::sqrt(2.0 / 9 / 2 + 2.0 / 9 / 5), 1e-12);
    // weighted, ka = 2, kb = 0.5: pooled (4·60/9 + 0.25·4 − 2·5)/3, own (4·42/9 + 0.25·2 − 6)/2,
    // region mean (2·2 − 0.5·3)/5
    const PupilLink::Difference w = region.difference(s1, 2, 0.5);
    const double pooled = (4 * 60.0 / 9 + 0.25 * 4 - 2 * 5) / 3;
    const double own = (4 * 42.0 / 9 + 0.25 * 2 - 6) / 2;
    ASSERT_GT(own, pooled);
    EXPECT_NEAR(w.value, (2 * 2.0 / 3 - 0.5) - (2 * 2.0 - 0.5 * 3) / 5, 1e-12);
    EXPECT_NEAR(w.standardError, std::sqrt(own / 3 + pooled / 5), 1e-12);
    EXPECT_NEAR(region.correlation(), 5 / std::sqrt(60.0 / 9 * 4), 1e-12);
    EXPECT_FALSE(region.valid()); // 5 pupils: too few to trust the codes
    EXPECT_FALSE(region.difference({1, 0, 0, 0, 0, 0}).valid);
}

TEST(PupilLink, ASchoolWhoseCodesLinkOtherPupilsKeepsItsOwnLargerError) {
    // the region links its pupils well (r ≈ 0.7); one school numbers its works anew: its two works
    // do not correlate, and its difference gets its own variance, not the region's small one
    const PupilLink region = regionOf(0);
    const PupilLink::Sample renumbered{20, 0.3, -0.3, 19, 19, 0};
    const PupilLink::Difference d = region.difference(renumbered);
    ASSERT_TRUE(d.valid);
    EXPECT_GT(d.standardError, std::sqrt(38.0 / 19 / 20) - 1e-12);
    const PupilLink::Sample linked{20, 0.3, -0.3, 19, 19, 13};
    EXPECT_LT(region.difference(linked).standardError, 0.75 * d.standardError);
}

TEST(PupilLink, CodesThatDoNotNamePupilsAreNotTrusted) {
    const PupilLink same = regionOf(0);
    EXPECT_EQ(same.pupils(), 200);
    EXPECT_GT(same.correlation(), 0.6);
    EXPECT_TRUE(same.valid());
    // «1»…«20» in every unit, not the same pupils: the works do not correlate
    const PupilLink reused = regionOf(7);
    EXPECT_EQ(reused.pupils(), 200);
    EXPECT_LT(std::abs(reused.correlation()), PupilLink::kMinCorrelation);
    EXPECT_FALSE(reused.valid());
}

TEST(PupilLink, ACodeTwiceInAUnitIsDroppedByFinish) {
    AnalysisDataset data;
    Procedure p;
    p.id = 1;
    p.kind = ProcedureKind::VPR;
    p.grade = 4;
    p.subject = QStringLiteral("Математика");
    p.tasks.append({QStringLiteral("1"), 10, TaskLevel::Basic});
    const int proc = data.addProcedure(p);
    School school;
    school.id = 1;
    const int s = data.addSchool(school);
    for (const char *code : {"17", "05", "17", "", "09"}) {
        ParticipantRow row;
        row.primary = 5;
        row.codeHash = AnalysisDataset::hashCodeUtf8(QByteArrayView(code));
        data.addParticipant(proc, s, row, QStringView());
    }
    data.finish();
    ASSERT_EQ(data.units().size(), 1u);
    const auto &pupils = data.units()[0].pupils;
    ASSERT_EQ(pupils.size(), 2u); // «05» and «09»; «17» twice and the empty code are not pupils
    EXPECT_LT(pupils[0].code, pupils[1].code);
    EXPECT_EQ(AnalysisDataset::hashCodeUtf8(QByteArrayView()), 0u);
}

TEST(CohortDropLinked, TheLinkedPupilsOwnDropIsTheTest) {
    const AnalysisSettings settings;
    // 25 linked pupils fell 0.6 SD against the region, se 0.15: z = 4, p = norm.sf(4)
    const CohortDropCriterion::Linked linked{25, 0.6, 0.15, 0.7};
    const CriterionFinding f = CohortDropCriterion::evaluate(
        {2023, 30, 0.5, 70, 60}, {2024, 30, 0.3, 65, 60}, settings, &linked);
    ASSERT_TRUE(f.tested());
    EXPECT_TRUE(f.effect);
    EXPECT_NEAR(f.statistic, 4.0, 1e-12);
    EXPECT_NEAR(f.pValue, 3.167124183311992e-05, 1e-15);
    EXPECT_NEAR(f.effectSize, 0.6, 1e-12);
    EXPECT_TRUE(f.explanation.contains(QStringLiteral("одних и тех же учеников (25 уч.")))
        << f.explanation.toStdString();
    // without the link the parallels' positions (0.5 → 0.3) give a drop of 0.2: no sign
    EXPECT_FALSE(
        CohortDropCriterion::evaluate({2023, 30, 0.5, 70, 60}, {2024, 30, 0.3, 65, 60}, settings)
            .effect);
}

TEST(CohortDropLinked, NewPupilsInGrade5AreNotADropOfTheSamePupils) {
    const AnalysisSettings settings;
    // the parallel fell 0.9 (pupils who left, weaker ones who came), but the pupils who wrote
    // both works kept their level: drop 0.1 — no sign
    const CohortDropCriterion::Linked linked{20, 0.1, 0.15, 0.7};
    const CriterionFinding f = CohortDropCriterion::evaluate(
        {2023, 30, 1.0, 80, 60}, {2024, 30, 0.1, 62, 60}, settings, &linked);
    ASSERT_TRUE(f.tested());
    EXPECT_FALSE(f.effect);
    EXPECT_NEAR(f.effectSize, 0.1, 1e-12);
}

namespace {

struct VprFixture : test::CriterionInputs {
    VprFixture() {
        procedure.kind = ProcedureKind::VPR;
        procedure.year = 2023;
        procedure.grade = 8;
        procedure.subject = QStringLiteral("Математика");
        school.kind = SchoolKind::Sosh;
        metrics.n = 30;
        metrics.meanPercent = 62;
        metrics.sdPercent = 15;
        regionMetrics.n = 10000;
        regionMetrics.meanPercent = 55;
        regionMetrics.sdPercent = 18;
    }
};

GiaEvidence ogeOfTheSamePupils(double position, double linkedGap, double linkedSe) {
    GiaEvidence g;
    g.found = true;
    g.position = position;
    g.standardError = 0.3;
    g.participants = 28;
    g.sameCohort = true;
    g.description = QStringLiteral("ОГЭ 2024, 28 уч.");
    g.linkedPupils = 26;
    g.linkedGap = linkedGap;
    g.linkedSe = linkedSe;
    g.linkCorrelation = 0.72;
    return g;
}

} // namespace

TEST(HighResultsLinked, TheSamePupilsGapIsTestedWithItsOwnError) {
    const VprFixture f;
    // ВПР +0.39 (7/18), ОГЭ −1.0 ± 0.3: unlinked z = 1.39/√(0.16² + 0.3²) ≈ 4.1; the linked
    // pupils' gap 1.5 ± 0.3: z = 5, p = norm.sf(5) = 2.866515718791939e-07
    const CriterionFinding r =
        HighResultsCriterion::evaluate(f.input(), ogeOfTheSamePupils(-1.0, 1.5, 0.3));
    ASSERT_TRUE(r.tested());
    EXPECT_TRUE(r.effect);
    EXPECT_NEAR(r.statistic, 5.0, 1e-12);
    EXPECT_NEAR(r.pValue, 2.866515718791939e-07, 1e-18);
    EXPECT_NEAR(r.effectSize, 1.5, 1e-12);
    EXPECT_TRUE(r.explanation.contains(QStringLiteral("одних и тех же учеников (26 уч.")))
        << r.explanation.toStdString();
}

TEST(HighResultsLinked, PupilsWhoseOgeConfirmsTheirVprAreNotFlagged) {
    const VprFixture f;
    // the parallels' positions differ by 1.39, but the pupils who wrote both kept their place:
    // gap 0.3 < 1 — confirmed
    const CriterionFinding r =
        HighResultsCriterion::evaluate(f.input(), ogeOfTheSamePupils(-1.0, 0.3, 0.2));
    ASSERT_TRUE(r.tested());
    EXPECT_FALSE(r.effect);
    EXPECT_EQ(r.reason, QString::fromUtf16(reason::Confirmed));
}

TEST(CohortUnconfirmed, GradesFiveToSevenOnlyThroughLinkedPupils) {
    const AnalysisSettings settings;
    CohortDropCriterion::Side first{2023, 28, 0.6, 72, 60, 6}, next{2024, 27, -0.1, 58, 60, 7};
    // the same 24 pupils fell 0.7 SD, se 0.2: z = 3.5, p = norm.sf(3.5) = 2.3262907903552504e-04
    const CohortDropCriterion::Linked linked{24, 0.7, 0.2, 0.68};
    CriterionFinding f = CohortDropCriterion::evaluate(first, next, settings, &linked);
    EXPECT_EQ(f.code, QString::fromUtf16(criterion::CohortUnconfirmed));
    ASSERT_TRUE(f.tested());
    EXPECT_TRUE(f.effect);
    EXPECT_NEAR(f.pValue, 2.3262907903552504e-04, 1e-15);
    EXPECT_EQ(f.kind(), CriterionKind::Results);
    EXPECT_TRUE(f.explanation.startsWith(QStringLiteral("В 6 классе (2023)")))
        << f.explanation.toStdString();
    EXPECT_TRUE(f.explanation.contains(QStringLiteral("в 7 классе (2024)")));
    EXPECT_TRUE(f.explanation.contains(QStringLiteral("высокий результат 6 класса не "
                                                      "подтвердился")));
    // without linked pupils grades 5–7 are not compared (composition changes, no ФИОКО premise)
    f = CohortDropCriterion::evaluate(first, next, settings);
    EXPECT_FALSE(f.tested());
    EXPECT_EQ(f.reason, QString::fromUtf16(reason::NotApplicable));
    EXPECT_TRUE(f.reasonText.contains(QStringLiteral("6 и 7 классов не связаны кодом")));
    // a grade 6 below the region is not «high results not confirmed»
    first.position = -0.2;
    EXPECT_FALSE(CohortDropCriterion::evaluate(first, next, settings, &linked).effect);
}
