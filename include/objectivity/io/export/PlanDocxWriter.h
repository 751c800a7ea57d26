#pragma once
#include "objectivity/core/common/Result.h"
#include "objectivity/core/plan/Plan.h"
#include "objectivity/io/export/PlanExportOptions.h"

#include <QString>

namespace objectivity::io {

// Writes the printed form of a plan (or its execution report) as a Word document (.docx) for Word,
// LibreOffice Writer, Р7-Офис and МойОфис: A4 (landscape by default), the approval block at the top
// right («УТВЕРЖДАЮ», position, signature, order with its date or a blank «"___" ________ 20__ г.»;
// «ПРОЕКТ» for a draft), the centred title, the plan's table with its own columns (widths from the
// content), the header row repeated on every page, rows never split across pages, each line of a
// cell and each owner a paragraph of that cell, page numbers in the footer. Times New Roman 12 pt.
// The file is replaced only when fully written.
class PlanDocxWriter {
public:
    static core::Status write(const core::Plan &plan, const QString &path,
                              const PlanExportOptions &options = {});
};

} // namespace objectivity::io
