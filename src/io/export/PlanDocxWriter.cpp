#include "objectivity/io/export/PlanDocxWriter.h"

#include "export/PlanApprovalBlock.h"
#include "export/PlanTableRow.h"
#include "objectivity/io/export/DocxDocument.h"
#include "objectivity/io/export/PlanColumnWidths.h"
#include "objectivity/io/export/PlanExportTable.h"

namespace objectivity::io {

namespace {

using Docx = DocxDocument;

constexpr double kTablePointSize = 12;
constexpr double kApprovalWidthMm = 95;

Docx::Table planTable(const core::Plan &plan, const PlanExportTable &layout,
                      const PlanExportOptions &options, double textWidthMm) {
    Docx::Table table;
    table.columnWidths = PlanColumnWidths::forTable(plan, layout, textWidthMm, kTablePointSize);
    table.headerRows = 1;
    table.headerFill = QStringLiteral("F2F2F2");
    table.pointSize = kTablePointSize;
    const int columns = int(layout.columns().size());
    for (const PlanTableRow &row : PlanTableRow::rows(plan, layout, options)) {
        QList<Docx::Cell> cells;
        if (row.isFullWidth()) {
            const bool section = row.kind == PlanTableRow::Kind::Section;
            Docx::Cell cell = Docx::Cell::text(
                row.cells.value(0), section ? Docx::Alignment::Center : Docx::Alignment::Left,
                row.bold.value(0), row.kind == PlanTableRow::Kind::SectionTotals);
            cell.columnSpan = columns;
            // A section title stays with its first measure.
            for (Docx::Paragraph &p : cell.paragraphs)
                p.keepWithNext = section;
            cells.append(cell);
        } else {
            const bool header = row.kind == PlanTableRow::Kind::Header;
            for (int c = 0; c < columns; ++c) {
                const Docx::Alignment alignment = header || layout.isCentered(c)
                                                      ? Docx::Alignment::Center
                                                      : Docx::Alignment::Left;
                Docx::Cell cell =
                    Docx::Cell::text(row.cells.value(c), alignment, row.bold.value(c));
                if (header)
                    cell.verticalAlignment = Docx::VerticalAlignment::Center;
                cells.append(cell);
            }
        }
        table.rows.append(cells);
    }
    return table;
}

} // namespace

core::Status PlanDocxWriter::write(const core::Plan &plan, const QString &path,
                                   const PlanExportOptions &options) {
    const PlanExportTable layout(plan, options);
    Docx doc;
    Docx::PageSetup page;
    page.orientation = options.orientation == PlanExportOptions::Orientation::Landscape
                           ? Docx::Orientation::Landscape
                           : Docx::Orientation::Portrait;
    page.leftMm = 20;
    page.rightMm = 10;
    page.topMm = 20;
    page.bottomMm = 20;
    doc.setPageSetup(page);
    doc.setTitle(plan.title.simplified());
    doc.setAuthor(plan.organization.name.simplified());

    const QStringList approval = PlanApprovalBlock::lines(layout);
    if (!approval.isEmpty()) {
        doc.addRightBlock(approval, kApprovalWidthMm,
                          PlanApprovalBlock::firstLineIsHeading(approval));
        Docx::Paragraph gap;
        gap.keepWithNext = true;
        doc.addParagraph(gap);
    }
    const QStringList title = layout.titleLines();
    for (int i = 0; i < title.size(); ++i) {
        Docx::Paragraph p;
        p.text = title[i];
        p.style = Docx::Style::Title;
        p.keepWithNext = true;
        p.spaceAfterPt = i + 1 == title.size() ? 12 : 0;
        doc.addParagraph(p);
    }
    doc.addTable(planTable(plan, layout, options, doc.textWidthMm()));
    return doc.save(path);
}

} // namespace objectivity::io
