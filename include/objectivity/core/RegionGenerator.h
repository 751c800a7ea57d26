#pragma once
#include "objectivity/core/RegionPlan.h"
#include "objectivity/core/RegionSink.h"

namespace objectivity::core {

// The realistic results data generator: a region of municipalities and schools, years of ВПР, ОГЭ
// and ЕГЭ with planted manipulations (plan().planted() is the ground truth). Deterministic for a
// seed. run() streams the results to a sink year by year, school by school.
class RegionGenerator {
public:
    explicit RegionGenerator(const GeneratorOptions &options) : m_plan(options) {}

    const RegionPlan &plan() const { return m_plan; }

    struct Summary {
        qint64 rows = 0;
        int units = 0;
        bool cancelled = false;
    };
    Summary run(RegionSink &sink) const;

private:
    RegionPlan m_plan;
};

} // namespace objectivity::core
