#pragma once
#include "objectivity/core/plan/ExecutionReport.h"
#include "objectivity/core/plan/Plan.h"
#include "objectivity/io/export/PlanExportOptions.h"

#include <QFont>
#include <QPageLayout>

#include <memory>

class QTextCursor;
class QTextDocument;

namespace objectivity::io {

class PlanExportTable;

// Builds the printed form of a plan as a QTextDocument — for the ODT writer — following ГОСТ Р
// 7.0.97-2016: Liberation Serif (metric-compatible with Times New Roman), approval block top right,
// centred bold title, the plan's table with its own columns and headings, the header row repeated
// on every page, section rows across the whole width in bold. In report mode: status, completion
// date and note columns, overdue marks, totals per section and for the plan. The PDF and the print
// preview are laid out by PlanPrintLayout instead (each cell once, rows kept whole); both take the
// columns, texts, approval and title lines from PlanExportTable.
class PlanDocumentBuilder {
public:
    explicit PlanDocumentBuilder(PlanExportOptions options = {});

    // A new document (owned by the caller, created in the calling thread), its page size set for
    // A4 in the chosen orientation at 96 dpi; nothing is laid out yet.
    std::unique_ptr<QTextDocument> build(const core::Plan &plan) const;
    // Rows of the plan's table in build(): the header, sections, measures, in a report the totals.
    int tableRowCount(const core::Plan &plan) const;

    // A4, the chosen orientation, margins left 20 mm, right 10 mm, top and bottom 20 mm.
    static QPageLayout pageLayout(PlanExportOptions::Orientation orientation);
    // Liberation Serif at the given size, set explicitly (no fallback to whatever is installed).
    static QFont documentFont(qreal pointSize = 12);
    static constexpr qreal kTitlePointSize = 14;
    static constexpr qreal kTablePointSize = 12;

private:
    void addTable(QTextCursor &cursor, const core::Plan &plan, const PlanExportTable &layout) const;

    PlanExportOptions m_options;
};

} // namespace objectivity::io
