#pragma once
#include <QRectF>
#include <QString>

namespace objectivity::io {

// One word of a laid-out page and where it stands: a word of a PDF page (PdfPlanReader, box in
// points from the page's top left) or a run of characters of space-aligned text
// (LayoutTextPlanReader, box in character columns and lines). WordTableBuilder rebuilds the
// document's lines, rows and columns from these positions.
struct PageWord {
    QString text;
    QRectF box;
    int page = 1; // 1-based
    int line = 0; // the line of the source text (space-aligned text); 0 for a PDF
};

} // namespace objectivity::io
