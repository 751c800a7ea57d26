// The items of a report's lists («– перепроверить работы…») hang their dash left of the text, and
// the text of every item starts where its next lines start. A no-break space after the dash was
// stretched with the other spaces of a justified line: the PDF started each item's text at a
// different place, Writer a little left of its next lines.
#include "objectivity/io/export/ReportDocxWriter.h"
#include "objectivity/io/export/ReportPdfWriter.h"
#include "objectivity/io/formats/ZipArchive.h"

#include <QBuffer>
#include <QPdfWriter>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTextBlock>
#include <QTextDocument>
#include <QTextLayout>

#include <gtest/gtest.h>

using namespace objectivity;
using Kind = io::ReportDocument::Block::Kind;
using namespace Qt::StringLiterals;

namespace {

// Items whose first words differ in length, each long enough to take two or more lines.
io::ReportDocument listDocument() {
    io::ReportDocument doc;
    doc.title = u"Проверка"_s;
    doc.add(Kind::Paragraph, u"Рекомендации:"_s);
    for (const QString &first : {u"перепроверить"_s, u"проверить"_s, u"направить"_s, u"и"_s})
        doc.add(Kind::Bullet,
                first + u" работы участников по предметам и классам с признаками (муниципальная "
                        u"или региональная предметная комиссия), организацию проведения и "
                        u"проверки работ: протоколы, рассадку, хранение материалов;"_s);
    return doc;
}

} // namespace

TEST(ReportBullets, PdfItemTextStartsWhereItsNextLinesStart) {
    for (const int dpi : {96, 300, 1200}) {
        QBuffer buffer;
        buffer.open(QIODevice::WriteOnly);
        QPdfWriter writer(&buffer);
        writer.setResolution(dpi);
        writer.setPageLayout(io::ReportPdfWriter::pageLayout(false));
        QTextDocument text;
        io::ReportPdfWriter::build(listDocument(), &text, &writer);
        const double mm = dpi / 25.4;
        int items = 0;
        for (QTextBlock b = text.begin(); b.isValid(); b = b.next()) {
            if (!b.text().startsWith(u'–'))
                continue;
            ++items;
            const QTextLayout *layout = b.layout();
            ASSERT_GE(layout->lineCount(), 2) << b.text().toStdString();
            const QTextLine first = layout->lineAt(0), next = layout->lineAt(1);
            // the dash hangs 5 mm left of the text
            EXPECT_NEAR(next.x() - first.x(), 5 * mm, 0.2 * mm) << dpi;
            // the item's first word starts where the next lines start
            const int afterDash = int(b.text().indexOf(u'\t')) + 1;
            ASSERT_GT(afterDash, 0) << b.text().toStdString();
            EXPECT_NEAR(first.cursorToX(afterDash), next.x(), 0.2 * mm)
                << dpi << " dpi: " << b.text().left(20).toStdString();
        }
        EXPECT_EQ(items, 4);
    }
}

TEST(ReportBullets, DocxItemIsDashTabAndTextWithAHangingIndent) {
    QTemporaryDir dir;
    const QString path = dir.filePath(u"list.docx"_s);
    ASSERT_TRUE(io::ReportDocxWriter::write(listDocument(), path).ok());
    auto zip = io::ZipArchive::open(path);
    ASSERT_TRUE(zip.ok());
    auto xml = zip->read(u"word/document.xml"_s);
    ASSERT_TRUE(xml.ok());
    const QString text = QString::fromUtf8(*xml);
    // the hanging indent is the implicit tab stop Word and Writer go to from the dash
    static const QRegularExpression item(
        uR"re(<w:ind w:left="(\d+)" w:hanging="(\d+)"/>(?:(?!<w:p>).)*?<w:r><w:t xml:space="preserve">–</w:t><w:tab/><w:t xml:space="preserve">)re"_s);
    int items = 0;
    for (auto it = item.globalMatch(text); it.hasNext(); ++items) {
        const auto m = it.next();
        EXPECT_EQ(m.captured(1).toInt(), 992); // 17.5 mm
        EXPECT_EQ(m.captured(2).toInt(), 283); // 5 mm
    }
    EXPECT_EQ(items, 4) << text.toStdString();
    EXPECT_FALSE(text.contains(u"–\u00a0"_s));
}
