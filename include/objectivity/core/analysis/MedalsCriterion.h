#pragma once
#include "objectivity/core/analysis/AnalysisDataset.h"
#include "objectivity/core/analysis/AnalysisReport.h"
#include "objectivity/core/analysis/AnalysisSettings.h"

namespace objectivity::core {

// medals_unsupported: medallists whose ЕГЭ scores do not meet the medal rules of their year
// (core::MedalRules, from shared/reference/medal_rules.tsv). A school-year unit (ЕГЭ, grade 11,
// empty subject) for every school with medallists. Every medallist is checked against the rules:
// this is a fact, not a statistic — one medallist who does not meet them is a finding that lists
// the participant's code and the rule broken; a medallist without an ЕГЭ result the rule needs
// (e.g. no Русский язык in the data) is named as such. p is 0 when at least medals.min_count
// medallists are unsupported and 1 otherwise (so the correction leaves it as it is); the region's
// share of unsupported medallists is context in the explanation, not the test.
class MedalsCriterion {
public:
    static void appendUnits(const AnalysisDataset &data, const AnalysisSettings &settings,
                            int yearFilter, bool include, QList<UnitReport> &units);
};

} // namespace objectivity::core
