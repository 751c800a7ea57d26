// Power calculations for the planted manipulations: the cut-off a finding had to reach in a run,
// the power of the comparison criteria from the planted shift, the oracle power of
// boundary_bunching on a planted push.
#pragma once
#include "objectivity/core/analysis/AnalysisDataset.h"
#include "objectivity/core/analysis/AnalysisReport.h"
#include "objectivity/core/analysis/AnalysisSettings.h"
#include "objectivity/core/analysis/CriterionFinding.h"
#include "objectivity/simulation/PlantedManipulation.h"

#include <QString>

#include <cstddef>

namespace objectivity::bench {

// The Benjamini–Hochberg threshold of the next discovery of criterion `code` in this run.
double nextDiscoveryCutoff(const core::AnalysisReport &report, const QString &code, double alpha);
// nextDiscoveryCutoff of boundary_bunching.
double bunchingCutoff(const core::AnalysisReport &report, double alpha);

// The power of a comparison criterion (cohort_drop, high_results_unconfirmed) on one planted unit
// (a power calculation, not a detection). The planted shift of the criterion's effect is the unit's
// effect minus the effect of the same pupils in the region generated without manipulations (same
// seed, strength 0: the same draws, only the manipulation removed), so the sampling noise of the
// unit cancels; its standard error is effect / statistic. With the estimate X ~ N(shift, se), the
// power is P(X ≥ threshold and X / se ≥ z), z the normal quantile of the run's cut-off. The premise
// of the criterion (grade 4 or the ВПР above the region) is not part of it.
struct PlantPower {
    bool valid = false;
    double shift = 0, se = 0, power = 0;
};

PlantPower comparisonPower(const core::CriterionFinding &planted,
                           const core::CriterionFinding &honest, double cutoff);

// The oracle power of boundary_bunching on one planted push (see PlantPower.cpp).
double pushPower(const core::AnalysisDataset &data, std::size_t unitIndex,
                 const simulation::PlantedManipulation &m, double cutoff,
                 const core::AnalysisSettings &settings, double strength, double *moved,
                 bool ideal = false, int draws = 200);

} // namespace objectivity::bench
