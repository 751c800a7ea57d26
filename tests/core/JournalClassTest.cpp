// journal_mismatch_lenient / _strict by class, in a whole region built by hand: lenient marks in
// one class of a parallel are found and named by the class; a teacher who grades relative to the
// class (weak class — higher journal marks, strong class — lower, the order within the class right)
// is not called lenient or strict; the Šidák correction over the classes (values from SciPy:
// norm.isf(1 − (1 − norm.sf(2))^(1/k))).
#include "objectivity/core/analysis/AnalysisEngine.h"
#include "objectivity/core/analysis/JournalMismatchCriterion.h"
#include "objectivity/core/stats/NormalDistribution.h"

#include "TestRegion.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>

using namespace objectivity;
using namespace objectivity::core;

namespace {

enum class Grading { Honest, LenientInClassB, RelativeToClass };

// The work's marks in the data: given (the boundaries inferred from them, or the stored scale
// with `ScaleGiven`), left out (results with only the scores) everywhere — with or without a
// stored scale —, or only at school 7.
// NoneFewJournals: no marks, no scale, and journal marks only at schools 1–4.
enum class Marks {
    Given,
    ScaleGiven,
    NoneWithScale,
    NoneWithoutScale,
    NoneAtSchool7,
    NoneFewJournals
};

// 30 schools, two classes of 16 each («6А», «6Б»); school 7 marks lenient in «6Б» only, school 9
// grades relative to the class and has a weak «6А» and a strong «6Б». The marks follow the scale
// «3» from 6, «4» from 11, «5» from 16 points of 20.
AnalysisDataset region(Marks marks = Marks::Given, double journalFloor = 2.0) {
    AnalysisDataset data;
    data.addProcedure(test::vprProcedure(1, QStringLiteral("Математика"), 7));
    if (marks == Marks::ScaleGiven || marks == Marks::NoneWithScale) {
        MarkScale scale;
        scale.kind = ProcedureKind::VPR;
        scale.year = 2024;
        scale.grade = 6;
        scale.subject = QStringLiteral("Математика");
        scale.maxPrimary = 20;
        scale.minFor3 = 6;
        scale.minFor4 = 11;
        scale.minFor5 = 16;
        data.setScale(0, scale, QStringLiteral("шкала из базы"));
    }
    std::mt19937 rng(11);
    std::normal_distribution<double> normal(0, 1);
    std::uniform_real_distribution<double> u(0, 1);
    auto markOf = [](int sum) { return sum >= 16 ? 5 : sum >= 11 ? 4 : sum >= 6 ? 3 : 2; };
    for (int s = 1; s <= 30; ++s) {
        test::addOrdinarySchool(data, s);
        const Grading grading = s == 7   ? Grading::LenientInClassB
                                : s == 9 ? Grading::RelativeToClass
                                         : Grading::Honest;
        for (int c = 0; c < 2; ++c) {
            const QString cls = c == 0 ? QStringLiteral("6А") : QStringLiteral("6Б");
            // the class's level: school 9 has a weak and a strong class
            const double level =
                grading == Grading::RelativeToClass ? (c == 0 ? -1.5 : 1.5) : 0.3 * normal(rng);
            const double teacher = 0.15 * normal(rng); // an honest teacher's own leniency
            struct Pupil {
                ParticipantResult r;
                double seen;
            };
            std::vector<Pupil> pupils;
            for (int i = 0; i < 16; ++i) {
                const double theta = level + normal(rng);
                ParticipantResult r;
                r.schoolId = s;
                r.procedureId = 1;
                r.className = cls;
                r.participantCode = QStringLiteral("%1-%2-%3").arg(s).arg(c).arg(i);
                const double pr = 1 / (1 + std::exp(-theta));
                int sum = 0;
                for (int t = 0; t < 10; ++t) {
                    const int pts = (u(rng) < pr ? 1 : 0) + (u(rng) < pr ? 1 : 0);
                    r.taskPoints.append(static_cast<std::int8_t>(pts));
                    sum += pts;
                }
                r.primaryScore = sum;
                r.mark = markOf(sum);
                // the teacher knows the pupil's level (the mark the expected score gives)
                // (journalFloor below 2: the journals give «2» to the weakest)
                const double expected =
                    journalFloor + (5 - journalFloor) * pr + teacher + 0.4 * normal(rng);
                r.journalMark = std::clamp(int(std::lround(expected)), 2, 5);
                if (grading == Grading::LenientInClassB && c == 1 && u(rng) < 0.8)
                    r.journalMark = std::min(5, std::max(r.journalMark, r.mark) + 1);
                pupils.push_back({r, theta + 0.3 * normal(rng)});
            }
            if (grading == Grading::RelativeToClass) {
                // the usual shares by rank within the class: «2» 8 %, «3» 35 %, «4» 40 %, «5» 17 %
                for (Pupil &a : pupils) {
                    int below = 0;
                    for (const Pupil &b : pupils)
                        below += b.seen < a.seen ? 1 : 0;
                    const double q = (below + 0.5) / double(pupils.size());
                    a.r.journalMark = q < 0.08 ? 2 : q < 0.43 ? 3 : q < 0.83 ? 4 : 5;
                }
            }
            for (Pupil &a : pupils) {
                if (marks == Marks::NoneWithScale || marks == Marks::NoneWithoutScale ||
                    marks == Marks::NoneFewJournals || (marks == Marks::NoneAtSchool7 && s == 7))
                    a.r.mark = 0;
                if (marks == Marks::NoneFewJournals && s > 4)
                    a.r.journalMark = 0;
                data.addResult(a.r);
            }
        }
    }
    data.finish();
    return data;
}

const UnitReport *unitOf(const AnalysisReport &report, const QString &code) {
    for (const auto &u : report.units)
        if (u.schoolCode == code)
            return &u;
    return nullptr;
}

const CriterionFinding *findingOf(const UnitReport &u, const QString &code) {
    for (const auto &f : u.findings)
        if (f.code == code)
            return &f;
    return nullptr;
}

} // namespace

TEST(JournalClass, SidakThresholdAndPValueOverTheClasses) {
    // SciPy: norm.isf(1 − (1 − norm.sf(2))**(1/k))
    EXPECT_NEAR(JournalMismatchCriterion::sidakThreshold(2, 1), 2.0, 1e-12);
    EXPECT_NEAR(JournalMismatchCriterion::sidakThreshold(2, 2), 2.275415487, 1e-8);
    EXPECT_NEAR(JournalMismatchCriterion::sidakThreshold(2, 3), 2.425596643, 1e-8);
    EXPECT_NEAR(JournalMismatchCriterion::sidakThreshold(2, 4), 2.527939307, 1e-8);
    // 1 − (1 − p)^k
    EXPECT_NEAR(JournalMismatchCriterion::sidak(0.01, 3), 0.029701, 1e-12);
    EXPECT_NEAR(JournalMismatchCriterion::sidak(1e-12, 4), 4e-12, 1e-20);
    EXPECT_NEAR(JournalMismatchCriterion::sidak(0.2, 1), 0.2, 1e-15);
}

TEST(JournalClass, LenientMarksInOneClassAreFoundAndNameTheClass) {
    const AnalysisDataset data = region();
    const AnalysisReport report = AnalysisEngine::run(data, AnalysisSettings());
    const UnitReport *u = unitOf(report, QStringLiteral("s7"));
    ASSERT_NE(u, nullptr);
    const CriterionFinding *f = findingOf(*u, QStringLiteral("journal_mismatch_lenient"));
    ASSERT_NE(f, nullptr);
    EXPECT_TRUE(f->flagged) << f->reasonText.toStdString() << f->explanation.toStdString();
    EXPECT_EQ(f->label, QStringLiteral("класс 6Б"));
    EXPECT_TRUE(f->explanation.startsWith(QStringLiteral("В классе 6Б (16 из 32 участников")))
        << f->explanation.toStdString();
    EXPECT_TRUE(f->explanation.contains(QStringLiteral("поправка Шидака")))
        << f->explanation.toStdString();
    // the exponent printed as one (the справка is a document, «^2» read as a typo)
    EXPECT_TRUE(f->explanation.contains(QStringLiteral("p = 2·(1 − (1 − p₁)²)")))
        << f->explanation.toStdString();
    EXPECT_NEAR(f->threshold, JournalMismatchCriterion::sidakThreshold(2, 2), 1e-12);
    // the class's p: Šidák over the two classes, then ×2 for looking at the parallel and the
    // classes; the statistic is the class's own z
    const double p1 = NormalDistribution::sf(f->statistic);
    EXPECT_GT(f->pValue, 3.9 * p1);
    EXPECT_NEAR(f->pValue, -2 * std::expm1(2 * std::log1p(-p1)), 1e-9 * f->pValue);
    // one finding of the region's comparison per unit, not a row per class; and the comparison
    // with the school's own other units, not tested here (one procedure per school)
    int lenient = 0, inSchool = 0;
    for (const auto &g : u->findings) {
        if (g.code != QStringLiteral("journal_mismatch_lenient"))
            continue;
        if (g.label == QStringLiteral("по сравнению со школой")) {
            ++inSchool;
            EXPECT_FALSE(g.tested());
            EXPECT_EQ(g.reasonText, QStringLiteral("не проверялось: у школы других процедур с "
                                                   "отметками по журналу 0, нужно не меньше 4"));
        } else {
            ++lenient;
        }
    }
    EXPECT_EQ(lenient, 1);
    EXPECT_EQ(inSchool, 1);
}

TEST(JournalClass, GradingRelativeToTheClassIsNotASign) {
    const AnalysisDataset data = region();
    const AnalysisReport report = AnalysisEngine::run(data, AnalysisSettings());
    const UnitReport *u = unitOf(report, QStringLiteral("s9"));
    ASSERT_NE(u, nullptr);
    for (const auto &f : u->findings)
        EXPECT_FALSE(f.flagged) << f.code.toStdString() << " " << f.label.toStdString() << " "
                                << f.explanation.toStdString();
    // the weak class's shift alone would call it lenient: the journal level tells it apart
    const CriterionFinding *f = findingOf(*u, QStringLiteral("journal_mismatch_lenient"));
    ASSERT_NE(f, nullptr);
    EXPECT_FALSE(f->effect);
    // the parallel's reason says why its class is not named either
    EXPECT_TRUE(f->reasonText.startsWith(
        QStringLiteral("эффект ниже порога: самый отклоняющийся класс 6А (из 2): отклонение +4,9 "
                       "при пороге для класса 2,28 (сдвиг объясняется уровнем участников")))
        << f->reasonText.toStdString();
    // the parallel's p is doubled (parallel and classes: two looks)
    EXPECT_NEAR(f->pValue, std::min(1.0, 2 * NormalDistribution::sf(f->statistic)), 1e-12);
    // with the level gate switched off, the weak class of the relative grader is named: the test
    // above would notice a gate that does nothing
    AnalysisSettings off;
    off.setFromText(QStringLiteral("journal.min_level_z=-100"), nullptr);
    const AnalysisReport without = AnalysisEngine::run(data, off);
    const CriterionFinding *g = findingOf(*unitOf(without, QStringLiteral("s9")),
                                          QStringLiteral("journal_mismatch_lenient"));
    ASSERT_NE(g, nullptr);
    EXPECT_TRUE(g->effect) << g->effectSize;
    // honest schools: no journal sign
    for (const auto &unit : report.units) {
        if (unit.schoolCode == QStringLiteral("s7"))
            continue;
        for (const auto &h : unit.flags())
            ADD_FAILURE() << unit.schoolCode.toStdString() << " " << h.code.toStdString() << " "
                          << h.explanation.toStdString();
    }
}

// Results that give only the scores: the work's mark is the scale's for the primary score, so the
// journal is compared as with the marks in the data.
TEST(JournalClass, WithoutWorkMarksTheScaleGivesThemAndTheJournalIsComparedAsWithThem) {
    const AnalysisDataset with = region(Marks::ScaleGiven);
    const AnalysisDataset without = region(Marks::NoneWithScale);
    EXPECT_EQ(with.marksFromScale(0), 0);
    EXPECT_EQ(without.marksFromScale(0), 960);
    EXPECT_EQ(without.marksMissing(0), 0);
    EXPECT_EQ(without.scaleSource(0), ScaleSource::Stored);
    const AnalysisReport a = AnalysisEngine::run(with, AnalysisSettings());
    const AnalysisReport b = AnalysisEngine::run(without, AnalysisSettings());
    ASSERT_EQ(a.units.size(), b.units.size());
    int compared = 0;
    for (const auto &ua : a.units) {
        const UnitReport *ub = unitOf(b, ua.schoolCode);
        ASSERT_NE(ub, nullptr);
        EXPECT_EQ(ub->marksFromScale, ua.n);
        EXPECT_EQ(ub->metrics.journalPairs, ua.metrics.journalPairs);
        for (const auto &fa : ua.findings) {
            if (fa.code == QStringLiteral("mark_scale_mismatch"))
                continue; // nothing to check without the school's own marks
            const auto fb = std::find_if(ub->findings.begin(), ub->findings.end(), [&](auto &g) {
                return g.code == fa.code && g.label == fa.label;
            });
            ASSERT_NE(fb, ub->findings.end()) << fa.code.toStdString();
            EXPECT_EQ(fb->flagged, fa.flagged) << ua.schoolCode.toStdString();
            EXPECT_EQ(fb->tested(), fa.tested());
            if (fa.tested()) {
                EXPECT_DOUBLE_EQ(fb->pValue, fa.pValue)
                    << ua.schoolCode.toStdString() << " " << fa.code.toStdString();
            }
            ++compared;
        }
    }
    EXPECT_GT(compared, 200);
    // the lenient class is found and the finding says where its marks came from
    const UnitReport *s7 = unitOf(b, QStringLiteral("s7"));
    const CriterionFinding *f = findingOf(*s7, QStringLiteral("journal_mismatch_lenient"));
    ASSERT_TRUE(f && f->flagged);
    EXPECT_EQ(f->label, QStringLiteral("класс 6Б"));
    EXPECT_TRUE(f->explanation.endsWith(
        QStringLiteral("Отметки за работу в данных нет у 32 из 32 участников: взята отметка по "
                       "шкале перевода для их первичного балла.")))
        << f->explanation.toStdString();
    EXPECT_EQ(s7->toJson().value(QStringLiteral("marks_from_scale")).toInt(), 32);
    EXPECT_FALSE(
        unitOf(a, QStringLiteral("s7"))->toJson().contains(QStringLiteral("marks_from_scale")));
}

// One school's file without the marks: the others' marks give the boundaries (no stored scale),
// and the school's marks are read off them.
TEST(JournalClass, OneSchoolWithoutMarksGetsThemFromTheBoundariesTheOthersFollow) {
    const AnalysisDataset data = region(Marks::NoneAtSchool7);
    EXPECT_EQ(data.scaleSource(0), ScaleSource::Inferred);
    EXPECT_EQ(data.layout(0).minFor[3], 6);
    EXPECT_EQ(data.layout(0).minFor[4], 11);
    EXPECT_EQ(data.layout(0).minFor[5], 16);
    EXPECT_EQ(data.marksFromScale(0), 32);
    const AnalysisReport report = AnalysisEngine::run(data, AnalysisSettings());
    const UnitReport *s7 = unitOf(report, QStringLiteral("s7"));
    ASSERT_NE(s7, nullptr);
    EXPECT_EQ(s7->n, 32);
    EXPECT_EQ(s7->marksFromScale, 32);
    const CriterionFinding *f = findingOf(*s7, QStringLiteral("journal_mismatch_lenient"));
    ASSERT_TRUE(f && f->flagged);
    EXPECT_EQ(f->label, QStringLiteral("класс 6Б"));
    // the marks the scale gives are not the school's: the scale check has nothing to compare
    const CriterionFinding *m = findingOf(*s7, QStringLiteral("mark_scale_mismatch"));
    ASSERT_NE(m, nullptr);
    EXPECT_FALSE(m->tested());
    for (const auto &unit : report.units)
        if (unit.schoolCode != QStringLiteral("s7")) {
            EXPECT_EQ(unit.marksFromScale, 0);
        }
}

// No marks and no scale: the mark is the one most schools' journals give at the score, so a
// school's journal is compared with the region's usual journal at the same scores.
TEST(JournalClass, WithoutMarksOrAScaleTheRegionsJournalsGiveTheMarks) {
    // journals that give «2» to the weakest pupils: the region's journals show a whole scale
    const AnalysisDataset data = region(Marks::NoneWithoutScale, 1.4);
    EXPECT_EQ(data.marksFromScale(0), 960);
    EXPECT_EQ(data.marksMissing(0), 0);
    EXPECT_TRUE(data.marksFromJournals(0));
    // the boundaries are not the scale's: bunching and the scale check do not use them
    EXPECT_EQ(data.scaleSource(0), ScaleSource::None);
    EXPECT_EQ(data.layout(0).minFor[3], 0);
    const QString journals = data.journalScale(0);
    EXPECT_EQ(journals, QStringLiteral("«3» с 5, «4» с 11, «5» с 19"));
    const AnalysisReport report = AnalysisEngine::run(data, AnalysisSettings());
    const UnitReport *s7 = unitOf(report, QStringLiteral("s7"));
    ASSERT_NE(s7, nullptr);
    const CriterionFinding *f = findingOf(*s7, QStringLiteral("journal_mismatch_lenient"));
    ASSERT_TRUE(f && f->flagged);
    EXPECT_EQ(f->label, QStringLiteral("класс 6Б"));
    EXPECT_TRUE(f->explanation.endsWith(
        QStringLiteral("Отметок за работу и шкалы перевода в данных нет: за отметку у 32 из 32 "
                       "участников взята та, которую при таком первичном балле ставят по журналу "
                       "большинство школ региона (%1), — то есть отметки по журналу школы "
                       "сравниваются с обычными для региона при тех же баллах.")
            .arg(journals)))
        << f->explanation.toStdString();
    EXPECT_EQ(s7->toJson().value(QStringLiteral("marks_from_journals")).toString(), journals);
    // the same region with its marks and scale: every journal sign is found without them too;
    // the journals' boundaries («5» from 19 instead of 16) may add a «strict» sign, never a
    // lenient one (here one class whose journal is far below the usual: 2.44 against 3.31)
    const AnalysisReport given =
        AnalysisEngine::run(region(Marks::ScaleGiven, 1.4), AnalysisSettings());
    const auto signs = [](const AnalysisReport &r) {
        QSet<QString> out;
        for (const auto &unit : r.units)
            for (const auto &h : unit.flags())
                if (h.kind() == CriterionKind::CurrentAssessment)
                    out << unit.schoolCode + QLatin1Char(' ') + h.code + QLatin1Char(' ') + h.label;
        return out;
    };
    const QSet<QString> without = signs(report), with = signs(given);
    EXPECT_TRUE(without.contains(with));
    for (const QString &extra : without - with)
        EXPECT_TRUE(extra.contains(QStringLiteral("journal_mismatch_strict")))
            << extra.toStdString();
}

// No marks, no scale, and too few schools' journals to give the boundaries: nothing to compare.
TEST(JournalClass, WithoutMarksScaleOrEnoughJournalsTheReasonSaysWhy) {
    const AnalysisDataset data = region(Marks::NoneFewJournals);
    EXPECT_EQ(data.marksFromScale(0), 0);
    EXPECT_EQ(data.marksMissing(0), 960);
    EXPECT_FALSE(data.marksFromJournals(0));
    const AnalysisReport report = AnalysisEngine::run(data, AnalysisSettings());
    ASSERT_EQ(report.units.size(), 30);
    for (const auto &unit : report.units) {
        EXPECT_EQ(unit.n, 32);
        const bool journals = unit.schoolCode.mid(1).toInt() <= 4;
        for (const char16_t *code :
             {criterion::JournalLenient, criterion::JournalStrict, criterion::JournalInflated}) {
            const CriterionFinding *f = findingOf(unit, QString::fromUtf16(code));
            ASSERT_NE(f, nullptr);
            EXPECT_FALSE(f->tested());
            EXPECT_EQ(f->reasonText,
                      journals ? QStringLiteral("не проверялось: отметок за работу в данных нет, а "
                                                "шкалы перевода баллов в отметку для процедуры нет")
                               : QStringLiteral("не проверялось: нет отметок по журналу"))
                << unit.schoolCode.toStdString();
        }
    }
}
