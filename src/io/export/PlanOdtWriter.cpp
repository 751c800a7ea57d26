#include "objectivity/io/export/PlanOdtWriter.h"

#include "export/OdtPackage.h"
#include "export/PlanApprovalBlock.h"
#include "export/PlanTableRow.h"
#include "objectivity/io/export/PlanColumnWidths.h"
#include "objectivity/io/export/PlanExportTable.h"

#include <algorithm>

namespace objectivity::io {

namespace {

constexpr double kTablePointSize = 12;
constexpr double kApprovalWidthMm = 95;

// Automatic paragraph styles of content.xml by name: alignment, weight, style, indent, keep.
QString paragraphStyle(const QString &name, const QString &align, bool bold, bool italic,
                       double indentMm = 0, bool keepWithNext = false, const QString &extra = {}) {
    QString s = QStringLiteral("<style:style style:name=\"%1\" style:family=\"paragraph\" "
                               "style:parent-style-name=\"Table_20_Contents\"%2>"
                               "<style:paragraph-properties fo:text-align=\"%3\"")
                    .arg(name, extra, align);
    if (indentMm > 0)
        s += QStringLiteral(" fo:margin-left=\"%1\"").arg(odt::mm(indentMm));
    if (keepWithNext)
        s += QStringLiteral(" fo:keep-with-next=\"always\"");
    s += QStringLiteral("/><style:text-properties");
    if (bold)
        s += QStringLiteral(" fo:font-weight=\"bold\" style:font-weight-complex=\"bold\"");
    if (italic)
        s += QStringLiteral(" fo:font-style=\"italic\" style:font-style-complex=\"italic\"");
    return s + QStringLiteral("/></style:style>");
}

// Cell borders as Writer writes them (adjacent cells must not both draw a line, or it doubles):
// every cell its left and bottom line, the header also its top, the last column its right.
QString cellStyle(const QString &name, const QString &valign, const QString &background, bool top,
                  bool right) {
    const QString line = QStringLiteral("0.5pt solid #000000");
    const QString none = QStringLiteral("none");
    QString s = QStringLiteral("<style:style style:name=\"%1\" style:family=\"table-cell\">"
                               "<style:table-cell-properties style:vertical-align=\"%2\" "
                               "fo:padding-left=\"1mm\" fo:padding-right=\"1mm\" "
                               "fo:padding-top=\"0.5mm\" fo:padding-bottom=\"0.5mm\" "
                               "fo:border-left=\"%3\" fo:border-right=\"%4\" "
                               "fo:border-top=\"%5\" fo:border-bottom=\"%3\"")
                    .arg(name, valign, line, right ? line : none, top ? line : none);
    if (!background.isEmpty())
        s += QStringLiteral(" fo:background-color=\"%1\"").arg(background);
    return s + QStringLiteral("/></style:style>");
}

QString paragraphs(const QString &text, const QString &style) {
    QString out;
    for (const QString &line : text.split(u'\n'))
        out += QStringLiteral("<text:p text:style-name=\"%1\">%2</text:p>")
                   .arg(style, odt::paragraphText(line));
    return out;
}

QString automaticStyles(const QList<double> &percents, double tableWidthMm) {
    QString s = QStringLiteral("<office:automatic-styles>");
    s += QStringLiteral("<style:style style:name=\"Plan\" style:family=\"table\">"
                        "<style:table-properties style:width=\"%1\" table:align=\"margins\" "
                        "fo:margin-top=\"0mm\" fo:margin-bottom=\"0mm\"/></style:style>")
             .arg(odt::mm(tableWidthMm));
    for (int c = 0; c < percents.size(); ++c)
        s += QStringLiteral("<style:style style:name=\"Plan.C%1\" style:family=\"table-column\">"
                            "<style:table-column-properties style:column-width=\"%2\" "
                            "style:rel-column-width=\"%3*\"/></style:style>")
                 .arg(c + 1)
                 .arg(odt::mm(tableWidthMm * percents[c] / 100.0))
                 .arg(std::max(1, int(percents[c] * 100 + 0.5)));
    // A row is never split across pages.
    s += QStringLiteral("<style:style style:name=\"Plan.Row\" style:family=\"table-row\">"
                        "<style:table-row-properties fo:keep-together=\"always\"/></style:style>");
    const QString shade = QStringLiteral("#f2f2f2");
    s += cellStyle(QStringLiteral("Plan.Head"), QStringLiteral("middle"), shade, true, false);
    s += cellStyle(QStringLiteral("Plan.HeadLast"), QStringLiteral("middle"), shade, true, true);
    s += cellStyle(QStringLiteral("Plan.Cell"), QStringLiteral("top"), {}, false, false);
    s += cellStyle(QStringLiteral("Plan.CellLast"), QStringLiteral("top"), {}, false, true);
    const QString left = QStringLiteral("start"), center = QStringLiteral("center");
    // The first paragraph of the document names the first page's master page (A4; the next
    // pages have the number at the top).
    s += paragraphStyle(QStringLiteral("PFirst"), left, false, false, 0, true,
                        odt::firstPageMaster());
    s += paragraphStyle(QStringLiteral("PLeft"), left, false, false);
    s += paragraphStyle(QStringLiteral("PCenter"), center, false, false);
    s += paragraphStyle(QStringLiteral("PLeftBold"), left, true, false);
    s += paragraphStyle(QStringLiteral("PCenterBold"), center, true, false);
    s += paragraphStyle(QStringLiteral("PLeftItalic"), left, false, true);
    s += paragraphStyle(QStringLiteral("PSection"), center, true, false, 0, true);
    const double indent = std::max(0.0, tableWidthMm - kApprovalWidthMm);
    s += paragraphStyle(QStringLiteral("PApproval"), left, false, false, indent, true);
    s += paragraphStyle(QStringLiteral("PApprovalBold"), left, true, false, indent, true);
    s += paragraphStyle(QStringLiteral("PApprovalFirst"), left, false, false, indent, true,
                        odt::firstPageMaster());
    s += paragraphStyle(QStringLiteral("PApprovalFirstBold"), left, true, false, indent, true,
                        odt::firstPageMaster());
    // Title lines; the last one has space below; the first one of a document without an approval
    // block names the master page. (An automatic style's parent must be a common style: Title.)
    for (const bool last : {false, true})
        for (const bool first : {false, true})
            s += QStringLiteral("<style:style style:name=\"PTitle%1%2\" style:family=\"paragraph\" "
                                "style:parent-style-name=\"Title\"%3><style:paragraph-properties "
                                "fo:margin-bottom=\"%4\"/></style:style>")
                     .arg(last ? QStringLiteral("Last") : QString(),
                          first ? QStringLiteral("First") : QString(),
                          first ? odt::firstPageMaster() : QString(),
                          last ? QStringLiteral("4.2mm") : QStringLiteral("0mm"));
    return s + QStringLiteral("</office:automatic-styles>");
}

QString tableXml(const QList<PlanTableRow> &rows, const PlanExportTable &layout) {
    const int columns = int(layout.columns().size());
    QString s = QStringLiteral("<table:table table:name=\"План\" table:style-name=\"Plan\">");
    for (int c = 0; c < columns; ++c)
        s += QStringLiteral("<table:table-column table:style-name=\"Plan.C%1\"/>").arg(c + 1);
    for (const PlanTableRow &row : rows) {
        const bool header = row.kind == PlanTableRow::Kind::Header;
        if (header)
            s += QStringLiteral("<table:table-header-rows>");
        s += QStringLiteral("<table:table-row table:style-name=\"Plan.Row\">");
        if (row.isFullWidth()) {
            const QString style =
                row.kind == PlanTableRow::Kind::Section      ? QStringLiteral("PSection")
                : row.kind == PlanTableRow::Kind::PlanTotals ? QStringLiteral("PLeftBold")
                                                             : QStringLiteral("PLeftItalic");
            s += QStringLiteral("<table:table-cell table:style-name=\"Plan.CellLast\" "
                                "table:number-columns-spanned=\"%1\" office:value-type=\"string\">")
                     .arg(columns);
            s += paragraphs(row.cells.value(0), style) + QStringLiteral("</table:table-cell>");
            for (int c = 1; c < columns; ++c)
                s += QStringLiteral("<table:covered-table-cell/>");
        } else {
            for (int c = 0; c < columns; ++c) {
                const bool centered = header || layout.isCentered(c);
                const bool bold = row.bold.value(c);
                const QString style =
                    centered ? (bold ? QStringLiteral("PCenterBold") : QStringLiteral("PCenter"))
                             : (bold ? QStringLiteral("PLeftBold") : QStringLiteral("PLeft"));
                s += QStringLiteral("<table:table-cell table:style-name=\"%1\" "
                                    "office:value-type=\"string\">")
                         .arg((header ? QStringLiteral("Plan.Head") : QStringLiteral("Plan.Cell")) +
                              (c + 1 == columns ? QStringLiteral("Last") : QString()));
                s += paragraphs(row.cells.value(c), style) + QStringLiteral("</table:table-cell>");
            }
        }
        s += QStringLiteral("</table:table-row>");
        if (header)
            s += QStringLiteral("</table:table-header-rows>");
    }
    return s + QStringLiteral("</table:table>");
}

} // namespace

core::Status PlanOdtWriter::write(const core::Plan &plan, const QString &path,
                                  const PlanExportOptions &options) {
    const PlanExportTable layout(plan, options);
    odt::PageSetup page;
    page.landscape = options.orientation == PlanExportOptions::Orientation::Landscape;
    const double textWidth = page.textWidthMm();
    const QList<double> widths =
        PlanColumnWidths::forTable(plan, layout, textWidth, kTablePointSize);

    QString body;
    const QStringList approval = PlanApprovalBlock::lines(layout);
    const bool heading = PlanApprovalBlock::firstLineIsHeading(approval);
    for (int i = 0; i < approval.size(); ++i) {
        const bool bold = i == 0 && heading;
        const QString style = i == 0 ? (bold ? QStringLiteral("PApprovalFirstBold")
                                             : QStringLiteral("PApprovalFirst"))
                                     : QStringLiteral("PApproval");
        body += QStringLiteral("<text:p text:style-name=\"%1\">%2</text:p>")
                    .arg(style, odt::paragraphText(approval[i]));
    }
    if (!approval.isEmpty())
        body += QStringLiteral("<text:p text:style-name=\"PApproval\"/>");
    const QStringList title = layout.titleLines();
    for (int i = 0; i < title.size(); ++i) {
        QString style =
            i + 1 == title.size() ? QStringLiteral("PTitleLast") : QStringLiteral("PTitle");
        if (i == 0 && approval.isEmpty())
            style += QStringLiteral("First");
        body += QStringLiteral("<text:p text:style-name=\"%1\">%2</text:p>")
                    .arg(style, odt::paragraphText(title[i]));
    }
    if (approval.isEmpty() && title.isEmpty())
        body += QStringLiteral("<text:p text:style-name=\"PFirst\"/>");
    body += tableXml(PlanTableRow::rows(plan, layout, options), layout);
    body += QStringLiteral("<text:p text:style-name=\"PLeft\"/>");

    QString content = QStringLiteral("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    content += QStringLiteral("<office:document-content %1>").arg(odt::namespaces());
    content += odt::fontFaceDecls();
    content += automaticStyles(widths, textWidth);
    content += QStringLiteral("<office:body><office:text>") + body +
               QStringLiteral("</office:text></office:body></office:document-content>");

    return odt::save(path, content.toUtf8(), odt::stylesXml(page),
                     odt::metaXml(plan.title.simplified()));
}

} // namespace objectivity::io
