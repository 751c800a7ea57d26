#pragma once
#include "objectivity/core/analysis/AnalysisDataset.h"
#include "objectivity/core/analysis/UnitAccumulator.h"

#include <vector>

namespace objectivity::core {

// The region's spread of difficulty_inversion's tilt δ (a school's own shift of its hard tasks'
// difficulty) between schools beyond their pupils' noise (ExcessSpread), per procedure: of the
// units and, apart, of their classes of min_participants (one teacher each: classes differ more
// than schools). A procedure's own estimate from a few dozen schools is rough (in a 30-school
// region from 20 times too small to 3 times too large), and a school × task interaction moves δ
// of a procedure with h hard tasks by about τ²/h whatever the procedure: so τ² is estimated from
// every unit of every procedure (δ·√h and its error ·√h), and a procedure takes its own estimate
// shrunk towards τ²/h with the credibility k/(k + k₀) of its k schools (Bühlmann; k₀ =
// ExcessSpread::kMinSchools), never below its own; τ²/h where it has too few schools.
struct InversionSpread {
    std::vector<double> units, classes; // per procedure of the dataset

    // totals: every procedure's accumulated works (the region); threads: for the units' excess
    static InversionSpread of(const AnalysisDataset &data,
                              const std::vector<UnitAccumulator> &totals, int minN, int threads);
};

} // namespace objectivity::core
