#pragma once
#include "objectivity/core/analysis/AnalysisDataset.h"

namespace objectivity::core {

// The same pupils' works in two procedures of one school, matched by participant code: the ВПР of
// grade 4 and that of grade 5 a year later, the ВПР of grade 8 and the ОГЭ of grade 9. A school
// compared with itself through its own pupils: each pupil's two standardised scores
// z = (x − x̄ of the procedure) / SD of the procedure, and the school's mean difference of them
// against the region's. Who the pupils are (the composition that makes a school's position vary
// from year to year) cancels in a pupil's own difference; what is left is the within-school
// spread of that difference, pooled over the region.
//
// Codes are trusted only where they identify pupils: a region-wide link is used when at least
// kMinPupils pupils match and their two works correlate within schools at kMinCorrelation or more
// (codes reused by chance — «1», «2», … in every unit — match unrelated works, correlation ≈ 0; two
// tests of the same pupil correlate at 0.5–0.8).
class PupilLink {
public:
    static constexpr int kMinPupils = 100;
    static constexpr double kMinCorrelation = 0.3;

    // The region's mean and SD of the primary score of a procedure.
    struct Standard {
        double mean = 0;
        double sd = 0;
    };
    // One school's matched pupils: n, the means of the standardised scores and the sums of
    // squares and products centred at those means.
    struct Sample {
        int n = 0;
        double meanA = 0, meanB = 0;
        double ssA = 0, ssB = 0, sAB = 0;
    };
    struct Difference {
        bool valid = false;
        double value = 0; // the school's ka·z̄a − kb·z̄b minus the region's mean of it
        // √(max(s², s²ₛ)/n + s²/N): s² the pooled within-school variance, s²ₛ the school's own
        // (larger where its codes link other pupils than the region's codes do)
        double standardError = 0;
    };

    // The correlation of a school's pupils' two works (NaN without spread).
    static double correlation(const Sample &s);
    // Pupils whose code occurs in both units (each unit's pupils sorted by code: finish()).
    static Sample match(const AnalysisDataset::Unit &a, Standard sa, const AnalysisDataset::Unit &b,
                        Standard sb);

    // The region: every school's sample of the same pair of procedures.
    void add(const Sample &s);
    int pupils() const { return static_cast<int>(m_n); }
    // Within-school correlation of the two works of a pupil (NaN without pupils).
    double correlation() const;
    // The codes identify pupils (see the class comment).
    bool valid() const;
    // A school's weighted difference ka·z̄a − kb·z̄b against the region's mean of the same, with
    // the standard error from the within-school variance ka²s²a + kb²s²b − 2·ka·kb·sab, pooled
    // over the region or the school's own, whichever is larger.
    Difference difference(const Sample &s, double ka = 1, double kb = 1) const;

private:
    double m_n = 0, m_sumA = 0, m_sumB = 0; // Σn, Σn·z̄a, Σn·z̄b
    double m_ssA = 0, m_ssB = 0, m_sAB = 0, m_df = 0;
};

} // namespace objectivity::core
