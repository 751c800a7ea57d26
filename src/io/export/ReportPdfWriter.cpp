#include "objectivity/io/export/ReportPdfWriter.h"

#include "objectivity/core/common/FileErrorText.h"

#include <QAbstractTextDocumentLayout>
#include <QPagedPaintDevice>
#include <QPainter>
#include <QPdfWriter>
#include <QSaveFile>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>
#include <QTextTable>
#include <QUrl>

#include <algorithm>
#include <vector>

namespace objectivity::io {

namespace {

using Kind = ReportDocument::Block::Kind;

constexpr double kTextPt = 14, kTablePt = 11, kNotePt = 11;
// Lengths of a QTextDocument laid out for a device are in 96-dpi pixels that the layout scales
// to the device (top and bottom margins, padding, image sizes, tab positions), except a block's
// first-line indent and left margin, which Qt 6.4 takes in the device's own pixels: kIndentPxPerMm
// is set by build() for the device at hand (per thread: the preview and a save may run at once).
constexpr double kPxPerMm = 96 / 25.4;
constexpr double kImagePxPerMm = kPxPerMm;
thread_local double kIndentPxPerMm = kPxPerMm;

QFont serif(double pt) {
    QFont font(QStringLiteral("Liberation Serif"));
    font.setStyleHint(QFont::Serif, QFont::PreferQuality);
    font.setPointSizeF(pt);
    return font;
}

QTextCharFormat chars(double pt, bool bold = false, bool italic = false) {
    QTextCharFormat f;
    f.setFont(serif(pt), QTextCharFormat::FontPropertiesAll);
    f.setFontWeight(bold ? QFont::Bold : QFont::Normal);
    f.setFontItalic(italic);
    return f;
}

QTextBlockFormat paragraph(Qt::Alignment alignment, double indentMm = 0, double beforeMm = 0,
                           double afterMm = 0) {
    QTextBlockFormat f;
    f.setAlignment(alignment);
    f.setTextIndent(indentMm * kIndentPxPerMm);
    f.setTopMargin(beforeMm * kPxPerMm);
    f.setBottomMargin(afterMm * kPxPerMm);
    return f;
}

QTextTable *insertTable(QTextCursor &cursor, const ReportDocument::Block &b) {
    const int columns = int(b.header.size());
    QTextTableFormat format;
    format.setBorder(0.5);
    format.setBorderStyle(QTextFrameFormat::BorderStyle_Solid);
    format.setBorderBrush(Qt::black);
    format.setBorderCollapse(true);
    format.setCellPadding(0.8 * kPxPerMm);
    format.setCellSpacing(0);
    format.setHeaderRowCount(1);
    format.setWidth(QTextLength(QTextLength::PercentageLength, 100));
    QList<QTextLength> widths;
    for (int w : b.widths)
        widths << QTextLength(QTextLength::PercentageLength, w);
    format.setColumnWidthConstraints(widths);
    format.setTopMargin(1 * kPxPerMm);
    format.setBottomMargin(3 * kPxPerMm);
    QTextTable *table = cursor.insertTable(int(b.rows.size()) + 1, columns, format);
    auto fill = [&](int row, int column, const QString &text, bool bold) {
        QTextTableCell cell = table->cellAt(row, column);
        QTextTableCellFormat cf = cell.format().toTableCellFormat();
        cf.setBorder(0.5);
        cf.setBorderStyle(QTextFrameFormat::BorderStyle_Solid);
        cf.setBorderBrush(Qt::black);
        if (row == 0)
            cf.setBackground(QColor(0xF2, 0xF2, 0xF2));
        cell.setFormat(cf);
        QTextCursor c = cell.firstCursorPosition();
        const bool numeric = column > 0 && ReportDocument::isNumericCell(text);
        const QStringList lines = text.split(QLatin1Char('\n'));
        for (int i = 0; i < lines.size(); ++i) {
            if (i > 0)
                c.insertBlock();
            c.setBlockFormat(paragraph(row == 0  ? Qt::AlignHCenter
                                       : numeric ? Qt::AlignRight
                                                 : Qt::AlignLeft));
            c.insertText(lines[i], chars(kTablePt, bold));
        }
    };
    for (int c = 0; c < columns; ++c)
        fill(0, c, b.header[c], true);
    for (int r = 0; r < b.rows.size(); ++r)
        for (int c = 0; c < columns && c < b.rows[r].size(); ++c)
            fill(r + 1, c, b.rows[r][c], b.totalRow && r == b.rows.size() - 1);
    cursor.movePosition(QTextCursor::End);
    return table;
}

// A heading or a table's caption must not stay alone at the foot of a page: `first` is kept on
// the page of `anchor` (the next paragraph, or the first data row of the table).
struct KeepWithNext {
    QTextBlock first;
    QTextBlock anchor;
    bool lastLine = false; // only the last line of `first` must be there (a paragraph may break)
};

int pageOf(const QTextDocument &text, double y) {
    return int(y / text.pageSize().height());
}

// Lays the document out and moves each kept block that would end a page to the next page
// (a page break before it, or before the first block of its chain: heading → caption → table).
bool keepWithNext(QTextDocument *text, const std::vector<KeepWithNext> &pairs) {
    QAbstractTextDocumentLayout *layout = text->documentLayout();
    bool movedAny = false;
    for (size_t round = 0; round <= pairs.size(); ++round) {
        bool moved = false;
        for (size_t i = 0; i < pairs.size() && !moved; ++i) {
            const QRectF first = layout->blockBoundingRect(pairs[i].first);
            const QRectF anchor = layout->blockBoundingRect(pairs[i].anchor);
            double top = first.top();
            if (const QTextLayout *lines = pairs[i].first.layout();
                pairs[i].lastLine && lines->lineCount() > 0)
                top += lines->lineAt(lines->lineCount() - 1).y();
            if (pageOf(*text, top) == pageOf(*text, anchor.bottom()))
                continue;
            size_t start = i; // the first block of the chain ending in this pair
            while (start > 0 && pairs[start - 1].anchor == pairs[start].first)
                --start;
            QTextBlock block = pairs[start].first;
            QTextBlockFormat f = block.blockFormat();
            if (f.pageBreakPolicy() & QTextFormat::PageBreak_AlwaysBefore)
                continue; // already at the top of a page: too long to keep together
            f.setPageBreakPolicy(QTextFormat::PageBreak_AlwaysBefore);
            QTextCursor(block).setBlockFormat(f);
            moved = true;
        }
        if (!moved)
            return movedAny;
        movedAny = true;
    }
    return movedAny;
}

// A table and the block it was made from: its rows can be moved into a continuation.
struct PlacedTable {
    QTextTable *table;
    ReportDocument::Block block;
};

// Where a data row's text lies: from the top of its first line to the bottom of its last.
struct RowExtent {
    double top = 1e300;
    double bottom = -1e300;
    double firstLineBottom = 1e300; // where the first line that ends soonest ends: Qt moves a row
                                    // whole to the next page when not even that line fits
};

RowExtent rowExtent(QAbstractTextDocumentLayout *layout, QTextTable *table, int row) {
    RowExtent e;
    for (int c = 0; c < table->columns(); ++c) {
        const QTextTableCell cell = table->cellAt(row, c);
        const QTextBlock first = cell.firstCursorPosition().block();
        const QRectF firstRect = layout->blockBoundingRect(first);
        e.top = std::min(e.top, firstRect.top());
        e.bottom = std::max(e.bottom,
                            layout->blockBoundingRect(cell.lastCursorPosition().block()).bottom());
        if (first.layout() && first.layout()->lineCount() > 0)
            e.firstLineBottom = std::min(
                e.firstLineBottom, firstRect.top() + first.layout()->lineAt(0).rect().bottom());
    }
    return e;
}

// Cuts tables[t] before its data row `row` (≥ 2): the rest goes into a continuation, inserted as
// tables[t + 1], that starts a new page with the header again. The caller holds an edit block.
void cutBefore(QTextDocument *text, std::vector<PlacedTable> &tables, size_t t, int row) {
    QTextTable *table = tables[t].table;
    ReportDocument::Block rest = tables[t].block;
    rest.rows = rest.rows.mid(row - 1);
    tables[t].block.rows = tables[t].block.rows.mid(0, row - 1);
    tables[t].block.totalRow = false;
    table->removeRows(row, table->rows() - row);
    QTextCursor cursor(text);
    cursor.setPosition(table->lastPosition() + 1);
    const QTextBlockFormat after = cursor.blockFormat(); // the paragraph after the table
    QTextTable *next = insertTable(cursor, rest);
    QTextCursor(text->findBlock(next->lastPosition() + 1)).setBlockFormat(after);
    // the empty block between the two tables starts the next page (a page break on the table
    // itself left the block alone on the old page's last line and an empty page)
    QTextCursor between(text->findBlock(table->lastPosition() + 1));
    QTextBlockFormat breakBefore = paragraph(Qt::AlignLeft);
    breakBefore.setPageBreakPolicy(QTextFormat::PageBreak_AlwaysBefore);
    between.setBlockFormat(breakBefore);
    between.setBlockCharFormat(chars(2));
    QTextTableFormat f = next->format();
    f.setTopMargin(0);
    next->setFormat(f);
    tables.insert(tables.begin() + std::ptrdiff_t(t) + 1, PlacedTable{next, rest});
}

// The rows of `block` laid out as in `text` but on one endless page, so no row is split: their
// extents differ from the document's only by where each page starts.
std::vector<RowExtent> unsplitRows(const QTextDocument &text, const ReportDocument::Block &block) {
    QTextDocument scratch;
    scratch.documentLayout()->setPaintDevice(text.documentLayout()->paintDevice());
    scratch.setDocumentMargin(0);
    scratch.setDefaultFont(text.defaultFont());
    scratch.setTextWidth(text.pageSize().width());
    QTextCursor cursor(&scratch);
    cursor.beginEditBlock(); // laid out once, not after every cell
    QTextTable *table = insertTable(cursor, block);
    cursor.endEditBlock();
    std::vector<RowExtent> rows(size_t(table->rows()));
    for (int r = 1; r < table->rows(); ++r)
        rows[size_t(r)] = rowExtent(scratch.documentLayout(), table, r);
    return rows;
}

// The data rows before which tables[t], a continuation at the top of a page, will need cuts:
// its rows are placed page by page from their unsplit extents, each page's first row where the
// continuation's first row is on its page. Stops at a row taller than half a page (Qt splits it).
QList<int> predictCuts(QTextDocument *text, const std::vector<PlacedTable> &tables, size_t t) {
    const double pageHeight = text->pageSize().height();
    const double firstTop = rowExtent(text->documentLayout(), tables[t].table, 1).top;
    const double offset = firstTop - pageOf(*text, firstTop) * pageHeight;
    const std::vector<RowExtent> rows = unsplitRows(*text, tables[t].block);
    QList<int> cuts;
    int start = 1;                // the page's first row
    double at = firstTop;         // where that row's text starts
    int page = pageOf(*text, at); // the page the rows so far end on
    for (int r = 2; r < int(rows.size()); ++r) {
        const RowExtent &row = rows[size_t(r)];
        const double shift = at - rows[size_t(start)].top;
        const int top = pageOf(*text, row.top + shift);
        const int bottom = pageOf(*text, row.bottom + shift);
        if (top == page && bottom == page)
            continue;
        // Qt places the rest itself, its header repeated, and it is checked after layout: a row
        // that starts on the next page (the page ends between two rows), a row none of whose
        // first lines fits on this page with its cell's padding and 2 mm to spare (a cut there
        // could leave an empty page between the tables) and a row taller than half a page (Qt
        // splits it). The document's units are the device's pixels (kIndentPxPerMm).
        const double spare = 3 * kIndentPxPerMm;
        if (top != page || pageOf(*text, row.firstLineBottom + shift + spare) != page ||
            row.bottom - row.top >= pageHeight / 2)
            break;
        cuts << r;
        start = r;
        at = (page + 1) * pageHeight + offset;
        page = pageOf(*text, at);
    }
    return cuts;
}

// A data row that would start at the foot of one page and end on the next (Qt splits it between
// its cells' lines) moves whole to the next page, as Word's «не разрывать строку» that the DOCX
// sets: the table is cut before that row and the rest goes into a continuation that starts a new
// page with the header again. A row taller than half a page, or the first data row (kept with
// its caption by keepWithNext), stays as it is. Returns whether a table was cut.
//
// Each edit lays out again all that follows it, so a continuation is not cut page by page: its
// cuts are predicted from its rows' unsplit heights and made in one edit, then checked like the
// rest (a table of 1,200 rows, 76 pages with a cut on each: 16 s, now 2 s).
bool keepRowsWhole(QTextDocument *text, std::vector<PlacedTable> &tables) {
    QAbstractTextDocumentLayout *layout = text->documentLayout();
    bool cut = false;
    for (size_t t = 0; t < tables.size(); ++t) {
        QTextTable *table = tables[t].table;
        for (int r = 2; r < table->rows(); ++r) {
            const RowExtent e = rowExtent(layout, table, r);
            if (pageOf(*text, e.top) == pageOf(*text, e.bottom) ||
                e.bottom - e.top >= text->pageSize().height() / 2)
                continue;
            // one edit: the layout is redone once, not after every cell of the continuation
            QTextCursor edit(text);
            edit.beginEditBlock();
            cutBefore(text, tables, t, r);
            edit.endEditBlock();
            const QList<int> cuts = predictCuts(text, tables, t + 1);
            // from the last cut back: each cut moves only its own page's rows
            edit.beginEditBlock();
            for (auto it = cuts.crbegin(); it != cuts.crend(); ++it)
                cutBefore(text, tables, t + 1, *it);
            edit.endEditBlock();
            cut = true;
            break; // the continuations are checked next, laid out anew
        }
    }
    return cut;
}

// The signature line: blank lines (the values above them) and captions under them. Returns the
// block of the first caption, the bottom of the signature.
QTextBlock insertSignature(QTextCursor &cursor, const ReportDocument::Block &b) {
    QTextTableFormat format;
    format.setBorder(0);
    format.setBorderStyle(QTextFrameFormat::BorderStyle_None);
    format.setCellPadding(0);
    format.setCellSpacing(0);
    format.setTopMargin(12 * kPxPerMm);
    format.setWidth(QTextLength(QTextLength::PercentageLength, 100));
    format.setColumnWidthConstraints({QTextLength(QTextLength::PercentageLength, 42),
                                      QTextLength(QTextLength::PercentageLength, 4),
                                      QTextLength(QTextLength::PercentageLength, 22),
                                      QTextLength(QTextLength::PercentageLength, 4),
                                      QTextLength(QTextLength::PercentageLength, 28)});
    QTextTable *table = cursor.insertTable(2, 5, format);
    const QStringList captions = {QStringLiteral("(должность)"), QStringLiteral("(подпись)"),
                                  QStringLiteral("(И. О. Фамилия)")};
    for (int i = 0; i < 3; ++i) {
        const int column = i * 2;
        QTextTableCell cell = table->cellAt(0, column);
        QTextTableCellFormat cf = cell.format().toTableCellFormat();
        cf.setBottomBorder(0.5);
        cf.setBottomBorderStyle(QTextFrameFormat::BorderStyle_Solid);
        cf.setBottomBorderBrush(Qt::black);
        // a position of two lines: the name stands at its last line, on the line
        cf.setVerticalAlignment(QTextCharFormat::AlignBottom);
        cell.setFormat(cf);
        QTextCursor c = cell.firstCursorPosition();
        c.setBlockFormat(paragraph(i == 0 ? Qt::AlignLeft : Qt::AlignHCenter));
        c.insertText(b.cells.value(i), chars(kTextPt));
        QTextCursor caption = table->cellAt(1, column).firstCursorPosition();
        caption.setBlockFormat(paragraph(Qt::AlignHCenter));
        caption.insertText(captions[i], chars(kNotePt - 1, false, true));
    }
    cursor.movePosition(QTextCursor::End);
    return table->cellAt(1, 0).firstCursorPosition().block();
}

} // namespace

QPageLayout ReportPdfWriter::pageLayout() {
    return QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Portrait, QMarginsF(30, 20, 10, 20),
                       QPageLayout::Millimeter);
}

QPageLayout ReportPdfWriter::pageLayout(bool landscape) {
    if (!landscape)
        return pageLayout();
    return QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Landscape, QMarginsF(20, 20, 10, 15),
                       QPageLayout::Millimeter);
}

void ReportPdfWriter::build(const ReportDocument &input, QTextDocument *text,
                            QPagedPaintDevice *device) {
    const ReportDocument doc = input.typeset();
    text->documentLayout()->setPaintDevice(device);
    kIndentPxPerMm = device->logicalDpiX() / 25.4;
    const QPageLayout layout = pageLayout(doc.landscape);
    const QRectF body = layout.paintRect(QPageLayout::Millimeter);
    const double dpmm = device->logicalDpiX() / 25.4;
    text->setPageSize(QSizeF(body.width() * dpmm, body.height() * dpmm));
    text->setDocumentMargin(0);
    text->setDefaultFont(serif(kTextPt));
    QTextCursor cursor(text);
    cursor.beginEditBlock();
    bool first = true;
    int image = 0;
    std::vector<KeepWithNext> keep;
    std::vector<PlacedTable> tables;
    QTextBlock pendingHeading, pendingCaption;
    auto previous = Kind::Title; // the kind of the block before the current one
    // the heading waiting for its next block is kept with it
    auto anchorHeading = [&](const QTextBlock &next) {
        if (pendingHeading.isValid())
            keep.push_back({pendingHeading, next});
        pendingHeading = QTextBlock();
    };
    auto block = [&](const QTextBlockFormat &f, const QTextCharFormat &c) {
        if (!first)
            cursor.insertBlock(f, c);
        else {
            cursor.setBlockFormat(f);
            cursor.setCharFormat(c);
        }
        first = false;
    };
    for (const auto &b : doc.blocks) {
        switch (b.kind) {
        case Kind::Organization:
            block(paragraph(Qt::AlignHCenter, 0, 0, 6), chars(kTextPt, true));
            cursor.insertText(b.text);
            break;
        case Kind::Title:
            block(paragraph(Qt::AlignHCenter, 0, 4, 4), chars(kTextPt, true));
            cursor.insertText(b.text);
            break;
        case Kind::Details: {
            block(paragraph(Qt::AlignLeft), chars(2));
            QTextTableFormat format;
            format.setBorder(0);
            format.setBorderStyle(QTextFrameFormat::BorderStyle_None);
            format.setCellPadding(0);
            format.setCellSpacing(0);
            format.setBottomMargin(4 * kPxPerMm);
            format.setWidth(QTextLength(QTextLength::PercentageLength, 100));
            QTextTable *table = cursor.insertTable(1, 2, format);
            for (int c = 0; c < 2; ++c) {
                QTextCursor cell = table->cellAt(0, c).firstCursorPosition();
                cell.setBlockFormat(paragraph(c == 0 ? Qt::AlignLeft : Qt::AlignRight));
                cell.insertText(b.cells.value(c), chars(kTextPt));
            }
            cursor.movePosition(QTextCursor::End);
            first = true;
            break;
        }
        case Kind::Heading:
            block(paragraph(Qt::AlignLeft, 12.5, 4, 2), chars(kTextPt, true));
            cursor.insertText(b.text);
            pendingHeading = cursor.block();
            break;
        case Kind::Paragraph:
            block(paragraph(Qt::AlignJustify, 12.5, 0, 1), chars(kTextPt));
            if (!b.lead.isEmpty()) {
                cursor.insertText(b.lead + QLatin1Char(' '), chars(kTextPt, true));
                cursor.setCharFormat(chars(kTextPt));
            }
            cursor.insertText(b.text, chars(kTextPt));
            anchorHeading(cursor.block());
            break;
        case Kind::Bullet: {
            // The dash hangs 5 mm left of the text and a tab takes the text to the margin, so every
            // item's text starts at one place; a space after the dash would be stretched with the
            // others when the line is justified.
            QTextBlockFormat f = paragraph(Qt::AlignJustify, -5, 0, 1);
            f.setLeftMargin(17.5 * kIndentPxPerMm);
            f.setTabPositions({QTextOption::Tab(5 * kPxPerMm, QTextOption::LeftTab)});
            block(f, chars(kTextPt));
            cursor.insertText(QStringLiteral("–\t") + b.text);
            anchorHeading(cursor.block());
            break;
        }
        case Kind::Caption:
            block(paragraph(Qt::AlignLeft, 0, 2, 1), chars(kTextPt - 2));
            cursor.insertText(b.text);
            anchorHeading(cursor.block());
            pendingCaption = cursor.block();
            break;
        case Kind::Note:
            block(paragraph(Qt::AlignJustify, 0, 0, 2), chars(kNotePt, false, true));
            cursor.insertText(b.text);
            anchorHeading(cursor.block());
            break;
        case Kind::Table: {
            block(paragraph(Qt::AlignLeft), chars(2));
            QTextTable *table = insertTable(cursor, b);
            tables.push_back({table, b});
            const QTextBlock firstRow =
                table->cellAt(std::min(1, table->rows() - 1), 0).firstCursorPosition().block();
            anchorHeading(firstRow);
            if (pendingCaption.isValid())
                keep.push_back({pendingCaption, firstRow});
            pendingCaption = QTextBlock();
            first = true; // the block after a table exists already
            break;
        }
        case Kind::Figure: {
            const QString name = QStringLiteral("figure%1").arg(++image);
            text->addResource(QTextDocument::ImageResource, QUrl(name), b.image);
            block(paragraph(Qt::AlignHCenter, 0, 3, 1), chars(kTextPt));
            QTextImageFormat f;
            f.setName(name);
            f.setWidth(b.widthMm * kImagePxPerMm);
            f.setHeight(b.widthMm * kImagePxPerMm * b.image.height() /
                        std::max(1, b.image.width()));
            cursor.insertImage(f);
            anchorHeading(cursor.block());
            block(paragraph(Qt::AlignHCenter, 0, 0, 4), chars(kTablePt));
            cursor.insertText(b.text);
            break;
        }
        case Kind::Signature: {
            // the signature stays whole, on the page of the last lines of the text before it
            const QTextBlock textBefore = cursor.block();
            block(paragraph(Qt::AlignLeft), chars(2));
            const QTextBlock spacer = cursor.block();
            if (previous == Kind::Paragraph || previous == Kind::Bullet || previous == Kind::Note)
                keep.push_back({textBefore, spacer, true});
            keep.push_back({spacer, insertSignature(cursor, b)});
            first = true;
            break;
        }
        }
        previous = b.kind;
    }
    cursor.endEditBlock();
    // a cut table moves what follows it, a moved heading what follows the heading: until both
    // hold (each pass only moves text down, a few rounds at most)
    keepWithNext(text, keep);
    for (int round = 0; round < 8 && keepRowsWhole(text, tables) && keepWithNext(text, keep);
         ++round) {
    }
}

core::Result<int> ReportPdfWriter::paint(const ReportDocument &doc, QPagedPaintDevice *device,
                                         const std::atomic<bool> *cancel) {
    QTextDocument text;
    build(doc, &text, device);
    const int pages = text.pageCount();
    const QPageLayout layout = pageLayout(doc.landscape);
    const double dpmm = device->logicalDpiX() / 25.4;
    const QRectF body = layout.paintRect(QPageLayout::Millimeter);
    QPainter painter;
    if (!painter.begin(device))
        return core::Error{QStringLiteral("Не удалось начать печать документа"), QString(), -1, -1};
    const QSizeF page = text.pageSize();
    QAbstractTextDocumentLayout::PaintContext context;
    for (int i = 0; i < pages; ++i) {
        if (cancel && cancel->load())
            return core::Error{QStringLiteral("Формирование справки отменено"), QString(), -1, -1};
        if (i > 0)
            device->newPage();
        painter.save();
        painter.translate(body.left() * dpmm, body.top() * dpmm - i * page.height());
        const QRectF clip(0, i * page.height(), page.width(), page.height());
        painter.setClipRect(clip);
        context.clip = clip;
        text.documentLayout()->draw(&painter, context);
        painter.restore();
        if (i > 0) { // the page number at the top centre, from the second page
            painter.setFont(serif(12));
            painter.setPen(Qt::black);
            painter.drawText(QRectF(body.left() * dpmm, 8 * dpmm, body.width() * dpmm, 8 * dpmm),
                             Qt::AlignHCenter | Qt::AlignTop, QString::number(i + 1));
        }
    }
    painter.end();
    return pages;
}

core::Status ReportPdfWriter::write(const ReportDocument &doc, const QString &path,
                                    const std::atomic<bool> *cancel) {
    QSaveFile file(path);
    auto fileError = [&](const QString &what) {
        return core::Error{
            what.arg(core::FileErrorText::russian(file)), path, -1, -1, {}, file.errorString()};
    };
    if (!file.open(QIODevice::WriteOnly))
        return fileError(QStringLiteral("Не удалось создать файл PDF: %1"));
    {
        QPdfWriter writer(&file);
        writer.setResolution(300);
        writer.setCreator(QStringLiteral("Объективность"));
        writer.setTitle(doc.title);
        QPageLayout layout = pageLayout(doc.landscape);
        layout.setMargins(QMarginsF(0, 0, 0, 0));
        writer.setPageLayout(layout);
        const core::Result<int> pages = paint(doc, &writer, cancel);
        if (!pages.ok()) {
            file.cancelWriting();
            core::Error e = pages.error();
            e.file = path;
            return e;
        }
    }
    if (!file.commit())
        return fileError(QStringLiteral("Не удалось записать файл PDF: %1"));
    return {};
}

} // namespace objectivity::io
