#include "BenchScore.h"

#include <cstdio>

using namespace objectivity;
using namespace objectivity::core;
using namespace objectivity::simulation;

namespace objectivity::bench {

void printScore(const Score &s) {
    std::printf(
        "  | manipulation           | planted | flagged | recall | by its criterion          "
        "  | units of %d+: by its criterion |\n",
        kLargeUnit);
    std::printf("  |------------------------|--------:|--------:|-------:|------------------------"
                "------|-------------------------------:|\n");
    for (Manipulation m : allManipulations()) {
        if (m == Manipulation::StrongSchoolHonest)
            continue;
        const int n = s.planted.value(int(m)), f = s.found.value(int(m)),
                  e = s.foundExpected.value(int(m));
        const int ln = s.plantedLarge.value(int(m)), lf = s.foundLarge.value(int(m));
        const QString large = ln ? QStringLiteral("%1 / %2 = %3")
                                       .arg(lf, 3)
                                       .arg(ln, 3)
                                       .arg(double(lf) / ln, 4, 'f', 2)
                                 : QStringLiteral("—");
        std::printf("  | %-22s | %7d | %7d | %6.2f | %-24s %3d | %30s |\n",
                    qPrintable(manipulationCode(m)), n, f, n ? double(f) / n : 0.0,
                    qPrintable(expectedCriterion(m)), e, qPrintable(large));
    }
    std::printf("  units of %d+ flagged by any results-kind criterion:", kLargeUnit);
    for (Manipulation m : allManipulations())
        if (const int ln = s.plantedLarge.value(int(m)); ln > 0)
            std::printf(" %s %d/%d", qPrintable(manipulationCode(m)),
                        s.foundLargeAnyResult.value(int(m)), ln);
    std::printf("\n");
    for (auto it = s.variantPlanted.begin(); it != s.variantPlanted.end(); ++it) {
        const int ln = s.variantPlantedLarge.value(it.key());
        std::printf("      %-36s by its criterion %3d / %3d; units of %d+: %3d / %3d\n",
                    qPrintable(it.key()), s.variantFound.value(it.key()), it.value(), kLargeUnit,
                    s.variantFoundLarge.value(it.key()), ln);
        if (it.key().startsWith(QStringLiteral("help_hard_tasks")))
            std::printf("      %-36s units of %d+: person_fit %3d / %3d, difficulty_inversion or "
                        "person_fit %3d / %3d\n",
                        "", kLargeUnit, s.variantPersonFitLarge.value(it.key()), ln,
                        s.variantEitherLarge.value(it.key()), ln);
    }
    std::printf("  honest units (20+ participants) flagged: %d / %d = %.2f%% (result criteria "
                "%d = %.2f%%, journal criteria %d = %.2f%%)\n",
                s.honestFlagged, s.honest, s.honest ? 100.0 * s.honestFlagged / s.honest : 0.0,
                s.honestResults, s.honest ? 100.0 * s.honestResults / s.honest : 0.0,
                s.honestJournal, s.honest ? 100.0 * s.honestJournal / s.honest : 0.0);
    for (auto it = s.honestByCriterion.begin(); it != s.honestByCriterion.end(); ++it)
        std::printf("      %-26s %d\n", qPrintable(it.key()), it.value());
    for (auto it = s.variationUnits.begin(); it != s.variationUnits.end(); ++it)
        std::printf("  honest units (20+) of %s schools: %d, with a results flag %d = %.2f%%\n",
                    qPrintable(it.key()), it.value(), s.variationResults.value(it.key()),
                    it.value() ? 100.0 * s.variationResults.value(it.key()) / it.value() : 0.0);
    for (auto it = s.variationByCriterion.begin(); it != s.variationByCriterion.end(); ++it)
        std::printf("      %-36s %d\n", qPrintable(it.key()), it.value());
    std::printf("  honest units (20+) of schools with a usual journal: %d, flagged by journal "
                "criteria %d = %.2f%%; journal flags of honest units by journal style:\n",
                s.honestUsual, s.honestUsualJournal,
                s.honestUsual ? 100.0 * s.honestUsualJournal / s.honestUsual : 0.0);
    for (auto it = s.honestUnitsByStyle.begin(); it != s.honestUnitsByStyle.end(); ++it) {
        const int flagged = s.honestJournalUnitsByStyle.value(it.key());
        std::printf("      %-14s honest units %5d, with a journal flag %4d = %5.2f%%\n",
                    qPrintable(it.key()), it.value(), flagged,
                    it.value() ? 100.0 * flagged / it.value() : 0.0);
    }
    std::printf("  honest units (20+) with a FALSE journal flag (counted against the <= 5 %% "
                "target: any at usual and class-relative journals, lenient at strict-fair): "
                "%d / %d = %.2f%%\n",
                s.honestJournalFalse, s.honest,
                s.honest ? 100.0 * s.honestJournalFalse / s.honest : 0.0);
    for (auto it = s.honestJournalByStyle.begin(); it != s.honestJournalByStyle.end(); ++it)
        std::printf("      %-40s %d\n", qPrintable(it.key()), it.value());
    std::printf("  honest school-years with medallists (any number) flagged medals_unsupported: "
                "%d / %d\n",
                s.honestMedalFlagged, s.honestMedalUnits);
    const int pushes = s.plantedLarge.value(int(Manipulation::BoundaryPush));
    std::printf("  boundary_push in units of 20+: expected recall of the test at the run's cut-off "
                "(mean oracle power) %.2f; detectable (power >= 0.5) %d of %d, found %d; most "
                "powerful test of each push: mean power %.2f, detectable %d\n",
                pushes ? s.pushPowerSum / pushes : 0.0, s.pushDetectable, pushes,
                s.pushDetectableFound, pushes ? s.pushIdealSum / pushes : 0.0,
                s.pushIdealDetectable);
    for (auto it = s.planPowerUnits.begin(); it != s.planPowerUnits.end(); ++it)
        std::printf("  %s in units of 20+ (power of %s at the run's cut-off, from the planted "
                    "shift): mean power %.2f; detectable (power >= 0.5) %d of %d, found %d\n",
                    qPrintable(manipulationCode(Manipulation(it.key()))),
                    qPrintable(expectedCriterion(Manipulation(it.key()))),
                    it.value() ? s.planPowerSum.value(it.key()) / it.value() : 0.0,
                    s.planDetectable.value(it.key()), it.value(),
                    s.planDetectableFound.value(it.key()));
    std::printf("  strong_school_honest units flagged: %d / %d = %.2f%% "
                "(high_results_unconfirmed: %d)\n",
                s.strongFlagged, s.strongUnits,
                s.strongUnits ? 100.0 * s.strongFlagged / s.strongUnits : 0.0, s.strongHigh);
    for (auto it = s.strongByCriterion.begin(); it != s.strongByCriterion.end(); ++it)
        std::printf("      %-26s %d\n", qPrintable(it.key()), it.value());
    std::printf("  strong honest units with a FALSE journal flag: %d / %d = %.2f%%; with the other "
                "honest units: %d / %d = %.2f%%\n",
                s.strongJournalFalse, s.strongUnits,
                s.strongUnits ? 100.0 * s.strongJournalFalse / s.strongUnits : 0.0,
                s.strongJournalFalse + s.honestJournalFalse, s.strongUnits + s.honest,
                s.strongUnits + s.honest ? 100.0 * (s.strongJournalFalse + s.honestJournalFalse) /
                                               (s.strongUnits + s.honest)
                                         : 0.0);
    std::printf("  journal flags of strong honest units by journal style:\n");
    for (auto it = s.strongJournalByStyle.begin(); it != s.strongJournalByStyle.end(); ++it)
        std::printf("      %-40s %d\n", qPrintable(it.key()), it.value());
    std::printf("  of them strong ordinary СОШ units: %d, high_results_unconfirmed: %d\n",
                s.strongOrdinaryUnits, s.strongOrdinaryHigh);
}

} // namespace objectivity::bench
