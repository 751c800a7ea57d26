// The справка ends with the signature line («должность / подпись / И. О. Фамилия»). It never
// stands alone at the top of a page: when it does not fit under the last paragraph, the paragraph
// goes over with it. Writer put the signature alone on page 6 of the region's справка of 2024.
#include "objectivity/io/export/ReportDocxWriter.h"
#include "objectivity/io/export/ReportPdfWriter.h"
#include "objectivity/io/formats/ZipArchive.h"

#include <QAbstractTextDocumentLayout>
#include <QBuffer>
#include <QPdfWriter>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTextBlock>
#include <QTextDocument>
#include <QTextFrame>
#include <QTextLayout>
#include <QTextTable>

#include <gtest/gtest.h>

using namespace objectivity;
using Kind = io::ReportDocument::Block::Kind;
using namespace Qt::StringLiterals;

namespace {

const QString kLast = u"Признак — повод для проверки, а не вывод о нарушении. Выводы о "
                      u"необъективности делаются после изучения работ, протоколов и условий "
                      u"проведения, а меры включаются в план мероприятий."_s;

// `lines` one-line paragraphs, a paragraph of three lines, the signature.
io::ReportDocument signedDocument(int lines, const QString &position = u"Начальник отдела"_s) {
    io::ReportDocument doc;
    doc.title = u"Проверка"_s;
    for (int i = 0; i < lines; ++i)
        doc.add(Kind::Paragraph, u"Строка %1."_s.arg(i + 1));
    doc.add(Kind::Paragraph, kLast);
    io::ReportDocument::Block signature;
    signature.kind = Kind::Signature;
    signature.cells = {position, QString(), u"И. И. Иванова"_s};
    doc.blocks.append(signature);
    return doc;
}

int pageOf(const QTextDocument &text, double y) {
    return int(y / text.pageSize().height());
}

struct Placed {
    int lastParagraphStart = -1; // the page of the last paragraph's first line
    int lastParagraphEnd = -1;   // the page of its last line
    int signatureTop = -1;       // the page of the signature's blank lines
    int signatureBottom = -1;    // the page of its captions
    int pages = 0;
    double positionBottom = 0; // the bottom of the position's text, laid out
    double nameBottom = 0;     // the bottom of the name's
};

Placed layOut(int lines, const QString &position = u"Начальник отдела"_s) {
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    QPdfWriter writer(&buffer);
    writer.setResolution(300);
    QPageLayout page = io::ReportPdfWriter::pageLayout();
    page.setMargins(QMarginsF(0, 0, 0, 0));
    writer.setPageLayout(page);
    QTextDocument text;
    io::ReportPdfWriter::build(signedDocument(lines, position), &text, &writer);

    Placed placed;
    placed.pages = text.pageCount();
    QAbstractTextDocumentLayout *layout = text.documentLayout();
    for (QTextBlock b = text.begin(); b.isValid(); b = b.next())
        if (b.text().endsWith(u"мероприятий."_s)) { // kLast, typeset
            const QRectF r = layout->blockBoundingRect(b);
            const QTextLayout *lines = b.layout();
            const QTextLine last = lines->lineAt(lines->lineCount() - 1);
            placed.lastParagraphEnd = pageOf(text, r.top() + last.y() + last.height() / 2);
            const QTextLine first = lines->lineAt(0);
            placed.lastParagraphStart = pageOf(text, r.top() + first.y() + first.height() / 2);
        }
    for (QTextFrame *frame : text.rootFrame()->childFrames())
        if (auto *t = qobject_cast<QTextTable *>(frame); t && t->rows() == 2) {
            auto rowPage = [&](int row) {
                const QTextBlock b = t->cellAt(row, 0).firstCursorPosition().block();
                return pageOf(text, layout->blockBoundingRect(b).center().y());
            };
            placed.signatureTop = rowPage(0);
            const auto bottom = [&](int column) {
                return layout->blockBoundingRect(t->cellAt(0, column).firstCursorPosition().block())
                    .bottom();
            };
            placed.positionBottom = bottom(0);
            placed.nameBottom = bottom(4);
            placed.signatureBottom = rowPage(1);
        }
    return placed;
}

} // namespace

TEST(ReportSignature, PdfSignatureIsOnThePageOfTheTextBeforeIt) {
    // the filler moves the end of the text over the foot of the first and the second page
    int movedOver = 0, paragraphBroken = 0;
    for (int lines = 20; lines <= 80; ++lines) {
        const Placed p = layOut(lines);
        ASSERT_GE(p.signatureTop, 0) << lines;
        ASSERT_GE(p.lastParagraphEnd, 0) << lines;
        EXPECT_EQ(p.signatureTop, p.signatureBottom) << "lines: " << lines;
        EXPECT_EQ(p.signatureTop, p.lastParagraphEnd) << "lines: " << lines;
        EXPECT_EQ(p.pages, p.signatureBottom + 1) << "lines: " << lines;
        if (p.signatureTop > 0 && layOut(lines - 1).signatureTop < p.signatureTop)
            ++movedOver;
        paragraphBroken += p.lastParagraphStart < p.lastParagraphEnd;
    }
    EXPECT_GE(movedOver, 1); // the steps crossed a page's foot
    // the paragraph may break over the page: only its last lines go with the signature (it is
    // not moved whole while its last line is on the signature's page)
    EXPECT_GE(paragraphBroken, 1);
}

// A position of two lines: the name stands on the line, level with the position's last line.
TEST(ReportSignature, PdfNameStandsLevelWithThePositionsLastLine) {
    const Placed one = layOut(3);
    EXPECT_NEAR(one.nameBottom, one.positionBottom, 1.0);
    const Placed two = layOut(3, u"Начальник отдела оценки качества образования и мониторинга"_s);
    EXPECT_GT(two.positionBottom, one.positionBottom + 20); // the position took two lines
    EXPECT_NEAR(two.nameBottom, two.positionBottom, 1.0);
}

TEST(ReportSignature, DocxKeepsTheTextBeforeItAndItsCaptionsWithTheSignature) {
    QTemporaryDir dir;
    const QString path = dir.filePath(u"signed.docx"_s);
    ASSERT_TRUE(io::ReportDocxWriter::write(signedDocument(3), path).ok());
    auto zip = io::ZipArchive::open(path);
    ASSERT_TRUE(zip.ok());
    auto xml = zip->read(u"word/document.xml"_s);
    ASSERT_TRUE(xml.ok());
    const QString text = QString::fromUtf8(*xml);

    // the paragraphs of the body before the signature's table
    const qsizetype table = text.lastIndexOf(u"<w:tbl>"_s);
    ASSERT_GT(table, 0);
    static const QRegularExpression paragraph(u"<w:p>.*?</w:p>"_s);
    QStringList before;
    for (auto it = paragraph.globalMatch(text.left(table)); it.hasNext();)
        before << it.next().captured();
    ASSERT_GE(before.size(), 2);
    const QString gap = before.last(), last = before[before.size() - 2];
    EXPECT_TRUE(last.contains(u"необъективности делаются"_s)) << last.toStdString();
    EXPECT_TRUE(last.contains(u"<w:keepNext/>"_s)) << last.toStdString();
    EXPECT_TRUE(gap.contains(u"<w:keepNext/>"_s)) << gap.toStdString();
    EXPECT_FALSE(before.first().contains(u"<w:keepNext/>"_s)); // only the end is kept

    // the blank lines are kept with their captions, and drawn as lines under the cells
    const QString signature = text.mid(table);
    static const QRegularExpression row(u"<w:tr>.*?</w:tr>"_s);
    QStringList rows;
    for (auto it = row.globalMatch(signature); it.hasNext();)
        rows << it.next().captured();
    ASSERT_EQ(rows.size(), 2);
    EXPECT_EQ(rows[0].count(u"<w:keepNext/>"_s), 5) << rows[0].toStdString();
    EXPECT_EQ(rows[1].count(u"<w:keepNext/>"_s), 0);
    EXPECT_EQ(rows[0].count(u"<w:tcBorders><w:bottom w:val=\"single\""_s), 3);
    EXPECT_EQ(rows[0].count(u"<w:vAlign w:val=\"bottom\"/>"_s), 3); // the name at the last line
    EXPECT_TRUE(rows[0].contains(u"Начальник отдела"_s));
    EXPECT_TRUE(rows[0].contains(u"И. И. Иванова"_s));
    EXPECT_FALSE(signature.contains(u"___"_s)); // the line is a border, not underscores
    EXPECT_TRUE(rows[1].contains(u"(подпись)"_s));
}
