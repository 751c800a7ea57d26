#pragma once
#include "objectivity/core/analysis/AnalysisReport.h"
#include "objectivity/core/common/Result.h"

namespace objectivity::io {

// The analysis report as an Excel workbook (libxlsxwriter): «Признаки по школам» (markers per
// school with the flags and explanations), «Единицы анализа» (every unit with its metrics and
// region/municipality references), «Пороговые значения» (the thresholds used).
class AnalysisXlsxWriter {
public:
    static core::Status write(const core::AnalysisReport &report, const QString &path);
};

} // namespace objectivity::io
