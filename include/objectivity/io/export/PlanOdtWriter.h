#pragma once
#include "objectivity/core/common/Result.h"
#include "objectivity/core/plan/Plan.h"
#include "objectivity/io/export/PlanExportOptions.h"

#include <QString>

namespace objectivity::io {

// Writes the printed form of a plan (or its execution report) as an OpenDocument text (.odt) for
// LibreOffice Writer, Word and Р7-Офис, to the standard of PlanDocxWriter: styles.xml with the page
// layout (A4, landscape by default, margins, the page number in the footer), the approval block at
// the top right, the centred title, the plan's table with one column style per column (widths from
// the content), the header row in table:table-header-rows (repeated on every page), rows kept
// whole, one cell per column with a text:p per line (each owner a paragraph). Written with minizip:
// mimetype first and stored, manifest, content, styles, meta. The file is replaced only when fully
// written.
class PlanOdtWriter {
public:
    static core::Status write(const core::Plan &plan, const QString &path,
                              const PlanExportOptions &options = {});
};

} // namespace objectivity::io
