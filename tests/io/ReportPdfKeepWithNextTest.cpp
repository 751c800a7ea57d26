// A heading or a table's caption never ends a page of a report PDF: whatever text comes before
// it, the caption is laid out on the page of the table's first data row, and a heading on the
// page of what follows it (the roll-up PDF had «Таблица 2. По школам» alone at a page's foot).
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

struct Laid {
    int headingPage = -1;
    int captionPage = -1;
    int firstRowPage = -1;
    int afterHeadingPage = -1;
    int pages = 0;
};

int pageOf(const QTextDocument &text, double y) {
    return int(y / text.pageSize().height());
}

// `lines` paragraphs of filler, then a heading, a caption and a table of 30 rows.
Laid layOut(int lines, bool landscape) {
    io::ReportDocument doc;
    doc.landscape = landscape;
    doc.title = u"Проверка"_s;
    for (int i = 0; i < lines; ++i)
        doc.add(Kind::Paragraph, u"Строка %1 текста перед разделом."_s.arg(i + 1));
    doc.add(Kind::Heading, u"2. Школы"_s);
    doc.add(Kind::Caption, u"Таблица 2. По школам"_s);
    io::ReportDocument::Block table;
    table.kind = Kind::Table;
    table.header = {u"Школа"_s, u"Мероприятий"_s};
    table.widths = {70, 30};
    for (int r = 0; r < 30; ++r)
        table.rows.append({u"МБОУ «СОШ №%1»"_s.arg(r + 1), u"27"_s});
    doc.blocks.append(table);

    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    QPdfWriter writer(&buffer);
    writer.setResolution(300);
    QPageLayout page = io::ReportPdfWriter::pageLayout(landscape);
    page.setMargins(QMarginsF(0, 0, 0, 0));
    writer.setPageLayout(page);
    QTextDocument text;
    io::ReportPdfWriter::build(doc, &text, &writer);

    Laid laid;
    laid.pages = text.pageCount();
    QAbstractTextDocumentLayout *layout = text.documentLayout();
    for (QTextBlock b = text.begin(); b.isValid(); b = b.next()) {
        const QRectF r = layout->blockBoundingRect(b);
        if (b.text() == u"2. Школы"_s)
            laid.headingPage = pageOf(text, r.top());
        else if (b.text() == u"Таблица 2. По школам"_s)
            laid.captionPage = pageOf(text, r.top());
    }
    for (QTextFrame *frame : text.rootFrame()->childFrames())
        if (auto *t = qobject_cast<QTextTable *>(frame); t && t->rows() == 31) {
            const QTextBlock row = t->cellAt(1, 0).firstCursorPosition().block();
            laid.firstRowPage = pageOf(text, layout->blockBoundingRect(row).bottom());
        }
    laid.afterHeadingPage = laid.captionPage;
    return laid;
}

} // namespace

TEST(ReportPdfKeepWithNext, HeadingAndCaptionStayWithTheTableWhereverThePageEnds) {
    for (bool landscape : {false, true}) {
        int movedToNextPage = 0;
        // enough filler lines to walk the heading across the whole first page and into the second
        for (int lines = 15; lines <= 50; ++lines) {
            const Laid laid = layOut(lines, landscape);
            ASSERT_GE(laid.headingPage, 0) << lines;
            ASSERT_GE(laid.captionPage, 0) << lines;
            ASSERT_GE(laid.firstRowPage, 0) << lines;
            EXPECT_EQ(laid.captionPage, laid.firstRowPage)
                << "caption alone at a page foot, filler " << lines << " landscape " << landscape;
            EXPECT_EQ(laid.headingPage, laid.afterHeadingPage)
                << "heading alone at a page foot, filler " << lines << " landscape " << landscape;
            if (laid.headingPage > 0)
                ++movedToNextPage;
        }
        // the walk did cross a page end (else the test proves nothing)
        EXPECT_GT(movedToNextPage, 0) << landscape;
    }
}
