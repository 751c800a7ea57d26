#pragma once
#include "objectivity/simulation/RegionSink.h"
#include "objectivity/simulation/SimulatedRegion.h"

namespace objectivity::simulation {

// The realistic results data generator: a region of municipalities and schools, years of ВПР, ОГЭ
// and ЕГЭ with planted manipulations (plan().planted() is the ground truth). Deterministic for a
// seed. run() streams the results to a sink year by year, school by school.
class RegionGenerator {
public:
    explicit RegionGenerator(const GeneratorOptions &options) : m_plan(options) {}

    const SimulatedRegion &plan() const { return m_plan; }

    struct Summary {
        qint64 rows = 0;
        int units = 0;
        bool cancelled = false;
    };
    Summary run(RegionSink &sink) const;

private:
    SimulatedRegion m_plan;
};

} // namespace objectivity::simulation
