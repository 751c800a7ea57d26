// The results importer on small files, one per format quirk and per kind of bad file.
#include "objectivity/io/results/ResultsImporter.h"
#include "../support/TestSupport.h"
#include "ResultsDatabaseTest.h"
#include "ZipFixture.h"
#include "objectivity/core/results/ParticipantResult.h"
#include "objectivity/storage/Database.h"
#include "objectivity/storage/results/ResultsRepository.h"

#include <QDateTime>
#include <QFile>
#include <QSqlQuery>
#include <QStringEncoder>

using namespace objectivity;
using namespace Qt::StringLiterals;
using io::ResultsImporter;

namespace {

const QString kHeader = u"Год;Процедура;Параллель;Предмет;Муниципалитет;Логин ОО;Наименование ОО;"
                        u"Класс;Код участника;Вариант;З1;З2;З3;Первичный балл;Отметка;"
                        u"Отметка по журналу"_s;

class ResultsImporterTest : public test::ResultsDatabaseTest {
protected:
    core::Result<ResultsImporter::Summary> import(const QString &path,
                                                  ResultsImporter::Options options = {}) {
        return ResultsImporter(*db).importFile(path, options);
    }
    // Everything an import writes, counted: the database is unchanged when this is unchanged.
    QString state() {
        QStringList parts;
        for (const char *table :
             {"participants", "imports", "schools", "procedures", "heading_mappings"}) {
            QSqlQuery q(db->connection());
            q.exec(u"SELECT COUNT(*) FROM "_s + QLatin1String(table));
            parts << (q.next() ? q.value(0).toString() : u"?"_s);
        }
        return parts.join(u'/');
    }
    QVariant scalar(const QString &sql) {
        QSqlQuery q(db->connection());
        EXPECT_TRUE(q.exec(sql)) << sql.toStdString();
        return q.next() ? q.value(0) : QVariant();
    }
    QByteArray points(const QString &code) {
        return scalar(u"SELECT task_points FROM participants WHERE participant_code = '%1'"_s.arg(
                          code))
            .toByteArray();
    }
    // Expects the file to be rejected with a message containing `needle`, the database unchanged.
    void expectRejected(const QString &path, const QString &needle,
                        ResultsImporter::Options options = {}) {
        const QString before = state();
        auto r = import(path, options);
        ASSERT_FALSE(r.ok()) << "imported: " << path.toStdString();
        EXPECT_TRUE(r.error().toString().contains(needle))
            << r.error().toString().toStdString() << " — expected «" << needle.toStdString() << "»";
        EXPECT_EQ(state(), before);
    }
};

QString row(const QString &code, const QString &tasks, const QString &tail = u"2;3;4"_s) {
    return u"2024;ВПР;5;Математика;Район 1;edu053001;МБОУ СОШ № 1;5А;%1;1;%2;%3"_s.arg(code, tasks,
                                                                                       tail);
}

TEST_F(ResultsImporterTest, FlatUtf8SemicolonWithNotAttemptedDistinctFromZero) {
    const QString path = writeLines(u"flat.csv"_s, {kHeader, row(u"101"_s, u"1;0;X"_s, u"1;2;3"_s),
                                                    row(u"102"_s, u"Х;-;—"_s, u"0;2;2"_s),
                                                    row(u"103"_s, u"0;0;0"_s, u"0;2;2"_s)});
    auto r = import(path);
    ASSERT_TRUE(r.ok()) << r.error().toString().toStdString();
    EXPECT_EQ(r->rows, 3);
    EXPECT_EQ(r->layout, u"flat"_s);
    EXPECT_EQ(points(u"101"_s), QByteArray("\x01\x00\xFF", 3));
    EXPECT_EQ(points(u"102"_s), QByteArray("\xFF\xFF\xFF", 3)); // Cyrillic Х, «-», «—»
    EXPECT_EQ(points(u"103"_s), QByteArray("\x00\x00\x00", 3));
    EXPECT_EQ(
        scalar(u"SELECT journal_mark FROM participants WHERE participant_code='101'"_s).toInt(), 3);
}

TEST_F(ResultsImporterTest, BomCommaAndQuotedFields) {
    QString header = kHeader;
    header.replace(u';', u',');
    const QByteArray data =
        "\xEF\xBB\xBF" + (header + u"\n2024,ВПР,5,Русский язык,\"Район, 1\",edu053002,"
                                   u"\"МБОУ \"\"Лицей № 2\"\"\",5Б,201,2,1,1,1,3,3,3\n"_s)
                             .toUtf8();
    auto r = import(write(u"bom.csv"_s, data));
    ASSERT_TRUE(r.ok()) << r.error().toString().toStdString();
    EXPECT_EQ(r->rows, 1);
    EXPECT_EQ(scalar(u"SELECT name FROM schools WHERE code='edu053002'"_s).toString(),
              u"МБОУ \"Лицей № 2\""_s);
    EXPECT_EQ(scalar(u"SELECT municipality FROM schools WHERE code='edu053002'"_s).toString(),
              u"Район, 1"_s);
    EXPECT_EQ(scalar(u"SELECT subject FROM procedures"_s).toString(), u"Русский язык"_s);
}

TEST_F(ResultsImporterTest, Cp1251WithTabsAndSubjectSynonym) {
    QString header = kHeader;
    header.replace(u';', u'\t');
    QString line = row(u"301"_s, u"1;1;1"_s, u"3;3;3"_s).replace(u';', u'\t');
    line.replace(u"Математика"_s, u"Русский"_s); // a synonym of «Русский язык»
    QStringEncoder cp1251("windows-1251");
    const QByteArray data = cp1251(header + u'\n' + line + u'\n');
    ASSERT_FALSE(cp1251.hasError());
    auto r = import(write(u"cp1251.csv"_s, data));
    ASSERT_TRUE(r.ok()) << r.error().toString().toStdString();
    EXPECT_EQ(scalar(u"SELECT subject FROM procedures"_s).toString(), u"Русский язык"_s);
    EXPECT_EQ(scalar(u"SELECT name FROM schools"_s).toString(), u"МБОУ СОШ № 1"_s);
}

TEST_F(ResultsImporterTest, DecimalCommaAndEmptyRows) {
    const QString path =
        writeLines(u"dec.csv"_s, {kHeader, u""_s, row(u"401"_s, u"1,0;1;0"_s, u"2,0;2;2"_s),
                                  u";;;;;;;;"_s, u""_s, row(u"402"_s, u"1;1;1"_s, u"2,5;2;2"_s)});
    auto r = import(path);
    ASSERT_TRUE(r.ok()) << r.error().toString().toStdString();
    EXPECT_EQ(r->rows, 2);
    EXPECT_EQ(points(u"401"_s), QByteArray("\x01\x01\x00", 3));
    EXPECT_DOUBLE_EQ(
        scalar(u"SELECT primary_score FROM participants WHERE participant_code='402'"_s).toDouble(),
        2.5);
    // 2.5 ≠ 1 + 1 + 1: a warning naming the file, row and column, the row still imported.
    const QString all = r->warnings.join(u'\n');
    EXPECT_TRUE(all.contains(
        u"Файл «dec.csv», строка 6, столбец 14 «Первичный балл»: первичный балл 2,5 не равен "
        u"сумме баллов за задания (3)"_s))
        << all.toStdString();
}

TEST_F(ResultsImporterTest, UnknownHeadingMappedAndRemembered) {
    QString header = kHeader;
    header.replace(u"Первичный балл"_s, u"Итого баллов"_s);
    const QString path = writeLines(u"m1.csv"_s, {header, row(u"501"_s, u"1;1;1"_s, u"3;3;3"_s)});
    auto plain = import(path);
    ASSERT_TRUE(plain.ok());
    EXPECT_TRUE(plain->warnings.join(u'\n').contains(u"столбец «Итого баллов» не распознан"_s));
    ResultsImporter::Options options;
    options.onRepeat = ResultsImporter::OnRepeat::Replace;
    options.mappings.insert(u"Итого баллов"_s, u"primary_score"_s);
    ASSERT_TRUE(import(path, options).ok());
    EXPECT_EQ(
        scalar(u"SELECT field FROM heading_mappings WHERE heading='итого баллов'"_s).toString(),
        u"primary_score"_s);
    // Another file with the same heading: the remembered mapping applies without options.
    const QString other = writeLines(u"m2.csv"_s, {header, row(u"502"_s, u"1;1;0"_s, u"2;2;2"_s)});
    auto second = import(other);
    ASSERT_TRUE(second.ok());
    EXPECT_FALSE(second->warnings.join(u'\n').contains(u"не распознан"_s));
    EXPECT_DOUBLE_EQ(
        scalar(u"SELECT primary_score FROM participants WHERE participant_code='502'"_s).toDouble(),
        2.0);
    options.mappings.insert(u"Итого баллов"_s, u"no_such_field"_s);
    expectRejected(other, u"неизвестное поле «no_such_field»"_s, options);
}

TEST_F(ResultsImporterTest, MarkAgainstScaleAndUnknownScaleToldOnce) {
    // ВПР 8 Математика has a seeded scale (8/15/21): 5 for 3 points contradicts it.
    QString line1 = row(u"601"_s, u"1;1;1"_s, u"3;5;5"_s).replace(u"2024;ВПР;5"_s, u"2024;ВПР;8"_s);
    QString line2 = row(u"602"_s, u"1;1;1"_s, u"3;2;2"_s).replace(u"2024;ВПР;5"_s, u"2024;ВПР;8"_s);
    auto r = import(
        writeLines(u"scale.csv"_s, {kHeader, line1, line2, row(u"603"_s, u"1;1;1"_s, u"3;4;4"_s),
                                    row(u"604"_s, u"1;1;1"_s, u"3;5;5"_s)}));
    ASSERT_TRUE(r.ok()) << r.error().toString().toStdString();
    const QString all = r->warnings.join(u'\n');
    EXPECT_TRUE(all.contains(u"строка 2, столбец 15 «Отметка»: отметка 5 не соответствует шкале"_s))
        << all.toStdString();
    EXPECT_FALSE(all.contains(u"строка 3, столбец 15"_s)); // 2 for 3 points agrees
    // ВПР 5 Математика: no scale — told once for the procedure, not per row.
    EXPECT_EQ(all.count(u"ВПР 2024, 5 класс, Математика»: шкала перевода баллов в отметки "
                        u"неизвестна"_s),
              1)
        << all.toStdString();
}

TEST_F(ResultsImporterTest, PointsAboveMaximumRejected) {
    writeLines(u"tasks.csv"_s,
               {u"Год;Процедура;Параллель;Предмет;Номер;Метка;Макс. балл;Уровень"_s,
                u"2024;ВПР;5;Математика;1;1;1;Б"_s, u"2024;ВПР;5;Математика;2;2;2;Б"_s,
                u"2024;ВПР;5;Математика;3;3;1;П"_s});
    const QString path = writeLines(u"max.csv"_s, {kHeader, row(u"701"_s, u"1;2;1"_s, u"4;3;3"_s),
                                                   row(u"702"_s, u"1;3;1"_s, u"5;3;3"_s)});
    expectRejected(path, u"строка 3, столбец 12 «З2»: за задание 2 указано 3 б., а максимум — 2"_s);
}

TEST_F(ResultsImporterTest, DuplicateCodesUnknownSubjectAndTextRejected) {
    expectRejected(writeLines(u"dup.csv"_s, {kHeader, row(u"801"_s, u"1;1;1"_s, u"3;3;3"_s),
                                             row(u"801"_s, u"0;1;1"_s, u"2;3;3"_s)}),
                   u"строка 3, столбец 9 «Код участника»: код участника «801» повторяется"_s);
    expectRejected(
        writeLines(u"subj.csv"_s, {kHeader, row(u"802"_s, u"1;1;1"_s, u"3;3;3"_s)
                                                .replace(u"Математика"_s, u"Астрология"_s)}),
        u"неизвестный предмет «Астрология»"_s);
    expectRejected(writeLines(u"text.csv"_s, {kHeader, row(u"803"_s, u"1;1;1"_s, u"3;3;3"_s),
                                              row(u"804"_s, u"1;два;1"_s, u"3;3;3"_s)}),
                   u"строка 3, столбец 12 «З2»: вместо баллов за задание 2 текст «два»"_s);
    expectRejected(writeLines(u"mark.csv"_s, {kHeader, row(u"805"_s, u"1;1;1"_s, u"3;отл;3"_s)}),
                   u"вместо отметки текст «отл»"_s);
    EXPECT_EQ(state(), u"0/0/0/0/0"_s);
}

TEST_F(ResultsImporterTest, BadFilesLeaveDatabaseUnchanged) {
    ASSERT_TRUE(
        import(writeLines(u"ok.csv"_s, {kHeader, row(u"901"_s, u"1;1;1"_s, u"3;3;3"_s)})).ok());
    // A stray quote.
    expectRejected(
        writeLines(u"quote.csv"_s, {kHeader, row(u"902"_s, u"1;1;1"_s, u"3;3;3"_s)
                                                 .replace(u"МБОУ СОШ № 1"_s, u"\"МБОУ\" СОШ"_s)}),
        u"кавычк"_s);
    // Wrong encoding: UTF-16 without a byte-order mark.
    QStringEncoder utf16(QStringEncoder::Utf16LE);
    expectRejected(
        write(u"utf16.csv"_s, utf16(kHeader + u'\n' + row(u"903"_s, u"1;1;1"_s) + u'\n')),
        u"не является текстовым"_s);
    // A truncated workbook.
    const QString good = dir.filePath(u"good.xlsx"_s);
    ASSERT_TRUE(test::writeZip(
        good,
        test::xlsxParts({{u"Лист1"_s, "<sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\">"
                                      "<is><t>Код участника</t></is></c></row></sheetData>"}})));
    QFile f(good);
    ASSERT_TRUE(f.open(QIODevice::ReadOnly));
    const QByteArray whole = f.readAll();
    expectRejected(write(u"truncated.xlsx"_s, whole.left(whole.size() / 2)), u"truncated.xlsx"_s);
    // Only empty sheets.
    const QString empty = dir.filePath(u"empty.xlsx"_s);
    ASSERT_TRUE(test::writeZip(empty, test::xlsxParts({{u"Лист1"_s, "<sheetData/>"}})));
    expectRejected(empty, u"нет ни одного непустого листа"_s);
    // A header but no rows.
    expectRejected(writeLines(u"header.csv"_s, {kHeader}), u"нет ни одной строки"_s);
    // Not a results table at all.
    expectRejected(writeLines(u"other.csv"_s, {u"a;b;c"_s, u"1;2;3"_s}),
                   u"не найдена строка заголовков (со столбцом «Код участника» или со "
                   u"столбцами года, процедуры, предмета и логина ОО)"_s);
    EXPECT_EQ(state(), u"1/1/1/1/0"_s);
}

TEST_F(ResultsImporterTest, SameFileAgainFailSkipReplace) {
    const QString path =
        writeLines(u"again.csv"_s, {kHeader, row(u"1001"_s, u"1;1;1"_s, u"3;3;3"_s),
                                    row(u"1002"_s, u"1;1;0"_s, u"2;3;3"_s)});
    auto first = import(path);
    ASSERT_TRUE(first.ok());
    // The same content under another name is the same file.
    QFile::copy(path, dir.filePath(u"copy.csv"_s));
    expectRejected(dir.filePath(u"copy.csv"_s), u"этот файл уже загружен"_s);
    ResultsImporter::Options skip;
    skip.onRepeat = ResultsImporter::OnRepeat::Skip;
    auto skipped = import(path, skip);
    ASSERT_TRUE(skipped.ok());
    EXPECT_TRUE(skipped->skipped);
    EXPECT_EQ(skipped->importId, first->importId);
    ResultsImporter::Options replace;
    replace.onRepeat = ResultsImporter::OnRepeat::Replace;
    auto replaced = import(path, replace);
    ASSERT_TRUE(replaced.ok());
    EXPECT_TRUE(replaced->replaced);
    EXPECT_EQ(replaced->rows, 2);
    EXPECT_EQ(state(), u"2/1/1/1/0"_s);
}

TEST_F(ResultsImporterTest, ProgressAndCancelRollBack) {
    QStringList lines{kHeader};
    for (int i = 0; i < 10000; ++i)
        lines << row(QString::number(20000 + i), u"1;1;1"_s, u"3;3;3"_s);
    const QString path = writeLines(u"big.csv"_s, lines);
    ResultsImporter::Options options;
    int calls = 0;
    options.progress = [&calls](qint64 done, qint64 total) {
        EXPECT_LE(done, total);
        return ++calls < 2; // cancel at the second report
    };
    expectRejected(path, ResultsImporter::cancelledMessage(), options);
    EXPECT_EQ(calls, 2);
    options.progress = [&calls](qint64, qint64) { return ++calls > 0; };
    auto r = import(path, options);
    ASSERT_TRUE(r.ok()) << r.error().toString().toStdString();
    EXPECT_EQ(r->rows, 10000);
}

// ФИС ОКО per-school export as XLSX: a title merged over the width, the login, task levels, a
// two-row header whose «Код участника» is merged vertically, task columns «1 (1б)».
TEST_F(ResultsImporterTest, FisokoXlsxWithMergedHeaderCells) {
    auto is = [](const char *ref, const QString &text) -> QByteArray {
        return "<c r=\"" + QByteArray(ref) + "\" t=\"inlineStr\"><is><t>" + text.toUtf8() +
               "</t></is></c>";
    };
    auto num = [](const char *ref, const char *v) -> QByteArray {
        return "<c r=\"" + QByteArray(ref) + "\"><v>" + QByteArray(v) + "</v></c>";
    };
    QByteArray body = "<sheetData>";
    body += "<row r=\"1\">" + is("A1", u"ВПР 2024 Математика 5 класс"_s) + "</row>";
    body += "<row r=\"2\">" + is("A2", u"Логин ОО: edu053007"_s) + "</row>";
    body += "<row r=\"3\">" + is("D3", u"Б"_s) + is("E3", u"П"_s) + "</row>";
    body += "<row r=\"4\">" + is("A4", u"Код участника"_s) + is("B4", u"Класс"_s) +
            is("C4", u"Вариант"_s) + is("D4", u"Баллы за задания"_s) +
            is("F4", u"Первичный балл"_s) + is("G4", u"Отметка"_s) + "</row>";
    body += "<row r=\"5\">" + is("D5", u"1 (1б)"_s) + is("E5", u"2 (2б)"_s) + "</row>";
    body += "<row r=\"6\">" + is("A6", u"00101"_s) + is("B6", u"5А"_s) + num("C6", "1") +
            num("D6", "1") + is("E6", u"Х"_s) + num("F6", "1") + num("G6", "3") + "</row>";
    body += "<row r=\"7\"/>";
    body += "<row r=\"8\">" + is("A8", u"00102"_s) + is("B8", u"5Б"_s) + num("C8", "2") +
            num("D8", "0") + num("E8", "2") + num("F8", "2") + num("G8", "4") + "</row>";
    body += "</sheetData><mergeCells count=\"7\"><mergeCell ref=\"A1:G1\"/>"
            "<mergeCell ref=\"A4:A5\"/><mergeCell ref=\"B4:B5\"/><mergeCell ref=\"C4:C5\"/>"
            "<mergeCell ref=\"D4:E4\"/><mergeCell ref=\"F4:F5\"/><mergeCell ref=\"G4:G5\"/>"
            "</mergeCells>";
    const QString path = dir.filePath(u"fisoko.xlsx"_s);
    ASSERT_TRUE(test::writeZip(path, test::xlsxParts({{u"Результаты"_s, body}})));
    auto r = import(path);
    ASSERT_TRUE(r.ok()) << r.error().toString().toStdString();
    EXPECT_EQ(r->layout, u"fisoko"_s);
    EXPECT_EQ(r->rows, 2);
    EXPECT_EQ(scalar(u"SELECT code FROM schools"_s).toString(), u"edu053007"_s);
    EXPECT_EQ(scalar(u"SELECT kind || year || grade || subject FROM procedures"_s).toString(),
              u"ВПР20245Математика"_s);
    EXPECT_EQ(
        scalar(u"SELECT tasks FROM procedures"_s).toString(),
        u"[{\"label\":\"1\",\"level\":\"Б\",\"max\":1},{\"label\":\"2\",\"level\":\"П\",\"max\":2}]"_s);
    EXPECT_EQ(points(u"00101"_s), QByteArray("\x01\xFF", 2));
    EXPECT_EQ(points(u"00102"_s), QByteArray("\x00\x02", 2));
    // A task above its maximum in the same layout names the sheet and the cell.
    body.replace("<c r=\"E8\"><v>2</v></c>", "<c r=\"E8\"><v>3</v></c>");
    const QString bad = dir.filePath(u"fisoko_bad.xlsx"_s);
    ASSERT_TRUE(test::writeZip(bad, test::xlsxParts({{u"Результаты"_s, body}})));
    // The same participants are already stored from the first file: refused.
    expectRejected(bad, u"Файл «fisoko_bad.xlsx», лист «Результаты», ячейка A6 «Код участника»: "
                        u"участник «00101» этой процедуры и школы уже "
                        u"загружен из другого файла (загрузка № 1)"_s);
    body.replace("0010", "0020");
    const QString bad2 = dir.filePath(u"fisoko_bad2.xlsx"_s);
    ASSERT_TRUE(test::writeZip(bad2, test::xlsxParts({{u"Результаты"_s, body}})));
    expectRejected(
        bad2,
        u"Файл «fisoko_bad2.xlsx», лист «Результаты», ячейка E8 «2 (2б)»: за задание 2 указано 3 б., а максимум — 2"_s);
}

// A ФИС ОКО workbook of 1,500 participants: the preview reads only its first rows (a region's sheet
// took seconds per read, and the dialog reads its file after every change), yet shows the merged
// header; the import still stores every row; a workbook saved again under the same name is read
// anew, not from what the preview kept.
TEST_F(ResultsImporterTest, PreviewOfAWorkbookReadsItsFirstRowsAndSeesItChange) {
    auto is = [](const QByteArray &ref, const QString &text) -> QByteArray {
        return "<c r=\"" + ref + "\" t=\"inlineStr\"><is><t>" + text.toUtf8() + "</t></is></c>";
    };
    auto num = [](const QByteArray &ref, int v) -> QByteArray {
        return "<c r=\"" + ref + "\"><v>" + QByteArray::number(v) + "</v></c>";
    };
    // `broken`: row 1,200 ends with a wrong tag; `emptyFirst`: a first sheet of formatted empty
    // cells before the results
    auto workbook = [&](const QString &name, int firstCode, bool broken = false,
                        bool emptyFirst = false) {
        QByteArray body = "<sheetData>";
        body += "<row r=\"1\">" + is("A1", u"ВПР 2024 Математика 5 класс"_s) + "</row>";
        body += "<row r=\"2\">" + is("A2", u"Логин ОО: edu053007"_s) + "</row>";
        body += "<row r=\"3\">" + is("A3", u"Код участника"_s) + is("B3", u"Класс"_s) +
                is("C3", u"Баллы за задания"_s) + is("E3", u"Первичный балл"_s) +
                is("F3", u"Отметка"_s) + "</row>";
        body += "<row r=\"4\">" + is("C4", u"1 (1б)"_s) + is("D4", u"2 (2б)"_s) + "</row>";
        for (int i = 0; i < 1500; ++i) {
            const QByteArray r = QByteArray::number(5 + i);
            body += "<row r=\"" + r + "\">" + is("A" + r, QString::number(firstCode + i)) +
                    is("B" + r, u"5А"_s) + num("C" + r, i % 2) + num("D" + r, i % 3) +
                    num("E" + r, i % 2 + i % 3) + num("F" + r, 3) +
                    (broken && i == 1195 ? "</rowx>" : "</row>");
        }
        body += "</sheetData><mergeCells count=\"5\"><mergeCell ref=\"A3:A4\"/>"
                "<mergeCell ref=\"B3:B4\"/><mergeCell ref=\"C3:D3\"/><mergeCell "
                "ref=\"E3:E4\"/><mergeCell ref=\"F3:F4\"/></mergeCells>";
        const QString path = dir.filePath(name);
        QList<QPair<QString, QByteArray>> sheets{{u"Результаты"_s, body}};
        if (emptyFirst)
            sheets.prepend({u"Лист1"_s, "<sheetData><row r=\"1\"><c r=\"A1\" s=\"0\"/>"
                                        "<c r=\"B1\" s=\"0\"/></row><row r=\"2\"/></sheetData>"});
        return test::writeZip(path, test::xlsxParts(sheets)) ? path : QString();
    };
    const QString path = workbook(u"vpr.xlsx"_s, 10001);
    ASSERT_FALSE(path.isEmpty());
    const ResultsImporter::Options options;
    auto p = ResultsImporter(*db).preview(path, options);
    ASSERT_TRUE(p.ok()) << p.error().toString().toStdString();
    EXPECT_EQ(p->layout, u"fisoko"_s);
    EXPECT_EQ(p->procedure, u"ВПР 2024, Математика, 5 класс"_s); // as the import takes them
    EXPECT_EQ(p->schoolCode, u"edu053007"_s);
    EXPECT_TRUE(p->headingProblem.isEmpty());
    EXPECT_EQ(p->headings.value(0), u"Код участника"_s);
    // the header as the import takes it: its second row, with the tasks' labels, and nothing
    // «не распознан»
    EXPECT_EQ(p->headerRow, 4);
    EXPECT_EQ(p->fields, (QStringList{u"participant_code"_s, u"class"_s, u"task:1"_s, u"task:2"_s,
                                      u"primary_score"_s, u"mark"_s}));
    EXPECT_TRUE(p->unknownHeadings.isEmpty()) << p->unknownHeadings.join(u", ").toStdString();
    EXPECT_EQ(p->fields.value(0), u"participant_code"_s);
    ASSERT_EQ(p->rows.size(), 20);
    EXPECT_EQ(p->rows.first().value(0), u"10001"_s);

    // The workbook saved again: other participants, another size and time.
    ASSERT_FALSE(workbook(u"vpr.xlsx"_s, 20001).isEmpty());
    QFile touched(path);
    ASSERT_TRUE(touched.open(QIODevice::ReadWrite));
    ASSERT_TRUE(touched.setFileTime(QDateTime::currentDateTime().addSecs(60),
                                    QFileDevice::FileModificationTime));
    touched.close();
    p = ResultsImporter(*db).preview(path, options);
    ASSERT_TRUE(p.ok()) << p.error().toString().toStdString();
    EXPECT_EQ(p->rows.first().value(0), u"20001"_s);

    auto r = import(path, options);
    ASSERT_TRUE(r.ok()) << r.error().toString().toStdString();
    EXPECT_EQ(r->rows, 1500);
    EXPECT_EQ(scalar(u"SELECT max(participant_code) FROM participants"_s).toString(), u"21500"_s);

    // The import reads the sheet a row at a time: a row broken after the first 1,000 escapes the
    // preview, and the import is refused whole.
    const QString broken = workbook(u"broken.xlsx"_s, 30001, true);
    ASSERT_FALSE(broken.isEmpty());
    p = ResultsImporter(*db).preview(broken, options);
    ASSERT_TRUE(p.ok()) << p.error().toString().toStdString();
    EXPECT_EQ(p->rows.first().value(0), u"30001"_s);
    expectRejected(broken, u"Файл «broken.xlsx»: лист «Результаты»: часть "
                           u"xl/worksheets/sheet1.xml повреждена около строки 1200"_s);
    // A first sheet with formatted cells and no value is passed over, as an empty one.
    const QString second = workbook(u"second.xlsx"_s, 40001, false, true);
    ASSERT_FALSE(second.isEmpty());
    r = import(second, options);
    ASSERT_TRUE(r.ok()) << r.error().toString().toStdString();
    EXPECT_EQ(r->rows, 1500);
}

TEST_F(ResultsImporterTest, PreviewShowsFieldsAndUnknownHeadings) {
    QString header = kHeader;
    header.replace(u"Вариант"_s, u"Непонятно что"_s);
    const QString path =
        writeLines(u"preview.csv"_s, {u"Сводная таблица"_s, header, row(u"1101"_s, u"1;1;1"_s)});
    auto p = ResultsImporter(*db).preview(path, {});
    ASSERT_TRUE(p.ok()) << p.error().toString().toStdString();
    EXPECT_EQ(p->layout, u"flat"_s);
    EXPECT_EQ(p->headerRow, 2);
    EXPECT_EQ(p->fields.value(8), u"participant_code"_s);
    EXPECT_EQ(p->fields.value(10), u"task:1"_s);
    EXPECT_EQ(p->unknownHeadings, QStringList{u"Непонятно что"_s});
    ASSERT_EQ(p->rows.size(), 1);
    EXPECT_EQ(p->rows.first().value(8), u"1101"_s);
    EXPECT_EQ(state(), u"0/0/0/0/0"_s);
}

// The Moscow open-data CSV is a per-school summary, not individual results: refused, clearly.
TEST_F(ResultsImporterTest, MoscowSummaryIsNotAResultsTable) {
    const QString path = test::sharedFile(u"data/real/moscow_ege_by_school_2015_2016.csv"_s);
    OBJ_REQUIRE_SHARED(path, "moscow_ege_by_school_2015_2016.csv");
    expectRejected(path, u"в первых 50 строках не найдена строка заголовков (со столбцом «Код "
                         u"участника» или со столбцами года, процедуры, предмета и логина ОО)"_s);
}

} // namespace

// Medal values: «да», «медаль», «золотая», «серебряная», «1» taken with the year's rules (one medal
// before 2024, two degrees from 2024: a medal without its degree is judged as silver); anything
// else is a warning naming the value, the medal not taken, and one line counting such rows.
TEST_F(ResultsImporterTest, MedalValuesByTheYearsRulesAndUnknownOnesCounted) {
    const QString header = u"Год;Процедура;Параллель;Предмет;Муниципалитет;Логин ОО;"
                           u"Наименование ОО;Класс;Код участника;З1;Первичный балл;Тестовый балл;"
                           u"Медаль"_s;
    auto ege = [](int year, const QString &code, const QString &medal) {
        return u"%1;ЕГЭ;11;Русский язык;Район 1;edu053001;МБОУ СОШ № 1;11А;%2;1;1;80;%3"_s.arg(
            QString::number(year), code, medal);
    };
    const QString path = writeLines(
        u"medals.csv"_s, {header, ege(2023, u"1"_s, u"да"_s), ege(2023, u"2"_s, u"Медаль"_s),
                          ege(2024, u"3"_s, u"да"_s), ege(2024, u"4"_s, u"золотая"_s),
                          ege(2024, u"5"_s, u"серебряная"_s), ege(2024, u"6"_s, u"1"_s),
                          ege(2024, u"7"_s, u"бронзовая"_s), ege(2024, u"8"_s, u"есть?"_s),
                          ege(2023, u"9"_s, u"бронзовая"_s), ege(2024, u"10"_s, u""_s)});
    auto r = import(path);
    ASSERT_TRUE(r.ok()) << r.error().toString().toStdString();
    EXPECT_EQ(r->rows, 10); // nothing lost: the rows with unknown medals are imported too
    auto medal = [&](const char *code) {
        return scalar(u"SELECT medal FROM participants WHERE participant_code='%1'"_s.arg(
                          QLatin1String(code)))
            .toInt();
    };
    const int gold = int(core::Medal::Gold), silver = int(core::Medal::Silver),
              none = int(core::Medal::None);
    EXPECT_EQ(medal("1"), gold); // 2023: the one medal
    EXPECT_EQ(medal("2"), gold);
    EXPECT_EQ(medal("3"), silver); // 2024, no degree: the silver conditions
    EXPECT_EQ(medal("4"), gold);
    EXPECT_EQ(medal("5"), silver);
    EXPECT_EQ(medal("6"), gold); // «1» = I степени
    EXPECT_EQ(medal("7"), none);
    EXPECT_EQ(medal("8"), none);
    EXPECT_EQ(medal("10"), none);
    const QStringList warnings = r->warnings;
    ASSERT_FALSE(warnings.isEmpty());
    EXPECT_EQ(r->warningCount, warnings.size()); // three rows and their summary
    EXPECT_EQ(warnings.first(), u"Медаль не учтена (участников: 3): значения в столбце «Медаль» "
                                u"не распознаны («бронзовая» — 2, «есть?» — 1)"_s);
    EXPECT_TRUE(warnings.join(u'\n').contains(
        u"Файл «medals.csv», строка 8, столбец 13 «Медаль»: значение «бронзовая» не распознано — "
        u"медаль не учтена"_s))
        << warnings.join(u'\n').toStdString();
}

// Journal and annual marks as electronic journals export them: «4+» is 4 (the five-point scale has
// no sign), «отлично» is 5, «н/а» and «осв.» are no mark; the rows are kept and two summary
// warnings count what was done. An average («4,6») or two marks in a cell are not a mark for the
// period: the file is refused with the place and the reason.
TEST_F(ResultsImporterTest, TeacherMarksWithSignsWordsAndNoMarkAreKeptAndCounted) {
    const QString header = kHeader + u";Годовая отметка"_s;
    const QString path = writeLines(
        u"journal.csv"_s,
        {header, row(u"201"_s, u"1;1;1"_s, u"3;4;4+;5"_s), row(u"202"_s, u"1;1;1"_s, u"3;4;5-;4"_s),
         row(u"203"_s, u"1;1;1"_s, u"3;4;4 +;отлично"_s),
         row(u"204"_s, u"1;1;1"_s, u"3;4;н/а;Хор."_s), row(u"205"_s, u"1;1;1"_s, u"3;4;осв.;н/а"_s),
         row(u"206"_s, u"1;1;1"_s, u"3;4;4,0;неуд"_s)});
    auto r = import(path);
    ASSERT_TRUE(r.ok()) << r.error().toString().toStdString();
    EXPECT_EQ(r->rows, 6);
    auto marks = [&](const char *code) {
        return scalar(u"SELECT COALESCE(journal_mark, 0) || '/' || COALESCE(annual_mark, 0) FROM "
                      u"participants "
                      u"WHERE participant_code='%1'"_s.arg(QLatin1String(code)))
            .toString();
    };
    EXPECT_EQ(marks("201"), u"4/5"_s);
    EXPECT_EQ(marks("202"), u"5/4"_s);
    EXPECT_EQ(marks("203"), u"4/5"_s);
    EXPECT_EQ(marks("204"), u"0/4"_s);
    EXPECT_EQ(marks("205"), u"0/0"_s);
    EXPECT_EQ(marks("206"), u"4/2"_s);
    ASSERT_GE(r->warnings.size(), 2);
    EXPECT_EQ(r->warnings.at(0),
              u"Отметки с «+» или «−» учтены без знака, в пятибалльной шкале его нет "
              u"(участников: 3): «4 +» (по журналу) — 1, «4+» (по журналу) — 1, "
              u"«5-» (по журналу) — 1"_s);
    EXPECT_EQ(r->warningCount, r->warnings.size()); // the summaries are counted too
    EXPECT_EQ(r->warnings.at(1), u"Отметка не выставлена, участник учтён без неё (участников: 3): "
                                 u"«н/а» (годовая) — 1, «н/а» (по журналу) — 1, "
                                 u"«осв.» (по журналу) — 1"_s);

    const QString average =
        writeLines(u"average.csv"_s, {kHeader, row(u"301"_s, u"1;1;1"_s, u"3;4;4,6"_s)});
    expectRejected(average, u"строка 2, столбец 16 «Отметка по журналу»: вместо отметки по "
                            u"журналу дробное число «4,6» — похоже на средний балл"_s);
    const QString two =
        writeLines(u"two.csv"_s, {kHeader, row(u"302"_s, u"1;1;1"_s, u"3;4;5/4"_s)});
    expectRejected(two, u"вместо отметки по журналу текст «5/4» (ожидается отметка от 1 до 5"_s);
    const QString six = writeLines(u"six.csv"_s, {kHeader, row(u"303"_s, u"1;1;1"_s, u"3;4;6+"_s)});
    expectRejected(six, u"отметки по журналу 6 вне допустимых значений 1..5"_s);
}

// The journal's mark under the headings school exports give it: each is recognised, and its «4+»
// is taken as 4.
TEST_F(ResultsImporterTest, JournalMarkUnderTheHeadingsSchoolsUse) {
    int code = 400;
    for (const QString &heading : {u"Отметка за предыдущий период"_s, u"Отметка за четверть"_s,
                                   u"Четвертная отметка"_s, u"Отметка за полугодие"_s}) {
        QString header = kHeader;
        header.replace(u"Отметка по журналу"_s, heading);
        const QString participant = QString::number(++code);
        const QString path = writeLines(u"heading%1.csv"_s.arg(code),
                                        {header, row(participant, u"1;1;1"_s, u"3;4;4+"_s)});
        auto r = import(path);
        ASSERT_TRUE(r.ok()) << heading.toStdString() << ": " << r.error().toString().toStdString();
        EXPECT_EQ(scalar(u"SELECT journal_mark FROM participants WHERE participant_code='%1'"_s.arg(
                             participant))
                      .toInt(),
                  4)
            << heading.toStdString();
    }
}

// Task and journal columns under the headings schools and ФИС ОКО give them: «Балл за задание 1»,
// «Задание № 2», a bare «3», the criteria of the ВПР in Russian («1К1 (4б)»), a journal mark that
// names its period («Отметка за 3 четверть») — each was «не распознан» and dropped before.
TEST_F(ResultsImporterTest, TaskAndJournalHeadingsAsSchoolsWriteThem) {
    const QString header = u"Год;Процедура;Класс;Предмет;Логин ОО;Код участника;"
                           u"Балл за задание 1;Задание № 2;3;Первичный балл;Отметка;"
                           u"Отметка за 3 четверть"_s;
    auto r = import(writeLines(u"school-headings.csv"_s,
                               {header, u"2024;ВПР;5А;Математика;edu053001;501;1;2;0;3;3;4"_s}));
    ASSERT_TRUE(r.ok()) << r.error().toString().toStdString();
    EXPECT_FALSE(r->warnings.join(u'\n').contains(u"не распознан"_s))
        << r->warnings.join(u'\n').toStdString();
    EXPECT_EQ(points(u"501"_s), QByteArray("\x01\x02\x00", 3));
    EXPECT_EQ(scalar(u"SELECT journal_mark || '/' || journal_period FROM participants "
                     u"WHERE participant_code = '501'"_s)
                  .toString(),
              u"4/%1"_s.arg(int(core::JournalPeriod::Quarter)));
    // the period column, where the file has one, is read as schools write it
    const QString withPeriod = u"Год;Процедура;Класс;Предмет;Логин ОО;Код участника;З1;"
                               u"Отметка по журналу;Период отметки"_s;
    r = import(writeLines(u"period.csv"_s,
                          {withPeriod, u"2024;ВПР;6А;Математика;edu053001;601;1;5;I полугодие"_s}));
    ASSERT_TRUE(r.ok()) << r.error().toString().toStdString();
    EXPECT_FALSE(r->warnings.join(u'\n').contains(u"период"_s))
        << r->warnings.join(u'\n').toStdString();
    EXPECT_EQ(
        scalar(u"SELECT journal_period FROM participants WHERE participant_code = '601'"_s).toInt(),
        int(core::JournalPeriod::HalfYear));

    // ФИС ОКО, Russian: criteria of one task are columns of their own; a login of another form
    const QString fisoko =
        writeLines(u"russian.csv"_s, {u"ВПР 2024 Русский язык 5 класс"_s, u"Логин ОО: sch610001"_s,
                                      u"Код участника;Класс;1К1 (4б);1К2 (3б);2 (1б);Отметка"_s,
                                      u"701;5А;3;2;1;4"_s});
    r = import(fisoko);
    ASSERT_TRUE(r.ok()) << r.error().toString().toStdString();
    EXPECT_EQ(r->layout, u"fisoko"_s);
    EXPECT_EQ(scalar(u"SELECT tasks FROM procedures WHERE subject = 'Русский язык'"_s).toString(),
              u"[{\"label\":\"1К1\",\"level\":\"\",\"max\":4},{\"label\":\"1К2\",\"level\":"
              u"\"\",\"max\":3},{\"label\":\"2\",\"level\":\"\",\"max\":1}]"_s);
    EXPECT_EQ(points(u"701"_s), QByteArray("\x03\x02\x01", 3));
    EXPECT_EQ(scalar(u"SELECT count(*) FROM schools WHERE code = 'sch610001'"_s).toInt(), 1);
}

// A table saved from Excel often ends with rows of totals («Итого», «Средний балл»): they are not
// participants and are skipped with one warning that names them; a participant's row without a
// code is still refused.
TEST_F(ResultsImporterTest, TotalsRowsAreSkippedAndNamed) {
    auto r = import(
        writeLines(u"totals.csv"_s, {kHeader, row(u"801"_s, u"1;1;1"_s), row(u"802"_s, u"0;1;1"_s),
                                     u"Итого;;;;;;;;;;;;;5;;"_s, u";;;;;;;;;;;;;;2,5;"_s,
                                     u"Средний балл;;;;;;;;;;;;;2,5;2,5;"_s}));
    ASSERT_TRUE(r.ok()) << r.error().toString().toStdString();
    EXPECT_EQ(r->rows, 2);
    EXPECT_TRUE(
        r->warnings.contains(u"Файл «totals.csv»: строки итогов пропущены — это не "
                             u"участники (строки: 4 «Итого», 5 «без подписи», 6 «Средний балл»)"_s))
        << r->warnings.join(u'\n').toStdString();
    expectRejected(writeLines(u"no-code.csv"_s, {kHeader, row(QString(), u"1;1;1"_s)}),
                   u"строка 2, столбец 9 «Код участника»: не указан код участника"_s);
    // a school named «Средняя …» in a file without codes is a participant's row, not totals
    const QString noCodes = u"Наименование ОО;Год;Процедура;Класс;Предмет;Логин ОО;З1;Отметка"_s;
    r = import(writeLines(u"names.csv"_s,
                          {noCodes, u"Средняя школа № 3;2024;ВПР;7А;Математика;edu053003;1;4"_s,
                           u"Итоговая школа;2024;ВПР;7А;Математика;edu053004;1;4"_s}));
    ASSERT_TRUE(r.ok()) << r.error().toString().toStdString();
    EXPECT_EQ(r->rows, 2);
    // an empty cell where a row needs a value is «не указан», not «вместо года «»»
    QString noYear = row(u"803"_s, u"1;1;1"_s);
    noYear.remove(0, 4);
    expectRejected(writeLines(u"no-year.csv"_s, {kHeader, noYear}),
                   u"строка 2, столбец 1 «Год»: не указан год"_s);
}

// Schools type one class in many ways; the analysis looks for help and lenient marks class by
// class, so «5а», «5 А» and «5A» (Latin A) must stay one class of three pupils, not three of one.
TEST_F(ResultsImporterTest, OneClassTypedInThreeWaysIsOneClass) {
    QString typedLower = row(u"601"_s, u"1;1;1"_s);
    QString typedSpaced = row(u"602"_s, u"1;0;1"_s);
    QString typedLatin = row(u"603"_s, u"0;1;1"_s);
    QString other = row(u"604"_s, u"0;0;1"_s);
    ASSERT_EQ(typedLower.count(u";5А;"_s), 1);
    typedLower.replace(u";5А;"_s, u";5а;"_s);
    typedSpaced.replace(u";5А;"_s, u"; 5 «А» ;"_s);
    typedLatin.replace(u";5А;"_s, u";5A;"_s);
    other.replace(u";5А;"_s, u";5-Б;"_s);
    const QString path =
        writeLines(u"classes.csv"_s, {kHeader, typedLower, typedSpaced, typedLatin, other});
    auto r = import(path);
    ASSERT_TRUE(r.ok()) << r.error().toString().toStdString();
    EXPECT_EQ(scalar(u"SELECT COUNT(DISTINCT class_name) FROM participants"_s).toInt(), 2);
    EXPECT_EQ(scalar(u"SELECT COUNT(*) FROM participants WHERE class_name = '5А'"_s).toInt(), 3);
    EXPECT_EQ(
        scalar(u"SELECT class_name FROM participants WHERE participant_code = '604'"_s).toString(),
        u"5Б"_s);
}

// A login typed in capitals or with spaces around it is the same school, not a second one with
// half of the pupils.
TEST_F(ResultsImporterTest, LoginInCapitalsIsTheSameSchool) {
    QString capitals = row(u"701"_s, u"1;1;1"_s);
    QString spaced = row(u"702"_s, u"1;0;1"_s);
    ASSERT_EQ(capitals.count(u";edu053001;"_s), 1);
    capitals.replace(u";edu053001;"_s, u";EDU053001;"_s);
    spaced.replace(u";edu053001;"_s, u"; edu053001 ;"_s);
    const QString path =
        writeLines(u"logins.csv"_s, {kHeader, row(u"700"_s, u"0;1;1"_s), capitals, spaced});
    auto r = import(path);
    ASSERT_TRUE(r.ok()) << r.error().toString().toStdString();
    EXPECT_EQ(scalar(u"SELECT COUNT(*) FROM schools"_s).toInt(), 1);
    EXPECT_EQ(scalar(u"SELECT code FROM schools"_s).toString(), u"edu053001"_s);
    EXPECT_EQ(scalar(u"SELECT COUNT(DISTINCT school_id) FROM participants"_s).toInt(), 1);
}

// The variant is written as a number, or with a word around it; a variant that names no number is
// not worth losing the file for (the analysis does not use it): the row is kept without it and
// one warning counts such values.
TEST_F(ResultsImporterTest, VariantWithAWordIsReadAndAnUnreadableOneIsCounted) {
    QStringList lines{kHeader};
    const QStringList variants{u"Вариант 1"_s, u"2 вариант"_s, u"В-3"_s, u"А"_s, u"А"_s, u"4"_s};
    for (int i = 0; i < variants.size(); ++i) {
        QString line = row(u"80%1"_s.arg(i), u"1;0;1"_s);
        ASSERT_EQ(line.count(u";80%1;1;"_s.arg(i)), 1); // code, then the variant
        line.replace(u";80%1;1;"_s.arg(i), u";80%1;%2;"_s.arg(i).arg(variants.at(i)));
        lines << line;
    }
    auto r = import(writeLines(u"variants.csv"_s, lines));
    ASSERT_TRUE(r.ok()) << r.error().toString().toStdString();
    EXPECT_EQ(r->rows, 6);
    QStringList read;
    for (int i = 0; i < variants.size(); ++i)
        read << scalar(u"SELECT variant FROM participants WHERE participant_code = '80%1'"_s.arg(i))
                    .toString();
    EXPECT_EQ(read, (QStringList{u"1"_s, u"2"_s, u"3"_s, u"0"_s, u"0"_s, u"4"_s}));
    const QString all = r->warnings.join(u'\n');
    EXPECT_TRUE(
        all.contains(u"Номер варианта не распознан, участник учтён без него (участников: 2)"_s))
        << all.toStdString();
    EXPECT_TRUE(all.contains(u"«А»"_s)) << all.toStdString();
}

// Works with a primary score and every task blank (a school that entered only the totals) are
// imported, and counted in one warning by school: the analysis leaves them out of the criteria
// on tasks. A blank work of 0 points (nothing attempted) and works with task points are not
// counted.
TEST_F(ResultsImporterTest, WorksWithAScoreAndNoTaskPointsAreCountedBySchool) {
    QString other = row(u"703"_s, u";;"_s, u"5;3;3"_s);
    other.replace(u"edu053001"_s, u"edu053002"_s);
    auto r = import(writeLines(u"totals.csv"_s,
                               {kHeader, row(u"701"_s, u";;"_s, u"5;3;3"_s),
                                row(u"702"_s, u"X;X;X"_s, u"4;3;3"_s), other,
                                row(u"704"_s, u";;"_s, u"0;2;2"_s), row(u"705"_s, u"1;0;1"_s)}));
    ASSERT_TRUE(r.ok()) << r.error().toString().toStdString();
    EXPECT_EQ(r->rows, 5);
    EXPECT_EQ(points(u"701"_s), QByteArray("\xFF\xFF\xFF", 3));
    const QString all = r->warnings.join(u'\n');
    EXPECT_TRUE(all.contains(u"Баллов по заданиям нет, только первичный балл (работ: 3; по "
                             u"логинам ОО: edu053001 — 2, edu053002 — 1)"_s))
        << all.toStdString();
}

// The year and the parallel as schools write them: «2024 г.», the school year «2023/2024» (its
// assessments end in 2024), «5 класс», «5-й класс» — all one procedure with the plain «2024», «5».
TEST_F(ResultsImporterTest, YearAndParallelWithWordsAreOneProcedure) {
    const QStringList years{u"2024"_s, u"2024 г."_s, u"2023/2024"_s, u"2023-24 уч. г."_s};
    const QStringList grades{u"5"_s, u"5 класс"_s, u"5-й класс"_s, u"5 кл."_s};
    QStringList lines{kHeader};
    for (int i = 0; i < years.size(); ++i) {
        QString line = row(u"90%1"_s.arg(i), u"1;0;1"_s);
        ASSERT_TRUE(line.startsWith(u"2024;ВПР;5;"_s));
        line.replace(0, 11, u"%1;ВПР;%2;"_s.arg(years.at(i), grades.at(i)));
        lines << line;
    }
    auto r = import(writeLines(u"years.csv"_s, lines));
    ASSERT_TRUE(r.ok()) << r.error().toString().toStdString();
    EXPECT_EQ(r->rows, 4);
    EXPECT_EQ(scalar(u"SELECT COUNT(*) FROM procedures"_s).toInt(), 1);
    EXPECT_EQ(scalar(u"SELECT year || ' ' || grade FROM procedures"_s).toString(), u"2024 5"_s);
    // a span that is not one school year is not a year
    QString wrong = row(u"950"_s, u"1;0;1"_s);
    wrong.replace(0, 4, u"2022/2024"_s);
    expectRejected(writeLines(u"wrong-year.csv"_s, {kHeader, wrong}), u"вместо года «2022/2024»"_s);
}

// A file without «Параллель» takes the parallel from the class («5А» → 5); a class that does not
// begin with a number is then an error that says so, and nothing is written.
TEST_F(ResultsImporterTest, ParallelTakenFromTheClassWhenTheFileHasNoParallel) {
    QString header = kHeader;
    ASSERT_EQ(header.count(u"Параллель;"_s), 1);
    header.remove(u"Параллель;"_s);
    const auto noParallel = [](QString line) { return line.replace(u";ВПР;5;"_s, u";ВПР;"_s); };
    QString other = noParallel(row(u"961"_s, u"1;0;1"_s));
    other.replace(u";5А;"_s, u";6 Б;"_s);
    auto r = import(
        writeLines(u"no-parallel.csv"_s, {header, noParallel(row(u"960"_s, u"1;1;1"_s)), other}));
    ASSERT_TRUE(r.ok()) << r.error().toString().toStdString();
    EXPECT_EQ(scalar(u"SELECT group_concat(grade, ',') FROM (SELECT grade FROM procedures "
                     u"ORDER BY grade)"_s)
                  .toString(),
              u"5,6"_s);
    EXPECT_EQ(
        scalar(u"SELECT class_name FROM participants WHERE participant_code = '961'"_s).toString(),
        u"6Б"_s);
    QString letter = noParallel(row(u"962"_s, u"1;1;1"_s));
    letter.replace(u";5А;"_s, u";А;"_s);
    expectRejected(writeLines(u"letter.csv"_s, {header, letter}),
                   u"в файле нет столбца «Параллель», а класс «А» не начинается с номера "
                   u"параллели (1–11)"_s);
}

// A file without «Код участника» (a journal's export) is loaded: each work is named by its file
// and row, and one warning says what that costs (no matching of the same pupils across years).
TEST_F(ResultsImporterTest, FileWithoutParticipantCodesNamesWorksByRow) {
    QString header = kHeader;
    ASSERT_EQ(header.count(u"Код участника;"_s), 1);
    header.remove(u"Код участника;"_s);
    QStringList lines{header};
    for (const QString &code : {u"971"_s, u"972"_s}) {
        QString line = row(code, u"1;0;1"_s);
        ASSERT_EQ(line.count(u";%1;"_s.arg(code)), 1);
        line.replace(u";%1;"_s.arg(code), u";"_s);
        lines << line;
    }
    auto r = import(writeLines(u"journal.csv"_s, lines));
    ASSERT_TRUE(r.ok()) << r.error().toString().toStdString();
    EXPECT_EQ(r->rows, 2);
    EXPECT_EQ(scalar(u"SELECT group_concat(participant_code, '|') FROM (SELECT participant_code "
                     u"FROM participants ORDER BY participant_code)"_s)
                  .toString(),
              u"journal.csv, стр. 2|journal.csv, стр. 3"_s);
    EXPECT_TRUE(r->warnings.join(u'\n').contains(u"В файле нет столбца «Код участника»"_s));
}
