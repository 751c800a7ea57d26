// Messages the user reads are Russian, short and name the user's own columns: the known bad inputs
// go through the real importers and each message is checked for English words, length, the
// Russian heading and the original text kept only as details.
#include "DocxFixtureWriter.h"
#include "ResultsDatabaseTest.h"
#include "ZipFixture.h"
#include "objectivity/core/common/MessageText.h"
#include "objectivity/io/plan/PlanImporter.h"
#include "objectivity/io/results/FlaggedListImporter.h"
#include "objectivity/io/results/ResultsImporter.h"
#include "objectivity/storage/Database.h"

#include <QFile>
#include <QRegularExpression>
#include <QSqlQuery>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace objectivity;
using namespace Qt::StringLiterals;

namespace {

const QString kHeader = u"Год;Процедура;Параллель;Предмет;Муниципалитет;Логин ОО;Наименование ОО;"
                        u"Класс;Код участника;Вариант;З1;З2;З3;Первичный балл;Отметка"_s;

QString row(int code, const QString &year = u"2024"_s) {
    return u"%1;ВПР;5;Математика;Район 1;школа-1;МБОУ СОШ № 1;5А;%2;1;1;0;1;2;3"_s.arg(year).arg(
        code);
}

// The Latin words of 3+ letters in what the user sees, file names and paths left out: the file
// the error names, and anything that looks like a file or a part of an archive («a.csv»,
// «word/document.xml»).
QStringList englishWords(const core::Error &error) {
    QString text = error.toString();
    if (!error.file.isEmpty())
        text.remove(error.file);
    static const QRegularExpression fileName(
        uR"([\w./\\-]+\.(?:csv|xlsx|docx|xml|rels|sqlite|txt))"_s,
        QRegularExpression::CaseInsensitiveOption);
    text.remove(fileName);
    static const QRegularExpression latin(u"[A-Za-z]{3,}"_s);
    QStringList words;
    for (auto it = latin.globalMatch(text); it.hasNext();)
        words << it.next().captured();
    return words;
}

// What every message must be: Russian, one screen at most.
void expectUserMessage(const core::Error &error) {
    const QString text = error.toString();
    EXPECT_TRUE(englishWords(error).isEmpty())
        << "English in the message: " << englishWords(error).join(u", "_s).toStdString()
        << "\n  message: " << text.toStdString();
    EXPECT_LE(text.size(), 600) << text.left(1000).toStdString();
    EXPECT_FALSE(text.isEmpty());
}

class MessagesTest : public test::ResultsDatabaseTest {
protected:
    core::Error importFailure(const QString &path) {
        auto r = io::ResultsImporter(*db).importFile(path, {});
        EXPECT_FALSE(r.ok());
        return r.ok() ? core::Error{} : r.error();
    }
    qint64 participants() {
        QSqlQuery q(db->connection());
        return q.exec(u"SELECT COUNT(*) FROM participants"_s) && q.next() ? q.value(0).toLongLong()
                                                                          : -1;
    }
};

TEST(MessageTextTest, QuotedTextIsCutTo200CharactersOnOneLine) {
    EXPECT_EQ(core::quoteForMessage(u"Год"_s), u"«Год»"_s);
    const QString cut = core::quoteForMessage(QString(5'000'000, u'я'));
    EXPECT_EQ(cut.size(), 200 + 3); // the quotes and «…»
    EXPECT_TRUE(cut.endsWith(u"…»"_s));
    EXPECT_EQ(core::shortenForMessage(u"две\nстроки"_s), u"две строки"_s);
    // a surrogate pair is not cut in half
    const QString emoji = QString(199, u'я') + QString::fromUcs4(U"😀") + u"хвост"_s;
    EXPECT_EQ(core::shortenForMessage(emoji), QString(199, u'я') + u"…"_s);
}

TEST(MessageTextTest, ErrorShowsTheColumnByItsHeadingAndCutsAHugeMessage) {
    core::Error e;
    e.file = u"a.csv"_s;
    e.row = 3;
    e.column = 1;
    e.columnName = u"Год"_s;
    e.message = u"вместо года «абв»"_s;
    EXPECT_EQ(e.toString(), u"Файл «a.csv», строка 3, столбец 1 «Год»: вместо года «абв»"_s);
    // in a workbook the cell as Excel names it, once (not «строка 3, столбец 1 …: лист …, ячейка
    // A3»)
    core::Error x = e;
    x.file = u"a.xlsx"_s;
    x.sheet = u"Лист1"_s;
    x.cell = u"A3"_s;
    EXPECT_EQ(x.toString(), u"Файл «a.xlsx», лист «Лист1», ячейка A3 «Год»: вместо года «абв»"_s);
    x.cell.clear(); // a whole row of the sheet
    x.column = -1;
    x.columnName.clear();
    EXPECT_EQ(x.toString(), u"Файл «a.xlsx», лист «Лист1», строка 3: вместо года «абв»"_s);
    e.message = QString(100'000, u'я');
    EXPECT_LE(e.toString().size(), core::Error::kMaxMessageChars + 100);
}

TEST_F(MessagesTest, MalformedDocxXmlIsReportedInRussianWithQtsTextAsDetails) {
    const QString path = dir.filePath(u"план.docx"_s);
    ASSERT_TRUE(test::writeDocx(
        path, test::wordDocument(u"<w:p><w:r><w:t>План</w:t></w:r></w:p><w:tbl><w:tr>"
                                 u"</w:tbl></w:tc>"_s)));
    auto r = io::PlanImporter::importFile(path);
    ASSERT_FALSE(r.ok());
    expectUserMessage(r.error());
    EXPECT_TRUE(r.error().toString().contains(u"разметка нарушена"_s))
        << r.error().toString().toStdString();
    EXPECT_TRUE(r.error().details.contains(u"mismatch"_s)) << r.error().details.toStdString();
}

TEST_F(MessagesTest, TruncatedDocxXmlIsReportedInRussian) {
    const QString path = dir.filePath(u"план.docx"_s);
    QByteArray xml = test::wordDocument(u"<w:p><w:r><w:t>План мероприятий</w:t></w:r></w:p>"_s);
    xml.chop(30);
    ASSERT_TRUE(test::writeDocx(path, xml));
    auto r = io::PlanImporter::importFile(path);
    ASSERT_FALSE(r.ok());
    expectUserMessage(r.error());
    EXPECT_TRUE(r.error().toString().contains(u"обрывается"_s))
        << r.error().toString().toStdString();
    EXPECT_FALSE(r.error().details.isEmpty());
}

TEST_F(MessagesTest, MalformedXlsxSheetIsReportedInRussian) {
    const QString path = dir.filePath(u"результаты.xlsx"_s);
    ASSERT_TRUE(test::writeZip(
        path, test::xlsxParts({{u"Лист1"_s, "<sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\">"
                                            "<is><t>Год</t></is></c></rowx></sheetData>"}})));
    const core::Error e = importFailure(path);
    expectUserMessage(e);
    EXPECT_TRUE(e.toString().contains(u"«Лист1»"_s)) << e.toString().toStdString();
    EXPECT_TRUE(e.details.contains(u"mismatch"_s)) << e.details.toStdString();
    EXPECT_EQ(participants(), 0);
}

TEST_F(MessagesTest, FullDiskIsReportedInRussianAndNothingIsImported) {
    QStringList lines{kHeader};
    for (int i = 1; i <= 3000; ++i)
        lines << row(1000 + i);
    const QString path = writeLines(u"много.csv"_s, lines);
    {
        // The database may not grow beyond its present size: SQLITE_FULL, as on a full disk.
        QSqlQuery q(db->connection());
        ASSERT_TRUE(q.exec(u"PRAGMA page_count"_s) && q.next());
        const int pages = q.value(0).toInt();
        ASSERT_TRUE(q.exec(u"PRAGMA max_page_count = %1"_s.arg(pages)));
    }
    const core::Error e = importFailure(path);
    expectUserMessage(e);
    EXPECT_TRUE(e.toString().contains(u"не хватает места"_s)) << e.toString().toStdString();
    EXPECT_TRUE(e.details.contains(u"full"_s)) << e.details.toStdString();
    EXPECT_FALSE(e.toString().contains(u"full"_s));
    EXPECT_EQ(participants(), 0);
}

TEST_F(MessagesTest, AFiveMegabyteCellIsRefusedInAShortMessage) {
    // The probe's case: a 5 MB cell was echoed whole. The reader's field limit refuses it now.
    const QString huge(5 * 1024 * 1024, u'я');
    const QString path = writeLines(u"огромная.csv"_s, {kHeader, row(1, huge)});
    const core::Error e = importFailure(path);
    expectUserMessage(e);
    EXPECT_FALSE(e.toString().contains(u"яяя"_s)) << e.toString().left(600).toStdString();
    EXPECT_EQ(participants(), 0);
}

TEST_F(MessagesTest, ALongCellIsQuotedShort) {
    // Under the field limit, the value is quoted in the message, cut to 200 characters.
    const QString huge(50 * 1000, u'я');
    const QString path = writeLines(u"длинная.csv"_s, {kHeader, row(1, huge)});
    const core::Error e = importFailure(path);
    expectUserMessage(e);
    EXPECT_TRUE(e.toString().contains(u"«Год»"_s)) << e.toString().left(600).toStdString();
    EXPECT_TRUE(e.toString().contains(QString(200, u'я') + u"…»"_s))
        << e.toString().left(600).toStdString();
    EXPECT_EQ(participants(), 0);
}

TEST_F(MessagesTest, AMissingYearColumnIsNamedInRussian) {
    QString header = kHeader;
    header.remove(0, header.indexOf(u';') + 1);
    QString line = row(1);
    line.remove(0, line.indexOf(u';') + 1);
    const QString path = writeLines(u"без года.csv"_s, {header, line});
    const core::Error e = importFailure(path);
    expectUserMessage(e);
    EXPECT_TRUE(e.toString().contains(u"«Год»"_s)) << e.toString().toStdString();
    EXPECT_FALSE(e.toString().contains(u"year"_s)) << e.toString().toStdString();
}

TEST_F(MessagesTest, ABadValueNamesTheColumnAsTheFileHasIt) {
    // «Учебный год» is a synonym of the year column: the message names it as the file does.
    QString header = kHeader;
    header.replace(0, 3, u"Учебный год"_s);
    const QString path = writeLines(u"синоним.csv"_s, {header, row(1, u"двадцать"_s)});
    const core::Error e = importFailure(path);
    expectUserMessage(e);
    EXPECT_TRUE(e.toString().contains(u"столбец 1 «Учебный год»"_s)) << e.toString().toStdString();
}

TEST_F(MessagesTest, FlaggedListNamesItsColumnsAndQuotesShort) {
    const QString huge(300, u'ж');
    const QString path = writeLines(u"список.csv"_s, {u"Год;Логин;Муниципалитет;ОО;4 РУ"_s,
                                                      u"2024;школа-1;Район;Школа;"_s + huge});
    auto r = io::FlaggedListImporter(*db).importFile(path);
    ASSERT_FALSE(r.ok());
    expectUserMessage(r.error());
    EXPECT_TRUE(r.error().toString().contains(u"«4 РУ»"_s)) << r.error().toString().toStdString();
    EXPECT_TRUE(r.error().toString().contains(QString(200, u'ж') + u"…»"_s));
}

TEST_F(MessagesTest, ARepeatedImportDoesNotNameCommandLineOptions) {
    const QString path = writeLines(u"один.csv"_s, {kHeader, row(1)});
    ASSERT_TRUE(io::ResultsImporter(*db).importFile(path, {}).ok());
    const core::Error e = importFailure(path);
    expectUserMessage(e);
    EXPECT_TRUE(e.toString().contains(u"уже загружен"_s)) << e.toString().toStdString();
}

} // namespace
