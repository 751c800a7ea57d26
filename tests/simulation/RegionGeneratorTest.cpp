#include "GeneratorCollector.h"

#include "objectivity/core/results/MedalRules.h"
#include "objectivity/simulation/RegionGenerator.h"
#include "objectivity/simulation/Rng.h"

#include <QMap>
#include <QSet>
#include <gtest/gtest.h>

#include <cmath>

using namespace objectivity;
using namespace objectivity::core;
using namespace objectivity::simulation;
using objectivity::test::CollectedUnit;
using objectivity::test::GeneratorCollector;

namespace {

GeneratorOptions smallRegion(std::uint64_t seed = 9, double strength = 1.0) {
    GeneratorOptions o;
    o.seed = seed;
    o.schools = 40;
    o.municipalities = 5;
    o.firstYear = 2023;
    o.lastYear = 2024;
    o.strength = strength;
    return o;
}

std::uint64_t fingerprint(const GeneratorCollector &c) {
    std::uint64_t h = 0;
    for (const CollectedUnit &u : c.units) {
        h = Rng::derive({h, Rng::hashText(u.school.school.code + u.procedure.procedure.subject)});
        for (const ParticipantResult &r : u.rows) {
            std::uint64_t cells = Rng::hashText(r.participantCode + r.className);
            for (const auto p : r.taskPoints)
                cells = cells * 31 + std::uint64_t(p + 2);
            h = Rng::derive({h, cells, std::uint64_t(r.mark), std::uint64_t(r.journalMark),
                             std::uint64_t(r.testScore + 1), std::uint64_t(r.medal)});
        }
    }
    return h;
}

bool plantedIn(const SimulatedRegion &plan, const CollectedUnit &u) {
    for (const PlantedManipulation &m : plan.planted()) {
        if (m.schoolCode == u.school.school.code && m.year == u.procedure.procedure.year &&
            m.manipulation != Manipulation::StrongSchoolHonest)
            return true;
    }
    return false;
}

struct GeneratedRun {
    explicit GeneratedRun(const GeneratorOptions &o) : generator(o) { generator.run(rows); }
    RegionGenerator generator;
    GeneratorCollector rows;
};

const GeneratedRun &defaultRun() {
    static const GeneratedRun run(smallRegion());
    return run;
}
const GeneratedRun &honestRun() {
    static const GeneratedRun run(smallRegion(9, 0.0));
    return run;
}

// the SD of the values (over all of them, as of a population)
double sdOf(const QList<double> &values) {
    double sum = 0, sum2 = 0;
    for (const double v : values) {
        sum += v;
        sum2 += v * v;
    }
    const double mean = sum / double(values.size());
    return std::sqrt(sum2 / double(values.size()) - mean * mean);
}

} // namespace

TEST(RegionGenerator, SameSeedSameDataOtherSeedOtherData) {
    const GeneratedRun again(smallRegion());
    EXPECT_EQ(fingerprint(again.rows), fingerprint(defaultRun().rows));
    EXPECT_EQ(again.generator.plan().planted(), defaultRun().generator.plan().planted());
    const GeneratedRun other(smallRegion(8));
    EXPECT_NE(fingerprint(other.rows), fingerprint(defaultRun().rows));
}

TEST(RegionGenerator, RngIsPortable) {
    // Fixed by the standard (mt19937_64's 10000th output) and by our own distributions.
    std::mt19937_64 engine(5489u);
    engine.discard(9999);
    EXPECT_EQ(engine(), 9981545732273789042ULL);
    Rng rng(42);
    double sum = 0, squares = 0;
    for (int i = 0; i < 20000; ++i) {
        const double z = rng.normal();
        sum += z;
        squares += z * z;
    }
    EXPECT_NEAR(sum / 20000, 0.0, 0.03);
    EXPECT_NEAR(squares / 20000, 1.0, 0.04);
}

TEST(RegionGenerator, HonestMarkSharesAndJournalArePlausible) {
    const GeneratedRun &run = defaultRun();
    QMap<int, int> marks;
    int total = 0;
    double journalMinusMark = 0;
    int journals = 0;
    for (const CollectedUnit &u : run.rows.units) {
        if (u.procedure.procedure.kind != ProcedureKind::VPR ||
            plantedIn(run.generator.plan(), u) || u.school.strong)
            continue;
        for (const ParticipantResult &r : u.rows) {
            ++marks[r.mark];
            ++total;
            if (r.journalMark > 0) {
                journalMinusMark += r.journalMark - r.mark;
                ++journals;
            }
        }
    }
    ASSERT_GT(total, 5000);
    const auto share = [&](int m) { return double(marks.value(m)) / total; };
    std::printf("ВПР marks: 2 %.3f, 3 %.3f, 4 %.3f, 5 %.3f; journal−mark %.3f (n=%d)\n", share(2),
                share(3), share(4), share(5), journalMinusMark / journals, total);
    EXPECT_GT(share(2), 0.05);
    EXPECT_LT(share(2), 0.30);
    EXPECT_GT(share(3), 0.25);
    EXPECT_LT(share(3), 0.55);
    EXPECT_GT(share(4), 0.20);
    EXPECT_LT(share(4), 0.45);
    EXPECT_GT(share(5), 0.03);
    EXPECT_LT(share(5), 0.25);
    EXPECT_NEAR(journalMinusMark / journals, 0.0, 0.2);
}

TEST(RegionGenerator, ManipulationsChangeOnlyTheirUnitsInTheExpectedDirection) {
    // With strength 0 nothing but the strong-school controls is planted; every student keeps the
    // own random streams, so the default run differs from the honest one exactly in planted units.
    const GeneratedRun &run = defaultRun();
    const GeneratedRun &honest = honestRun();
    for (const PlantedManipulation &m : honest.generator.plan().planted())
        EXPECT_EQ(m.manipulation, Manipulation::StrongSchoolHonest);
    QMap<Manipulation, int> seen;
    ASSERT_EQ(run.rows.units.size(), honest.rows.units.size());
    for (int i = 0; i < run.rows.units.size(); ++i) {
        const CollectedUnit &u = run.rows.units.at(i);
        const CollectedUnit &h = honest.rows.units.at(i);
        ASSERT_EQ(u.school.school.code, h.school.school.code);
        ASSERT_EQ(u.rows.size(), h.rows.size());
        const Procedure &p = u.procedure.procedure;
        QList<Manipulation> planted = run.generator.plan().manipulationsIn(u.school, p);
        planted.removeAll(Manipulation::StrongSchoolHonest);
        // Medals are a school-year matter; every medallist sits the Russian ЕГЭ.
        const bool medals = p.kind == ProcedureKind::EGE &&
                            run.generator.plan().medalsUnsupported(u.school, p.year);
        if (medals && p.subject != QStringLiteral("Русский язык"))
            continue;
        if (medals)
            planted << Manipulation::MedalsUnsupported;
        double marks = 0, honestMarks = 0, journal = 0, honestJournal = 0, hard = 0, honestHard = 0;
        int medalRows = 0, honestMedalRows = 0;
        bool same = true;
        for (int r = 0; r < u.rows.size(); ++r) {
            const ParticipantResult &a = u.rows.at(r);
            const ParticipantResult &b = h.rows.at(r);
            same = same && a.taskPoints == b.taskPoints && a.mark == b.mark &&
                   a.journalMark == b.journalMark && a.medal == b.medal &&
                   a.annualMark == b.annualMark;
            marks += a.mark;
            honestMarks += b.mark;
            journal += a.journalMark;
            honestJournal += b.journalMark;
            medalRows += a.medal != Medal::None;
            honestMedalRows += b.medal != Medal::None;
            for (int t = 0; t < p.tasks.size(); ++t) {
                if (p.tasks.at(t).level == TaskLevel::Basic)
                    continue;
                hard += std::max<int>(0, a.taskPoints.at(t));
                honestHard += std::max<int>(0, b.taskPoints.at(t));
            }
        }
        if (planted.isEmpty()) {
            EXPECT_TRUE(same) << "honest unit changed: " << qPrintable(u.school.school.code) << ' '
                              << p.year << ' ' << p.grade << ' ' << qPrintable(p.subject);
            continue;
        }
        // a push to one boundary by 1–3 points reaches only the scores just below it: count them
        int reachable = 0;
        if (const PlantedManipulation *push =
                run.generator.plan().plantedIn(u.school, p, Manipulation::BoundaryPush)) {
            const QList<int> bounds = u.procedure.scale.boundaries();
            for (const ParticipantResult &b : h.rows)
                for (int i = 0; i < bounds.size(); ++i)
                    if ((push->boundary == 0 || push->boundary == i + 3) &&
                        b.primaryScore < bounds.at(i) &&
                        b.primaryScore >= bounds.at(i) - push->distance)
                        ++reachable;
        }
        const bool onlyPush = planted == QList<Manipulation>{Manipulation::BoundaryPush};
        if (!onlyPush || reachable >= 3) { // each reachable score moves with probability 0.9
            EXPECT_FALSE(same) << "planted unit unchanged: " << qPrintable(u.school.school.code);
        }
        for (const Manipulation m : planted) {
            ++seen[m];
            switch (m) {
            case Manipulation::HelpHardTasks:
                EXPECT_GT(hard, honestHard * 1.3);
                break;
            case Manipulation::BoundaryPush:
                EXPECT_GE(marks, honestMarks);
                if (reachable >= 3) {
                    EXPECT_GT(marks, honestMarks);
                }
                break;
            case Manipulation::Grade4NotConfirmed:
            case Manipulation::InflatedToGood:
                EXPECT_GT(marks, honestMarks);
                break;
            case Manipulation::LenientJournal:
                EXPECT_GT(journal - marks, (honestJournal - honestMarks) + 0.3 * u.rows.size());
                break;
            case Manipulation::MedalsUnsupported:
                EXPECT_GT(medalRows, honestMedalRows);
                break;
            case Manipulation::StrongSchoolHonest:
                break;
            }
        }
    }
    // Every kind is planted somewhere in a 40-school, two-year region (seed 9: with six kinds the
    // 40 schools of seed 7 had no manipulating school with a grade 11 left for the medals).
    for (const Manipulation m : allManipulations()) {
        if (m != Manipulation::StrongSchoolHonest) {
            EXPECT_GT(seen.value(m), 0) << qPrintable(manipulationCode(m));
        }
    }
}

TEST(RegionGenerator, CodesNumberedPerWorkChangeOnlyTheCodes) {
    GeneratorOptions o = smallRegion(4);
    o.schools = 12;
    const GeneratedRun persistent(o);
    o.perWorkCodeShare = 1;
    const GeneratedRun perWork(o);
    ASSERT_EQ(persistent.rows.units.size(), perWork.rows.units.size());
    int vprUnits = 0, renumbered = 0;
    QHash<QString, QString> codeOfFirst; // school|grade|year → the first work's code (ВПР 4, 5)
    for (qsizetype k = 0; k < perWork.rows.units.size(); ++k) {
        const CollectedUnit &a = persistent.rows.units[k];
        const CollectedUnit &b = perWork.rows.units[k];
        ASSERT_EQ(a.rows.size(), b.rows.size());
        const bool ege = b.procedure.procedure.kind == ProcedureKind::EGE;
        QSet<QString> codes;
        for (int i = 0; i < b.rows.size(); ++i) {
            EXPECT_EQ(a.rows[i].taskPoints, b.rows[i].taskPoints); // nothing else changes
            EXPECT_EQ(a.rows[i].journalMark, b.rows[i].journalMark);
            codes.insert(b.rows[i].participantCode);
            if (ege) { // ЕГЭ keeps the pupil's code: the medal rules read it
                EXPECT_EQ(a.rows[i].participantCode, b.rows[i].participantCode);
            }
        }
        EXPECT_EQ(codes.size(), qsizetype(b.rows.size())); // unique within the unit
        if (ege || b.rows.isEmpty())
            continue;
        ++vprUnits;
        for (int i = 1; i <= b.rows.size(); ++i) // «1» … «n»
            EXPECT_TRUE(codes.contains(QString::number(i)));
        const auto &p = b.procedure.procedure;
        if (p.kind == ProcedureKind::VPR && p.subject == QStringLiteral("Математика") &&
            (p.grade == 4 || p.grade == 5))
            codeOfFirst.insert(
                QStringLiteral("%1|%2|%3").arg(b.school.school.code).arg(p.grade).arg(p.year),
                b.rows.first().participantCode);
    }
    EXPECT_GT(vprUnits, 50);
    // the first pupil of grade 4 in 2023 is the first of grade 5 in 2024: mostly another code
    int cohorts = 0;
    for (auto it = codeOfFirst.begin(); it != codeOfFirst.end(); ++it) {
        const QStringList key = it.key().split(QLatin1Char('|'));
        if (key[1] != QStringLiteral("4") || key[2] != QStringLiteral("2023"))
            continue;
        const QString next = codeOfFirst.value(key[0] + QStringLiteral("|5|2024"));
        if (next.isEmpty())
            continue;
        ++cohorts;
        renumbered += next != it.value();
    }
    EXPECT_GT(cohorts, 3);
    EXPECT_GT(renumbered * 2, cohorts);
}

TEST(RegionGenerator, HonestVariationMovesOnlyWhatItModels) {
    GeneratorOptions o = smallRegion(5, 0.0);
    o.schools = 24;
    const GeneratedRun plain(o);
    o.changingShare = 1; // every school but the strong controls improves or declines
    o.changeRate = 0.3;
    const GeneratedRun changing(o);
    ASSERT_EQ(plain.rows.units.size(), changing.rows.units.size());
    int improving = 0, declining = 0;
    for (const GeneratedSchool &g : changing.generator.plan().schools()) {
        EXPECT_EQ(g.trend == 0, g.strong) << qPrintable(g.school.code);
        improving += g.trend > 0;
        declining += g.trend < 0;
    }
    EXPECT_GT(improving, 3);
    EXPECT_GT(declining, 3);
    // the first year is as without the variation; a year later an improving school scores more
    // on the same draws, a declining one less
    double up = 0, down = 0;
    for (qsizetype k = 0; k < plain.rows.units.size(); ++k) {
        const CollectedUnit &a = plain.rows.units[k];
        const CollectedUnit &b = changing.rows.units[k];
        ASSERT_EQ(a.rows.size(), b.rows.size());
        double change = 0;
        for (int i = 0; i < a.rows.size(); ++i)
            change += b.rows[i].primaryScore - a.rows[i].primaryScore;
        if (a.procedure.procedure.year == o.firstYear) {
            EXPECT_EQ(change, 0) << qPrintable(a.school.school.code);
            continue;
        }
        (b.school.trend > 0 ? up : b.school.trend < 0 ? down : change) += change;
    }
    EXPECT_GT(up, 0);
    EXPECT_LT(down, 0);

    // bimodal parallels: the same mean ability, two groups
    GeneratorOptions bo = smallRegion(5, 0.0);
    bo.schools = 24;
    bo.bimodalShare = 1;
    const GeneratedRun bimodal(bo);
    for (const GeneratedSchool &g : bimodal.generator.plan().schools())
        EXPECT_TRUE(g.bimodal);
    // students within 0.3 of the school's mean ability, and 0.5–0.9 from it
    double near = 0, far = 0;
    for (const GeneratedSchool &g : bimodal.generator.plan().schools())
        for (const GeneratedStudent &st : bimodal.generator.plan().students(g, 2023, 5)) {
            const double d = std::abs(st.ability - g.effect);
            near += d < 0.3;
            far += d > 0.5 && d < 0.9;
        }
    // N(±0.7, 0.5): 19 % near the mean, 31 % around ±0.7 (one normal N(0, 0.85): 28 % and 27 %)
    EXPECT_GT(far, 1.3 * near);
}

TEST(RegionGenerator, TaskProfilesMoveTasksNotPupils) {
    GeneratorOptions o = smallRegion(5, 0.0);
    o.schools = 24;
    const GeneratedRun plain(o);
    o.taskProfileSd = 0.5;
    const GeneratedRun profiled(o);
    const SimulatedRegion &plan = profiled.generator.plan();
    const GeneratedSchool &school = plan.schools().first();
    const QString math = QStringLiteral("Математика");
    // one offset per task, the same for the same class, another for another class; none at 0
    const QList<double> a = plan.taskProfile(school, 2023, 5, math, 0, 12);
    ASSERT_EQ(a.size(), 12);
    EXPECT_EQ(plan.taskProfile(school, 2023, 5, math, 0, 12), a);
    EXPECT_NE(plan.taskProfile(school, 2023, 5, math, 1, 12), a);
    EXPECT_TRUE(plain.generator.plan().taskProfile(school, 2023, 5, math, 0, 12).isEmpty());
    // the SD of many offsets is the option's
    QList<double> offsets;
    for (const GeneratedSchool &g : plan.schools())
        for (int c = 0; c < 3; ++c)
            offsets << plan.taskProfile(g, 2024, 6, math, c, 10);
    EXPECT_NEAR(sdOf(offsets), 0.5, 0.05);
    // the same pupils (the same draws of ability), their task points moved: the units' rows
    // stay in step, the points differ
    ASSERT_EQ(plain.rows.units.size(), profiled.rows.units.size());
    int changed = 0, rows = 0;
    for (qsizetype k = 0; k < plain.rows.units.size(); ++k) {
        const CollectedUnit &x = plain.rows.units[k];
        const CollectedUnit &y = profiled.rows.units[k];
        ASSERT_EQ(x.rows.size(), y.rows.size());
        for (int i = 0; i < x.rows.size(); ++i) {
            EXPECT_EQ(x.rows[i].participantCode, y.rows[i].participantCode);
            changed += x.rows[i].taskPoints != y.rows[i].taskPoints;
            ++rows;
        }
    }
    EXPECT_GT(changed, rows / 4);
}

TEST(RegionGenerator, EverySchoolWritesItsOwnVprVariantsAndTheGiaIsTheSamePaper) {
    GeneratorOptions o = smallRegion(5, 0.0);
    o.schools = 24;
    const GeneratedRun plain(o);
    o.schoolVariantSd = 0.4;
    const GeneratedRun variants(o);
    const SimulatedRegion &plan = variants.generator.plan();
    const GeneratedSchool &first = plan.schools().first();
    const GeneratedSchool &second = plan.schools().at(1);
    const QString math = QStringLiteral("Математика");
    // one offset per task, the school's own: another school, year or subject has other offsets
    const QList<double> a = plan.variantOffsets(first, 2023, 5, math, 12);
    ASSERT_EQ(a.size(), 12);
    EXPECT_EQ(plan.variantOffsets(first, 2023, 5, math, 12), a);
    EXPECT_NE(plan.variantOffsets(second, 2023, 5, math, 12), a);
    EXPECT_NE(plan.variantOffsets(first, 2024, 5, math, 12), a);
    EXPECT_NE(plan.variantOffsets(first, 2023, 5, QStringLiteral("Русский язык"), 12), a);
    EXPECT_TRUE(plain.generator.plan().variantOffsets(first, 2023, 5, math, 12).isEmpty());
    QList<double> offsets;
    for (const GeneratedSchool &g : plan.schools())
        offsets << plan.variantOffsets(g, 2024, 6, math, 10);
    EXPECT_NEAR(sdOf(offsets), 0.4, 0.05);
    // the same pupils; every class of a school's ВПР moved by the same variant (no class
    // profile here), the ОГЭ and ЕГЭ — one paper for the region — untouched
    ASSERT_EQ(plain.rows.units.size(), variants.rows.units.size());
    int vprChanged = 0, vprRows = 0, giaRows = 0;
    for (qsizetype k = 0; k < plain.rows.units.size(); ++k) {
        const CollectedUnit &x = plain.rows.units[k];
        const CollectedUnit &y = variants.rows.units[k];
        ASSERT_EQ(x.rows.size(), y.rows.size());
        const bool vpr = x.procedure.procedure.kind == ProcedureKind::VPR;
        for (int i = 0; i < x.rows.size(); ++i) {
            EXPECT_EQ(x.rows[i].participantCode, y.rows[i].participantCode);
            if (vpr) {
                vprChanged += x.rows[i].taskPoints != y.rows[i].taskPoints;
                ++vprRows;
            } else {
                EXPECT_EQ(x.rows[i].taskPoints, y.rows[i].taskPoints);
                EXPECT_EQ(x.rows[i].testScore, y.rows[i].testScore);
                ++giaRows;
            }
        }
    }
    EXPECT_GT(vprChanged, vprRows / 4);
    EXPECT_GT(giaRows, 100);
}

TEST(RegionGenerator, ASchoolsOwnSpreadKeepsItsMeanAndChangesItsSpread) {
    GeneratorOptions o = smallRegion(5, 0.0);
    o.schools = 60;
    const GeneratedRun plain(o);
    o.spreadSd = 0.3;
    const GeneratedRun spread(o);
    const SimulatedRegion &a = plain.generator.plan();
    const SimulatedRegion &b = spread.generator.plan();
    ASSERT_EQ(a.schools().size(), b.schools().size());
    double logSum = 0, logSum2 = 0;
    int narrow = 0, wide = 0;
    for (qsizetype i = 0; i < a.schools().size(); ++i) {
        const GeneratedSchool &x = a.schools()[i];
        const GeneratedSchool &y = b.schools()[i];
        EXPECT_EQ(x.spread, 1.0);
        // the school's other parameters are drawn as without the option
        EXPECT_EQ(x.effect, y.effect);
        EXPECT_EQ(x.school.code, y.school.code);
        logSum += std::log(y.spread);
        logSum2 += std::log(y.spread) * std::log(y.spread);
        narrow += y.spread < 0.8;
        wide += y.spread > 1.25;
        // each pupil's distance from the school's mean is scaled by the school's factor
        const QList<GeneratedStudent> p = a.students(x, 2023, 5);
        const QList<GeneratedStudent> q = b.students(y, 2023, 5);
        ASSERT_EQ(p.size(), q.size());
        for (qsizetype k = 0; k < p.size(); ++k)
            EXPECT_NEAR(q[k].ability - y.effect, y.spread * (p[k].ability - x.effect), 1e-12);
    }
    const double n = double(a.schools().size());
    const double mean = logSum / n;
    EXPECT_NEAR(std::sqrt(logSum2 / n - mean * mean), 0.3, 0.08);
    EXPECT_GT(narrow, 0);
    EXPECT_GT(wide, 0);
}

TEST(RegionGenerator, SkewedAbilitiesKeepTheSchoolsMeanAndSpreadAndLeanOneWay) {
    GeneratorOptions o = smallRegion(5, 0.0);
    o.schools = 60;
    const GeneratedRun plain(o);
    o.abilitySkew = -0.5;
    const GeneratedRun left(o);
    o.abilitySkew = 0.5;
    const GeneratedRun right(o);
    // the moments of the pupils' distances from their school's mean
    struct Moments {
        double n = 0, s1 = 0, s2 = 0, s3 = 0;
        void add(double x) {
            n += 1;
            s1 += x;
            s2 += x * x;
            s3 += x * x * x;
        }
        double mean() const { return s1 / n; }
        double sd() const { return std::sqrt(s2 / n - mean() * mean()); }
        double skewness() const {
            const double m = mean();
            return (s3 / n - 3 * m * s2 / n + 2 * m * m * m) / std::pow(sd(), 3);
        }
    };
    auto moments = [](const GeneratedRun &run) {
        Moments m;
        const SimulatedRegion &plan = run.generator.plan();
        for (const GeneratedSchool &g : plan.schools())
            if (!g.bimodal)
                for (int year = 2023; year <= 2024; ++year)
                    for (const GeneratedStudent &st : plan.students(g, year, 4))
                        m.add(st.ability - g.effect);
        return m;
    };
    const Moments a = moments(plain), l = moments(left), r = moments(right);
    ASSERT_GT(a.n, 2000);
    // the same pupils: the same count, mean ≈ 0 and SD ≈ 0.85 as in the base model
    EXPECT_EQ(l.n, a.n);
    EXPECT_NEAR(a.mean(), 0, 0.05);
    EXPECT_NEAR(l.mean(), 0, 0.05);
    EXPECT_NEAR(r.mean(), 0, 0.05);
    EXPECT_NEAR(a.sd(), 0.85, 0.05);
    EXPECT_NEAR(l.sd(), 0.85, 0.08);
    EXPECT_NEAR(r.sd(), 0.85, 0.08);
    // log-normal with shape 0.5: skewness (e^0.25 + 2)·√(e^0.25 − 1) = 1.75
    EXPECT_NEAR(a.skewness(), 0, 0.2);
    EXPECT_LT(l.skewness(), -1.0);
    EXPECT_GT(r.skewness(), 1.0);
    // the schools themselves are drawn as without the option
    for (qsizetype i = 0; i < plain.generator.plan().schools().size(); ++i)
        EXPECT_EQ(left.generator.plan().schools()[i].effect,
                  plain.generator.plan().schools()[i].effect);
}

TEST(RegionGenerator, GenerousCheckingRaisesTheVprsLongerTasksOnly) {
    GeneratorOptions o = smallRegion(5, 0.0);
    o.schools = 40;
    const GeneratedRun plain(o);
    o.raterLeniencySd = 0.4;
    const GeneratedRun checked(o);
    const SimulatedRegion &plan = checked.generator.plan();
    int lenient = 0, strict = 0;
    for (const GeneratedSchool &g : plan.schools()) {
        lenient += g.raterLeniency > 0.4;
        strict += g.raterLeniency < -0.4;
        EXPECT_EQ(plain.generator.plan().schools()[g.index].raterLeniency, 0.0);
    }
    EXPECT_GT(lenient, 0);
    EXPECT_GT(strict, 0);
    // points of the same pupils' works, by school's checking and kind of task
    ASSERT_EQ(plain.rows.units.size(), checked.rows.units.size());
    double lenientLong = 0, strictLong = 0, oneMark = 0, gia = 0;
    for (qsizetype k = 0; k < plain.rows.units.size(); ++k) {
        const CollectedUnit &x = plain.rows.units[k];
        const CollectedUnit &y = checked.rows.units[k];
        const double c = y.school.raterLeniency;
        const bool vpr = y.procedure.procedure.kind == ProcedureKind::VPR;
        ASSERT_EQ(x.rows.size(), y.rows.size());
        for (int i = 0; i < x.rows.size(); ++i)
            for (int t = 0; t < x.rows[i].taskPoints.size(); ++t) {
                const int d = std::max<int>(0, y.rows[i].taskPoints[t]) -
                              std::max<int>(0, x.rows[i].taskPoints[t]);
                if (!vpr)
                    gia += std::abs(d);
                else if (y.procedure.procedure.tasks.at(t).maxPoints < 2)
                    oneMark += std::abs(d);
                else if (c > 0.4)
                    lenientLong += d;
                else if (c < -0.4)
                    strictLong += d;
            }
    }
    // generous checkers give more points on the longer tasks, strict ones fewer; the one-point
    // tasks and the ОГЭ/ЕГЭ (checked by the region) do not change
    EXPECT_GT(lenientLong, 0);
    EXPECT_LT(strictLong, 0);
    EXPECT_EQ(oneMark, 0);
    EXPECT_EQ(gia, 0);
}

TEST(RegionGenerator, StreamedSchoolsFormTheirClassesByAbility) {
    GeneratorOptions o = smallRegion(5, 0.0);
    o.schools = 40;
    const GeneratedRun plain(o);
    o.streamedShare = 0.5;
    const SimulatedRegion streamedPlan(o);
    int streamed = 0, checked = 0;
    for (const GeneratedSchool &g : streamedPlan.schools()) {
        const GeneratedSchool &x = plain.generator.plan().schools()[g.index];
        EXPECT_FALSE(x.streamed);
        EXPECT_EQ(x.effect, g.effect); // the school itself is drawn as without the option
        const QList<GeneratedStudent> a = plain.generator.plan().students(x, 2024, 5);
        const QList<GeneratedStudent> b = streamedPlan.students(g, 2024, 5);
        ASSERT_EQ(a.size(), b.size());
        int classes = 0;
        for (const GeneratedStudent &st : b)
            classes = std::max(classes, st.classIndex + 1);
        streamed += g.streamed;
        if (classes < 2)
            continue;
        // the same pupils; a mixing school keeps its classes, a streamed one ranks them: every
        // pupil of «А» is stronger than every pupil of «Б»
        for (qsizetype k = 0; k < a.size(); ++k) {
            EXPECT_EQ(a[k].ability, b[k].ability);
            if (!g.streamed) {
                EXPECT_EQ(a[k].classIndex, b[k].classIndex);
            }
        }
        if (!g.streamed)
            continue;
        ++checked;
        for (const GeneratedStudent &p : b)
            for (const GeneratedStudent &q : b)
                if (p.classIndex < q.classIndex) {
                    EXPECT_GE(p.ability, q.ability);
                }
    }
    EXPECT_GT(streamed, 10);
    EXPECT_GT(checked, 3);
}

// --basic-math: every graduate sits one maths exam, the profile or the base level (a mark, no
// test score); the other exams are drawn as without the option; from 2024 some honest gold or
// silver medallists sat only Русский язык and Математика (база) «5», and every honest medal keeps
// meeting MedalRules.
TEST(RegionGenerator, BasicMathIsTheCompulsoryMathsOfWhoeverSkipsTheProfile) {
    GeneratorOptions o = smallRegion(5, 0.0);
    o.schools = 60;
    o.lastYear = 2025;
    const GeneratedRun plain(o);
    o.basicMath = true;
    const GeneratedRun withBasic(o);
    struct Exams {
        int russian = -1, basic = 0;
        bool profile = false;
        QList<MedalRules::Score> others;
        Medal medal = Medal::None;
        int year = 0;
    };
    QMap<QString, Exams> graduates; // year + code
    QMap<QString, int> plainRussian;
    for (const CollectedUnit &u : plain.rows.units)
        if (u.procedure.procedure.kind == ProcedureKind::EGE &&
            u.procedure.procedure.subject == QStringLiteral("Русский язык"))
            for (const ParticipantResult &r : u.rows)
                plainRussian.insert(QString::number(u.procedure.procedure.year) + r.participantCode,
                                    r.testScore);
    int basicRows = 0;
    for (const CollectedUnit &u : withBasic.rows.units) {
        const Procedure &p = u.procedure.procedure;
        if (p.kind != ProcedureKind::EGE)
            continue;
        for (const ParticipantResult &r : u.rows) {
            Exams &e = graduates[QString::number(p.year) + r.participantCode];
            e.year = p.year;
            e.medal = r.medal;
            if (p.subject == QStringLiteral("Математика (база)")) {
                ++basicRows;
                EXPECT_EQ(r.testScore, -1);
                EXPECT_EQ(r.mark, u.procedure.scale.markFor(int(r.primaryScore)));
                e.basic = r.mark;
            } else if (p.subject == QStringLiteral("Русский язык")) {
                e.russian = r.testScore;
                // the exams themselves are drawn as without the option
                EXPECT_EQ(r.testScore,
                          plainRussian.value(QString::number(p.year) + r.participantCode, -2));
            } else {
                e.profile = e.profile || p.subject == QStringLiteral("Математика (профиль)");
                e.others << MedalRules::Score{r.testScore, u.procedure.scale.minTestScore,
                                              p.subject};
            }
        }
    }
    EXPECT_GT(basicRows, 100);
    int onlyBasic = 0, medalsOnBasic = 0, medals = 0;
    for (const Exams &e : graduates) {
        EXPECT_NE(e.profile, e.basic > 0); // exactly one maths exam
        if (e.others.isEmpty())
            ++onlyBasic;
        if (e.medal == Medal::None)
            continue;
        ++medals;
        EXPECT_TRUE(MedalRules::egeSupports(e.year, e.medal, e.russian, e.others, e.basic));
        if (e.year >= 2024 && e.others.isEmpty())
            ++medalsOnBasic;
    }
    EXPECT_GT(onlyBasic, 50); // Русский язык and Математика (база) only: nobody is made to add one
    EXPECT_GT(medals, 10);
    EXPECT_GT(medalsOnBasic, 0);
}
