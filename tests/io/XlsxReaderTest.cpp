#include "objectivity/io/formats/XlsxReader.h"
#include "TestSupport.h"
#include "ZipFixture.h"

#include <QDate>

using objectivity::io::XlsxReader;
using objectivity::io::XlsxSheet;
using objectivity::test::writeZip;
using objectivity::test::xlsxParts;

TEST(XlsxReader, SharedRichInlineNumbersBooleansDatesSheetsAndMerges) {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("book.xlsx"));
    const QByteArray shared = QStringLiteral("<si><t>Код участника</t></si>"
                                             "<si><r><t>Перв</t></r><r><rPr><b/></rPr><t>ичный "
                                             "балл</t></r><rPh><t>ignored</t></rPh></si>"
                                             "<si><t>Задания</t></si>")
                                  .toUtf8();
    const QByteArray styles = "<numFmts count=\"1\"><numFmt numFmtId=\"164\" "
                              "formatCode=\"dd/mm/yyyy\"/></numFmts>"
                              "<cellXfs count=\"3\"><xf numFmtId=\"0\"/><xf numFmtId=\"164\"/>"
                              "<xf numFmtId=\"14\"/></cellXfs>";
    const QByteArray sheet1 =
        QStringLiteral(
            "<sheetData>"
            "<row r=\"1\"><c r=\"C1\" t=\"s\"><v>2</v></c></row>"
            "<row r=\"2\"><c r=\"A2\" t=\"s\"><v>0</v></c><c r=\"B2\" t=\"s\"><v>1</v></c>"
            "<c r=\"C2\" t=\"inlineStr\"><is><t>1 (2б)</t></is></c><c r=\"D2\" "
            "t=\"inlineStr\"><is><r><t>2 </t></r><r><t>(1б)</t></r></is></c></row>"
            "<row r=\"4\"><c r=\"A4\" t=\"str\"><v>10101</v></c><c r=\"B4\"><v>12.5</v></c>"
            "<c r=\"C4\" t=\"b\"><v>1</v></c><c r=\"D4\" s=\"1\"><v>45366</v></c>"
            "<c r=\"E4\" s=\"2\"><v>45366.5</v></c><c r=\"F4\"><v>7</v></c></row>"
            "</sheetData><mergeCells count=\"1\"><mergeCell ref=\"C1:D1\"/></mergeCells>")
            .toUtf8();
    const QByteArray sheet2 = "<sheetData><row r=\"1\"><c r=\"A1\"><v>42</v></c></row></sheetData>";
    ASSERT_TRUE(writeZip(
        path, xlsxParts({{QStringLiteral("Результаты"), sheet1}, {QStringLiteral("Лист2"), sheet2}},
                        shared, styles)));
    auto book = XlsxReader::open(path);
    ASSERT_TRUE(book.ok()) << book.error().toString().toStdString();
    EXPECT_EQ(book->sheetNames(),
              (QStringList{QStringLiteral("Результаты"), QStringLiteral("Лист2")}));
    auto s = book->readSheet(QStringLiteral("Результаты"));
    ASSERT_TRUE(s.ok()) << s.error().toString().toStdString();
    EXPECT_EQ(s->text(0, 2), QStringLiteral("Задания"));
    EXPECT_EQ(s->text(0, 3), QStringLiteral("Задания")); // merged header given to covered cell
    EXPECT_EQ(s->text(1, 0), QStringLiteral("Код участника"));
    EXPECT_EQ(s->text(1, 1), QStringLiteral("Первичный балл"));
    EXPECT_EQ(s->text(1, 2), QStringLiteral("1 (2б)"));
    EXPECT_EQ(s->text(1, 3), QStringLiteral("2 (1б)"));
    EXPECT_TRUE(s->rows.at(2).isEmpty()); // empty row 3 kept
    EXPECT_EQ(s->text(3, 0), QStringLiteral("10101"));
    EXPECT_DOUBLE_EQ(s->value(3, 1).toDouble(), 12.5);
    EXPECT_EQ(s->value(3, 2).typeId(), QMetaType::Bool);
    EXPECT_TRUE(s->value(3, 2).toBool());
    EXPECT_EQ(s->value(3, 3).toDate(), QDate(2024, 3, 15));
    EXPECT_EQ(s->value(3, 4).toDateTime().date(), QDate(2024, 3, 15));
    EXPECT_EQ(s->text(3, 5), QStringLiteral("7"));
    auto s2 = book->readSheet(1);
    ASSERT_TRUE(s2.ok());
    EXPECT_EQ(s2->text(0, 0), QStringLiteral("42"));
    EXPECT_FALSE(book->readSheet(QStringLiteral("нет такого")).ok());
}

TEST(XlsxReader, TruncatedFileIsRefused) {
    QTemporaryDir dir;
    const QString good = dir.filePath(QStringLiteral("good.xlsx"));
    ASSERT_TRUE(writeZip(good, xlsxParts({{QStringLiteral("Лист1"),
                                           "<sheetData><row r=\"1\"><c r=\"A1\"><v>1</v></c>"
                                           "</row></sheetData>"}})));
    QFile f(good);
    ASSERT_TRUE(f.open(QIODevice::ReadOnly));
    const QByteArray bytes = f.readAll();
    const QString cut = dir.filePath(QStringLiteral("cut.xlsx"));
    QFile c(cut);
    ASSERT_TRUE(c.open(QIODevice::WriteOnly));
    c.write(bytes.left(bytes.size() / 2));
    c.close();
    auto book = XlsxReader::open(cut);
    ASSERT_FALSE(book.ok());
    EXPECT_EQ(book.error().file, QStringLiteral("cut.xlsx"));
}

TEST(XlsxReader, HugePartIsRefused) {
    // A part declaring 12 MB against an 8 MB limit is refused before
    // anything is inflated.
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("bomb.xlsx"));
    QByteArray body = "<sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>";
    body += QByteArray(12 * 1024 * 1024, 'a');
    body += "</t></is></c></row></sheetData>";
    ASSERT_TRUE(writeZip(path, xlsxParts({{QStringLiteral("Лист1"), body}})));
    body.clear();
    XlsxReader::Limits limits;
    limits.maxPartBytes = 8 * 1024 * 1024;
    auto book = XlsxReader::open(path, limits);
    ASSERT_TRUE(book.ok());
    auto sheet = book->readSheet(0);
    ASSERT_FALSE(sheet.ok());
    EXPECT_TRUE(sheet.error().message.contains(QStringLiteral("слишком велика")));
}

TEST(XlsxReader, TooManyCellsIsRefused) {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("cells.xlsx"));
    QByteArray body = "<sheetData>";
    for (int r = 1; r <= 100; ++r) {
        body += "<row r=\"" + QByteArray::number(r) + "\">";
        for (int c = 0; c < 10; ++c)
            body += "<c><v>1</v></c>";
        body += "</row>";
    }
    body += "</sheetData>";
    ASSERT_TRUE(writeZip(path, xlsxParts({{QStringLiteral("Лист1"), body}})));
    XlsxReader::Limits limits;
    limits.maxCells = 500;
    auto book = XlsxReader::open(path, limits);
    ASSERT_TRUE(book.ok());
    auto sheet = book->readSheet(0);
    ASSERT_FALSE(sheet.ok());
    EXPECT_TRUE(sheet.error().message.contains(QStringLiteral("ячеек")));
    auto all = XlsxReader::open(path);
    auto ok = all->readSheet(0);
    ASSERT_TRUE(ok.ok());
    EXPECT_EQ(ok->rows.size(), 100);
    EXPECT_EQ(ok->text(99, 9), QStringLiteral("1")); // cells without r="" placed in order
}

TEST(XlsxReader, DagestanFlaggedList) {
    const QString path = objectivity::test::sharedFile(
        QStringLiteral("data/real/vpr_flagged_schools_dagestan_2023_2025.xlsx"));
    OBJ_REQUIRE_SHARED(path, "vpr_flagged_schools_dagestan_2023_2025.xlsx");
    auto book = XlsxReader::open(path);
    ASSERT_TRUE(book.ok()) << book.error().toString().toStdString();
    ASSERT_EQ(book->sheetNames().size(), 1);
    EXPECT_EQ(book->sheetNames().first(), QStringLiteral("Признаки необъективности папка "));
    auto sheet = book->readSheet(0);
    ASSERT_TRUE(sheet.ok());
    EXPECT_EQ(sheet->rows.size(), 600);
    EXPECT_EQ(sheet->text(0, 1), QStringLiteral("Логин"));
    EXPECT_EQ(sheet->text(1, 1), QStringLiteral("edu053001"));
    EXPECT_EQ(sheet->text(0, 8), QStringLiteral("Количество маркеров"));
}

// A sheet of 3,000 rows (about 2 MB, more than one piece of the reader's input), written plainly
// and with a namespace prefix («x:row»): read whole, every row is there with its merged cells; read
// to its first 10 rows (a preview), those rows with the merged cells that start among them, cut to
// them. A cell whose text is «mergeCells» does not stand for the element.
TEST(XlsxReader, FirstRowsOfALargeSheetWithTheirMergedCells) {
    const QByteArray ns = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    for (const QByteArray &prefix : {QByteArray(), QByteArray("x:")}) {
        SCOPED_TRACE(prefix.isEmpty() ? "plain" : "prefixed");
        auto el = [&](const char *name) -> QByteArray { return prefix + name; };
        auto text = [&](const QByteArray &ref, const QString &value) -> QByteArray {
            return "<" + el("c") + " r=\"" + ref + "\" t=\"inlineStr\"><" + el("is") + "><" +
                   el("t") + ">" + value.toUtf8() + "</" + el("t") + "></" + el("is") + "></" +
                   el("c") + ">";
        };
        const QByteArray declared = prefix.isEmpty() ? QByteArray() : " xmlns:x=\"" + ns + "\"";
        QByteArray body = "<" + el("sheetData") + declared + ">";
        body += "<" + el("row") + " r=\"1\">" + text("A1", QStringLiteral("Баллы")) + "</" +
                el("row") + ">";
        const QString padding(300, QChar(0x436)); // «ж»: 600 bytes a row
        for (int i = 2; i <= 3000; ++i) {
            const QByteArray r = QByteArray::number(i);
            const QString a =
                i == 20 ? QStringLiteral("mergeCells") : QStringLiteral("№ %1").arg(i);
            body += "<" + el("row") + " r=\"" + r + "\">" + text("A" + r, a) +
                    text("C" + r, padding) + "<" + el("c") + " r=\"B" + r + "\"><" + el("v") + ">" +
                    r + "</" + el("v") + "></" + el("c") + "></" + el("row") + ">";
        }
        body += "</" + el("sheetData") + "><" + el("mergeCells") + declared + " count=\"3\"><" +
                el("mergeCell") + " ref=\"A1:B1\"/><" + el("mergeCell") + " ref=\"A5:A15\"/><" +
                el("mergeCell") + " ref=\"A2000:B2000\"/></" + el("mergeCells") + ">";
        ASSERT_GT(body.size(), 1800000);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("big.xlsx"));
        ASSERT_TRUE(writeZip(path, xlsxParts({{QStringLiteral("Лист1"), body}})));
        auto book = XlsxReader::open(path);
        ASSERT_TRUE(book.ok()) << book.error().toString().toStdString();

        auto whole = book->readSheet(0);
        ASSERT_TRUE(whole.ok()) << whole.error().toString().toStdString();
        ASSERT_EQ(whole->rows.size(), 3000);
        for (int i = 2; i <= 3000; ++i) {
            const QString expected = i == 2000 ? QStringLiteral("№ 2000") // merged over B2000
                                               : QString::number(i);
            ASSERT_EQ(whole->text(i - 1, 1), expected) << "row " << i;
            // a piece of the XML never ends inside a cell: no text is cut short
            ASSERT_EQ(whole->text(i - 1, 2), padding) << "row " << i;
        }
        EXPECT_EQ(whole->text(0, 1), QStringLiteral("Баллы"));
        EXPECT_EQ(whole->text(14, 0), QStringLiteral("№ 5"));
        EXPECT_EQ(whole->text(1999, 1), QStringLiteral("№ 2000"));
        EXPECT_EQ(whole->text(2999, 2), padding);
        EXPECT_EQ(whole->merged.size(), 3);

        auto head = book->readSheet(0, 10);
        ASSERT_TRUE(head.ok()) << head.error().toString().toStdString();
        ASSERT_EQ(head->rows.size(), 10);
        EXPECT_EQ(head->text(9, 1), QStringLiteral("10"));
        EXPECT_EQ(head->text(0, 1), QStringLiteral("Баллы")); // A1:B1
        EXPECT_EQ(head->text(9, 0), QStringLiteral("№ 5"));   // A5:A15, cut at row 10
        ASSERT_EQ(head->merged.size(), 2);                    // not A2000:B2000
        EXPECT_EQ(head->merged.at(1).lastRow, 9);
    }
}

// The rows of a sheet one at a time: a row the sheet leaves out comes empty, a merge covers it and
// runs past the last row; an error in a later row comes after the rows before it.
TEST(XlsxReader, RowsOneAtATimeWithGapsMergesAndALateError) {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("rows.xlsx"));
    const QByteArray sheet =
        "<sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>Код</t></is></c></row>"
        "<row r=\"3\"><c r=\"B3\"><v>5</v></c></row>"
        "<row r=\"4\"><c r=\"A4\" t=\"s\"><v>7</v></c></row></sheetData>"
        "<mergeCells count=\"2\"><mergeCell ref=\"A1:A3\"/><mergeCell ref=\"B3:B5\"/></mergeCells>";
    ASSERT_TRUE(writeZip(path, xlsxParts({{QStringLiteral("Лист1"), sheet}})));
    auto book = XlsxReader::open(path);
    ASSERT_TRUE(book.ok()) << book.error().toString().toStdString();
    auto rows = book->rows(0);
    ASSERT_TRUE(rows.ok()) << rows.error().toString().toStdString();
    EXPECT_EQ(rows->merged().size(), 2);
    QList<QVariant> cells;
    ASSERT_TRUE(rows->next(&cells));
    EXPECT_EQ(cells, (QList<QVariant>{QStringLiteral("Код")}));
    ASSERT_TRUE(rows->next(&cells)); // row 2 is not in the file: under the merge A1:A3
    EXPECT_EQ(cells, (QList<QVariant>{QStringLiteral("Код")}));
    ASSERT_TRUE(rows->next(&cells));
    EXPECT_EQ(cells, (QList<QVariant>{QStringLiteral("Код"), 5.0}));
    EXPECT_EQ(rows->row(), 2);
    // row 4 names a shared string the workbook does not have
    EXPECT_FALSE(rows->next(&cells));
    ASSERT_TRUE(rows->error().has_value());
    EXPECT_TRUE(rows->error()->toString().contains(QStringLiteral("ячейка A4 ссылается на "
                                                                  "несуществующую строку 7")))
        << rows->error()->toString().toStdString();
    EXPECT_FALSE(rows->next(&cells));

    // Without that error: B3:B5 runs past the last row of the file.
    QByteArray fixed = sheet;
    fixed.replace("t=\"s\"><v>7</v>", "><v>7</v>");
    ASSERT_TRUE(writeZip(path, xlsxParts({{QStringLiteral("Лист1"), fixed}})));
    auto again = XlsxReader::open(path);
    ASSERT_TRUE(again.ok());
    auto whole = again->readSheet(0);
    ASSERT_TRUE(whole.ok()) << whole.error().toString().toStdString();
    ASSERT_EQ(whole->rows.size(), 5);
    EXPECT_EQ(whole->text(3, 0), QStringLiteral("7"));
    EXPECT_EQ(whole->text(3, 1), QStringLiteral("5"));
    EXPECT_EQ(whole->text(4, 1), QStringLiteral("5"));
    EXPECT_FALSE(whole->value(4, 0).isValid());
}
