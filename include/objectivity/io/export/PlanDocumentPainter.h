#pragma once
#include "objectivity/core/common/Result.h"

#include <QFont>

class QPagedPaintDevice;
class QTextDocument;

namespace objectivity::io {

// Paints a document built by PlanDocumentBuilder page by page onto a printer or PDF writer: the
// body inside the ГОСТ margins (20/10/20/20 mm from the sheet's edges, whatever margins the device
// has), the table header repeated by the layout, and the page number centred in the top margin of
// every page but the first (ГОСТ Р 7.0.97-2016, п. 6.5). The device's page size and orientation are
// used as they are; the document is laid out again for the device's resolution.
class PlanDocumentPainter {
public:
    // Returns the number of pages painted, or an error when painting could not start.
    static core::Result<int> paint(QTextDocument &document, QPagedPaintDevice &device);
};

} // namespace objectivity::io
