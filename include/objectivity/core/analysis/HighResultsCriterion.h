#pragma once
#include "objectivity/core/analysis/CriterionFinding.h"
#include "objectivity/core/analysis/CriterionInput.h"
#include "objectivity/core/analysis/JournalSchoolBaseline.h"

namespace objectivity::core {

// high_results_unconfirmed (ФИОКО 2018): ВПР results above the school's own level on ГИА, in a
// school that is not a гимназия/лицей/school with advanced study of the subject. With the school's
// ГИА (GiaEvidenceIndex): z = (Pᵥ − P_g)/√(SEᵥ² + SE_g²) on the standardised positions against
// the region, one-sided; the effect: Pᵥ ≥ high_results.min_position and Pᵥ − P_g ≥
// high_results.min_gap_sd. Without ГИА in the data nothing confirms or refutes the results: not
// tested unless high_results.flag_without_gia = 1, which falls back to the Welch z-test on the mean
// % against the region with high_results.min_diff_pp.
class HighResultsCriterion {
public:
    static bool exempt(const School &school, const QString &subject);
    static CriterionFinding evaluate(const CriterionInput &in, const GiaEvidence &gia);
    // The school's own ГИА significantly above the region (one-sided 2.5 %): it confirms high
    // results even where the ВПР puts the school higher still.
    static bool confirmedAbove(const GiaEvidence &gia);
    // «подтверждено ГИА школы по предмету (ОГЭ 2024, 35 уч.): +0,82 при ст. ошибке 0,30 — выше
    // региона»
    static QString confirmedAboveText(const GiaEvidence &gia);
    // «по сравнению с журналом школы»: the ВПР result above the school's usual while its journal
    // marks stay where they usually are. The unit's shift «отметка за работу − отметка по
    // журналу» against the school's other units (JournalSchoolBaseline, the strict side:
    // zStrict ≥ high_results.journal_min_z), the unit's position above the median of the
    // school's other units and above the same pupils' other ВПР subjects of the year by at
    // least high_results.journal_min_rise pupil SDs (a stronger cohort is stronger in every
    // subject, and a school that marks relative to the class keeps its journal where it was).
    // Not tested where the school's journal demonstrably does not follow its results: the slope
    // of its journal level on the position over its other units plus two standard errors below
    // kMinJournalFollow of the region's median slope (a school grading relative to the class
    // keeps its journal flat, and a good teacher's result would look inflated); a slope too
    // uncertain to tell leaves the unit tested. p = Φ̄(zStrict), with the honest spread of units
    // inside schools, corrected in its own family («journal»). `entry` −1: no journal marks.
    static constexpr double kMinJournalFollow = 0.5;
    static CriterionFinding evaluateAgainstJournal(const CriterionInput &in,
                                                   const JournalSchoolBaseline &baseline,
                                                   int entry);
};

} // namespace objectivity::core
