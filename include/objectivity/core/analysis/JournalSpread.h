#pragma once
#include "objectivity/core/analysis/UnitAccumulator.h"

#include <vector>

namespace objectivity::core {

// How the schools (or the classes) of one procedure (year, kind, grade, subject) differ in their
// journal shift: the mean of «отметка за работу − отметка по журналу» over the participants with
// both marks. In marks, not in shares: a teacher's leniency moves every journal mark, and its mean
// measures it with far less noise than the share «повысили − понизили». The shift depends on the
// level of the school, so it is compared with schools of the same level: slope is Tukey's
// resistant line of the shift on the school's standardised position (the slope between the
// medians of the lowest and the highest third by position; a least-squares line would be tilted
// by the one far-off school it should find); centre the median of
// shift − slope·position; scaleLow / scaleHigh 1.4826 × the median distance from the centre of the
// schools at or below / at or above it (each side from its own schools: many strict journals do
// not widen the bar for a lenient one); betweenSdLow / High the part of that spread not explained
// by sampling, √max(0, scale² − median sampling variance), the honest variation of teachers'
// marking between schools, against which one school is compared. The sampling variance of a
// unit's shift is diffVar / pairs (diffVar: the variance of mark − journal over every pair of the
// schools given).
struct JournalSpread {
    struct Counts {
        int raised = 0, lowered = 0, pairs = 0;
        double position = 0;               // standardised position of the unit against the region
        double diffSum = 0, diffSumSq = 0; // Σ (mark − journal) and its squares over `pairs`
        // Σ journal mark and Σ journal mark² over the journalCount pairs: the level of the
        // journal marks (the same pairs; kept apart for counts built by hand)
        double journalSum = 0, journalSumSq = 0;
        int journalCount = 0;
        double shift() const { return pairs > 0 ? diffSum / pairs : 0; }
        double journalMean() const { return journalCount > 0 ? journalSum / journalCount : 0; }
    };

    int schools = 0;
    double slope = 0;
    double centre = 0;
    double betweenSdLow = 0, betweenSdHigh = 0;
    double diffMean = 0, diffVar = 0; // of mark − journal over every pair of the schools given
    // The level of the journal marks over every pair of the schools (classes) given: mean and SD
    // of the journal mark; journalSd 0 when the counts carry no journal marks (level unknown).
    double journalMean = 0;
    double journalSd = 0;

    // «повысили», «понизили», the sums of mark − journal and of the journal marks of a unit.
    static Counts countsOf(const UnitAccumulator &acc);
    static JournalSpread of(const std::vector<Counts> &schools);
    // The shift expected of schools at this position: centre + slope·position.
    double expected(double position) const { return centre + slope * position; }
    // (shift − expected(position)) / √(betweenSd² + diffVar / pairs), betweenSd of the side the
    // unit lies on: the unit's distance from the schools of its level in their honest spread;
    // NaN when fewer than `minSchools` schools or no spread.
    double robustZ(const Counts &unit, int minSchools) const;
    // (mean journal mark of the unit − journalMean) / (journalSd / √journalCount): how far the
    // unit's journal marks lie above (+) or below (−) the region's usual journal marks, in standard
    // errors; NaN when the level is unknown. Grading relative to the class gives every class the
    // region's usual marks (z near 0) whatever its ability; lenient marks lift them above it.
    double levelZ(const Counts &unit) const;
};

} // namespace objectivity::core
