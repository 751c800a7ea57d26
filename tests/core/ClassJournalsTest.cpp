// ClassJournals: each class of the region against the same class in its other procedures — its
// other subjects, and the years before and after as it moves up a grade (4Б of 2023, 5Б of 2024
// and 6Б of 2025 are one class) — not against the school's other classes.
#include "objectivity/core/analysis/ClassJournals.h"
#include "objectivity/core/analysis/RegionReferences.h"

#include "TestRegion.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

using namespace objectivity;
using namespace objectivity::core;

namespace {

struct Proc {
    int year, grade;
    const char16_t *subject;
};
// the cohort of 5Б of 2024 is in procedures 0-3 and 5; procedure 4 is the next cohort's grade 5
constexpr Proc kProcedures[] = {{2024, 5, u"Математика"}, {2024, 5, u"Русский язык"},
                                {2025, 6, u"Математика"}, {2025, 6, u"Русский язык"},
                                {2025, 5, u"Математика"}, {2023, 4, u"Математика"}};
constexpr int kSchools = 6;

// Six schools, classes А and Б of 12 pupils in every procedure, the same works everywhere (8-19
// points of 20: five «3», four «4», three «5»); the journal equals the work's mark but for the
// first k = (school + procedure + class) mod 3 pupils, one mark higher (each class's shift −k/12,
// so that classes differ a little). School 1's class Б is strict (one mark lower still) in every
// procedure of its cohort but 5Б of 2024 Математика (procedure 0), where it marks as every other
// class of the region does. `blankTasks`: school 2 gives no task points in procedure 0 (every task
// «не выполнял», the primary scores as the others').
AnalysisDataset region(bool blankTasks = false) {
    AnalysisDataset data;
    for (int p = 0; p < static_cast<int>(std::size(kProcedures)); ++p) {
        Procedure procedure = test::vprProcedure(p + 1, QString::fromUtf16(kProcedures[p].subject));
        procedure.year = kProcedures[p].year;
        procedure.grade = kProcedures[p].grade;
        data.addProcedure(procedure);
    }
    for (int s = 1; s <= kSchools; ++s)
        test::addOrdinarySchool(data, s);
    for (int p = 0; p < static_cast<int>(std::size(kProcedures)); ++p)
        for (int s = 1; s <= kSchools; ++s)
            for (int c = 0; c < 2; ++c)
                for (int i = 0; i < 12; ++i) {
                    ParticipantResult r;
                    r.schoolId = s;
                    r.procedureId = p + 1;
                    r.className = QString::number(kProcedures[p].grade) +
                                  (c == 0 ? QStringLiteral("А") : QStringLiteral("Б"));
                    r.participantCode = QStringLiteral("%1-%2-%3-%4").arg(p).arg(s).arg(c).arg(i);
                    const int sum = 8 + i;
                    for (int t = 0; t < 10; ++t)
                        r.taskPoints.append(
                            blankTasks && s == 2 && p == 0
                                ? std::int8_t{-1}
                                : static_cast<std::int8_t>(std::clamp(sum - 2 * t, 0, 2)));
                    r.primaryScore = sum;
                    r.mark = sum >= 17 ? 5 : sum >= 13 ? 4 : 3;
                    const bool strict = s == 1 && c == 1 && p != 0 && p != 4;
                    r.journalMark = r.mark - (strict ? 1 : 0) + (i < (s + p + c) % 3 ? 1 : 0);
                    data.addResult(r);
                }
    data.finish();
    return data;
}

const JournalMismatchCriterion::ClassJournal &classOf(const ClassJournals &journals,
                                                      const AnalysisDataset &data, int procedure,
                                                      int school, const QString &name) {
    for (std::size_t u = 0; u < data.units().size(); ++u) {
        const auto &unit = data.units()[u];
        if (unit.procedure == procedure && unit.school == school)
            for (const auto &c : journals.of(u))
                if (c.name == name)
                    return c;
    }
    static const JournalMismatchCriterion::ClassJournal none;
    ADD_FAILURE() << "no class " << name.toStdString();
    return none;
}

} // namespace

TEST(ClassJournals, AClassIsComparedWithItselfInItsOtherSubjectsAndYears) {
    const AnalysisDataset data = region();
    const ClassJournals journals(data, RegionReferences::totalsOf(data), AnalysisSettings());
    const JournalSchoolBaseline &b = journals.baseline();
    ASSERT_TRUE(b.valid());

    // 5Б of 2024 Математика: its other procedures are 5Б Русский язык, 6Б of 2025 (two subjects)
    // and 4Б of 2023 — four, all strict: residual about −1 (the expected shift is the median of
    // the procedure's classes, −1/12 to 0; a strict class's shift 1 − k/12). Its own residual about
    // 0: one mark softer than itself. Against the school's other eleven classes (seven not strict)
    // the difference would be about 0.
    const auto &planted = classOf(journals, data, 0, 0, QStringLiteral("5Б"));
    ASSERT_GE(planted.inSchool, 0);
    const auto &w = b.within(static_cast<std::size_t>(planted.inSchool));
    EXPECT_TRUE(w.available);
    EXPECT_EQ(w.others, 4);
    EXPECT_NEAR(w.baseline, -1, 0.2);
    EXPECT_NEAR(w.difference, 1, 0.35);
    // school 1's 5А of 2024: its own four, none strict (not the school's strict 5Б)
    const auto &a = classOf(journals, data, 0, 0, QStringLiteral("5А"));
    EXPECT_EQ(b.within(static_cast<std::size_t>(a.inSchool)).others, 4);
    EXPECT_NEAR(b.within(static_cast<std::size_t>(a.inSchool)).baseline, 0, 0.2);
    // the next cohort's 5Б of 2025 is another class: alone, no baseline
    const auto &next = classOf(journals, data, 4, 0, QStringLiteral("5Б"));
    EXPECT_EQ(b.within(static_cast<std::size_t>(next.inSchool)).others, 0);
    EXPECT_FALSE(b.within(static_cast<std::size_t>(next.inSchool)).available);
    // 6Б of 2025 (strict) against the cohort's other four, one of them the softer 5Б of 2024
    const auto &later = classOf(journals, data, 2, 0, QStringLiteral("6Б"));
    EXPECT_EQ(b.within(static_cast<std::size_t>(later.inSchool)).others, 4);
    EXPECT_NEAR(b.within(static_cast<std::size_t>(later.inSchool)).baseline, -1, 0.2);
    EXPECT_GT(b.z(static_cast<std::size_t>(planted.inSchool)), 3);
}

// A class's position comes from its primary scores: a school that entered no task points (its
// works «не выполнял» in every task, the primary scores given) has classes as strong as their
// scores, not classes that solved nothing (which made a usual journal look lenient or strict
// against the level line).
TEST(ClassJournals, AClassPositionIsItsPrimaryScoresNotItsTaskPoints) {
    for (const bool blank : {false, true}) {
        const AnalysisDataset data = region(blank);
        const ClassJournals journals(data, RegionReferences::totalsOf(data), AnalysisSettings());
        // every school writes the same works (8–19 points): every class at the procedure's mean
        for (int school : {1, 2}) {
            const auto &c = classOf(journals, data, 0, school, QStringLiteral("5А"));
            EXPECT_NEAR(c.position, 0, 1e-9) << "school index " << school << " blank " << blank;
        }
    }
}
