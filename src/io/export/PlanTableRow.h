#pragma once
#include "objectivity/core/plan/Plan.h"
#include "objectivity/io/export/PlanExportOptions.h"

#include <QList>
#include <QStringList>

namespace objectivity::io {

class PlanExportTable;

// The rows of a plan's table as the editable forms (DOCX, ODT) write them: the header, then per
// section a full-width row and its measures, in a report the section's totals and at the end the
// plan's. A measure row has one text per column ('\n' separates paragraphs of one cell: the lines
// of a multi-line text, one owner each).
struct PlanTableRow {
    enum class Kind { Header, Section, Measure, SectionTotals, PlanTotals };
    Kind kind = Kind::Measure;
    QStringList cells; // one per column; one text for the full-width kinds
    QList<bool> bold;  // per cell (an overdue status is bold)
    bool isFullWidth() const { return kind != Kind::Header && kind != Kind::Measure; }

    static QList<PlanTableRow> rows(const core::Plan &plan, const PlanExportTable &table,
                                    const PlanExportOptions &options);
};

} // namespace objectivity::io
