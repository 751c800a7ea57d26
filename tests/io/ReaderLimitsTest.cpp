// Hostile inputs built here, one per limit of io::ReaderLimits: each is refused whole, with a
// message naming the file and the limit, without a crash and without writing anything. The real
// seeds and tests/data still import as before (PlanImportFixturesTest, ResultsImporterTest, …).
#include "objectivity/io/formats/ReaderLimits.h"
#include "DocxFixtureWriter.h"
#include "ZipFixture.h"
#include "objectivity/io/formats/CsvReader.h"
#include "objectivity/io/formats/XlsxReader.h"
#include "objectivity/io/formats/ZipArchive.h"
#include "objectivity/io/plan/DocxPlanReader.h"
#include "objectivity/io/plan/HtmlPlanReader.h"
#include "objectivity/io/plan/PlanImporter.h"
#include "objectivity/io/plan/TextPlanReader.h"
#include "objectivity/io/results/FlaggedListImporter.h"
#include "objectivity/io/results/ResultsImporter.h"
#include "objectivity/storage/Database.h"

#include <QFile>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <gtest/gtest.h>

using namespace objectivity;
using namespace Qt::StringLiterals;
using io::PlanImporter;
using io::ReaderLimits;

namespace {

// Checks that `r` failed with a message that names the file and contains every needle.
template <typename T>
void expectRefused(const core::Result<T> &r, const QString &file, const QStringList &needles) {
    ASSERT_FALSE(r.ok()) << "not refused: " << file.toStdString();
    const QString text = r.error().toString();
    EXPECT_TRUE(text.startsWith(u"Файл «"_s + file + u"»"_s)) << text.toStdString();
    for (const QString &needle : needles)
        EXPECT_TRUE(text.contains(needle))
            << text.toStdString() << " — expected «" << needle.toStdString() << "»";
}

QString write(const QTemporaryDir &dir, const QString &name, const QByteArray &data) {
    QFile f(dir.filePath(name));
    EXPECT_TRUE(f.open(QIODevice::WriteOnly));
    EXPECT_EQ(f.write(data), data.size());
    return f.fileName();
}

// `depth` tables, each in the only cell of the one above; the innermost holds `text`.
QByteArray nestedDocxBody(int depth, const QByteArray &text) {
    QByteArray xml;
    xml.reserve(depth * 40 + 100);
    for (int i = 0; i < depth; ++i)
        xml += "<w:tbl><w:tr><w:tc>";
    xml += "<w:p><w:r><w:t>" + text + "</w:t></w:r></w:p>";
    for (int i = 0; i < depth; ++i)
        xml += "</w:tc></w:tr></w:tbl>";
    return xml;
}

QByteArray nestedHtml(int depth, const QByteArray &text) {
    QByteArray html = "<html><body>";
    for (int i = 0; i < depth; ++i)
        html += "<table><tr><td>";
    html += text;
    for (int i = 0; i < depth; ++i)
        html += "</td></tr></table>";
    return html + "</body></html>";
}

const QString kNesting =
    u"вложенность таблиц больше 64 уровней — документ не похож на план, он не прочитан"_s;

TEST(ReaderLimits, NumbersAndSizesInUserWords) {
    EXPECT_EQ(ReaderLimits::count(64), u"64"_s);
    EXPECT_EQ(ReaderLimits::count(1'000'000), u"1\u00A0000\u00A0000"_s);
    EXPECT_EQ(ReaderLimits::size(16LL * 1024 * 1024), u"16 МБ"_s);
    EXPECT_EQ(ReaderLimits::size(4LL * 1024 * 1024 * 1024), u"4 ГБ"_s);
    EXPECT_EQ(ReaderLimits::planRefused(u"plan.docx"_s, u"вложенность таблиц больше 64 уровней"_s)
                  .toString(),
              u"Файл «plan.docx»: "_s + kNesting);
}

// The probe's file: 50,000 tables nested in each other, a few KB packed. It used to crash the
// program (unbounded recursion); now it is refused at the 65th level.
TEST(ReaderLimits, DocxWithFiftyThousandNestedTablesIsRefused) {
    QTemporaryDir dir;
    const QString path = dir.filePath(u"plan.docx"_s);
    ASSERT_TRUE(test::writeDocx(
        path, test::wordDocument(QString::fromUtf8(nestedDocxBody(50'000, "глубоко")))));
    EXPECT_LT(QFile(path).size(), 64 * 1024); // small on disk, as the probe's
    expectRefused(PlanImporter::importFile(path), u"plan.docx"_s, {kNesting});
    QFile f(path);
    ASSERT_TRUE(f.open(QIODevice::ReadOnly));
    expectRefused(
        PlanImporter::importData(f.readAll(), PlanImporter::Format::Auto, u"вставка.docx"_s),
        u"вставка.docx"_s, {kNesting});
}

// 64 levels are read, the innermost text included; 65 are refused. The same for content controls
// (w:sdt) nested in each other, which the walk also recurses into.
TEST(ReaderLimits, DocxNestingBoundary) {
    const auto within = io::DocxPlanReader::readDocumentXml(
        test::wordDocument(QString::fromUtf8(nestedDocxBody(64, "самая внутренняя"))), u"a.docx"_s);
    ASSERT_TRUE(within.ok()) << within.error().toString().toStdString();
    ASSERT_EQ(within->blocks.size(), 1);
    EXPECT_TRUE(within->blocks.first().cells.first().contains(u"самая внутренняя"_s));
    expectRefused(io::DocxPlanReader::readDocumentXml(
                      test::wordDocument(QString::fromUtf8(nestedDocxBody(65, "x"))), u"a.docx"_s),
                  u"a.docx"_s, {kNesting});

    QByteArray sdt;
    for (int i = 0; i < 10'000; ++i)
        sdt += "<w:sdt><w:sdtContent>";
    sdt += "<w:p><w:r><w:t>x</w:t></w:r></w:p>";
    for (int i = 0; i < 10'000; ++i)
        sdt += "</w:sdtContent></w:sdt>";
    expectRefused(io::DocxPlanReader::readDocumentXml(test::wordDocument(QString::fromUtf8(sdt)),
                                                      u"b.docx"_s),
                  u"b.docx"_s, {u"вложенность полей и разделов документа больше 64 уровней"_s});
}

// A zip bomb: word/document.xml of 80 MB of spaces packs into about 80 KB.
TEST(ReaderLimits, DocxZipBombIsRefused) {
    QTemporaryDir dir;
    const QString path = dir.filePath(u"bomb.docx"_s);
    QByteArray xml = test::wordDocument(u"<w:p><w:r><w:t>x</w:t></w:r></w:p>"_s);
    xml.append(QByteArray(80 * 1024 * 1024, ' '));
    ASSERT_TRUE(test::writeDocx(path, xml));
    xml.clear();
    EXPECT_LT(QFile(path).size(), 1024 * 1024);
    expectRefused(
        PlanImporter::importFile(path), u"bomb.docx"_s,
        {u"word/document.xml"_s, u"больше 64 МБ"_s, u"zip-бомба"_s, u"файл не прочитан"_s});
}

// Compression ratio (above a floor size) and the number of parts.
TEST(ReaderLimits, ZipRatioAndEntryCount) {
    QTemporaryDir dir;
    const QString path = dir.filePath(u"ratio.zip"_s);
    ASSERT_TRUE(test::writeZip(
        path, {{u"a.xml"_s, QByteArray(4 * 1024 * 1024, 'a')}, {u"b.xml"_s, QByteArray("<b/>")}}));
    io::ZipArchive::Limits limits;
    limits.maxRatio = 100;
    limits.ratioFloorBytes = 1024 * 1024;
    auto zip = io::ZipArchive::open(path, limits);
    ASSERT_TRUE(zip.ok());
    expectRefused(zip->read(u"a.xml"_s), u"ratio.zip"_s,
                  {u"«a.xml» сжата более чем в 100 раз"_s, u"zip-бомб"_s});
    EXPECT_TRUE(zip->read(u"b.xml"_s).ok()); // a small part is fine
    auto all = io::ZipArchive::open(path);   // the default ratio (1000) lets 4 MB of 'a' through
    ASSERT_TRUE(all.ok());
    EXPECT_TRUE(all->read(u"a.xml"_s).ok());

    limits = {};
    limits.maxEntries = 1;
    expectRefused(io::ZipArchive::open(path, limits), u"ratio.zip"_s,
                  {u"слишком много частей (более 1)"_s});
}

TEST(ReaderLimits, DeeplyNestedHtmlIsRefused) {
    expectRefused(PlanImporter::importData(nestedHtml(50'000, "x"), PlanImporter::Format::Auto,
                                           u"deep.html"_s),
                  u"deep.html"_s, {kNesting});
    // 64 levels are read.
    auto within = io::HtmlPlanReader::read(QString::fromUtf8(nestedHtml(64, "внутри")), u"a"_s);
    ASSERT_TRUE(within.ok()) << within.error().toString().toStdString();
    ASSERT_FALSE(within->blocks.isEmpty());
    EXPECT_TRUE(within->blocks.first().cells.first().contains(u"внутри"_s));
}

TEST(ReaderLimits, HtmlTagsCellsAndRowWidth) {
    // More tags than any page (2 million <i>: 6 MB, under the size limit).
    QByteArray tags = "<html><body><p>";
    tags += QByteArray("<i>").repeated(ReaderLimits::kHtmlTags + 1);
    expectRefused(io::HtmlPlanReader::read(QString::fromLatin1(tags), u"tags.html"_s),
                  u"tags.html"_s, {u"больше 2\u00A0000\u00A0000 тегов HTML"_s});
    tags.clear();
    // One row of 300 cells, and one cell spanning 1000 columns.
    const QByteArray wide = "<table><tr>" + QByteArray("<td>a").repeated(300) + "</table>";
    expectRefused(io::HtmlPlanReader::read(QString::fromLatin1(wide), u"wide.html"_s),
                  u"wide.html"_s, {u"в строке таблицы больше 256 ячеек"_s});
    // Cells repeated down by rowspan count: 256 cells spanning 1000 rows, renewed every 1000 rows,
    // would make 12.8 million cells of 50,000 rows.
    QByteArray spans = "<table>";
    for (int block = 0; block < 40; ++block) {
        spans += "<tr>" + QByteArray("<td rowspan=1000>a").repeated(256);
        spans += QByteArray("<tr>").repeated(999);
    }
    expectRefused(io::HtmlPlanReader::read(QString::fromLatin1(spans), u"spans.html"_s),
                  u"spans.html"_s, {u"в таблицах документа больше 500\u00A0000 ячеек"_s});
    expectRefused(
        io::HtmlPlanReader::read(u"<table><tr><td colspan=1000>a</table>"_s, u"span.html"_s),
        u"span.html"_s, {u"больше 256 ячеек"_s});
}

TEST(ReaderLimits, TextLinesRowsAndLineLength) {
    expectRefused(io::TextPlanReader::read(QString(ReaderLimits::kPlanBlocks, u'\n'), u"a.txt"_s),
                  u"a.txt"_s, {u"больше 50\u00A0000 строк"_s});
    expectRefused(
        io::TextPlanReader::read(u"№\tМероприятие\n"_s + QString(300, u'\t') + u"x"_s, u"b.txt"_s),
        u"b.txt"_s, {u"в строке 2 больше 256 ячеек"_s});
    expectRefused(
        io::TextPlanReader::read(QString(ReaderLimits::kPlanCellChars + 1, u'а'), u"c.txt"_s),
        u"c.txt"_s, {u"строка 1 длиннее 4\u00A0000\u00A0000 символов"_s});
    // A plan-sized text reads as before.
    auto ok = io::TextPlanReader::read(u"№\tМероприятие\tСрок\n1\tСовещание\tМай\n"_s, u"d.txt"_s);
    ASSERT_TRUE(ok.ok());
    EXPECT_EQ(ok->blocks.size(), 3);
}

// A file larger than a plan can be is refused by its size before it is read: a sparse 17 MB file
// and the same bytes in memory (a paste).
TEST(ReaderLimits, OversizePlanFileIsRefusedBeforeReading) {
    QTemporaryDir dir;
    const QString path = dir.filePath(u"huge.html"_s);
    QFile f(path);
    ASSERT_TRUE(f.open(QIODevice::WriteOnly));
    f.write("<html><body><p>план</p>");
    ASSERT_TRUE(f.resize(17LL * 1024 * 1024));
    f.close();
    expectRefused(PlanImporter::importFile(path), u"huge.html"_s,
                  {u"файл больше 16 МБ (в нём 17 МБ) — документ не похож на план"_s});
    QByteArray text(17 * 1024 * 1024, 'a');
    expectRefused(PlanImporter::importData(text, PlanImporter::Format::Text, u"вставка"_s),
                  u"вставка"_s, {u"файл больше 16 МБ"_s});
}

class ReaderLimitsImport : public ::testing::Test {
protected:
    void SetUp() override {
        ASSERT_TRUE(dir.isValid());
        auto opened = storage::Database::open(dir.filePath(u"r.sqlite"_s));
        ASSERT_TRUE(opened.ok()) << opened.error().toString().toStdString();
        db = std::move(opened.value());
    }
    // Every table a results or list import writes, counted.
    QString state() {
        QStringList parts;
        for (const char *table :
             {"participants", "imports", "schools", "procedures", "official_flags"}) {
            QSqlQuery q(db->connection());
            parts << (q.exec(u"SELECT COUNT(*) FROM "_s + QLatin1String(table)) && q.next()
                          ? q.value(0).toString()
                          : u"?"_s);
        }
        return parts.join(u'/');
    }

    QTemporaryDir dir;
    std::unique_ptr<storage::Database> db;
};

const QByteArray kFlatHeader =
    "Год;Процедура;Параллель;Предмет;Муниципалитет;Логин ОО;Наименование ОО;Класс;Код "
    "участника;Вариант;З1;Первичный балл;Отметка\n";
QByteArray flatRow(const QByteArray &code, const QByteArray &name = "МБОУ СОШ № 1") {
    return "2024;ВПР;5;Математика;Район 1;edu053001;" + name + ";5А;" + code + ";1;1;1;3\n";
}

TEST_F(ReaderLimitsImport, OverlongCsvCellIsRefusedAndNothingWritten) {
    const QString before = state();
    io::ResultsImporter importer(*db);
    const QString path =
        write(dir, u"long.csv"_s,
              kFlatHeader + flatRow("101") + flatRow("102", QByteArray(150'000, 'x')));
    expectRefused(importer.importFile(path, {}), u"long.csv"_s,
                  {u"строка 3"_s, u"поле длиннее 100\u00A0000 символов"_s, u"файл не прочитан"_s});
    // An unclosed quote that swallows the rest of the file stops at the same limit.
    const QString open = write(dir, u"quote.csv"_s,
                               kFlatHeader + "2024;\"ВПР;5\n" + QByteArray(200'000, 'y') + "\n");
    expectRefused(importer.importFile(open, {}), u"quote.csv"_s,
                  {u"поле длиннее 100\u00A0000 символов"_s});
    EXPECT_EQ(state(), before);
    // The same file with a normal name imports.
    const QString fine = write(dir, u"fine.csv"_s, kFlatHeader + flatRow("101") + flatRow("102"));
    auto r = importer.importFile(fine, {});
    ASSERT_TRUE(r.ok()) << r.error().toString().toStdString();
    EXPECT_EQ(r->rows, 2);
}

TEST_F(ReaderLimitsImport, TooManyColumnsIsRefused) {
    const QString before = state();
    QByteArray header = "Год;Логин;Муниципалитет;ОО;4 РУ";
    for (int i = 0; i < ReaderLimits::kTableColumns; ++i)
        header += ";5 МА";
    const QString path = write(dir, u"wide.csv"_s, header + "\n2024;edu1;Р;Школа;1\n");
    expectRefused(io::FlaggedListImporter(*db).importFile(path), u"wide.csv"_s,
                  {u"строка 1"_s, u"в строке больше 2\u00A0000 столбцов"_s});
    expectRefused(io::ResultsImporter(*db).importFile(path, {}), u"wide.csv"_s,
                  {u"больше 2\u00A0000 столбцов"_s});
    EXPECT_EQ(state(), before);
}

TEST_F(ReaderLimitsImport, CsvRecordLimit) {
    const QString path = write(dir, u"rows.csv"_s, "a;b\n1;2\n3;4\n5;6\n");
    std::unique_ptr<io::CsvReader> reader;
    ASSERT_FALSE(io::CsvReader::open(path, &reader));
    reader->setLimits({.maxFields = 10, .maxFieldChars = 10, .maxRecords = 3});
    QStringList fields;
    int read = 0;
    while (reader->readRecord(fields))
        ++read;
    EXPECT_EQ(read, 3);
    ASSERT_TRUE(reader->error());
    EXPECT_EQ(reader->error()->toString(),
              u"Файл «rows.csv», строка 4: в файле больше 3 строк — файл не прочитан"_s);
}

// A results file over 4 GB is refused by its size before it is hashed or read (a sparse file).
TEST_F(ReaderLimitsImport, OversizeResultsFileIsRefusedBeforeHashing) {
    const QString path = dir.filePath(u"huge.csv"_s);
    QFile f(path);
    ASSERT_TRUE(f.open(QIODevice::WriteOnly));
    f.write(kFlatHeader);
    if (!f.resize(ReaderLimits::kResultsFileBytes + 1))
        GTEST_SKIP() << "the file system does not take a sparse 4 GB file";
    f.close();
    const QString before = state();
    expectRefused(io::ResultsImporter(*db).importFile(path, {}), u"huge.csv"_s,
                  {u"файл больше 4 ГБ"_s, u"файл не прочитан"_s});
    expectRefused(io::FlaggedListImporter(*db).importFile(path), u"huge.csv"_s,
                  {u"файл больше 4 ГБ"_s});
    EXPECT_EQ(state(), before);
    QFile::remove(path);
}

TEST(ReaderLimits, XlsxColumnsCellsAndStrings) {
    QTemporaryDir dir;
    // A value in column 2001 (BXZ) — also the way to make one cell cost 2000 empty ones.
    const QString wide = dir.filePath(u"wide.xlsx"_s);
    ASSERT_TRUE(test::writeZip(
        wide, test::xlsxParts({{u"Лист1"_s, "<sheetData><row r=\"1\"><c r=\"A1\"><v>1</v></c>"
                                            "<c r=\"BXZ1\"><v>2</v></c></row></sheetData>"}})));
    auto book = io::XlsxReader::open(wide);
    ASSERT_TRUE(book.ok());
    expectRefused(book->readSheet(0), u"wide.xlsx"_s,
                  {u"лист «Лист1»"_s, u"ячейке BXZ1"_s, u"больше 2\u00A0000 столбцов"_s});

    // Empty cells to the left of a written one count towards the cells of a sheet.
    const QString sparse = dir.filePath(u"sparse.xlsx"_s);
    QByteArray rows = "<sheetData>";
    for (int r = 1; r <= 10; ++r)
        rows += "<row r=\"" + QByteArray::number(r) + "\"><c r=\"ZZ" + QByteArray::number(r) +
                "\"><v>1</v></c></row>";
    ASSERT_TRUE(test::writeZip(sparse, test::xlsxParts({{u"Лист1"_s, rows + "</sheetData>"}})));
    io::XlsxReader::Limits limits;
    limits.maxCells = 5000; // 10 rows × 702 columns is more
    auto small = io::XlsxReader::open(sparse, limits);
    ASSERT_TRUE(small.ok());
    expectRefused(small->readSheet(0), u"sparse.xlsx"_s,
                  {u"слишком много ячеек (более 5\u00A0000)"_s});
    auto whole = io::XlsxReader::open(sparse);
    ASSERT_TRUE(whole.ok());
    auto sheet = whole->readSheet(0);
    ASSERT_TRUE(sheet.ok());
    EXPECT_EQ(sheet->text(9, 701), u"1"_s);

    // An over-long shared string and an over-long inline string.
    const QString strings = dir.filePath(u"strings.xlsx"_s);
    const QByteArray longText(ReaderLimits::kTableCellChars + 1, 'z');
    ASSERT_TRUE(test::writeZip(
        strings,
        test::xlsxParts({{u"Лист1"_s, "<sheetData><row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c>"
                                      "</row></sheetData>"}},
                        "<si><t>" + longText + "</t></si>")));
    expectRefused(io::XlsxReader::open(strings), u"strings.xlsx"_s,
                  {u"строка № 1 книги длиннее 100\u00A0000 символов"_s});
    const QString inlined = dir.filePath(u"inline.xlsx"_s);
    ASSERT_TRUE(test::writeZip(
        inlined,
        test::xlsxParts({{u"Лист1"_s, "<sheetData><row r=\"1\"><c r=\"B1\" "
                                      "t=\"inlineStr\"><is><t>" +
                                          longText + "</t></is></c></row></sheetData>"}})));
    auto inl = io::XlsxReader::open(inlined);
    ASSERT_TRUE(inl.ok());
    expectRefused(inl->readSheet(0), u"inline.xlsx"_s,
                  {u"ячейка B1 длиннее 100\u00A0000 символов"_s});
}

} // namespace
