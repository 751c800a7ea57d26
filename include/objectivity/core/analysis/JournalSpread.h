#pragma once
#include "objectivity/core/analysis/UnitAccumulator.h"

#include <vector>

namespace objectivity::core {

// How the schools of one procedure (year, kind, grade, subject) differ in their journal shift
// «повысили − понизили» (share of participants whose mark is above their journal mark minus the
// share below it). The shift depends on the level of the school (a strong school's «5» cannot be
// «понизили», teachers grading relative to the class give a strong class lower marks), so it is
// compared with schools of the same level: slope is the least-squares slope of the shift on the
// school's standardised position, centre and scale the median and MAD·1.4826 of
// shift − slope·position over the schools with at least the minimum of participants with a
// journal mark; betweenSd is the part of that spread not explained by sampling
// (sqrt(max(0, scale² − median sampling variance))): the honest variation of teachers' marking
// between schools, against which one school is compared.
struct JournalSpread {
    struct Counts {
        int raised = 0, lowered = 0, pairs = 0;
        double position = 0; // standardised position of the unit against the region
        // Σ journal mark and Σ journal mark² over the pairs (the level of the journal marks)
        double journalSum = 0, journalSumSq = 0;
        double shift() const { return pairs > 0 ? double(raised - lowered) / pairs : 0; }
        double journalMean() const { return pairs > 0 ? journalSum / pairs : 0; }
    };

    int schools = 0;
    double slope = 0;
    double centre = 0;
    double scale = 0;
    double betweenSd = 0;
    // The level of the journal marks over every pair of the schools (classes) given: mean and SD
    // of the journal mark; journalSd 0 when the counts carry no journal sums (level unknown).
    double journalMean = 0;
    double journalSd = 0;

    static Counts countsOf(const UnitAccumulator &acc);
    // The sampling variance of a unit's shift with `pairs` participants at the shares pRaised and
    // pLowered: (pR + pL − (pR − pL)²) / pairs.
    static double samplingVariance(double pRaised, double pLowered, int pairs);
    static JournalSpread of(const std::vector<Counts> &schools);
    // The shift expected of schools at this position: centre + slope·position.
    double expected(double position) const { return centre + slope * position; }
    // (shift − expected(position)) / sqrt(betweenSd² + samplingVariance): the unit's distance from
    // the schools of its level in their honest spread; NaN when fewer than `minSchools` schools.
    double robustZ(const Counts &unit, double pRaised, double pLowered, int minSchools) const;
    // (mean journal mark of the unit − journalMean) / (journalSd / √pairs): how far the unit's
    // journal marks lie above (+) or below (−) the region's usual journal marks, in standard
    // errors; NaN when the level is unknown. Grading relative to the class gives every class the
    // region's usual marks (z near 0) whatever its ability; lenient marks lift them above it.
    double levelZ(const Counts &unit) const;
};

} // namespace objectivity::core
