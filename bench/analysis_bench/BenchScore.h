// Scoring an analysis report against the generator's ground truth (the planted manipulations):
// recall per manipulation and variant, honest units flagged, strong honest schools flagged.
#pragma once
#include "objectivity/core/analysis/AnalysisDataset.h"
#include "objectivity/core/analysis/AnalysisReport.h"
#include "objectivity/core/analysis/AnalysisSettings.h"
#include "objectivity/simulation/GeneratedSchool.h"
#include "objectivity/simulation/Manipulation.h"
#include "objectivity/simulation/PlantedManipulation.h"
#include "objectivity/simulation/SimulatedRegion.h"

#include <QMap>
#include <QString>

namespace objectivity::bench {

// Recall is also printed for the planted units with at least this many participants (the target
// of issue 12: recall ≥ 0.9 in units of 20+).
constexpr int kLargeUnit = 20;

struct Score {
    QMap<int, int> planted, found, foundExpected; // by manipulation
    QMap<int, int> plantedLarge, foundLarge;      // in units of kLargeUnit+ participants
    QMap<int, int> foundLargeAnyResult; // of plantedLarge: flagged by any results-kind criterion
    int honest = 0, honestFlagged = 0;  // units with 20+ participants
    int honestResults = 0, honestJournal = 0; // flagged by result / by journal criteria
    // journal flags of honest units by the school's journal style (JournalStyle): a strict but
    // fair journal flagged journal_mismatch_strict is what the model made it (a true sign of
    // strict current marks); the flags of usual journals are false alarms
    int honestUsual = 0, honestUsualJournal = 0;
    QMap<QString, int> honestJournalByStyle;
    // per journal style: honest units 20+ and those with any journal flag; and the journal flags
    // counted against the ≤ 5 % target (falseJournalFlag): every flag at a usual or class-relative
    // journal, a lenient or inflated one at a strict but fair journal
    QMap<QString, int> honestUnitsByStyle, honestJournalUnitsByStyle;
    int honestJournalFalse = 0;
    // the school-years without medals_unsupported planted that have medallists (any number):
    // a flag there names an honest medallist, whatever the size
    int honestMedalUnits = 0, honestMedalFlagged = 0;
    // boundary_push in units of 20+: the oracle power of the test (pushPower), summed, and the
    // plants it finds with power ≥ 0.5 (detectable) and how many of those were found
    double pushPowerSum = 0, pushIdealSum = 0;
    int pushIdealDetectable = 0;
    int pushDetectable = 0, pushDetectableFound = 0;
    // cohort_drop and high_results_unconfirmed plants in units of 20+ (comparisonPower), by
    // manipulation: the power summed, the units with a power, detectable (≥ 0.5), found of those
    QMap<int, double> planPowerSum;
    QMap<int, int> planPowerUnits, planDetectable, planDetectableFound;
    QMap<QString, int> honestByCriterion;
    // honest units 20+ of the schools with an honest variation (improving, declining, bimodal):
    // the units and those with a results-kind flag, and the flags by «variation criterion»
    QMap<QString, int> variationUnits, variationResults, variationByCriterion;
    QMap<QString, int> variantPlanted, variantFound, variantPlantedLarge, variantFoundLarge;
    // help_hard_tasks in units of 20+ found by person_fit alone and by either of its two criteria
    QMap<QString, int> variantPersonFitLarge, variantEitherLarge;
    int strongOrdinaryUnits = 0, strongOrdinaryHigh = 0; // strong СОШ (no exemption)
    int strongUnits = 0, strongFlagged = 0, strongHigh = 0;
    int strongHighNoGia = 0; // of strongHigh: the school's ГИА in the subject was not in the data
    QMap<QString, int> strongByCriterion;
    QMap<QString, int> strongJournalByStyle; // journal flags of strong honest units by style
    int strongJournalFalse = 0; // strong honest units with a false journal flag (falseJournalFlag)

    void add(const Score &o);
};

// The criterion meant to catch each planted manipulation (others may flag the unit too).
QString expectedCriterion(simulation::Manipulation m);
// The variant of a planted manipulation, for recall by variant (empty: no variants counted).
QString variantOf(const simulation::PlantedManipulation &m);
const char *styleName(simulation::JournalStyle style);
// Is a journal flag on an honest unit a false alarm (counted against the ≤ 5 % target)?
bool falseJournalFlag(simulation::JournalStyle style, const QString &code);

// Scores `report` (the analysis of the region planned by `plan`) against the planted
// manipulations; `withoutPlants`: the analysis of the same region without manipulations.
Score score(const simulation::SimulatedRegion &plan, const core::AnalysisReport &report,
            bool verbose, const core::AnalysisDataset &data, const core::AnalysisSettings &settings,
            double strength, const core::AnalysisReport *withoutPlants = nullptr);
void printScore(const Score &s);

} // namespace objectivity::bench
