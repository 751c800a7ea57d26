#pragma once
#include "objectivity/core/analysis/AnalysisReport.h"
#include "objectivity/core/common/Result.h"
#include "objectivity/io/export/AnalysisScope.h"

namespace objectivity::io {

// The analysis report as an Excel workbook (libxlsxwriter), docs/results.md:
// «Сводка» (title, date, data analysed, filters, changed thresholds, totals by municipality and by
// criterion, the two kinds of sign apart), «Диаграммы» (native Excel charts: schools with signs
// by municipality; понизили / подтвердили / повысили by municipality), «Школы» (one row per
// school), «Признаки» (one row per finding: kind, statistic, effect, threshold, reason),
// «Единицы анализа» (every unit with its figures), «Пороговые значения» (Russian names).
// Every sheet prints on A4 landscape at 100 % (no text under 9 pt), the heading row repeated,
// the title and «Стр. N из M» in the page header.
class AnalysisXlsxWriter {
public:
    static core::Status write(const core::AnalysisReport &report, const QString &path,
                              const AnalysisScope &scope = {});
};

} // namespace objectivity::io
