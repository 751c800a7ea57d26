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
class MarkScaleMismatchCriterion {
public:
    static CriterionFinding evaluate(const CriterionInput &in,
                                     const AnalysisDataset::ScaleAgreement &unit,
                                     const AnalysisDataset::ScaleAgreement &region,
                                     const QString &scaleNote);
};

} // namespace objectivity::core
