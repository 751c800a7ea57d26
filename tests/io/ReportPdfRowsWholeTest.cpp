// A table row of a report PDF is never split between two pages (Qt splits a row between its
// cells' lines; the region справка had «Много «повысили» при высоком» at a page's foot and
// «результате» on the next): whatever text comes before the table, every data row lies on one
// page, the rows keep their order, none is lost, no page is left empty, and each continuation
// repeats the header.
#include "objectivity/io/export/ReportPdfWriter.h"

#include <QAbstractTextDocumentLayout>
#include <QBuffer>
#include <QPdfWriter>
#include <QTextBlock>
#include <QTextDocument>
#include <QTextFrame>
#include <QTextTable>

#include <gtest/gtest.h>

using namespace objectivity;
using Kind = io::ReportDocument::Block::Kind;
using namespace Qt::StringLiterals;

namespace {

int pageOf(const QTextDocument &text, double y) {
    return int(y / text.pageSize().height());
}

QString cellText(QTextTable *t, int row, int column) {
    const QTextTableCell cell = t->cellAt(row, column);
    QTextCursor c = cell.firstCursorPosition();
    c.setPosition(cell.lastCursorPosition().position(), QTextCursor::KeepAnchor);
    return c.selectedText();
}

struct Laid {
    QStringList rows;  // the first cell of every data row, in the order of the document
    int splitRows = 0; // data rows whose top and bottom lie on different pages
    int tables = 0;    // the table and its continuations
    bool headersRepeated = true;
    int pageSkips = 0;    // consecutive rows with a page between them (an empty page)
    int needlessCuts = 0; // continuations whose first row would have fitted after the last one
};

// `lines` paragraphs of filler, a caption, then `rows` rows of three lines each (of one to four
// lines when `varied`) and a total row.
Laid layOut(int lines, int rows = 40, bool varied = false) {
    io::ReportDocument doc;
    doc.title = u"Проверка"_s;
    for (int i = 0; i < lines; ++i)
        doc.add(Kind::Paragraph, u"Строка %1 текста перед таблицей."_s.arg(i + 1));
    doc.add(Kind::Caption, u"Таблица 1. Школы"_s);
    io::ReportDocument::Block table;
    table.kind = Kind::Table;
    table.header = {u"Школа"_s, u"Признаки"_s};
    table.widths = {40, 60};
    for (int r = 0; r < rows; ++r) {
        QStringList signs = {u"Признак первый"_s, u"Признак второй (ВПР 2024: 5 кл.)"_s,
                             u"Признак третий"_s, u"Признак четвёртый"_s};
        signs = signs.mid(0, varied ? (r * 7 % 4) + 1 : 3);
        table.rows.append({u"Школа %1"_s.arg(r + 1), signs.join(u'\n')});
    }
    table.rows.append({u"Итого"_s, u"120"_s});
    table.totalRow = true;
    doc.blocks.append(table);
    doc.add(Kind::Paragraph, u"Текст после таблицы."_s);

    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    QPdfWriter writer(&buffer);
    writer.setResolution(300);
    writer.setPageLayout(io::ReportPdfWriter::pageLayout());
    QTextDocument text;
    io::ReportPdfWriter::build(doc, &text, &writer);

    Laid laid;
    QAbstractTextDocumentLayout *layout = text.documentLayout();
    int lastPage = -1;
    double lastBottom = -1;
    const double mm = 300 / 25.4;
    for (QTextFrame *frame : text.rootFrame()->childFrames()) {
        auto *t = qobject_cast<QTextTable *>(frame);
        if (!t || cellText(t, 0, 0) != u"Школа"_s)
            continue;
        ++laid.tables;
        laid.headersRepeated = laid.headersRepeated && t->format().headerRowCount() == 1;
        for (int r = 1; r < t->rows(); ++r) {
            laid.rows << cellText(t, r, 0);
            const QTextTableCell second = t->cellAt(r, 1);
            const double top =
                layout->blockBoundingRect(second.firstCursorPosition().block()).top();
            const double bottom =
                layout->blockBoundingRect(second.lastCursorPosition().block()).bottom();
            laid.splitRows += pageOf(text, top) != pageOf(text, bottom) ? 1 : 0;
            laid.pageSkips += lastPage >= 0 && pageOf(text, top) > lastPage + 1 ? 1 : 0;
            // the row, its cells' padding and borders (≈ 2 mm) below the previous row: was there
            // room for it on that row's page?
            if (r == 1 && laid.tables > 1 &&
                pageOf(text, lastBottom + (bottom - top) + 3 * mm) == pageOf(text, lastBottom))
                ++laid.needlessCuts;
            lastPage = pageOf(text, bottom);
            lastBottom = bottom;
        }
    }
    return laid;
}

} // namespace

TEST(ReportPdfRowsWhole, NoRowIsSplitBetweenPagesWhereverThePageEnds) {
    QStringList expected;
    for (int r = 0; r < 40; ++r)
        expected << u"Школа %1"_s.arg(r + 1);
    expected << u"Итого"_s;
    int continued = 0;
    // the filler walks the table's rows across the page ends by a line at a time
    for (int lines = 0; lines <= 12; ++lines) {
        const Laid laid = layOut(lines);
        EXPECT_EQ(laid.splitRows, 0) << "filler " << lines;
        EXPECT_EQ(laid.rows, expected) << "filler " << lines;
        EXPECT_TRUE(laid.headersRepeated) << "filler " << lines;
        EXPECT_EQ(laid.pageSkips, 0) << "filler " << lines;
        EXPECT_EQ(laid.needlessCuts, 0) << "filler " << lines;
        continued += laid.tables > 1 ? 1 : 0;
    }
    // some row did meet a page end (else the test proves nothing)
    EXPECT_GT(continued, 0);
}

// A long table of rows of different heights: a cut on nearly every page, most of them placed from
// the rows' heights before the document is laid out again (the continuation's cuts are predicted
// and made in one edit), and still no row split, none lost, no empty page.
TEST(ReportPdfRowsWhole, LongTableOfRowsOfDifferentHeightsIsCutOnEveryPage) {
    QStringList expected;
    for (int r = 0; r < 160; ++r)
        expected << u"Школа %1"_s.arg(r + 1);
    expected << u"Итого"_s;
    for (int lines = 0; lines <= 12; lines += 3) {
        const Laid laid = layOut(lines, 160, true);
        EXPECT_EQ(laid.splitRows, 0) << "filler " << lines;
        EXPECT_EQ(laid.rows, expected) << "filler " << lines;
        EXPECT_TRUE(laid.headersRepeated) << "filler " << lines;
        EXPECT_EQ(laid.pageSkips, 0) << "filler " << lines;
        EXPECT_EQ(laid.needlessCuts, 0) << "filler " << lines;
        EXPECT_GE(laid.tables, 6) << "filler " << lines;
    }
}
