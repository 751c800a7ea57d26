#pragma once
// The values a criterion reads (core::CriterionInput holds references to them), for the criterion
// tests: a test's fixture derives from it, fills what its case needs and passes input().
#include "objectivity/core/analysis/AnalysisSettings.h"
#include "objectivity/core/analysis/CriterionInput.h"
#include "objectivity/core/analysis/UnitAccumulator.h"
#include "objectivity/core/analysis/UnitMetrics.h"
#include "objectivity/core/results/Procedure.h"
#include "objectivity/core/results/ProcedureLayout.h"
#include "objectivity/core/results/School.h"

namespace objectivity::test {

struct CriterionInputs {
    core::Procedure procedure;
    core::School school;
    core::ProcedureLayout layout;
    core::UnitAccumulator unit, region;
    core::UnitMetrics metrics, regionMetrics;
    core::AnalysisSettings settings;

    core::CriterionInput input() const {
        return {procedure, school, layout, unit, region, metrics, regionMetrics, settings};
    }
};

} // namespace objectivity::test
