#pragma once
#include "objectivity/core/common/Result.h"
#include "objectivity/core/plan/Plan.h"
#include "objectivity/io/export/PlanExportOptions.h"

#include <QSizeF>

#include <vector>

class QPagedPaintDevice;

namespace objectivity::io {

// Paints the printed form of a plan (or its execution report) page by page onto a printer or PDF
// writer — the one painter of the print preview and the PDF. The body lies inside the ГОСТ margins
// (20/10/20/20 mm from the sheet's edges, whatever margins the device has); the page number is
// centred in the top margin of every page but the first (ГОСТ Р 7.0.97-2016, п. 6.5). The pages
// come from PlanPrintLayout (each cell laid out once, at a fixed resolution the painter scales to
// the device's); the painter draws each line of text with QTextLine::draw (real text in a PDF, not
// pictures) and the grid with plain lines: the header row and every row are closed by a line, so
// every page's table ends with its bottom line. The device's page size and orientation are used as
// they are. The work is linear in the plan.
class PlanDocumentPainter {
public:
    // What was painted on a page, in PlanPrintLayout's units (PlanPrintLayout::kDotsPerInch) from
    // the top of the page body.
    struct PageRecord {
        int rows = 0;               // table rows or parts of rows, without the header row
        double tableTop = 0;        // the first horizontal line (above the header row)
        double tableBottom = 0;     // the bottom of the last row
        double bottomLine = -1;     // the lowest horizontal line drawn across the table
        double lowestText = 0;      // the bottom of the lowest line of text in the table
        double verticalsBottom = 0; // where the column lines end
    };
    struct Stats {
        int pages = 0;
        std::vector<PageRecord> records;
    };

    // Returns the number of pages painted, or an error when painting could not start.
    static core::Result<int> paint(const core::Plan &plan, const PlanExportOptions &options,
                                   QPagedPaintDevice &device, Stats *stats = nullptr);
    // The page body of the device in millimetres: the sheet less the ГОСТ margins.
    static QSizeF bodyMillimetres(const QPagedPaintDevice &device);
};

} // namespace objectivity::io
