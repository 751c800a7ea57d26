#pragma once
#include "objectivity/core/common/Result.h"
#include "objectivity/core/plan/Plan.h"
#include "objectivity/io/export/PlanExportOptions.h"

#include <QString>

namespace objectivity::io {

// Writes the printed form of a plan (or its execution report) to a PDF file: A4 in the chosen
// orientation, ГОСТ margins, page numbers. The file is replaced only when the whole PDF was
// written.
class PlanPdfWriter {
public:
    static core::Status write(const core::Plan &plan, const QString &path,
                              const PlanExportOptions &options = {});
};

} // namespace objectivity::io
