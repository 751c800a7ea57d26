#pragma once
#include "objectivity/core/analysis/AnalysisReport.h"

#include <QList>

namespace objectivity::core {

// Benjamini–Hochberg per criterion code (or a part's own family, CriterionFinding::
// correctionFamily) over every tested finding of a run, weighted: p/w with the weights scaled to a
// mean of 1 over the family's tests (with every weight 1, the usual BH). Sets qValue and flagged
// (effect && q ≤ α); the families are adjusted on `threads` threads.
class FindingCorrection {
public:
    static void apply(QList<UnitReport> &units, double alpha, int threads);
};

} // namespace objectivity::core
