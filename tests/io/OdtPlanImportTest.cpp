// Plans read from OpenDocument text (.odt): the documents LibreOffice Writer saved from the seeds
// and from a school's .docx with merged cells (tests/data/plans/odt, made by
// make_odt_fixtures.sh), the reader's handling of ODF's own markup, and the refusals.
#include "PlanImportSupport.h"
#include "TestSupport.h"
#include "ZipFixture.h"

#include "objectivity/io/formats/ReaderLimits.h"
#include "objectivity/io/plan/OdtPlanReader.h"
#include "objectivity/io/plan/PlanImporter.h"
#include "objectivity/io/plan/PlanTextRules.h"

#include <QTemporaryDir>

using namespace objectivity;
using io::PlanImporter;

namespace {

QString odtFixture(const QString &name) {
    return test::sourceFile(QStringLiteral("tests/data/plans/odt/") + name);
}

// A content.xml around `body` (the office:text's content), with `styles` as automatic styles.
QByteArray content(const QString &body, const QString &styles = QString()) {
    return (QStringLiteral(
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?><office:document-content "
                "xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" "
                "xmlns:style=\"urn:oasis:names:tc:opendocument:xmlns:style:1.0\" "
                "xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" "
                "xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\" "
                "xmlns:draw=\"urn:oasis:names:tc:opendocument:xmlns:drawing:1.0\" "
                "xmlns:fo=\"urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0\">"
                "<office:automatic-styles>") +
            styles + QStringLiteral("</office:automatic-styles><office:body><office:text>") + body +
            QStringLiteral("</office:text></office:body></office:document-content>"))
        .toUtf8();
}

io::RawDocument readOk(const QByteArray &xml, const QByteArray &styles = QByteArray()) {
    auto r = io::OdtPlanReader::readContentXml(xml, styles, QStringLiteral("план.odt"));
    EXPECT_TRUE(r.ok()) << (r.ok() ? std::string() : r.error().toString().toStdString());
    return r.ok() ? r.value() : io::RawDocument{};
}

} // namespace

// Each seed as LibreOffice Writer saves it (.odt): every section and measure of the seed itself,
// the title, the organisation and the approval.
TEST(OdtPlanImport, WriterOdtOfEachSeedImportsLikeTheSeed) {
    for (const QString &prefix :
         {QStringLiteral("000"), QStringLiteral("001"), QStringLiteral("002")}) {
        const QString seed = test::seedPath(prefix);
        OBJ_REQUIRE_SHARED(seed, "seed " + prefix.toStdString());
        SCOPED_TRACE(prefix.toStdString());
        const auto expected = test::importPlanOk(seed);
        const auto got = test::importPlanOk(odtFixture(QStringLiteral("seed_%1.odt").arg(prefix)));
        ASSERT_GT(expected.plan.measureCount(), 20);
        // 001: the document made from the seed (seed_to_html.py) has owners and expected result
        // in one cell in 13 rows of its later tables, as its .docx made by Writer has (measured)
        EXPECT_EQ(test::expectSamePlan(expected.plan, got.plan), prefix == u"001" ? 13 : 0);
    }
}

// A school's .docx with a section row spanning the table and one owners cell merged over three
// rows, saved by Writer as .odt: the same plan as the text, the merged owners on every measure.
TEST(OdtPlanImport, WriterOdtWithSpansAndRowMergesMatchesTheText) {
    const QString seed = test::seedPath(QStringLiteral("002"));
    OBJ_REQUIRE_SHARED(seed, "seed 002");
    const auto text = test::importPlanOk(seed);
    const QString path = odtFixture(QStringLiteral("kalinovka.odt"));
    const auto odt = test::importPlanOk(path);
    EXPECT_EQ(odt.plan.sections.size(), 5);
    EXPECT_EQ(odt.plan.measureCount(), 26);
    EXPECT_EQ(test::expectSamePlan(text.plan, odt.plan), 0);
    for (int i = 1; i <= 3; ++i)
        EXPECT_EQ(odt.plan.sections[0].measures[i].owners,
                  QStringList{QStringLiteral("Зам. директора")});

    // The reader itself: the section row is one cell spanning five grid columns, the covered
    // owners cells repeat the text of the cell above them.
    auto raw = io::OdtPlanReader::read(path, QStringLiteral("kalinovka.odt"));
    ASSERT_TRUE(raw.ok()) << raw.error().toString().toStdString();
    const io::RawBlock *section = nullptr;
    const io::RawBlock *continued = nullptr;
    for (const auto &b : raw->blocks) {
        if (b.isRow() && b.text().startsWith(QStringLiteral("1. Мероприятия")))
            section = &b;
        if (b.isRow() && b.cells.value(0) == QStringLiteral("3") && !continued)
            continued = &b;
    }
    ASSERT_NE(section, nullptr);
    EXPECT_EQ(section->cells.size(), 5);
    EXPECT_TRUE(section->cells[1].isEmpty());
    EXPECT_FALSE(section->repeated[1]);
    ASSERT_NE(continued, nullptr);
    EXPECT_EQ(continued->cells[3], QStringLiteral("Зам. директора"));
    EXPECT_TRUE(continued->repeated[3]);
    EXPECT_FALSE(continued->repeated[1]);
    EXPECT_EQ(raw->where(*section), QStringLiteral("Строка таблицы 2"));
}

// ODF's own markup: spaces (text:s), tabs and line breaks; spans; footnotes, comments, frames and
// tracked deletions are not text of the plan; bold through an automatic style based on a common
// one; a heading is emphasized; lists and sections are read through.
TEST(OdtPlanImport, ParagraphTextAndEmphasis) {
    const QByteArray styles =
        "<office:document-styles "
        "xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" "
        "xmlns:style=\"urn:oasis:names:tc:opendocument:xmlns:style:1.0\" "
        "xmlns:fo=\"urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0\"><office:styles>"
        "<style:style style:name=\"Strong\" style:family=\"text\"><style:text-properties "
        "fo:font-weight=\"bold\"/></style:style></office:styles></office:document-styles>";
    const auto doc = readOk(
        content(
            QStringLiteral(
                "<text:tracked-changes><text:changed-region><text:deletion><text:p>удалено"
                "</text:p></text:deletion></text:changed-region></text:tracked-changes>"
                "<text:h text:outline-level=\"1\">I. Аналитическая работа</text:h>"
                "<text:p>Срок:<text:s text:c=\"3\"/>май<text:tab/>2025<text:line-break/>"
                "вторая строка<text:note><text:note-citation>1</text:note-citation>"
                "<text:note-body><text:p>сноска</text:p></text:note-body></text:note>"
                "<office:annotation><text:p>комментарий</text:p></office:annotation>"
                "<draw:frame><draw:text-box><text:p>рамка</text:p></draw:text-box>"
                "</draw:frame></text:p>"
                "<text:p><text:span text:style-name=\"T1\">УТВЕРЖДАЮ</text:span></text:p>"
                "<text:p>обычный <text:span text:style-name=\"T1\">и жирный</text:span></text:p>"
                "<text:list><text:list-item><text:p>пункт списка</text:p></text:list-item>"
                "</text:list><text:section><text:p>в разделе</text:p></text:section>"),
            QStringLiteral("<style:style style:name=\"T1\" style:family=\"text\" "
                           "style:parent-style-name=\"Strong\"/>")),
        styles);
    QStringList texts;
    QList<bool> emphasized;
    for (const auto &b : doc.blocks) {
        texts << b.text();
        emphasized << b.emphasized;
    }
    EXPECT_EQ(texts, QStringList({QStringLiteral("I. Аналитическая работа"),
                                  QStringLiteral("Срок: май 2025"), QStringLiteral("вторая строка"),
                                  QStringLiteral("УТВЕРЖДАЮ"), QStringLiteral("обычный и жирный"),
                                  QStringLiteral("пункт списка"), QStringLiteral("в разделе")}));
    EXPECT_EQ(emphasized, QList<bool>({true, false, false, true, false, false, false}));
    EXPECT_EQ(doc.where(doc.blocks[2]), QStringLiteral("Абзац 2")); // a line of paragraph 2
}

// Tables: header rows and row groups, a cell spanning columns (its covered cells are not new
// columns), a cell spanning rows (the covered cells below repeat it), repeated cells and rows,
// a table nested in a cell flattened into it.
TEST(OdtPlanImport, TableCellsOnTheGrid) {
    const auto cell = [](const QString &text, const QString &attributes = QString()) {
        return QStringLiteral("<table:table-cell%1><text:p>%2</text:p></table:table-cell>")
            .arg(attributes, text);
    };
    const QString covered = QStringLiteral("<table:covered-table-cell/>");
    const QString body =
        QStringLiteral("<table:table><table:table-column table:number-columns-repeated=\"4\"/>"
                       "<table:table-header-rows><table:table-row>") +
        cell(QStringLiteral("№")) + cell(QStringLiteral("Мероприятие")) +
        cell(QStringLiteral("Срок")) + cell(QStringLiteral("Ответственный")) +
        QStringLiteral("</table:table-row></table:table-header-rows><table:table-rows>"
                       "<table:table-row>") +
        cell(QStringLiteral("1. Раздел"), QStringLiteral(" table:number-columns-spanned=\"4\"")) +
        covered + covered + covered + QStringLiteral("</table:table-row><table:table-row>") +
        cell(QStringLiteral("1.1")) + cell(QStringLiteral("Первое")) + cell(QStringLiteral("май")) +
        cell(QStringLiteral("Зам. директора"), QStringLiteral(" table:number-rows-spanned=\"2\"")) +
        QStringLiteral("</table:table-row><table:table-row>") + cell(QStringLiteral("1.2")) +
        cell(QStringLiteral("Второе")) +
        QStringLiteral("<table:table-cell><table:table><table:table-row>") +
        cell(QStringLiteral("июнь")) + cell(QStringLiteral("2025")) +
        QStringLiteral("</table:table-row></table:table></table:table-cell>") + covered +
        QStringLiteral("</table:table-row><table:table-row table:number-rows-repeated=\"3\">"
                       "<table:table-cell table:number-columns-repeated=\"4\"/></table:table-row>"
                       "</table:table-rows></table:table>");
    const auto doc = readOk(content(body));
    ASSERT_EQ(doc.blocks.size(), 5); // the repeated empty row once
    EXPECT_EQ(doc.blocks[1].cells,
              QStringList({QStringLiteral("1. Раздел"), QString(), QString(), QString()}));
    EXPECT_EQ(doc.blocks[1].repeated, QList<bool>({false, false, false, false}));
    EXPECT_EQ(doc.blocks[3].cells,
              QStringList({QStringLiteral("1.2"), QStringLiteral("Второе"),
                           QStringLiteral("июнь 2025"), QStringLiteral("Зам. директора")}));
    EXPECT_EQ(doc.blocks[3].repeated, QList<bool>({false, false, false, true}));
    EXPECT_EQ(doc.blocks[4].cells.size(), 4);
    EXPECT_TRUE(doc.blocks[4].isBlank());
    EXPECT_EQ(doc.where(doc.blocks[3]), QStringLiteral("Строка таблицы 4"));
}

// An .odt is found by its content, whatever its name; what is not a text document says what it is.
TEST(OdtPlanImport, RefusalsNameTheFileAndSayWhatItIs) {
    QTemporaryDir dir;
    const QByteArray odtType = "application/vnd.oasis.opendocument.text";

    // A broken content.xml.
    const QString broken = dir.filePath(QStringLiteral("сломан.odt"));
    ASSERT_TRUE(
        test::writeZip(broken, {{QStringLiteral("mimetype"), odtType},
                                {QStringLiteral("content.xml"),
                                 "<office:document-content><office:body><office:text><text:p>"}}));
    auto r = PlanImporter::importFile(broken);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().file, QStringLiteral("сломан.odt"));
    EXPECT_TRUE(r.error().message.contains(QStringLiteral("content.xml")))
        << r.error().message.toStdString();
    EXPECT_TRUE(r.error().message.contains(QStringLiteral("повреждено")));

    // A spreadsheet.
    const QString ods = dir.filePath(QStringLiteral("план.ods"));
    ASSERT_TRUE(test::writeZip(
        ods, {{QStringLiteral("mimetype"), "application/vnd.oasis.opendocument.spreadsheet"},
              {QStringLiteral("content.xml"), content(QString())}}));
    r = PlanImporter::importFile(ods);
    ASSERT_FALSE(r.ok());
    EXPECT_TRUE(r.error().message.startsWith(QStringLiteral("это таблица OpenDocument (.ods)")))
        << r.error().message.toStdString();

    // No content.xml.
    const QString empty = dir.filePath(QStringLiteral("пусто.odt"));
    ASSERT_TRUE(test::writeZip(empty, {{QStringLiteral("mimetype"), odtType}}));
    r = PlanImporter::importFile(empty);
    ASSERT_FALSE(r.ok());
    EXPECT_TRUE(r.error().message.contains(QStringLiteral("нет content.xml")));

    // A text document with no plan in it: the parser's own message.
    const QString letter = dir.filePath(QStringLiteral("письмо.odt"));
    ASSERT_TRUE(
        test::writeZip(letter, {{QStringLiteral("mimetype"), odtType},
                                {QStringLiteral("content.xml"),
                                 content(QStringLiteral("<text:p>Уважаемые коллеги!</text:p>"))}}));
    r = PlanImporter::importFile(letter);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().file, QStringLiteral("письмо.odt"));

    // Bytes said to be an .odt that are not a zip.
    r = PlanImporter::importData("просто текст", PlanImporter::Format::Odt,
                                 QStringLiteral("текст.odt"));
    ASSERT_FALSE(r.ok());
    EXPECT_TRUE(r.error().message.contains(QStringLiteral("не является документом ODT")));
}

// The walk's limits hold for ODF too: tables nested deeper than the limit are refused, not
// recursed into until the stack runs out.
TEST(OdtPlanImport, DeepNestingIsRefused) {
    QString body;
    const int depth = io::ReaderLimits::kTableNesting + 2;
    for (int i = 0; i < depth; ++i)
        body += QStringLiteral("<table:table><table:table-row><table:table-cell>");
    for (int i = 0; i < depth; ++i)
        body += QStringLiteral("</table:table-cell></table:table-row></table:table>");
    auto r = io::OdtPlanReader::readContentXml(content(body), {}, QStringLiteral("глубоко.odt"));
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().file, QStringLiteral("глубоко.odt"));
    EXPECT_TRUE(r.error().message.contains(QStringLiteral("вложенность таблиц")))
        << r.error().message.toStdString();
}
