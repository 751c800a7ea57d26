// The one-class variants of help_hard_tasks and lenient_journal (GeneratorOptions::oneClassShare)
// change the rows of the named class only, and the plan without the variant stays as it was; the
// guessing model (GeneratorOptions::guessing) lifts a weak student's expected points.
#include "GeneratorCollector.h"

#include "objectivity/simulation/RegionGenerator.h"

#include <gtest/gtest.h>

using namespace objectivity;
using namespace objectivity::core;
using namespace objectivity::simulation;
using objectivity::test::CollectedUnit;
using objectivity::test::GeneratorCollector;

namespace {

GeneratorOptions region(double oneClass, double strength = 1.0) {
    GeneratorOptions o;
    o.seed = 5;
    o.schools = 30;
    o.municipalities = 4;
    o.firstYear = 2023;
    o.lastYear = 2023;
    o.strength = strength;
    o.oneClassShare = oneClass;
    o.cohortScale = 1.6; // parallels of two classes and more
    return o;
}

int classOf(const ParticipantResult &r) {
    // «5Б» → 1 (the generator's letters: А, Б, В, …)
    return QStringLiteral("АБВГДЕЖИКЛМН").indexOf(r.className.right(1));
}

} // namespace

TEST(OneClassVariant, OnlyTheNamedClassChanges) {
    RegionGenerator planted(region(1.0)), honest(region(1.0, 0.0));
    GeneratorCollector a, b;
    planted.run(a);
    honest.run(b);
    ASSERT_EQ(a.units.size(), b.units.size());
    int oneClass = 0;
    for (const PlantedManipulation &m : planted.plan().planted()) {
        if (m.manipulation != Manipulation::HelpHardTasks &&
            m.manipulation != Manipulation::LenientJournal)
            continue;
        const CollectedUnit *u = a.find(m.schoolCode, m.year, m.kind, m.grade, m.subject);
        const CollectedUnit *h = b.find(m.schoolCode, m.year, m.kind, m.grade, m.subject);
        ASSERT_TRUE(u && h);
        int classes = 0;
        for (const ParticipantResult &r : u->rows)
            classes = std::max(classes, classOf(r) + 1);
        if (classes < 2) {
            EXPECT_EQ(m.classIndex, -1);
            continue;
        }
        ASSERT_GE(m.classIndex, 0); // oneClassShare 1: every plant with two classes is one class
        ++oneClass;
        int changedIn = 0, changedOut = 0;
        for (int i = 0; i < u->rows.size(); ++i) {
            const ParticipantResult &x = u->rows.at(i), &y = h->rows.at(i);
            const bool changed = x.taskPoints != y.taskPoints || x.journalMark != y.journalMark;
            (classOf(x) == m.classIndex ? changedIn : changedOut) += changed ? 1 : 0;
        }
        EXPECT_GT(changedIn, 0) << qPrintable(m.schoolCode);
        EXPECT_EQ(changedOut, 0) << qPrintable(m.schoolCode);
    }
    EXPECT_GT(oneClass, 0);
}

TEST(OneClassVariant, ShareZeroKeepsThePlan) {
    GeneratorOptions o = region(0.0);
    const QList<PlantedManipulation> before = RegionGenerator(o).plan().planted();
    for (const PlantedManipulation &m : before)
        EXPECT_EQ(m.classIndex, -1);
    // the variant draws from its own stream: the units and kinds planted are the same
    o.oneClassShare = 1.0;
    const QList<PlantedManipulation> after = RegionGenerator(o).plan().planted();
    ASSERT_EQ(before.size(), after.size());
    for (int i = 0; i < before.size(); ++i) {
        PlantedManipulation x = after.at(i);
        x.classIndex = -1;
        EXPECT_EQ(x, before.at(i));
    }
}

TEST(GuessingModel, LowerAsymptoteLiftsWeakStudents) {
    GeneratorOptions o = region(0.0);
    GeneratedProcedure g = RegionGenerator(o).plan().procedures(2023).first();
    const double weak = g.expectedPrimary(-4.0), strong = g.expectedPrimary(4.0);
    g.guessing = 0.2;
    // far below every task: about a fifth of every step is guessed
    int maxPrimary = 0;
    for (const TaskInfo &t : g.procedure.tasks)
        maxPrimary += t.maxPoints;
    EXPECT_NEAR(g.expectedPrimary(-8.0), 0.2 * maxPrimary, 0.02 * maxPrimary);
    EXPECT_GT(g.expectedPrimary(-4.0), weak + 0.1 * maxPrimary);
    EXPECT_NEAR(g.expectedPrimary(4.0), strong, 0.2 * (maxPrimary - strong) + 1e-9);
}
