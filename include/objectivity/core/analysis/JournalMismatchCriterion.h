#pragma once
#include "objectivity/core/analysis/CriterionFinding.h"
#include "objectivity/core/analysis/CriterionInput.h"
#include "objectivity/core/analysis/JournalSchoolBaseline.h"
#include "objectivity/core/analysis/JournalSpread.h"

#include <vector>

namespace objectivity::core {

// Signs of non-objective current marks (kind CurrentAssessment), from the journal shift
// «повысили − понизили» of the unit against the spread of the schools of its procedure
// (JournalSpread):
// - journal_mismatch_lenient: far more «понизили» (mark < journal mark) than schools usually have
//   — the journal marks are more lenient than the independent result;
// - journal_mismatch_strict: far more «повысили» (mark > journal mark), the ВПР result not above
//   the region — the journal marks are stricter than the independent result;
// - journal_mismatch_inflated: far more «повысили» and the ВПР result above the region by at least
//   journal.inflated_position — the result is above what the teacher's own marks support.
// The shift is the mean «отметка − журнал» over the participants with both marks. The per-unit
// test is z = (shift − mean of the procedure's schools) / √(variance / n), one-sided; the effect
// needs |robust z| ≥ journal.min_robust_z (JournalSpread::robustZ).
//
// Level: grading relative to the class (the class's usual distribution of marks whatever its
// ability) shifts a weak class towards «понизили» and a strong one towards «повысили» without any
// leniency. Lenient is therefore named only when the unit's mean journal mark is also above the
// region's mean journal mark by journal.min_level_z standard errors, strict and inflated only
// when it is below it by as many (JournalSpread::levelZ; default 1.645, one-sided 5 %): a strong
// class with the region's usual journal marks is the class's level, not a sign.
//
// Classes (lenient and strict): a class of a parallel is compared with the spread of the region's
// classes in the procedure (classSpread: the same median/MAD over classes of at least
// min_participants pairs, which holds the teacher-to-teacher spread inside schools). With K ≥ 2
// such classes, the most extreme class must pass the Šidák threshold for the largest of K,
// z_K = Φ̄⁻¹(1 − (1 − Φ̄(min_robust_z))^(1/K)), and its p becomes 2·(1 − (1 − p)^K); the parallel's p
// becomes 2·p (parallel and classes are two looks). The finding is the class's (label «класс 5Б»)
// when it has the effect and the smaller corrected p, else the parallel's: one finding per unit.
class JournalMismatchCriterion {
public:
    // Fewer schools with journal marks in the procedure: the spread is not estimated.
    static constexpr int kMinSchools = 5;

    // Marks f as not tested and returns true when the unit has no participant with both the work's
    // mark and a journal mark, or fewer than min_participants (the reasons every journal criterion
    // gives, journal_mismatch_scatter too).
    static bool skipWithoutPairs(const CriterionInput &in, CriterionFinding &f);

    struct ClassJournal {
        QString name; // «5Б»
        const UnitAccumulator *counts = nullptr;
        double position = 0; // standardised position of the class against the region
        int inSchool = -1;   // its entry in the classes' JournalSchoolBaseline (−1: none)
    };

    static CriterionFinding evaluateLenient(const CriterionInput &in, const JournalSpread &spread,
                                            double position);
    static CriterionFinding evaluateStrict(const CriterionInput &in, const JournalSpread &spread,
                                           double position);
    static CriterionFinding evaluateInflated(const CriterionInput &in, const JournalSpread &spread,
                                             double position);
    // The parallel and its most extreme class (above).
    static CriterionFinding evaluateLenient(const CriterionInput &in, const JournalSpread &spread,
                                            double position,
                                            const std::vector<ClassJournal> &classes,
                                            const JournalSpread &classSpread);
    static CriterionFinding evaluateStrict(const CriterionInput &in, const JournalSpread &spread,
                                           double position,
                                           const std::vector<ClassJournal> &classes,
                                           const JournalSpread &classSpread);
    // The unit against its own school's other units (JournalSchoolBaseline), lenient side: a
    // second finding of journal_mismatch_lenient, label «по сравнению со школой». The effect needs
    // z ≥ journal.within_min_z, more «понизили» than «повысили» (a strong class of a strict school
    // with «5» for the work and in the journal differs from the school only by the ceiling) and the
    // unit's journal marks above the school's usual level by journal.min_level_z standard errors (a
    // class graded relative to itself keeps the school's usual marks); p from t on the unit's own
    // participants. `entry` −1: the unit has no entry (skipped as the parallel's finding is).
    static CriterionFinding evaluateLenientInSchool(const CriterionInput &in,
                                                    const JournalSpread &spread, double position,
                                                    const JournalSchoolBaseline &baseline,
                                                    int entry);
    // The same with the parallel's classes: each class against the same class in its other
    // procedures (classBaseline over the region's classes, grouped by class: ClassJournals); the
    // most extreme of K ≥ 1 classes must pass the Šidák threshold for the largest of K from
    // journal.class_within_min_z, its p becomes 2·(1 − (1 − p)^K), the parallel's 2·p; the class's
    // finding (label «класс 5Б, по сравнению с этим же классом») when it has the effect and the
    // smaller corrected p, else the parallel's.
    static CriterionFinding evaluateLenientInSchool(
        const CriterionInput &in, const JournalSpread &spread, double position,
        const JournalSchoolBaseline &baseline, int entry, const std::vector<ClassJournal> &classes,
        const JournalSpread &classSpread, const JournalSchoolBaseline &classBaseline);
    // Šidák: P(the smallest of k independent p-values ≤ p) = 1 − (1 − p)^k.
    static double sidak(double p, int k);
    // The robust-z threshold for the largest of k classes that keeps the one-class tail Φ̄(minZ).
    static double sidakThreshold(double minZ, int k);
};

} // namespace objectivity::core
