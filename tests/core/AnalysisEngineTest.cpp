// The criteria on small in-memory regions: honest schools stay unflagged, planted patterns are
// found.
#include "objectivity/core/analysis/AnalysisEngine.h"
#include "objectivity/core/analysis/RegionReferences.h"

#include "FindingOf.h"

#include <gtest/gtest.h>

#include <cmath>
#include <random>

using namespace objectivity;
using namespace objectivity::core;

namespace {

// ВПР-like procedure: 6 basic tasks of 2 points, 4 hard tasks of 3 points (max 24);
// boundaries 3: 8, 4: 14, 5: 19.
Procedure makeProcedure(qint64 id, int year, int grade, ProcedureKind kind = ProcedureKind::VPR,
                        const QString &subject = QStringLiteral("Математика")) {
    Procedure p;
    p.id = id;
    p.kind = kind;
    p.year = year;
    p.grade = grade;
    p.subject = subject;
    for (int t = 0; t < 10; ++t)
        p.tasks.append({QString::number(t + 1), t < 6 ? 2 : 3,
                        t < 6 ? TaskLevel::Basic : TaskLevel::Advanced});
    return p;
}

int markFor(int primary) {
    return primary >= 19 ? 5 : primary >= 14 ? 4 : primary >= 8 ? 3 : 2;
}

struct Region {
    AnalysisDataset data;
    std::mt19937 rng{12345};
    qint64 nextCode = 1;

    // schools 1..count, edu001…, ordinary, in two municipalities
    void addSchools(int count) {
        for (int s = 1; s <= count; ++s) {
            School school;
            school.id = s;
            school.code = QStringLiteral("edu%1").arg(s, 3, 10, QLatin1Char('0'));
            school.name = QStringLiteral("Школа %1").arg(s);
            school.municipality = s % 2 ? QStringLiteral("Север") : QStringLiteral("Юг");
            school.kind = SchoolKind::Sosh;
            data.addSchool(school);
        }
    }

    // one student: ability theta in (0,1) is the chance of each point
    ParticipantResult student(qint64 school, qint64 procedure, double theta) {
        ParticipantResult r;
        r.schoolId = school;
        r.procedureId = procedure;
        r.participantCode = QString::number(nextCode++);
        std::bernoulli_distribution basic(std::min(0.95, theta + 0.15)),
            hard(std::max(0.05, theta - 0.2));
        int sum = 0;
        for (int t = 0; t < 10; ++t) {
            int pts = 0;
            for (int s = 0; s < (t < 6 ? 2 : 3); ++s)
                pts += (t < 6 ? basic(rng) : hard(rng)) ? 1 : 0;
            r.taskPoints.append(static_cast<std::int8_t>(pts));
            sum += pts;
        }
        r.primaryScore = sum;
        r.mark = markFor(sum);
        std::uniform_int_distribution<int> noise(-1, 1);
        r.journalMark = std::clamp(r.mark + (noise(rng) == 1 && rng() % 3 == 0 ? 1 : 0), 2, 5);
        return r;
    }
};

} // namespace

TEST(AnalysisEngine, HonestRegionIsNotFlaggedAndPlantedPatternsAre) {
    Region region;
    const int proc = region.data.addProcedure(makeProcedure(1, 2024, 7));
    Q_UNUSED(proc);
    region.addSchools(40);
    std::normal_distribution<double> ability(0.55, 0.15);
    for (int s = 1; s <= 40; ++s) {
        for (int i = 0; i < 30; ++i) {
            ParticipantResult r = region.student(s, 1, std::clamp(ability(region.rng), 0.05, 0.95));
            if (s == 7) // lenient journal: the teacher's marks a grade higher
                r.journalMark = std::min(5, r.mark + 1);
            if (s == 9 && (r.primaryScore == 12 || r.primaryScore == 13 || r.primaryScore == 6 ||
                           r.primaryScore == 7 || r.primaryScore == 17 || r.primaryScore == 18)) {
                // boundary push: scores 1–2 below a boundary moved up to it
                const int b = r.primaryScore < 8 ? 8 : r.primaryScore < 14 ? 14 : 19;
                r.primaryScore = b;
                r.mark = markFor(b);
            }
            if (s == 11) { // help with hard tasks: full points on every hard task
                for (int t = 6; t < 10; ++t) {
                    r.primaryScore += 3 - r.taskPoints[t];
                    r.taskPoints[t] = 3;
                }
                r.mark = markFor(static_cast<int>(r.primaryScore));
            }
            region.data.addResult(r);
        }
    }
    // a tiny school: too few participants
    School tiny;
    tiny.id = 99;
    tiny.code = QStringLiteral("edu099");
    region.data.addSchool(tiny);
    for (int i = 0; i < 5; ++i) {
        ParticipantResult r = region.student(99, 1, 0.5);
        r.journalMark = 5;
        region.data.addResult(r);
    }
    region.data.finish();
    EXPECT_EQ(region.data.layout(0).minFor[4], 14); // boundaries read off the data

    const AnalysisReport report = AnalysisEngine::run(region.data, AnalysisSettings());
    ASSERT_EQ(report.units.size(), 41);
    const QMap<QString, QStringList> flagged = test::flaggedBySchool(report);
    EXPECT_TRUE(flagged.value(QStringLiteral("edu007"))
                    .contains(QStringLiteral("journal_mismatch_lenient")))
        << flagged.value(QStringLiteral("edu007")).join(u',').toStdString();
    EXPECT_TRUE(
        flagged.value(QStringLiteral("edu009")).contains(QStringLiteral("boundary_bunching")));
    EXPECT_TRUE(
        flagged.value(QStringLiteral("edu011")).contains(QStringLiteral("difficulty_inversion")));
    // no other school is flagged
    for (auto it = flagged.begin(); it != flagged.end(); ++it)
        EXPECT_TRUE(it.key() == QStringLiteral("edu007") || it.key() == QStringLiteral("edu009") ||
                    it.key() == QStringLiteral("edu011"))
            << it.key().toStdString() << ": " << it.value().join(u',').toStdString();
    // the helped school's «повысили при высоком результате»: tested, the shift beyond the
    // schools' spread, not named because its journal marks are the region's usual ones
    int inflatedFindings = 0;
    for (const auto &u : report.units)
        if (u.schoolCode == QStringLiteral("edu011"))
            for (const auto &f : u.findings)
                if (f.code == QStringLiteral("journal_mismatch_inflated")) {
                    ++inflatedFindings;
                    EXPECT_TRUE(f.tested());
                    EXPECT_GE(f.effectSize, 2.0);
                    EXPECT_FALSE(f.effect);
                    EXPECT_TRUE(f.reasonText.contains(QStringLiteral("относительно класса")))
                        << f.reasonText.toStdString();
                }
    EXPECT_EQ(inflatedFindings, 1); // the checks above ran
    // «недостаточно данных» for the tiny school
    for (const auto &u : report.units)
        if (u.schoolCode == QStringLiteral("edu099")) {
            EXPECT_TRUE(u.insufficient);
            // every criterion listed as not tested, with the reason (7 + cohort_unconfirmed of
            // grade 7 + mark_scale_mismatch + person_fit)
            EXPECT_EQ(u.findings.size(), 10);
            for (const auto &f : u.findings) {
                EXPECT_FALSE(f.tested());
                EXPECT_EQ(f.reason, QStringLiteral("too_few_participants"));
                EXPECT_EQ(f.reasonText,
                          QStringLiteral("не проверялось: участников 5, нужно не меньше 10"));
            }
        }
    // the school summary counts the two kinds apart: a lenient journal is a sign of current
    // assessment, not of the results
    for (const auto &s : report.schools) {
        if (s.schoolCode == QStringLiteral("edu007")) {
            EXPECT_EQ(s.markers, 0);
            EXPECT_EQ(s.currentAssessment, 1);
            EXPECT_EQ(s.yearsInRow, 0);
        }
        if (s.schoolCode == QStringLiteral("edu011")) {
            // helped on the hard tasks: the result is far above the teacher's journal marks, but
            // those are the region's usual ones (a teacher grading a strong class relative to the
            // class gives the same), so it is no journal sign; the help is found by its criterion
            EXPECT_FALSE(
                flagged.value(s.schoolCode).contains(QStringLiteral("journal_mismatch_inflated")));
            // nor a journal that «does not follow the work»: the work is what was changed
            const CriterionFinding &scatter =
                test::findingOf(report, s.schoolCode, 7, criterion::JournalScatter);
            EXPECT_EQ(scatter.reason, QStringLiteral("explained_by_work"));
            EXPECT_TRUE(scatter.reasonText.contains(QStringLiteral("под сомнением сама работа")))
                << scatter.reasonText.toStdString();
            EXPECT_EQ(s.markers, 1);
            EXPECT_EQ(s.currentAssessment, 0);
            EXPECT_EQ(s.yearsInRow, 1);
        }
    }
}

TEST(AnalysisEngine, ReferenceLeavesTheSchoolOut) {
    AnalysisDataset data;
    data.addProcedure(makeProcedure(1, 2024, 7));
    for (int s = 1; s <= 2; ++s) {
        School school;
        school.id = s;
        school.code = QString::number(s);
        data.addSchool(school);
    }
    // school 1: everyone 24 points; school 2: everyone 12
    for (int s = 1; s <= 2; ++s)
        for (int i = 0; i < 12; ++i) {
            ParticipantResult r;
            r.schoolId = s;
            r.procedureId = 1;
            r.participantCode = QStringLiteral("%1-%2").arg(s).arg(i);
            r.taskPoints = QList<std::int8_t>(10, 0);
            r.primaryScore = s == 1 ? 24 : 12;
            r.mark = markFor(static_cast<int>(r.primaryScore));
            r.journalMark = s == 1 ? 5 : 4; // school 2: all «понизили»
            data.addResult(r);
        }
    data.finish();
    const AnalysisReport report = AnalysisEngine::run(data, AnalysisSettings());
    ASSERT_EQ(report.units.size(), 2);
    for (const auto &u : report.units) {
        if (u.schoolCode == QStringLiteral("1")) {
            EXPECT_DOUBLE_EQ(u.metrics.meanPercent, 100.0);
            EXPECT_DOUBLE_EQ(u.region.meanPercent, 50.0); // only school 2
            EXPECT_DOUBLE_EQ(u.metrics.confirmedPct, 100.0);
            EXPECT_DOUBLE_EQ(u.metrics.markPct[5], 100.0);
        } else {
            EXPECT_DOUBLE_EQ(u.region.meanPercent, 100.0);
            EXPECT_EQ(u.metrics.lowered, 12);
            EXPECT_DOUBLE_EQ(u.metrics.meanJournalMinusMark, 1.0);
            EXPECT_DOUBLE_EQ(u.metrics.successPct, 100.0);
            EXPECT_DOUBLE_EQ(u.metrics.qualityPct, 0.0);
        }
    }
}

// The weighted correction reaches the engine: a push to «3» at one school; the q of its «граница
// «3»» finding is lower with the default weights («3» 2, «4» 1, «5» ½) than with equal ones, and a
// weight of 0 makes it no discovery at all.
TEST(AnalysisEngine, BoundaryWeightsReachTheCorrection) {
    Region region;
    region.data.addProcedure(makeProcedure(1, 2024, 7));
    for (int s = 1; s <= 30; ++s) {
        School school;
        school.id = s;
        school.code = QStringLiteral("edu%1").arg(s, 3, 10, QLatin1Char('0'));
        region.data.addSchool(school);
    }
    std::normal_distribution<double> ability(0.55, 0.15);
    for (int s = 1; s <= 30; ++s)
        for (int i = 0; i < 40; ++i) {
            ParticipantResult r = region.student(s, 1, std::clamp(ability(region.rng), 0.05, 0.95));
            if (s == 5 && (r.primaryScore == 6 || r.primaryScore == 7)) {
                r.primaryScore = 8; // pushed up to «3»
                r.mark = 3;
            }
            region.data.addResult(r);
        }
    region.data.finish();
    auto qAtThree = [&](const AnalysisSettings &settings) {
        const AnalysisReport report = AnalysisEngine::run(region.data, settings);
        for (const auto &u : report.units)
            if (u.schoolCode == QStringLiteral("edu005"))
                for (const auto &f : u.findings)
                    if (f.label == QStringLiteral("граница «3»") && f.tested())
                        return std::pair(f.qValue, f.flagged);
        return std::pair(std::nan(""), false);
    };
    AnalysisSettings equal;
    equal.setValue(QStringLiteral("bunching.weight_3"), 1);
    equal.setValue(QStringLiteral("bunching.weight_5"), 1);
    AnalysisSettings none;
    none.setValue(QStringLiteral("bunching.weight_3"), 0);
    const auto [weighted, flagged] = qAtThree(AnalysisSettings());
    const auto [plain, plainFlagged] = qAtThree(equal);
    const auto [zero, zeroFlagged] = qAtThree(none);
    ASSERT_FALSE(std::isnan(weighted));
    EXPECT_LT(weighted, plain);
    EXPECT_GT(weighted, 0.25 * plain); // about half: weight 2 over a mean a little below 1
    EXPECT_DOUBLE_EQ(zero, 1.0);
    EXPECT_FALSE(zeroFlagged);
    EXPECT_TRUE(flagged || !plainFlagged); // a weight above 1 never loses a discovery here
}

// «Лет подряд» of a run for one year counts the years before it, each analysed on its own: a
// school helped on the hard tasks in 2022, 2023 and 2024 has three years in a row in the run for
// 2024, one helped in 2022 and 2024 only has one, one helped in 2023 and 2024 has two. The
// chosen year's units and their q-values are those of a run without the history.
TEST(AnalysisEngine, YearsInARowOfOneYearCountTheYearsBefore) {
    Region region;
    for (int year = 2022; year <= 2024; ++year)
        region.data.addProcedure(makeProcedure(year - 2021, year, 7));
    region.addSchools(40);
    // helped: edu011 every year, edu012 in 2022 and 2024, edu013 in 2023 and 2024
    const auto helped = [](int s, int year) {
        return s == 11 || (s == 12 && year != 2023) || (s == 13 && year != 2022);
    };
    std::normal_distribution<double> ability(0.55, 0.15);
    for (int year = 2022; year <= 2024; ++year)
        for (int s = 1; s <= 40; ++s)
            for (int i = 0; i < 30; ++i) {
                ParticipantResult r =
                    region.student(s, year - 2021, std::clamp(ability(region.rng), 0.05, 0.95));
                if (helped(s, year)) {
                    for (int t = 6; t < 10; ++t) {
                        r.primaryScore += 3 - r.taskPoints[t];
                        r.taskPoints[t] = 3;
                    }
                    r.mark = markFor(static_cast<int>(r.primaryScore));
                }
                region.data.addResult(r);
            }
    region.data.finish();

    const auto summaryOf = [](const AnalysisReport &report, const QString &code) {
        for (const SchoolSummary &s : report.schools)
            if (s.schoolCode == code)
                return s;
        return SchoolSummary();
    };
    AnalysisEngine::Options options;
    options.yearFilter = 2024;
    QList<int> lookedBack; // what the window's progress bar names
    options.lookingBack = [&lookedBack](int year) { lookedBack << year; };
    const AnalysisReport report = AnalysisEngine::run(region.data, AnalysisSettings(), options);
    EXPECT_EQ(lookedBack, QList<int>({2023, 2022}));
    ASSERT_EQ(report.units.size(), 40); // 2024 only
    for (const auto &u : report.units)
        EXPECT_EQ(u.year, 2024);
    EXPECT_TRUE(report.yearsInRowOverHistory);
    EXPECT_EQ(summaryOf(report, u"edu011"_qs).yearsInRow, 3);
    EXPECT_EQ(summaryOf(report, u"edu012"_qs).yearsInRow, 1);
    EXPECT_EQ(summaryOf(report, u"edu013"_qs).yearsInRow, 2);
    EXPECT_EQ(summaryOf(report, u"edu001"_qs).yearsInRow, 0);
    // the markers themselves are the chosen year's
    EXPECT_EQ(summaryOf(report, u"edu011"_qs).markersByYear.keys(), QList<int>{2024});

    // without the history: the same units, the same q-values; «лет подряд» of that year only
    options.history = false;
    const AnalysisReport alone = AnalysisEngine::run(region.data, AnalysisSettings(), options);
    EXPECT_FALSE(alone.yearsInRowOverHistory);
    ASSERT_EQ(alone.units.size(), report.units.size());
    for (qsizetype k = 0; k < report.units.size(); ++k) {
        ASSERT_EQ(alone.units[k].findings.size(), report.units[k].findings.size());
        for (qsizetype f = 0; f < report.units[k].findings.size(); ++f) {
            const double a = alone.units[k].findings[f].qValue;
            const double b = report.units[k].findings[f].qValue;
            EXPECT_TRUE(a == b || (std::isnan(a) && std::isnan(b))) << a << " " << b;
        }
    }
    EXPECT_EQ(summaryOf(alone, u"edu011"_qs).yearsInRow, 1);

    // the first year has nothing before it
    options.history = true;
    options.yearFilter = 2022;
    const AnalysisReport first = AnalysisEngine::run(region.data, AnalysisSettings(), options);
    EXPECT_FALSE(first.yearsInRowOverHistory);
    EXPECT_EQ(summaryOf(first, u"edu011"_qs).yearsInRow, 1);
    EXPECT_EQ(summaryOf(first, u"edu013"_qs).yearsInRow, 0);

    // every year at once: the longest run
    const AnalysisReport all = AnalysisEngine::run(region.data, AnalysisSettings());
    EXPECT_EQ(summaryOf(all, u"edu011"_qs).yearsInRow, 3);
    EXPECT_EQ(summaryOf(all, u"edu012"_qs).yearsInRow, 1);
    EXPECT_EQ(summaryOf(all, u"edu013"_qs).yearsInRow, 2);
}

// The references a run compares with are built once per dataset (RegionReferences) and do not
// depend on the run's year: a unit's position there is, to the last bit, the position the run
// reports (ВПР by % of the maximum, ЕГЭ by the test score), the rest of a procedure without a copy
// gives what the copy gives, and a run for one year finds the journal signs of that year with the
// p-values of the run over all years.
TEST(AnalysisEngine, EveryRunComparesWithTheSameReferencesWhateverItsYear) {
    Region region;
    region.data.addProcedure(makeProcedure(1, 2023, 7));
    region.data.addProcedure(makeProcedure(2, 2024, 7));
    region.data.addProcedure(makeProcedure(3, 2024, 11, ProcedureKind::EGE));
    region.addSchools(40);
    std::normal_distribution<double> ability(0.55, 0.15);
    for (int proc = 1; proc <= 3; ++proc)
        for (int s = 1; s <= 40; ++s)
            for (int i = 0; i < 25; ++i) {
                ParticipantResult r =
                    region.student(s, proc, std::clamp(ability(region.rng), 0.05, 0.95));
                if (proc == 3) { // ЕГЭ: a test score instead of a mark
                    r.testScore = 4 * static_cast<int>(r.primaryScore) + s % 3;
                    r.mark = 0;
                } else if (s == 7 && proc == 2) { // a lenient journal in 2024
                    r.journalMark = std::min(5, r.mark + 1);
                }
                region.data.addResult(r);
            }
    region.data.finish();
    ASSERT_TRUE(region.data.layout(2).ege);

    const AnalysisSettings settings;
    const RegionReferences refs(region.data, settings, 2);
    const AnalysisReport all = AnalysisEngine::run(region.data, settings);
    QHash<QString, const UnitReport *> reported; // school|year|kind
    auto keyOf = [](const QString &school, int year, ProcedureKind kind) -> QString {
        return school + QLatin1Char('|') + QString::number(year) + QLatin1Char('|') +
               QString::number(static_cast<int>(kind));
    };
    for (const UnitReport &u : all.units)
        reported.insert(keyOf(u.schoolCode, u.year, u.kind), &u);
    int compared = 0;
    for (const auto &u : region.data.units()) {
        const Procedure &p = region.data.procedures()[u.procedure];
        const UnitReport *r =
            reported.value(keyOf(region.data.schools()[u.school].code, p.year, p.kind));
        ASSERT_NE(r, nullptr);
        EXPECT_EQ(refs.position(u), r->position); // exactly: the journal's references use it
        // the rest of the procedure without a copy
        UnitAccumulator rest = refs.totals[static_cast<std::size_t>(u.procedure)];
        rest.subtract(u.acc);
        const ProcedureLayout &layout = region.data.layout(u.procedure);
        const UnitMetrics copied = UnitMetrics::compute(rest, layout);
        const UnitMetrics direct = UnitMetrics::scoresOf(
            refs.totals[static_cast<std::size_t>(u.procedure)], &u.acc, layout.maxPrimary);
        EXPECT_EQ(direct.n, copied.n);
        EXPECT_EQ(direct.meanPercent, copied.meanPercent);
        EXPECT_EQ(direct.sdPercent, copied.sdPercent);
        EXPECT_EQ(direct.meanTestScore, copied.meanTestScore);
        EXPECT_EQ(direct.sdTestScore, copied.sdTestScore);
        if (p.kind == ProcedureKind::EGE) {
            EXPECT_GT(copied.meanTestScore, 0);
            EXPECT_NE(r->position, 0);
        }
        ++compared;
    }
    EXPECT_EQ(compared, 120);

    // the run for 2024: its journal findings as in the run over all years (the same references;
    // only the correction differs, over fewer units)
    AnalysisEngine::Options options;
    options.yearFilter = 2024;
    options.history = false;
    const AnalysisReport year = AnalysisEngine::run(region.data, settings, options);
    ASSERT_EQ(year.units.size(), 80);
    int journalFindings = 0;
    for (const UnitReport &u : year.units) {
        const UnitReport *same = reported.value(keyOf(u.schoolCode, u.year, u.kind));
        ASSERT_NE(same, nullptr);
        for (const CriterionFinding &f : u.findings) {
            if (f.kind() != CriterionKind::CurrentAssessment || !f.tested())
                continue;
            const auto other = std::find_if(
                same->findings.cbegin(), same->findings.cend(), [&f](const CriterionFinding &g) {
                    return g.code == f.code && g.label == f.label && g.family == f.family;
                });
            ASSERT_NE(other, same->findings.cend()) << f.code.toStdString();
            EXPECT_EQ(f.pValue, other->pValue) << f.code.toStdString();
            EXPECT_EQ(f.statistic, other->statistic) << f.code.toStdString();
            ++journalFindings;
        }
    }
    EXPECT_GT(journalFindings, 40);
    const UnitReport *lenient = reported.value(keyOf(u"edu007"_qs, 2024, ProcedureKind::VPR));
    ASSERT_NE(lenient, nullptr);
    EXPECT_TRUE(std::any_of(
        lenient->findings.cbegin(), lenient->findings.cend(), [](const CriterionFinding &f) {
            return f.flagged && f.code == QString::fromUtf16(criterion::JournalLenient);
        }));
}
