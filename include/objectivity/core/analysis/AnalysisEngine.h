#pragma once
#include "objectivity/core/analysis/AnalysisDataset.h"
#include "objectivity/core/analysis/AnalysisReport.h"
#include "objectivity/core/analysis/AnalysisSettings.h"

#include <atomic>
#include <functional>

namespace objectivity::core {

class RegionReferences;

// Runs every criterion on every unit of a dataset: references (region = all other schools of the
// procedure, municipality = other schools of the municipality, computed once as totals minus the
// school's own counts), metrics, criteria, Benjamini–Hochberg per criterion, school summaries.
// Units are processed on `threads` worker threads.
class AnalysisEngine {
public:
    struct Options {
        int threads = 2;
        int yearFilter = 0;  // 0 = all years (references always use every school of the procedure)
        int kindFilter = -1; // -1 = all, else static_cast<int>(ProcedureKind)
        const std::atomic<bool> *cancel = nullptr;
        // Called from a worker thread with (units done, total); keep it cheap and thread-safe.
        std::function<void(int, int)> progress;
        // With a year chosen: also analyse the years before it, each on its own (its own
        // correction for multiple tests, as a run for that year), as far back as a school with
        // signs of results has them every year — for SchoolSummary::yearsInRow. Only that year's
        // units are reported.
        bool history = true;
        // Called (on the calling thread) before each earlier year is analysed for the history;
        // `progress` then counts that year's units. May be empty.
        std::function<void(int year)> lookingBack;
    };

    static AnalysisReport run(const AnalysisDataset &data, const AnalysisSettings &settings,
                              const Options &options);
    static AnalysisReport run(const AnalysisDataset &data, const AnalysisSettings &settings) {
        return run(data, settings, Options());
    }

private:
    // One run, without the history, against references built for the dataset.
    static AnalysisReport runOnce(const AnalysisDataset &data, const AnalysisSettings &settings,
                                  const Options &options, const RegionReferences &refs);
};

} // namespace objectivity::core
