#pragma once
#include "objectivity/core/analysis/AnalysisDataset.h"
#include "objectivity/core/analysis/AnalysisReport.h"
#include "objectivity/core/analysis/AnalysisSettings.h"

namespace objectivity::core {

// medals_unsupported: medallists whose ЕГЭ scores do not meet the medal rules of their year
// (rules from shared/reference/medal_rules.tsv: from 2024 gold 70 in Русский язык and 70 in another
// subject, silver 60 and 60; earlier one medal with 70 in Русский язык and the minimum in every
// subject). A school-year unit (ЕГЭ, grade 11, empty subject) for every school with medallists; the
// students' codes are listed. Test: P(X ≥ k) for X ~ Bin(medallists, max(region rate,
// medals.base_rate)).
class MedalsCriterion {
public:
    static void appendUnits(const AnalysisDataset &data, const AnalysisSettings &settings,
                            int yearFilter, bool include, QList<UnitReport> &units);
};

} // namespace objectivity::core
