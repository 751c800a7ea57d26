#pragma once
#include "objectivity/core/analysis/AnalysisReport.h"
#include "objectivity/io/export/AnalysisScope.h"
#include "objectivity/io/export/ReportDocument.h"

namespace objectivity::io {

// The «аналитическая справка» as a document model (docs/results.md): organisation, title per
// the filters, date and number; 1. Основание и цель; 2. Какие данные; 3. Метод (the criteria by
// kind, as the engine names them; thresholds; the methodology); 4. Результаты (tables, figures
// with captions, the schools with signs, the two kinds apart); 5. Выводы и рекомендации (per
// kind); the signature line. With scope.schoolCode: the school's own справка (ВСОКО) with every
// sign explained in words.
class AnalysisReportBuilder {
public:
    static ReportDocument build(const core::AnalysisReport &report, const AnalysisScope &scope);
    // The width of the text column on A4 portrait (ГОСТ Р 7.0.97 margins 30 + 10 mm).
    static constexpr double kTextWidthMm = 170;
};

} // namespace objectivity::io
