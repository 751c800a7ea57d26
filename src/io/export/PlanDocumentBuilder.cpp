#include "objectivity/io/export/PlanDocumentBuilder.h"

#include "objectivity/core/plan/ExecutionReport.h"
#include "objectivity/io/export/PlanExportTable.h"

#include <QAbstractTextDocumentLayout>
#include <QTextCursor>
#include <QTextDocument>
#include <QTextTable>

#include <algorithm>

namespace objectivity::io {

namespace {

QTextCharFormat charFormat(bool bold = false, bool italic = false, qreal size = 0) {
    QTextCharFormat f;
    f.setFont(
        PlanDocumentBuilder::documentFont(size > 0 ? size : PlanDocumentBuilder::kTablePointSize),
        QTextCharFormat::FontPropertiesAll);
    if (bold)
        f.setFontWeight(QFont::Bold);
    f.setFontItalic(italic);
    return f;
}

QTextBlockFormat blockFormat(Qt::Alignment alignment) {
    QTextBlockFormat f;
    f.setAlignment(alignment);
    f.setTopMargin(0);
    f.setBottomMargin(0);
    return f;
}

// Writes text into a cell; '\n' starts a new paragraph with the same format.
void fillCell(QTextTable *table, int row, int column, const QString &text,
              const QTextCharFormat &format, Qt::Alignment alignment) {
    QTextTableCell cell = table->cellAt(row, column);
    if (table->format().border() > 0) {
        // With collapsed borders Qt draws the lines the cells ask for.
        QTextTableCellFormat cf = cell.format().toTableCellFormat();
        cf.setBorder(table->format().border());
        cf.setBorderStyle(QTextFrameFormat::BorderStyle_Solid);
        cf.setBorderBrush(Qt::black);
        cell.setFormat(cf);
    }
    QTextCursor cursor = cell.firstCursorPosition();
    cursor.setBlockFormat(blockFormat(alignment));
    cursor.insertText(text, format);
}

void addApprovalBlock(QTextCursor &cursor, const QStringList &lines) {
    if (lines.isEmpty())
        return;
    // A borderless two-column table places the block at the top right without floating frames.
    QTextTableFormat layout;
    layout.setBorder(0);
    layout.setBorderStyle(QTextFrameFormat::BorderStyle_None);
    layout.setCellPadding(0);
    layout.setCellSpacing(0);
    layout.setWidth(QTextLength(QTextLength::PercentageLength, 100));
    layout.setColumnWidthConstraints({QTextLength(QTextLength::PercentageLength, 58),
                                      QTextLength(QTextLength::PercentageLength, 42)});
    QTextTable *table = cursor.insertTable(1, 2, layout);
    QTextCursor cell = table->cellAt(0, 1).firstCursorPosition();
    for (int i = 0; i < lines.size(); ++i) {
        if (i > 0)
            cell.insertBlock();
        // «УТВЕРЖДАЮ» and «ПРОЕКТ» stand out; the rest is plain text.
        const bool heading = i == 0 && (lines.size() > 1 || lines[0] == QStringLiteral("ПРОЕКТ"));
        cell.setBlockFormat(blockFormat(Qt::AlignLeft));
        cell.insertText(lines[i], charFormat(heading, false, 12));
    }
    cursor.movePosition(QTextCursor::End);
}

} // namespace

PlanDocumentBuilder::PlanDocumentBuilder(PlanExportOptions options) : m_options(options) {}

QFont PlanDocumentBuilder::documentFont(qreal pointSize) {
    QFont font(QStringLiteral("Liberation Serif"));
    font.setPointSizeF(pointSize);
    font.setStyleHint(QFont::Serif, QFont::PreferQuality);
    return font;
}

QPageLayout PlanDocumentBuilder::pageLayout(PlanExportOptions::Orientation orientation) {
    return QPageLayout(QPageSize(QPageSize::A4),
                       orientation == PlanExportOptions::Orientation::Landscape
                           ? QPageLayout::Landscape
                           : QPageLayout::Portrait,
                       QMarginsF(20, 20, 10, 20), QPageLayout::Millimeter);
}

std::unique_ptr<QTextDocument> PlanDocumentBuilder::build(const core::Plan &plan) const {
    auto doc = std::make_unique<QTextDocument>();
    doc->setUndoRedoEnabled(false);
    doc->setDefaultFont(documentFont(kTablePointSize));
    doc->setDocumentMargin(0);
    doc->setUseDesignMetrics(true);
    doc->setMetaInformation(QTextDocument::DocumentTitle, plan.title.simplified());
    const QPageLayout page = pageLayout(m_options.orientation);
    doc->setPageSize(page.paintRectPoints().size() * (96.0 / 72.0));
    const PlanExportTable layout(plan, m_options);

    QTextCursor cursor(doc.get());
    cursor.beginEditBlock();
    cursor.setBlockFormat(blockFormat(Qt::AlignLeft));
    addApprovalBlock(cursor, layout.approvalLines());

    // Title: centred, bold, one paragraph per line, a blank line below.
    const QStringList title = layout.titleLines();
    for (int i = 0; i < title.size(); ++i) {
        if (i > 0 || !doc->isEmpty())
            cursor.insertBlock();
        QTextBlockFormat bf = blockFormat(Qt::AlignHCenter);
        if (i == 0)
            bf.setTopMargin(12);
        cursor.setBlockFormat(bf);
        cursor.insertText(title[i], charFormat(true, false, kTitlePointSize));
    }
    cursor.insertBlock();
    cursor.setBlockFormat(blockFormat(Qt::AlignLeft));
    addTable(cursor, plan, layout);
    cursor.endEditBlock();
    return doc;
}

int PlanDocumentBuilder::tableRowCount(const core::Plan &plan) const {
    const bool report = m_options.isReport();
    int rowCount = 1;
    for (const core::Section &s : plan.sections)
        rowCount += 1 + int(s.measures.size()) + (report ? 1 : 0);
    if (report)
        ++rowCount;
    return rowCount;
}

// The header row, then per section a full-width bold row and its measures (and in a report the
// section's totals), then the plan's totals.
void PlanDocumentBuilder::addTable(QTextCursor &cursor, const core::Plan &plan,
                                   const PlanExportTable &layout) const {
    std::unique_ptr<const core::ExecutionReport> owned;
    if (m_options.isReport())
        owned = std::make_unique<const core::ExecutionReport>(plan, m_options.reportDate);
    const core::ExecutionReport *report = owned.get();

    const QList<core::PlanColumn> &columns = layout.columns();
    const int columnCount = int(columns.size());

    QTextTableFormat tf;
    tf.setHeaderRowCount(1);
    tf.setBorder(0.75);
    tf.setBorderStyle(QTextFrameFormat::BorderStyle_Solid);
    tf.setBorderBrush(Qt::black);
    tf.setBorderCollapse(true);
    tf.setCellSpacing(0);
    tf.setCellPadding(3);
    tf.setWidth(QTextLength(QTextLength::PercentageLength, 100));
    QList<QTextLength> widths;
    for (double w : layout.widthPercents())
        widths.append(QTextLength(QTextLength::PercentageLength, w));
    tf.setColumnWidthConstraints(widths);
    QTextTable *table = cursor.insertTable(tableRowCount(plan), columnCount, tf);

    const QTextCharFormat plain = charFormat();
    const QTextCharFormat bold = charFormat(true);
    const QTextCharFormat italic = charFormat(false, true);
    for (int c = 0; c < columnCount; ++c)
        fillCell(table, 0, c, columns[c].heading.simplified(), bold, Qt::AlignHCenter);

    const auto fullWidth = [&](int row, const QString &text, const QTextCharFormat &format,
                               Qt::Alignment alignment) {
        table->mergeCells(row, 0, 1, columnCount);
        fillCell(table, row, 0, text, format, alignment);
    };
    int row = 1;
    for (int si = 0; si < plan.sections.size(); ++si) {
        const core::Section &section = plan.sections[si];
        fullWidth(row++, PlanExportTable::sectionText(section).simplified(), bold,
                  Qt::AlignHCenter);
        for (int mi = 0; mi < section.measures.size(); ++mi, ++row) {
            const core::Measure &m = section.measures[mi];
            const core::ExecutionReport::Row *er =
                report ? &report->sections()[si].rows[mi] : nullptr;
            for (int c = 0; c < columnCount; ++c) {
                const bool overdueMark =
                    er && er->overdue && columns[c].role == core::ColumnRole::Status;
                fillCell(table, row, c, layout.cellText(m, c, er), overdueMark ? bold : plain,
                         layout.isCentered(c) ? Qt::AlignHCenter : Qt::AlignLeft);
            }
        }
        if (report)
            fullWidth(row++,
                      QStringLiteral("Итого по разделу: ") +
                          report->sections()[si].totals.describe(),
                      italic, Qt::AlignLeft);
    }
    if (report) {
        const core::ExecutionTotals &t = report->totals();
        fullWidth(row,
                  QStringLiteral("Итого по плану: %1; выполнено %2 %")
                      .arg(t.describe())
                      .arg(t.donePercent()),
                  bold, Qt::AlignLeft);
    }
}

} // namespace objectivity::io
