#pragma once
#include "objectivity/core/common/Result.h"
#include "objectivity/core/plan/Plan.h"
#include "objectivity/io/export/PlanExportOptions.h"

#include <QString>

namespace objectivity::io {

// Writes a plan to an Excel workbook (.xlsx):
//  - sheet «План»: approval block and title, then the table with the plan's own columns and
//    headings, section rows merged across and bold, wrapped text, borders, frozen header row,
//    header repeated on printed pages, A4 landscape fitted to the page width, page numbers;
//    in report mode the status, completion date (a real Excel date, dd.mm.yyyy) and note columns
//    and the totals per section;
//  - sheet «Исполнение»: the execution summary per section on the report date (today for a plan).
// Document properties carry the title and the organization. The file is replaced only when the
// whole workbook was written.
class PlanXlsxWriter {
public:
    static core::Status write(const core::Plan &plan, const QString &path,
                              const PlanExportOptions &options = {});
};

} // namespace objectivity::io
