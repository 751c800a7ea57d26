// io::DocxDocument: the package is complete (content types, relationships, styles, footer,
// properties, media), every part is well-formed XML, and the features land where Word reads them.
#include "objectivity/io/export/DocxDocument.h"
#include "objectivity/io/formats/ZipArchive.h"

#include <gtest/gtest.h>

#include <QImage>
#include <QTemporaryDir>
#include <QXmlStreamReader>

using namespace objectivity;
using Docx = io::DocxDocument;

namespace {

// Local names of the elements of an XML part, in document order; empty when it is not well-formed.
QStringList elementNames(const QByteArray &xml, QString *error = nullptr) {
    QStringList names;
    QXmlStreamReader r(xml);
    while (!r.atEnd())
        if (r.readNext() == QXmlStreamReader::StartElement)
            names << r.name().toString();
    if (r.hasError()) {
        if (error)
            *error = r.errorString();
        return {};
    }
    return names;
}

Docx sample() {
    Docx doc;
    doc.setPageSetup({Docx::Orientation::Landscape, 20, 10, 20, 20});
    doc.setTitle(QStringLiteral("План & «проверка»"));
    doc.setAuthor(QStringLiteral("Школа № 1"));
    doc.addRightBlock({QStringLiteral("УТВЕРЖДАЮ"), QStringLiteral("Директор")}, 90);
    doc.addParagraph(QStringLiteral("Заголовок <плана>"), Docx::Style::Title);
    doc.addParagraph(QStringLiteral("Раздел"), Docx::Style::Heading1);
    Docx::Table t;
    t.columnWidths = {1, 3, 2};
    t.headerFill = QStringLiteral("D9D9D9");
    t.rows.append({Docx::Cell::text(QStringLiteral("№")), Docx::Cell::text(QStringLiteral("Что")),
                   Docx::Cell::text(QStringLiteral("Сроки"))});
    Docx::Cell section = Docx::Cell::text(QStringLiteral("1. Раздел"));
    section.columnSpan = 3;
    t.rows.append({section});
    t.rows.append({Docx::Cell::text(QStringLiteral("1.1")),
                   Docx::Cell::text(QStringLiteral("строка 1\nстрока 2")),
                   Docx::Cell::text(QStringLiteral("сентябрь"))});
    doc.addTable(t);
    QImage image(200, 100, QImage::Format_RGB32);
    image.fill(Qt::red);
    EXPECT_TRUE(doc.addFigure(image, 100, QStringLiteral("Рисунок 1. Красный")));
    EXPECT_FALSE(doc.addFigure(QImage(), 100));
    return doc;
}

} // namespace

TEST(DocxDocument, PackageIsCompleteAndEveryPartWellFormed) {
    QTemporaryDir tmp;
    // $OBJECTIVITY_EXPORT_KEEP keeps the file to look at (LibreOffice, Word).
    const QString keep = qEnvironmentVariable("OBJECTIVITY_EXPORT_KEEP");
    const QString path = (keep.isEmpty() ? tmp.path() : keep) + QStringLiteral("/sample.docx");
    const core::Status st = sample().save(path);
    ASSERT_TRUE(st.ok()) << st.error().toString().toStdString();
    auto zip = io::ZipArchive::open(path);
    ASSERT_TRUE(zip.ok()) << zip.error().toString().toStdString();
    for (const char *part : {"[Content_Types].xml", "_rels/.rels", "word/document.xml",
                             "word/styles.xml", "word/settings.xml", "word/header1.xml",
                             "word/header2.xml", "word/_rels/document.xml.rels",
                             "docProps/core.xml", "docProps/app.xml", "word/media/image1.png"})
        EXPECT_TRUE(zip->contains(QString::fromLatin1(part))) << part;
    for (const QString &name : zip->entryNames()) {
        if (!name.endsWith(QStringLiteral(".xml")) && !name.endsWith(QStringLiteral(".rels")))
            continue;
        auto bytes = zip->read(name);
        ASSERT_TRUE(bytes.ok());
        QString error;
        EXPECT_FALSE(elementNames(*bytes, &error).isEmpty())
            << name.toStdString() << ": " << error.toStdString();
    }
    auto png = zip->read(QStringLiteral("word/media/image1.png"));
    ASSERT_TRUE(png.ok());
    EXPECT_EQ(QImage::fromData(*png).size(), QSize(200, 100));
    const QString core = QString::fromUtf8(*zip->read(QStringLiteral("docProps/core.xml")));
    EXPECT_TRUE(core.contains(QStringLiteral("План &amp; «проверка»")));
    EXPECT_TRUE(core.contains(QStringLiteral("Школа № 1")));
    const QString rels =
        QString::fromUtf8(*zip->read(QStringLiteral("word/_rels/document.xml.rels")));
    EXPECT_TRUE(rels.contains(QStringLiteral("rIdImage1")));
    EXPECT_TRUE(rels.contains(QStringLiteral("header1.xml")));
    EXPECT_TRUE(rels.contains(QStringLiteral("header2.xml")));
    const QString types = QString::fromUtf8(*zip->read(QStringLiteral("[Content_Types].xml")));
    EXPECT_TRUE(types.contains(QStringLiteral("/word/header2.xml")));
    // ГОСТ Р 7.0.97-2016: the number in the middle of the top margin, from the second page
    const QString header = QString::fromUtf8(*zip->read(QStringLiteral("word/header1.xml")));
    EXPECT_TRUE(header.contains(QStringLiteral(" PAGE ")));
    EXPECT_TRUE(header.contains(QStringLiteral("<w:jc w:val=\"center\"/>")));
    const QString first = QString::fromUtf8(*zip->read(QStringLiteral("word/header2.xml")));
    EXPECT_FALSE(first.contains(QStringLiteral("PAGE")));
    EXPECT_FALSE(zip->contains(QStringLiteral("word/footer1.xml")));
    const QString body = QString::fromUtf8(*zip->read(QStringLiteral("word/document.xml")));
    EXPECT_TRUE(
        body.contains(QStringLiteral("<w:headerReference w:type=\"default\" r:id=\"rIdHeader1\"/>"
                                     "<w:headerReference w:type=\"first\" r:id=\"rIdHeader2\"/>")));
    EXPECT_TRUE(body.contains(QStringLiteral("<w:titlePg/><w:docGrid")));
}

TEST(DocxDocument, PageNumbersAtTheFootOfEveryPageOrNone) {
    QTemporaryDir tmp;
    const QString path = tmp.filePath(QStringLiteral("numbers.docx"));
    Docx doc;
    doc.addParagraph(QStringLiteral("Текст"));
    doc.setPageNumbers(true, Docx::Alignment::Right, Docx::PageNumberPlace::BottomOnEveryPage);
    ASSERT_TRUE(doc.save(path).ok());
    auto zip = io::ZipArchive::open(path);
    ASSERT_TRUE(zip.ok());
    const QString footer = QString::fromUtf8(*zip->read(QStringLiteral("word/footer1.xml")));
    EXPECT_TRUE(footer.contains(QStringLiteral(" PAGE ")));
    EXPECT_TRUE(footer.contains(QStringLiteral("<w:jc w:val=\"right\"/>")));
    EXPECT_FALSE(zip->contains(QStringLiteral("word/header1.xml")));
    QString body = QString::fromUtf8(doc.documentXml());
    EXPECT_TRUE(body.contains(QStringLiteral("<w:footerReference w:type=\"default\"")));
    EXPECT_FALSE(body.contains(QStringLiteral("titlePg")));

    doc.setPageNumbers(false);
    ASSERT_TRUE(doc.save(path).ok());
    zip = io::ZipArchive::open(path);
    ASSERT_TRUE(zip.ok());
    EXPECT_FALSE(zip->contains(QStringLiteral("word/footer1.xml")));
    EXPECT_FALSE(zip->contains(QStringLiteral("word/header1.xml")));
    body = QString::fromUtf8(doc.documentXml());
    EXPECT_FALSE(body.contains(QStringLiteral("Reference")));
}

TEST(DocxDocument, TableRowsPageAndTextAsWordReadsThem) {
    const Docx doc = sample();
    QXmlStreamReader r(doc.documentXml());
    int rows = 0, headerRows = 0, cantSplit = 0, gridCols = 0, spans = 0, fills = 0;
    QStringList cellTexts;
    QString orient, pageWidth, text, styles;
    int paragraphsInCell = 0;
    QList<int> paragraphsPerCell;
    bool inCell = false;
    while (!r.atEnd()) {
        r.readNext();
        const QString name = r.name().toString();
        if (r.isStartElement()) {
            const auto attr = [&](const char *a) {
                return r.attributes().value(QLatin1String(a)).toString();
            };
            if (name == QStringLiteral("tr"))
                ++rows;
            else if (name == QStringLiteral("tblHeader"))
                ++headerRows;
            else if (name == QStringLiteral("cantSplit"))
                ++cantSplit;
            else if (name == QStringLiteral("gridCol"))
                ++gridCols;
            else if (name == QStringLiteral("gridSpan"))
                spans += attr("w:val").toInt();
            else if (name == QStringLiteral("shd"))
                fills += attr("w:fill") == QStringLiteral("D9D9D9");
            else if (name == QStringLiteral("pgSz")) {
                orient = attr("w:orient");
                pageWidth = attr("w:w");
            } else if (name == QStringLiteral("pStyle"))
                styles += attr("w:val") + u' ';
            else if (name == QStringLiteral("tc")) {
                inCell = true;
                paragraphsInCell = 0;
            } else if (name == QStringLiteral("p") && inCell)
                ++paragraphsInCell;
            else if (name == QStringLiteral("t"))
                text += r.readElementText();
        } else if (r.isEndElement() && name == QStringLiteral("tc")) {
            inCell = false;
            paragraphsPerCell << paragraphsInCell;
        }
    }
    ASSERT_FALSE(r.hasError()) << r.errorString().toStdString();
    EXPECT_EQ(rows, 3);
    EXPECT_EQ(headerRows, 1);
    EXPECT_EQ(cantSplit, 3);
    EXPECT_EQ(gridCols, 3);
    EXPECT_EQ(spans, 3);
    EXPECT_EQ(fills, 3); // the header's three cells
    EXPECT_EQ(paragraphsPerCell, QList<int>({1, 1, 1, 1, 1, 2, 1}));
    EXPECT_EQ(orient, QStringLiteral("landscape"));
    EXPECT_EQ(pageWidth, QStringLiteral("16838"));
    EXPECT_EQ(styles, QStringLiteral("Title Heading1 Caption "));
    EXPECT_TRUE(text.contains(QStringLiteral("Заголовок <плана>")));
    EXPECT_TRUE(text.contains(QStringLiteral("УТВЕРЖДАЮ")));
    EXPECT_DOUBLE_EQ(doc.textWidthMm(), 267);
}

TEST(DocxDocument, ControlCharactersAreDroppedAndLineBreaksKept) {
    Docx doc;
    doc.addParagraph(QStringLiteral("a\u0001b\nc\td"));
    const QByteArray xml = doc.documentXml();
    QString error;
    ASSERT_FALSE(elementNames(xml, &error).isEmpty()) << error.toStdString();
    const QStringList names = elementNames(xml);
    EXPECT_TRUE(names.contains(QStringLiteral("br")));
    EXPECT_TRUE(names.contains(QStringLiteral("tab")));
    EXPECT_TRUE(xml.contains("ab"));
    // Portrait by default: no orient attribute, A4 width.
    EXPECT_TRUE(xml.contains("w:w=\"11906\""));
}

TEST(DocxDocument, UnwritableTargetNamesTheFile) {
    const core::Status st = Docx().save(QStringLiteral("/nonexistent-folder/x.docx"));
    ASSERT_FALSE(st.ok());
    EXPECT_TRUE(st.error().message.contains(QStringLiteral("DOCX")));
    EXPECT_EQ(st.error().file, QStringLiteral("/nonexistent-folder/x.docx"));
}

// Word needs a paragraph after every table. Between two tables it is a 2 pt line that keeps them
// apart; after the table that ends the document it has no height, so a table that fills the last
// page to its foot does not push it onto a page of its own (Writer printed an empty last page
// under the справка's signature).
TEST(DocxDocument, ParagraphAfterATableHasNoHeightOnlyAtTheEnd) {
    auto table = [] {
        Docx::Table t;
        t.columnWidths = {1};
        t.rows.append({Docx::Cell::text(QStringLiteral("ячейка"))});
        return t;
    };
    const QString zeroHigh = QStringLiteral("w:line=\"1\" w:lineRule=\"exact\"");
    Docx doc;
    doc.addTable(table());
    doc.addTable(table());
    QString xml = QString::fromUtf8(doc.documentXml());
    const QString between = xml.section(QStringLiteral("</w:tbl>"), 1, 1);
    EXPECT_TRUE(between.startsWith(QStringLiteral("<w:p>"))) << between.toStdString();
    EXPECT_TRUE(between.contains(QStringLiteral("<w:sz w:val=\"4\"/>")));
    EXPECT_FALSE(between.contains(zeroHigh));
    const QString end = xml.section(QStringLiteral("</w:tbl>"), 2);
    EXPECT_TRUE(end.startsWith(QStringLiteral("<w:p>"))) << end.toStdString();
    EXPECT_EQ(end.count(QStringLiteral("<w:p>")), 1);
    EXPECT_TRUE(end.contains(zeroHigh)) << end.toStdString();

    doc.addParagraph(QStringLiteral("Текст после таблицы"));
    xml = QString::fromUtf8(doc.documentXml());
    EXPECT_FALSE(xml.contains(zeroHigh)); // the text closes the table: one 2 pt line before it
    EXPECT_EQ(xml.section(QStringLiteral("</w:tbl>"), 2).count(QStringLiteral("<w:p>")), 2);
}
