#pragma once
#include "objectivity/core/analysis/UnitAccumulator.h"

#include <algorithm>
#include <vector>

namespace objectivity::core {

// How far the journal marks of a unit scatter around the marks for the work, against the schools
// of its procedure: the variance V of d = «отметка за работу − отметка по журналу» inside the
// unit's classes (each class about its own mean: a class marked as a whole softer or stricter,
// or relative to its level, is what journal_mismatch_* test; here only how differently the journal
// departs from the work for different pupils is left), pooled over the classes (Σ squares / Σ (n_c
// − 1)); over the whole unit when the rows do not name the class of every pupil.
//
// The schools are compared on log V (a variance is compared by its ratio): centre the median of
// log V over the procedure's units, scaleHigh 1.4826 × the median distance above the centre of
// the units at or above it (only the high side: strong schools with «5» and «5» everywhere have
// no scatter and must not narrow the bar), betweenSd = √max(0, scaleHigh² − median sampling
// variance), the honest spread of teachers' agreement with the work. The sampling variance of
// log V is (κ − 1) / df (the delta method for a sample variance: Var(s²) ≈ σ⁴(κ − 1)/n, κ the
// kurtosis of d, pooled over the procedure; 2/df for normal d).
struct JournalScatter {
    struct Counts {
        int pairs = 0;      // participants with both marks
        int df = 0;         // Σ (n_c − 1) over the classes (n − 1 over the unit)
        int classes = 0;    // classes the variance was taken within (0: the whole unit)
        double squares = 0; // Σ (d − d̄_c)²
        double fourth = 0;  // Σ (d − d̄_c)⁴
        // V with a floor of a quarter disagreement: a unit where every journal mark equals the
        // work's mark has no log
        double variance() const { return df > 0 ? std::max(squares, 0.25) / df : 0; }
    };

    int units = 0;
    double centre = 0; // median log V
    double betweenSd = 0;
    double kurtosis = 3; // pooled kurtosis of d about the class means

    // d inside each class of `classes` with journal pairs when they hold every pair of `unit`,
    // else over `unit`.
    static Counts countsOf(const UnitAccumulator &unit,
                           const std::vector<UnitAccumulator> &classes);
    static JournalScatter of(const std::vector<Counts> &units);
    // the sampling variance of log V of a unit with `df`
    double samplingVariance(int df) const { return df > 0 ? (kurtosis - 1) / df : 0; }
    // (log V − centre) / √(betweenSd² + samplingVariance): the unit's distance from the usual
    // scatter in the honest spread of schools; NaN when fewer than `minUnits` units or df 0
    double robustZ(const Counts &unit, int minUnits) const;
    // (log V − centre) / √samplingVariance: the test on the unit's own participants
    double t(const Counts &unit) const;
    // the usual SD of d inside classes: √exp(centre)
    double usualSd() const;
};

} // namespace objectivity::core
