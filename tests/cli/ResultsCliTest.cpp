// `objectivity-cli results ...` and `flagged ...` end to end, as a user runs them.
#include "CliTest.h"
#include "TestSupport.h"

#include <QJsonArray>

using objectivity::test::CliRun;
using ResultsCli = objectivity::test::CliTest;
using namespace Qt::StringLiterals;

namespace {
const QByteArray kFlat = "Год;Процедура;Параллель;Предмет;Логин ОО;Класс;Код участника;З1;З2;"
                         "Итого;Отметка\n"
                         "2024;ВПР;5;Математика;edu053001;5А;1;1;X;1;3\n"
                         "2024;ВПР;5;Математика;edu053001;5А;2;1;1;2;4\n"
                         "2024;ВПР;4;Русский язык;edu053002;4Б;1;0;0;0;2\n";
} // namespace

TEST_F(ResultsCli, ImportWithMapThenStatsJson) {
    const QString path = writeFile(u"flat.csv"_s, kFlat);
    const CliRun r = run({u"results"_s, u"import"_s, path, u"--map"_s, u"Итого=primary_score"_s});
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    EXPECT_TRUE(r.out.contains(u"Загружено строк: 3 (процедур: 2, школ: 2; макет flat)"_s))
        << r.out.toStdString();
    EXPECT_TRUE(r.out.contains(u"Предупреждений: "_s));

    const CliRun stats = run({u"results"_s, u"stats"_s, u"--json"_s});
    ASSERT_EQ(stats.exitCode, 0) << stats.err.toStdString();
    const QJsonObject o = QJsonDocument::fromJson(stats.out.toUtf8()).object();
    EXPECT_EQ(o.value(u"participants"_s).toInt(), 3);
    EXPECT_EQ(o.value(u"by_year"_s).toObject().value(u"2024"_s).toInt(), 3);
    EXPECT_EQ(o.value(u"by_procedure"_s).toObject().value(u"ВПР"_s).toInt(), 3);
    const QJsonArray rows = o.value(u"rows"_s).toArray();
    ASSERT_EQ(rows.size(), 2);
    const QJsonObject math = rows.at(1).toObject();
    EXPECT_EQ(math.value(u"grade"_s).toInt(), 5);
    EXPECT_EQ(math.value(u"subject"_s).toString(), u"Математика"_s);
    EXPECT_EQ(math.value(u"participants"_s).toInt(), 2);
    EXPECT_EQ(math.value(u"schools"_s).toInt(), 1);

    // The same file again: refused (exit 1, database unchanged), skipped, or replaced.
    const QByteArray before = dbHash();
    const CliRun again = run({u"results"_s, u"import"_s, path});
    EXPECT_EQ(again.exitCode, 1);
    EXPECT_TRUE(again.err.contains(u"этот файл уже загружен"_s)) << again.err.toStdString();
    EXPECT_EQ(dbHash(), before);
    const CliRun skip = run({u"results"_s, u"import"_s, path, u"--on-repeat"_s, u"skip"_s});
    EXPECT_EQ(skip.exitCode, 0);
    EXPECT_TRUE(skip.out.contains(u"пропущен"_s));
    const CliRun replace = run({u"results"_s, u"import"_s, path, u"--on-repeat"_s, u"replace"_s});
    EXPECT_EQ(replace.exitCode, 0) << replace.err.toStdString();
    EXPECT_TRUE(replace.out.contains(u"Загрузка заменена"_s));
}

TEST_F(ResultsCli, RejectedFileExitsNonZeroAndChangesNothing) {
    ASSERT_EQ(run({u"results"_s, u"stats"_s}).exitCode, 0); // creates the database
    const QByteArray before = dbHash();
    QByteArray bad = kFlat;
    bad.replace("5А;2;1;1", "5А;2;1;один");
    const CliRun r = run({u"results"_s, u"import"_s, writeFile(u"bad.csv"_s, bad)});
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_TRUE(r.err.contains(u"Файл отклонён, база данных не изменена"_s));
    EXPECT_TRUE(
        r.err.contains(u"строка 3, столбец 9 «З2»: вместо баллов за задание 2 текст «один»"_s))
        << r.err.toStdString();
    EXPECT_EQ(dbHash(), before);
    const CliRun usage = run({u"results"_s, u"import"_s, u"x.csv"_s, u"--map"_s, u"oops"_s});
    EXPECT_EQ(usage.exitCode, 2);
}

TEST_F(ResultsCli, SeveralFilesEachWholeOrNotAtAllAndARefusedOneDoesNotStopTheRest) {
    const QByteArray header = "Год;Процедура;Параллель;Предмет;Логин ОО;Класс;Код участника;З1;"
                              "Первичный балл;Отметка\n";
    const QString a =
        writeFile(u"a.csv"_s, header + "2024;ВПР;5;Математика;edu053001;5А;1;1;1;3\n"
                                       "2024;ВПР;5;Математика;edu053001;5А;2;1;1;3\n");
    const QString bad =
        writeFile(u"b.csv"_s, header + "2024;ВПР;5;Математика;edu053002;5А;1;1;1;3\n"
                                       "2024;ВПР;5;Математика;edu053002;5А;2;два;1;3\n");
    const QString c =
        writeFile(u"c.csv"_s, header + "2024;ВПР;5;Математика;edu053003;5А;1;1;1;3\n");
    const CliRun r = run({u"results"_s, u"import"_s, a, bad, c});
    EXPECT_EQ(r.exitCode, 1) << "a file was refused";
    EXPECT_TRUE(r.out.contains(u"Загружено файлов: 2 из 3"_s)) << r.out.toStdString();
    EXPECT_TRUE(r.out.contains(u"«%1»:\nНе загружен"_s.arg(bad))) << r.out.toStdString();
    EXPECT_TRUE(
        r.err.contains(u"строка 3, столбец 8 «З1»: вместо баллов за задание 1 текст «два»"_s))
        << r.err.toStdString();
    const CliRun stats = run({u"results"_s, u"stats"_s, u"--json"_s});
    ASSERT_EQ(stats.exitCode, 0) << stats.err.toStdString();
    const QJsonObject o = QJsonDocument::fromJson(stats.out.toUtf8()).object();
    EXPECT_EQ(o.value(u"participants"_s).toInt(), 3); // a and c whole, nothing of b
    EXPECT_EQ(o.value(u"imports"_s).toInt(), 2);

    // one login for several files would give all of them to one school: refused before anything
    const QByteArray before = dbHash();
    const CliRun login = run({u"results"_s, u"import"_s, a, c, u"--school"_s, u"edu053009"_s});
    EXPECT_EQ(login.exitCode, 2);
    EXPECT_TRUE(login.err.contains(u"--school задаёт логин ОО одного файла"_s))
        << login.err.toStdString();
    EXPECT_EQ(dbHash(), before);
    const CliRun none = run({u"results"_s, u"import"_s});
    EXPECT_EQ(none.exitCode, 2);
    EXPECT_TRUE(none.err.contains(u"не указан файл"_s));
}

TEST_F(ResultsCli, FisokoNeedsSchoolWhenTheFileHasNone) {
    const QByteArray fisoko = "ВПР 2024 Математика 5 класс\n"
                              ";;Б;П\n"
                              "Код участника;Класс;1 (1б);2 (2б);Первичный балл;Отметка\n"
                              "00101;5А;1;2;3;4\n";
    const QString path = writeFile(u"fisoko.csv"_s, fisoko);
    const CliRun noSchool = run({u"results"_s, u"import"_s, path});
    EXPECT_EQ(noSchool.exitCode, 1);
    EXPECT_TRUE(noSchool.err.contains(u"--school"_s)) << noSchool.err.toStdString();
    const CliRun r = run({u"results"_s, u"import"_s, path, u"--layout"_s, u"fisoko"_s,
                          u"--school"_s, u"edu053009"_s});
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    EXPECT_TRUE(r.out.contains(u"Загружено строк: 1 (процедур: 1, школ: 1; макет fisoko)"_s))
        << r.out.toStdString();
}

TEST_F(ResultsCli, FlaggedImportAndList) {
    const QString path =
        objectivity::test::sharedFile(u"data/real/vpr_flagged_schools_dagestan_2023_2025.xlsx"_s);
    OBJ_REQUIRE_SHARED(path, "vpr_flagged_schools_dagestan_2023_2025.xlsx");
    const CliRun r = run({u"flagged"_s, u"import"_s, path});
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    EXPECT_TRUE(r.out.contains(u"Строк в списке: 599; записано: 451; точных повторов: 148"_s))
        << r.out.toStdString();
    EXPECT_TRUE(r.out.contains(u"2024: строк 296, школ 148"_s));
    EXPECT_TRUE(r.out.contains(u"Школ всего: 341; во всех годах списка: 17"_s));
    const CliRun list = run({u"flagged"_s, u"list"_s, u"--year"_s, u"2025"_s});
    ASSERT_EQ(list.exitCode, 0) << list.err.toStdString();
    EXPECT_TRUE(list.out.contains(u"Строк: 144, школ: 144"_s)) << list.out.toStdString();
    const CliRun json = run({u"flagged"_s, u"list"_s, u"--json"_s});
    ASSERT_EQ(json.exitCode, 0);
    EXPECT_EQ(QJsonDocument::fromJson(json.out.toUtf8()).array().size(), 451);
}

// An ЕГЭ table with scores only (no task columns) imports; it used to fail with «внутренняя
// ошибка базы данных» (an empty task list was bound as NULL), and the duplicate lookup then
// replaced SQLite's message with «not an error».
TEST_F(ResultsCli, EgeTableWithoutTaskColumnsImports) {
    const QByteArray ege = "Год;Процедура;Параллель;Предмет;Логин ОО;Класс;Код участника;"
                           "Первичный балл;Тестовый балл;Годовая отметка\n"
                           "2024;ЕГЭ;11;Математика (профильная);edu000001;11А;1001;15;70;5\n"
                           "2024;ЕГЭ;11;Математика (профильная);edu000001;11А;1002;10;56;4\n";
    const CliRun r = run({u"results"_s, u"import"_s, writeFile(u"ege.csv"_s, ege)});
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    EXPECT_TRUE(r.out.contains(u"Загружено строк: 2"_s)) << r.out.toStdString();

    const CliRun stats = run({u"results"_s, u"stats"_s, u"--json"_s});
    ASSERT_EQ(stats.exitCode, 0) << stats.err.toStdString();
    const QJsonObject o = QJsonDocument::fromJson(stats.out.toUtf8()).object();
    EXPECT_EQ(o.value(u"by_procedure"_s).toObject().value(u"ЕГЭ"_s).toInt(), 2);
}
