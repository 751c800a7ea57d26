#pragma once
#include "objectivity/core/analysis/AnalysisDataset.h"
#include "objectivity/core/analysis/CriterionFinding.h"
#include "objectivity/core/analysis/CriterionInput.h"

namespace objectivity::core {

// mark_scale_mismatch («отметки не соответствуют шкале»): the school gives marks above the ones
// the scale gives for the works' primary scores (a «4» two points below the boundary of «4»)
// far more often than the other schools of the procedure. The scale is the stored one chosen by
// MarkScaleChooser or, without one, the scale inferred from the data (the mark most schools give
// at each score). Marks below the scale are counted and reported, not tested: the official extra
// conditions (ОГЭ: points for geometry, literacy) lower marks legitimately.
// Test: exact binomial, P(X ≥ above | checked, p0), p0 = (region above + ½) / (region checked + 1)
// (the ½ keeps a region without a single deviation from making every deviation certain).
// Effect: at least scale_mismatch.min_count works and a share at least
// scale_mismatch.min_share_pp p.p. above the region's — one clerical error never flags.
// The explanation says which marks were given at which scores, so that the works can be found:
// «3» за 4–5 баллов (по шкале — с 6) — 9 работ.
class MarkScaleMismatchCriterion {
public:
    // primaryMarks: the unit's (rounded primary << 3) | mark (AnalysisDataset::Unit::primaryMarks)
    static CriterionFinding evaluate(const CriterionInput &in,
                                     const AnalysisDataset::ScaleAgreement &unit,
                                     const AnalysisDataset::ScaleAgreement &region,
                                     const QString &scaleNote,
                                     const std::vector<std::uint16_t> &primaryMarks = {});
    // «"3" за 4–5 баллов (по шкале — с 6) — 9 работ, "4" за 10 баллов (по шкале — с 11) — 5
    // работ»: the works marked above the scale, by the mark given; empty when there are none
    static QString aboveScaleDetail(const std::vector<std::uint16_t> &primaryMarks,
                                    const ProcedureLayout &layout);
};

} // namespace objectivity::core
