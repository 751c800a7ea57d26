// Results in Excel 97–2003 (.xls) and OpenDocument (.ods) workbooks: read through LibreOffice
// Calc when it is installed (OfficeConverter::toXlsx), exactly as the same table in CSV; refused
// with what to do when it is not. Schools keep results in .xls from older regional systems.
#include "LibreOfficeSupport.h"
#include "ResultsDatabaseTest.h"

#include "objectivity/io/formats/OfficeConverter.h"
#include "objectivity/io/results/ResultsImporter.h"

#include <QSqlQuery>

using namespace objectivity;
using namespace Qt::StringLiterals;

namespace {

const QStringList kTable = {
    u"Год;Процедура;Параллель;Предмет;Логин ОО;Класс;Код участника;З1;З2;Первичный балл;"
    u"Отметка;Отметка по журналу"_s,
    u"2024;ВПР;5;Математика;edu053001;5А;101;1;2;3;3;4"_s,
    u"2024;ВПР;5;Математика;edu053001;5Б;102;0;1;1;2;3"_s, u"Итого;;;;;;;;;4;;"_s};

// The same table as a flat OpenDocument spreadsheet (.fods, one XML file LibreOffice reads as
// Calc; a CSV would reach it in the machine's encoding): numbers as numbers, as Excel keeps them.
QByteArray flatSpreadsheet(const QStringList &lines) {
    QByteArray xml =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<office:document "
        "xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" "
        "xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\" "
        "xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" office:version=\"1.2\" "
        "office:mimetype=\"application/vnd.oasis.opendocument.spreadsheet\"><office:body>"
        "<office:spreadsheet><table:table table:name=\"Результаты\">";
    for (const QString &line : lines) {
        xml += "<table:table-row>";
        for (const QString &cell : line.split(u';')) {
            bool number = false;
            cell.toInt(&number);
            if (cell.isEmpty())
                xml += "<table:table-cell/>";
            else if (number)
                xml += "<table:table-cell office:value-type=\"float\" office:value=\"" +
                       cell.toUtf8() + "\"><text:p>" + cell.toUtf8() +
                       "</text:p></table:table-cell>";
            else
                xml += "<table:table-cell office:value-type=\"string\"><text:p>" + cell.toUtf8() +
                       "</text:p></table:table-cell>";
        }
        xml += "</table:table-row>";
    }
    return xml + "</table:table></office:spreadsheet></office:body></office:document>\n";
}

class LegacySpreadsheetImport : public test::ResultsDatabaseTest {
protected:
    // Every participant of `database` as «code: points journal class» in code order.
    static QStringList stored(storage::Database &database) {
        QSqlQuery q(database.connection());
        EXPECT_TRUE(q.exec(u"SELECT participant_code, hex(task_points), journal_mark, class_name "
                           u"FROM participants ORDER BY participant_code"_s));
        QStringList rows;
        while (q.next())
            rows << u"%1: %2 %3 %4"_s.arg(q.value(0).toString(), q.value(1).toString(),
                                          q.value(2).toString(), q.value(3).toString());
        return rows;
    }
};

} // namespace

TEST_F(LegacySpreadsheetImport, XlsAndOdsReadLikeTheSameTableInCsv) {
    if (const QString why = test::libreOfficeCalcUnavailable(); !why.isEmpty())
        GTEST_SKIP() << why.toStdString();
    const QString csv = writeLines(u"results.csv"_s, kTable);
    const QString fods = write(u"results.fods"_s, flatSpreadsheet(kTable));
    QString output;
    for (const QString &format : {u"xls"_s, u"ods"_s}) {
        ASSERT_TRUE(test::convertWithLibreOffice({fods}, format, dir.path(),
                                                 dir.filePath(u"profile"_s), 300'000, &output))
            << output.toStdString();
        ASSERT_TRUE(QFile::exists(dir.filePath(u"results."_s + format))) << output.toStdString();
    }

    auto fromCsv = io::ResultsImporter(*db).importFile(csv, {});
    ASSERT_TRUE(fromCsv.ok()) << fromCsv.error().toString().toStdString();
    const QStringList expected = stored(*db);
    ASSERT_EQ(expected, QStringList({u"101: 0102 4 5А"_s, u"102: 0001 3 5Б"_s}));
    for (const QString &name : {u"results.xls"_s, u"results.ods"_s}) {
        SCOPED_TRACE(name.toStdString());
        auto other = storage::Database::open(dir.filePath(name + u".sqlite"_s));
        ASSERT_TRUE(other.ok()) << other.error().toString().toStdString();
        auto r = io::ResultsImporter(**other).importFile(dir.filePath(name), {});
        ASSERT_TRUE(r.ok()) << r.error().toString().toStdString();
        EXPECT_EQ(r->rows, 2);
        EXPECT_EQ(stored(**other), expected);
        // the warnings name the user's file, not LibreOffice's copy of it
        EXPECT_TRUE(
            r->warnings.join(u'\n').contains(u"Файл «%1»: строки итогов пропущены"_s.arg(name)))
            << r->warnings.join(u'\n').toStdString();
    }
}

// Without LibreOffice an .xls is refused with its name and what to do, and nothing is written.
TEST_F(LegacySpreadsheetImport, WithoutLibreOfficeTheMessageSaysWhatToDo) {
    const test::SofficeOverride none("");
    const QString xls =
        write(u"результаты.xls"_s,
              QByteArray("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) + QByteArray(4000, '\x01'));
    auto r = io::ResultsImporter(*db).importFile(xls, {});
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().file, u"результаты.xls"_s);
    EXPECT_TRUE(r.error().message.contains(u"таблица в формате Excel 97–2003 (.xls)"_s))
        << r.error().message.toStdString();
    EXPECT_TRUE(r.error().message.contains(u"установите LibreOffice Calc"_s))
        << r.error().message.toStdString();
    EXPECT_TRUE(stored(*db).isEmpty());
}
