#pragma once
#include "objectivity/core/common/Result.h"
#include "objectivity/io/export/ReportDocument.h"

#include <QPageLayout>

#include <atomic>

class QPagedPaintDevice;
class QTextDocument;

namespace objectivity::io {

// A ReportDocument printed as a Russian office document: A4 portrait, margins 20 mm (left 30 mm,
// right 10 mm), Liberation Serif (metric-compatible with Times New Roman) 14 pt text and 12 pt
// tables, headings bold, the table heading repeated on every page, figures centred with their
// captions, the page number at the top centre from the second page.
class ReportPdfWriter {
public:
    static QPageLayout pageLayout();
    // Landscape: margins 20 mm (right 10 mm, bottom 15 mm), for ReportDocument::landscape.
    static QPageLayout pageLayout(bool landscape);
    static core::Status write(const ReportDocument &doc, const QString &path,
                              const std::atomic<bool> *cancel = nullptr);
    // Lays the document out for `device` (a QPdfWriter, a QPrinter of a print preview) and paints
    // every page; the page count, or an error when `cancel` was set.
    static core::Result<int> paint(const ReportDocument &doc, QPagedPaintDevice *device,
                                   const std::atomic<bool> *cancel = nullptr);
    // The laid-out text document for a device (tests read its text and page count).
    static void build(const ReportDocument &doc, QTextDocument *text, QPagedPaintDevice *device);
};

} // namespace objectivity::io
