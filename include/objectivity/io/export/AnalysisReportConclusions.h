#pragma once
#include "objectivity/io/export/ReportDocument.h"

namespace objectivity::io {

// Section 5 of the аналитическая справка, «Выводы и рекомендации»: per kind of sign, what was
// found and the measures it calls for (docs/results.md). Words only: the counts come from
// AnalysisTotals through AnalysisReportBuilder.
class AnalysisReportConclusions {
public:
    struct Counts {
        bool school = false; // a school's own справка: the counts are its signs, not schools
        int results = 0;     // signs (school) or schools with signs of results
        int current = 0;     // the same for current assessment
        int schools = 0;     // schools of the region or municipality analysed
        double resultsShare = 0; // % of those schools with signs of results
    };
    static void append(ReportDocument &doc, const Counts &counts);
};

} // namespace objectivity::io
