// high_results_unconfirmed: the school's ВПР position against its own ГИА position, both with
// their standard errors (expected values from SciPy: scipy.stats.norm.sf).
#include "objectivity/core/analysis/HighResultsCriterion.h"
#include "objectivity/core/analysis/GiaEvidenceIndex.h"
#include "objectivity/core/stats/ZTest.h"

#include "CriterionInputs.h"

#include <gtest/gtest.h>

#include <cmath>

using namespace objectivity;
using namespace objectivity::core;

namespace {

struct Fixture : test::CriterionInputs {

    // ВПР: the school's mean % `mean` (SD 15, 30 participants), the region 55 % (SD 18, 10 000)
    explicit Fixture(double mean) {
        procedure.kind = ProcedureKind::VPR;
        procedure.year = 2023;
        procedure.grade = 8;
        procedure.subject = QStringLiteral("Математика");
        school.kind = SchoolKind::Sosh;
        metrics.n = 30;
        metrics.meanPercent = mean;
        metrics.sdPercent = 15;
        regionMetrics.n = 10000;
        regionMetrics.meanPercent = 55;
        regionMetrics.sdPercent = 18;
    }
    CriterionFinding evaluate(const GiaEvidence &gia) const {
        return HighResultsCriterion::evaluate(input(), gia);
    }
};

GiaEvidence gia(double position, double se) {
    GiaEvidence g;
    g.found = true;
    g.position = position;
    g.standardError = se;
    g.participants = 28;
    g.sameCohort = true;
    g.description = QStringLiteral("ОГЭ 2024, 28 уч.");
    return g;
}

} // namespace

TEST(ZTestDifference, ByHand) {
    // (1 − 0.2)/√(0.3² + 0.4²) = 1.6; P(Z ≥ 1.6) = 0.054799291699557974 (SciPy)
    const TestResult t = ZTest::differenceGreater(1.0, 0.3, 0.2, 0.4);
    ASSERT_TRUE(t.valid);
    EXPECT_NEAR(t.statistic, 1.6, 1e-12);
    EXPECT_NEAR(t.pValue, 0.054799291699557974, 1e-12);
    EXPECT_FALSE(ZTest::differenceGreater(1.0, 0, 0.2, 0).valid);
}

TEST(HighResultsUnconfirmed, HighVprWithTheSchoolsOwnGiaFarBelowIsFound) {
    Fixture f(70); // position 15/18 = 0.833, SE √(15²/30 + 18²/10000)/18 = 0.1525
    const CriterionFinding r = f.evaluate(gia(-0.2, 0.18));
    ASSERT_TRUE(r.tested());
    // z = 1.0333/√(0.1525² + 0.18²) = 4.3804, p = 5.9227e-06 (SciPy)
    EXPECT_NEAR(r.pValue, 5.9227230838813726e-06, 1e-12);
    EXPECT_TRUE(r.effect);
    EXPECT_TRUE(r.explanation.contains(QStringLiteral("на ВПР +0,83 (ст. ошибка 0,15), на ГИА по "
                                                      "предмету −0,20 (ст. ошибка 0,18; ОГЭ 2024, "
                                                      "28 уч. — те же ученики)")))
        << r.explanation.toStdString();
    EXPECT_TRUE(r.explanation.contains(QStringLiteral("на ГИА на 1,03 (z = 4,4)")));
}

TEST(HighResultsUnconfirmed, AStrongSchoolConfirmedByItsGiaWithinNoiseIsNot) {
    Fixture f(70);
    const CriterionFinding r = f.evaluate(gia(0.75, 0.18));
    ASSERT_TRUE(r.tested());
    EXPECT_NEAR(r.pValue, 0.3619470909583076, 1e-12); // z = 0.3533
    EXPECT_FALSE(r.effect);
    EXPECT_TRUE(r.explanation.isEmpty());
}

TEST(HighResultsUnconfirmed, ASchoolClearlyAboveTheRegionOnItsGiaIsConfirmed) {
    Fixture f(85); // ВПР position 30/18 = 1.67
    // ГИА +0.6 with SE 0.15 (z = 4 above the region): confirmed, though 1.07 below the ВПР
    const CriterionFinding r = f.evaluate(gia(0.6, 0.15));
    ASSERT_TRUE(r.tested());
    EXPECT_LT(r.pValue, 0.001);
    EXPECT_FALSE(r.effect);
    // ГИА +0.25 with SE 0.15 (z = 1.67): not clearly above the region, 1.42 below the ВПР
    EXPECT_TRUE(f.evaluate(gia(0.25, 0.15)).effect);
}

TEST(HighResultsUnconfirmed, AWeakSchoolInflatedToGoodIsFoundBelowTwelvePoints) {
    Fixture f(62.2); // 7.2 p. p. above the region: position 0.4
    const CriterionFinding r = f.evaluate(gia(-0.7, 0.2));
    ASSERT_TRUE(r.tested());
    EXPECT_NEAR(r.pValue, 6.102335291205632e-06, 1e-12); // z = 1.1/√(0.1525² + 0.2²) = 4.3739
    EXPECT_TRUE(r.effect);
    // the same school below the region on ВПР is not «high results», whatever its ГИА
    Fixture low(50);
    const CriterionFinding l = low.evaluate(gia(-1.5, 0.2));
    EXPECT_TRUE(l.tested());
    EXPECT_FALSE(l.effect);
}

TEST(HighResultsUnconfirmed, PositionsAreComparedInUnitsOfEachTestsSpreadBetweenSchools) {
    // the ВПР spreads schools over 0.4 of a student SD, the ГИА (already scaled) over 1: the ВПР
    // position 0.4 is one spread above the region
    Fixture f(62.2);
    GiaEvidence g = gia(-0.2, 0.2);
    g.vprSpread = 0.4;
    const CriterionFinding scaled = f.evaluate(g);
    // z = (0.4/0.4 + 0.2)/√((0.1525/0.4)² + 0.2²) = 2.7877
    EXPECT_NEAR(scaled.pValue, 0.002654372276246508, 1e-12);
    EXPECT_TRUE(scaled.effect); // gap 1.2 ≥ 1
    g.vprSpread = 1;
    const CriterionFinding raw = f.evaluate(g);
    EXPECT_NEAR(raw.pValue, 0.008521859774104867, 1e-12); // z = 2.3858
    EXPECT_FALSE(raw.effect);                             // gap 0.6 < 1
}

TEST(HighResultsUnconfirmed, ASchoolsSdCompressedAtTheTopIsFlooredByTheRegionsWithinSd) {
    // 85 % with SD 5 (most of the school near the maximum): position 30/18 = 1.67; ГИА +0.4 with
    // SE 0.25 (not clearly above the region), gap 1.27
    Fixture f(85);
    f.metrics.sdPercent = 5;
    GiaEvidence g = gia(0.4, 0.25);
    // without the floor: SE √(5²/30 + 18²/10000)/18 = 0.0517, z = 4.9617 (SciPy)
    const CriterionFinding own = f.evaluate(g);
    EXPECT_NEAR(own.pValue, 3.4936842110148397e-07, 1e-15);
    // the region's schools vary by 0.8 of its SD inside: SE √(14.4²/30 + 18²/10000)/18 = 0.1464,
    // z = 4.3722 (SciPy)
    g.vprWithin = 0.8;
    const CriterionFinding floored = f.evaluate(g);
    EXPECT_NEAR(floored.pValue, 6.151432369187867e-06, 1e-15);
    EXPECT_TRUE(floored.explanation.contains(QStringLiteral("на ВПР +1,67 (ст. ошибка 0,15)")))
        << floored.explanation.toStdString();
    // a school whose own SD is the larger keeps it
    f.metrics.sdPercent = 15;
    g.vprWithin = 0.5;
    EXPECT_NEAR(f.evaluate(g).statistic,
                (30.0 / 18 - 0.4) /
                    std::hypot(std::sqrt(15.0 * 15 / 30 + 18.0 * 18 / 10000) / 18, 0.25),
                1e-12);
}

TEST(HighResultsUnconfirmed, WithoutGiaNotTestedUnlessAskedAndGymnasiaExempt) {
    Fixture f(75);
    EXPECT_FALSE(f.evaluate(GiaEvidence()).tested());
    f.settings.setValue(QStringLiteral("high_results.flag_without_gia"), 1);
    const CriterionFinding r = f.evaluate(GiaEvidence());
    ASSERT_TRUE(r.tested());
    EXPECT_TRUE(r.effect); // 20 p. p. above the region, ≥ high_results.min_diff_pp
    EXPECT_TRUE(r.explanation.contains(QStringLiteral("в базе нет")));
    Fixture g(70);
    g.school.kind = SchoolKind::Gymnasium;
    EXPECT_FALSE(g.evaluate(gia(-0.2, 0.18)).tested());
}

TEST(GiaEvidenceIndex, SameCohortFirstCompulsorySubjectsOnlySmallUnitsCount) {
    AnalysisDataset data;
    auto addProcedure = [&](qint64 id, ProcedureKind kind, int year, int grade,
                            const QString &subject) {
        Procedure p;
        p.id = id;
        p.kind = kind;
        p.year = year;
        p.grade = grade;
        p.subject = subject;
        p.tasks.append({QStringLiteral("1"), 20, TaskLevel::Basic});
        return data.addProcedure(p);
    };
    const QString math = QStringLiteral("Математика");
    const int vpr8 = addProcedure(10, ProcedureKind::VPR, 2023, 8, math);
    const int vpr6 = addProcedure(11, ProcedureKind::VPR, 2023, 6, math);
    const int vpr8Physics = addProcedure(12, ProcedureKind::VPR, 2023, 8, QStringLiteral("Физика"));
    const int vpr11 = addProcedure(13, ProcedureKind::VPR, 2023, 11, math);
    const int oge2024 = addProcedure(1, ProcedureKind::OGE, 2024, 9, math);
    const int oge2023 = addProcedure(2, ProcedureKind::OGE, 2023, 9, math);
    const int egeProfile =
        addProcedure(3, ProcedureKind::EGE, 2023, 11, QStringLiteral("Математика (профиль)"));
    const int ogePhysics = addProcedure(4, ProcedureKind::OGE, 2024, 9, QStringLiteral("Физика"));
    for (int s = 1; s <= 3; ++s) {
        School school;
        school.id = s;
        school.code = QStringLiteral("s%1").arg(s);
        data.addSchool(school);
    }
    auto add = [&](int procedure, int school, int score) {
        ParticipantRow row;
        std::int8_t point = static_cast<std::int8_t>(score);
        row.points = &point;
        row.pointCount = 1;
        row.primary = score;
        row.testScore = procedure == egeProfile ? score * 5 : -1;
        data.addParticipant(procedure, school, row, QStringLiteral("c"));
    };
    // school 0: ОГЭ 2024 five participants at 14..18, ОГЭ 2023 at 4..8; the region (school 1)
    for (int i = 0; i < 5; ++i) {
        add(oge2024, 0, 14 + i);
        add(oge2023, 0, 4 + i);
        add(egeProfile, 0, 18);
    }
    for (int i = 0; i < 40; ++i) {
        add(oge2024, 1, i % 21);
        add(oge2023, 1, i % 21);
        add(egeProfile, 1, i % 21);
    }
    add(oge2024, 2, 10); // school 2: one participant — no spread, not used, but not «no data»
    data.finish();
    for (int i = 0; i < 5; ++i) { // an elective ОГЭ: chosen by some, says little of the school
        add(ogePhysics, 0, 18);
        add(ogePhysics, 1, i);
    }
    std::vector<UnitAccumulator> totals(8);
    for (int p = 0; p < 8; ++p)
        totals[static_cast<std::size_t>(p)].init(data.layout(p));
    for (const auto &u : data.units())
        totals[static_cast<std::size_t>(u.procedure)].addAll(u.acc);
    const GiaEvidenceIndex index(data, totals, 2);
    // ВПР 8 in 2023 → the same cohort's ОГЭ in 2024 (5 participants count, with their error)
    const GiaEvidence same = index.find(QStringLiteral("s1"), vpr8, 1);
    ASSERT_TRUE(same.found);
    EXPECT_TRUE(same.sameCohort);
    EXPECT_EQ(same.participants, 5);
    EXPECT_EQ(same.description, QStringLiteral("ОГЭ 2024, 5 уч."));
    EXPECT_GT(same.position, 0.5);
    // ВПР 6 in 2023 → no same cohort (ОГЭ 2026): the years 2022–2024 pooled
    const GiaEvidence pooled = index.find(QStringLiteral("s1"), vpr6, 1);
    ASSERT_TRUE(pooled.found);
    EXPECT_FALSE(pooled.sameCohort);
    EXPECT_EQ(pooled.participants, 10);
    EXPECT_LT(pooled.position, same.position);
    // ВПР 8 in Физика, whose ОГЭ is chosen: the school's level on the compulsory ОГЭ (here
    // Математика of the same cohort), not its ОГЭ in Физика
    const GiaEvidence physics = index.find(QStringLiteral("s1"), vpr8Physics, 1);
    EXPECT_TRUE(physics.elective);
    EXPECT_TRUE(physics.otherSubjects);
    ASSERT_TRUE(physics.found);
    EXPECT_TRUE(physics.sameCohort);
    EXPECT_EQ(physics.description, QStringLiteral("ОГЭ 2024, математика, 5 уч."));
    EXPECT_DOUBLE_EQ(physics.position, same.position);
    EXPECT_DOUBLE_EQ(physics.standardError, same.standardError);
    EXPECT_FALSE(same.elective);
    EXPECT_FALSE(same.otherSubjects);
    EXPECT_EQ(same.smallParticipants, 0);
    const GiaEvidence one = index.find(QStringLiteral("s3"), vpr8, 1);
    EXPECT_FALSE(one.found);
    EXPECT_EQ(one.smallParticipants, 1);
    const GiaEvidence onePhysics = index.find(QStringLiteral("s3"), vpr8Physics, 1);
    EXPECT_FALSE(onePhysics.found);
    EXPECT_TRUE(onePhysics.otherSubjects);
    EXPECT_EQ(onePhysics.smallParticipants, 1);
    EXPECT_EQ(one.minimum, 2);
    // ВПР 11 in mathematics: ЕГЭ профиль is chosen, not compulsory: no evidence
    EXPECT_FALSE(index.find(QStringLiteral("s1"), vpr11, 1).found);
}

TEST(GiaEvidenceIndex, SpreadBetweenSchoolsIsTheVarianceOfPositionsLessTheirNoise) {
    // six schools of four participants, school i scoring 2i, 2i+2, 2i+4, 2i+6 of 20; each
    // school's position against the other five and its error, then τ² = var(P) − mean(SE²):
    // τ = 1.106277783413798 (numpy)
    AnalysisDataset data;
    Procedure p;
    p.id = 1;
    p.kind = ProcedureKind::OGE;
    p.year = 2024;
    p.grade = 9;
    p.subject = QStringLiteral("Русский язык");
    p.tasks.append({QStringLiteral("1"), 20, TaskLevel::Basic});
    const int oge = data.addProcedure(p);
    for (int s = 0; s < 6; ++s) {
        School school;
        school.id = s + 1;
        school.code = QStringLiteral("s%1").arg(s);
        data.addSchool(school);
        for (int k = 0; k < 4; ++k) {
            ParticipantRow row;
            const std::int8_t point = static_cast<std::int8_t>(2 * s + 2 * k);
            row.points = &point;
            row.pointCount = 1;
            row.primary = point;
            data.addParticipant(oge, s, row, QStringLiteral("c%1").arg(s * 4 + k));
        }
    }
    data.finish();
    std::vector<UnitAccumulator> totals(1);
    totals[0].init(data.layout(oge));
    for (const auto &u : data.units())
        totals[0].addAll(u.acc);
    EXPECT_NEAR(GiaEvidenceIndex(data, totals, 2).spread(oge), 1.106277783413798, 1e-9);
    // every school's SD inside is √(20/3) (scores 0, 2, 4, 6 apart), pooled the same; the SD of
    // all 24 works 4.1706: within = 0.6191391873668903 (numpy)
    EXPECT_NEAR(GiaEvidenceIndex(data, totals, 2).within(oge), 0.6191391873668903, 1e-12);
    EXPECT_EQ(GiaEvidenceIndex(data, totals, 5).within(oge), 0.0);
    // units below the minimum do not count: none left, the spread is unknown (1)
    EXPECT_EQ(GiaEvidenceIndex(data, totals, 5).spread(oge), 1.0);
}
