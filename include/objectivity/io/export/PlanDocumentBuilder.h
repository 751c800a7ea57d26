#pragma once
#include "objectivity/core/plan/ExecutionReport.h"
#include "objectivity/core/plan/Plan.h"
#include "objectivity/io/export/PlanExportOptions.h"

#include <QFont>
#include <QPageLayout>
#include <QSizeF>

#include <memory>

class QPaintDevice;
class QTextCursor;
class QTextDocument;

namespace objectivity::io {

class PlanExportTable;

// Builds the printed form of a plan as a QTextDocument — the one source for print preview, PDF and
// ODT — following ГОСТ Р 7.0.97-2016: Liberation Serif (metric-compatible with Times New Roman),
// approval block top right, centred bold title, the plan's table with its own columns and headings,
// the header row repeated on every page, section rows across the whole width in bold. In report
// mode: status, completion date and note columns, overdue marks, totals per section and for the
// plan.
class PlanDocumentBuilder {
public:
    explicit PlanDocumentBuilder(PlanExportOptions options = {});

    // The device and the page body (in its units) a document is laid out for. Qt lays a table
    // out in full whenever the page size is set and again when its lazy layout resumes after it;
    // a document built for a target is created with its layout for the device and the page size
    // and gets its content in one edit block: it is laid out once, when the build ends.
    struct LayoutTarget {
        QPaintDevice *device = nullptr;
        QSizeF bodySize;
    };

    // A new document (owned by the caller, created in the calling thread). Without a target the
    // page size is set for A4 in the chosen orientation at 96 dpi and nothing is laid out yet.
    std::unique_ptr<QTextDocument> build(const core::Plan &plan) const;
    std::unique_ptr<QTextDocument> build(const core::Plan &plan, const LayoutTarget &target) const;
    // A slice of that document for painting a long table page by page (PlanDocumentPainter): a
    // spacer paragraph (one line of spacerHeight, a fixed line height), then the same table with
    // its header row and only the rows firstRow..lastRow of the whole table (row 0 is the header).
    std::unique_ptr<QTextDocument> buildRows(const core::Plan &plan, int firstRow, int lastRow,
                                             qreal spacerHeight, const LayoutTarget &target) const;
    // Rows of the plan's table in build(): the header, sections, measures, in a report the totals.
    int tableRowCount(const core::Plan &plan) const;

    // A4, the chosen orientation, margins left 20 mm, right 10 mm, top and bottom 20 mm.
    static QPageLayout pageLayout(PlanExportOptions::Orientation orientation);
    // Liberation Serif at the given size, set explicitly (no fallback to whatever is installed).
    static QFont documentFont(qreal pointSize = 12);
    static constexpr qreal kTitlePointSize = 14;
    static constexpr qreal kTablePointSize = 12;

private:
    std::unique_ptr<QTextDocument> newDocument(const core::Plan &plan,
                                               const LayoutTarget &target) const;
    void addTable(QTextCursor &cursor, const core::Plan &plan, const PlanExportTable &layout,
                  int firstRow, int lastRow) const;

    PlanExportOptions m_options;
    // The execution report of the plan last built (the same plan object: build and its slices).
    mutable std::shared_ptr<const core::ExecutionReport> m_report;
    mutable const core::Plan *m_reportPlan = nullptr;
};

} // namespace objectivity::io
