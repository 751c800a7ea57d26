#pragma once
#include "objectivity/core/analysis/AnalysisSettings.h"
#include "objectivity/core/analysis/UnitAccumulator.h"
#include "objectivity/core/analysis/UnitMetrics.h"
#include "objectivity/core/results/Procedure.h"
#include "objectivity/core/results/ProcedureLayout.h"
#include "objectivity/core/results/School.h"

namespace objectivity::core {

// What a criterion sees of one unit: the unit and its region reference (all other schools of the
// same procedure), counts and metrics.
struct CriterionInput {
    const Procedure &procedure;
    const School &school;
    const ProcedureLayout &layout;
    const UnitAccumulator &unit;
    const UnitAccumulator &region;
    const UnitMetrics &metrics;
    const UnitMetrics &regionMetrics;
    const AnalysisSettings &settings;
};

// The ГИА (ОГЭ/ЕГЭ) results of the same school in the same subject, summarised for the
// high_results_unconfirmed criterion. position: mean standardised position against the region.
struct GiaEvidence {
    bool found = false;
    double position = 0;
    int participants = 0;
    QString description;      // «ОГЭ 2024, 25 уч.»
    double standardError = 0; // of position
    bool sameCohort = false; // the ВПР participants' own ГИА (e.g. ВПР 8 → ОГЭ 9 next year)
    // position and standardError are in units of the ГИА procedures' spread between schools;
    // this is the spread of the ВПР procedure (1 = positions compared as they are)
    double vprSpread = 1;
    // the ВПР procedure's pooled within-school SD as a share of the region's SD (0 = unknown):
    // the floor of a school's own SD in the standard error of its ВПР position (vprPosition)
    double vprWithin = 0;
    // participants of the school's ГИА units in the subject that could not be used (fewer than
    // `minimum` participants, no spread of scores)
    int smallParticipants = 0;
    int minimum = 0;
    bool elective = false; // the subject's ГИА is chosen (not Русский язык/Математика): not used
    // elective, and the school's level is read from its ОГЭ in Русский язык and Математика (ВПР
    // of grades ≤ 8): the ВПР subject is compared with the school's general level
    bool otherSubjects = false;
    // the same pupils' ВПР and ОГЭ linked by participant code (PupilLink): their gap in units of
    // the spread between schools (ВПР position − ОГЭ position) and its standard error;
    // linkedPupils 0 = no link
    int linkedPupils = 0;
    double linkedGap = 0;
    double linkedSe = 0;
    double linkCorrelation = 0;
    // the region's spread of this kind of gap between schools beyond their standard errors
    // (ExcessSpread: teachers and cohorts differ), in squared units of the spread between schools;
    // already in linkedSe, added to the unlinked test's variance by the criterion
    double excessVariance = 0;
    // the ВПР unit is one class (one teacher) and excessVariance is that of the region's one-class
    // units, larger than its procedure's: their cohorts differ by a whole class's effect
    bool oneClass = false;
};

} // namespace objectivity::core
