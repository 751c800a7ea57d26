#pragma once
#include "objectivity/core/common/Result.h"
#include "objectivity/io/export/PlanDocumentBuilder.h"

#include <QtGlobal>

#include <functional>
#include <memory>

class QPagedPaintDevice;
class QTextDocument;

namespace objectivity::io {

// Paints a document built by PlanDocumentBuilder page by page onto a printer or PDF writer: the
// body inside the ГОСТ margins (20/10/20/20 mm from the sheet's edges, whatever margins the device
// has), the table header repeated by the layout, and the page number centred in the top margin of
// every page but the first (ГОСТ Р 7.0.97-2016, п. 6.5). The device's page size and orientation are
// used as they are; the document is built for the device's resolution and page body
// (PlanDocumentBuilder::LayoutTarget), so that Qt lays it out once.
//
// Qt paints a table's repeated header by walking every page the table spans, for every page it
// paints: a long table costs the square of its page count. Given `rows` (PlanDocumentBuilder::
// buildRows), the painter lays the whole document out once to know where every row falls, then
// paints all pages but the first few (when there are more than sliceFromPages) from slices of
// kPagesPerSlice pages: a document of only the rows that appear on those pages, moved down so that
// every row falls at the same place of its page (checked; a slice that does not match is not used
// and those pages come from the whole document). The pages are the same; the work is linear.
class PlanDocumentPainter {
public:
    using Target = PlanDocumentBuilder::LayoutTarget;
    // PlanDocumentBuilder::build for the target.
    using DocumentBuilder = std::function<std::unique_ptr<QTextDocument>(const Target &target)>;
    // PlanDocumentBuilder::buildRows for the target.
    using RowsBuilder = std::function<std::unique_ptr<QTextDocument>(
        int firstRow, int lastRow, qreal spacerHeight, const Target &target)>;
    // What a paint cost: pages painted, slices used, and the pages of the documents painted from,
    // summed over the pages painted (the pages Qt walks to repeat the table's header).
    struct Stats {
        int pages = 0;
        int slices = 0;
        qint64 pagesWalked = 0;
    };
    static constexpr int kPagesPerSlice = 6;
    // Below this many pages the slices cost more (each row is laid out twice) than they save
    // (measured: a 60-page plan costs the same sliced or not, a 117-page report 30 % less sliced).
    static constexpr int kSliceFromPages = 80;

    // Returns the number of pages painted, or an error when painting could not start.
    static core::Result<int> paint(const DocumentBuilder &document, QPagedPaintDevice &device,
                                   const RowsBuilder &rows = {}, Stats *stats = nullptr,
                                   int sliceFromPages = kSliceFromPages);
};

} // namespace objectivity::io
