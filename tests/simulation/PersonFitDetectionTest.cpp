// person_fit on a generated region (a small detection run): help on hard tasks planted in one
// class of the parallel is flagged and the class named; honest units of 20+ are almost never
// flagged. The figures on large regions and several settings are analysis_bench's
// (docs/methodology.md §6).
#include "GeneratorCollector.h"

#include "objectivity/core/analysis/AnalysisEngine.h"
#include "objectivity/simulation/RegionGenerator.h"

#include <QHash>
#include <gtest/gtest.h>

using namespace objectivity::core;
using namespace objectivity::simulation;

namespace {

GeneratorOptions options() {
    GeneratorOptions o;
    o.seed = 11;
    o.schools = 90;
    o.municipalities = 4;
    o.firstYear = 2024;
    o.lastYear = 2024;
    o.oneClassShare = 1.0; // every help plant with two classes or more: in one class
    o.cohortScale = 1.6;   // parallels of two classes and more
    return o;
}

QString key(const QString &school, int year, ProcedureKind kind, int grade, const QString &s) {
    return QStringLiteral("%1|%2|%3|%4|%5").arg(school).arg(year).arg(int(kind)).arg(grade).arg(s);
}

} // namespace

TEST(PersonFitDetection, HelpInOneClassFoundHonestUnitsNot) {
    const GeneratorOptions o = options();
    objectivity::test::GeneratorCollector collected;
    RegionGenerator generator(o);
    generator.run(collected);
    const AnalysisDataset data = collected.dataset();
    const AnalysisReport report = AnalysisEngine::run(data, AnalysisSettings());

    QHash<QString, const UnitReport *> units;
    for (const UnitReport &u : report.units)
        units.insert(key(u.schoolCode, u.year, u.kind, u.grade, u.subject), &u);
    QHash<QString, int> plantedClass; // help plants: class index (−1 = the whole parallel)
    QSet<QString> planted;
    for (const PlantedManipulation &m : generator.plan().planted()) {
        const QString k = key(m.schoolCode, m.year, m.kind, m.grade, m.subject);
        planted.insert(k);
        if (m.manipulation == Manipulation::HelpHardTasks)
            plantedClass.insert(k, m.classIndex);
    }
    auto personFit = [](const UnitReport &u) -> const CriterionFinding * {
        for (const CriterionFinding &f : u.findings)
            if (f.code == QStringLiteral("person_fit"))
                return &f;
        return nullptr;
    };
    int helped = 0, found = 0, oneClass = 0, named = 0;
    for (auto it = plantedClass.begin(); it != plantedClass.end(); ++it) {
        const UnitReport *u = units.value(it.key());
        if (!u || u->n < 20)
            continue;
        const CriterionFinding *f = personFit(*u);
        ASSERT_TRUE(f) << qPrintable(it.key());
        ++helped;
        found += f->flagged ? 1 : 0;
        if (it.value() >= 0 && f->flagged) {
            ++oneClass;
            // the generator's letters: А, Б, В, …
            const QString letter = QString(QStringLiteral("АБВГДЕЖИКЛМН").at(it.value()));
            named += f->label.startsWith(QStringLiteral("класс")) && f->label.endsWith(letter);
        }
    }
    ASSERT_GE(helped, 3);
    EXPECT_GE(found, helped * 2 / 3) << found << " of " << helped;
    EXPECT_GE(oneClass, 1);
    EXPECT_EQ(named, oneClass);

    int honest = 0, falseFlags = 0, tested = 0;
    for (const UnitReport &u : report.units) {
        if (u.n < 20 || planted.contains(key(u.schoolCode, u.year, u.kind, u.grade, u.subject)))
            continue;
        const CriterionFinding *f = personFit(u);
        if (!f)
            continue;
        ++honest;
        tested += f->tested() ? 1 : 0;
        falseFlags += f->flagged ? 1 : 0;
    }
    EXPECT_GT(tested, honest / 2); // the region is large enough for the cut-offs
    EXPECT_LE(falseFlags, std::max(1, honest / 50)) << falseFlags << " of " << honest;
}

TEST(PersonFitDetection, TheRegionsSpreadOfClassesIsAllowedFor) {
    // the generator's teachers differ in what they stress, so the region's classes differ in
    // their share of aberrant works beyond chance: the engine hands that spread to person_fit,
    // whose explanation names it (PersonFitCriterionTest has the formula)
    objectivity::test::GeneratorCollector collected;
    RegionGenerator(options()).run(collected);
    const AnalysisReport report = AnalysisEngine::run(collected.dataset(), AnalysisSettings());
    int effects = 0, withSpread = 0;
    for (const UnitReport &u : report.units)
        for (const CriterionFinding &f : u.findings)
            if (f.code == QStringLiteral("person_fit") && f.effect) {
                ++effects;
                withSpread += f.explanation.contains(
                    QStringLiteral("разброс этой доли между классами сверх случайного (±"));
            }
    EXPECT_GT(withSpread, 0) << effects;
}
