// `results import` of files with repeated participants, on both backends (on PostgreSQL the rows
// go by COPY in batches, the repeats are found before): the file's row and column are named, the
// earlier import is named, and nothing of the file is stored — also when the repeat comes after
// the first batch of rows was already sent to the server.
#include "CliTest.h"
#include "TestSupport.h"

using objectivity::test::CliRun;
using ResultsRepeatsCli = objectivity::test::CliTest;
using namespace Qt::StringLiterals;

namespace {
const QByteArray kHeader = "Год;Процедура;Параллель;Предмет;Логин ОО;Класс;Код участника;З1;З2;"
                           "Итого;Отметка\n";
const QByteArray kFirst = kHeader + "2024;ВПР;5;Математика;edu053001;5А;1;1;X;1;3\n"
                                    "2024;ВПР;5;Математика;edu053001;5А;2;1;1;2;4\n"
                                    "2024;ВПР;5;Математика;edu053002;5Б;1;0;0;0;2\n";
} // namespace

TEST_F(ResultsRepeatsCli, ARepeatWithinTheFileIsNamedByRowAndNothingIsStored) {
    ASSERT_EQ(run({u"results"_s, u"stats"_s}).exitCode, 0); // creates the database
    const QByteArray before = dbHash();
    const QByteArray repeated = kFirst + "2024;ВПР;5;Математика;edu053001;5В;2;0;1;1;3\n";
    const CliRun r = run({u"results"_s, u"import"_s, writeFile(u"repeat.csv"_s, repeated)});
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_TRUE(r.err.contains(u"Файл отклонён, база данных не изменена"_s)) << r.err.toStdString();
    EXPECT_TRUE(r.err.contains(u"строка 5, столбец 7 «Код участника»: код участника «2» "
                               "повторяется в файле (та же процедура и школа)"_s))
        << r.err.toStdString();
    EXPECT_EQ(dbHash(), before);
}

TEST_F(ResultsRepeatsCli, AParticipantOfAnEarlierImportIsNamedWithThatImport) {
    const CliRun first = run({u"results"_s, u"import"_s, writeFile(u"first.csv"_s, kFirst)});
    ASSERT_EQ(first.exitCode, 0) << first.err.toStdString();
    const QByteArray before = dbHash();
    // the same code in another school or another procedure is another participant
    const QByteArray second = kHeader + "2024;ВПР;5;Математика;edu053002;5Б;2;1;1;2;4\n"
                                        "2024;ВПР;5;Русский язык;edu053001;5А;2;1;1;2;4\n"
                                        "2024;ВПР;5;Математика;edu053001;5А;2;1;1;2;4\n";
    const CliRun r = run({u"results"_s, u"import"_s, writeFile(u"second.csv"_s, second)});
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_TRUE(r.err.contains(u"строка 4, столбец 7 «Код участника»: участник «2» этой процедуры "
                               "и школы уже загружен из другого файла (загрузка № 1)"_s))
        << r.err.toStdString();
    EXPECT_EQ(dbHash(), before);

    // without the repeated row the file loads, and both imports are kept
    QByteArray clean = second;
    clean.chop(clean.size() - clean.lastIndexOf("2024;ВПР;5;Математика;edu053001"));
    const CliRun ok = run({u"results"_s, u"import"_s, writeFile(u"second-clean.csv"_s, clean)});
    ASSERT_EQ(ok.exitCode, 0) << ok.err.toStdString();
    EXPECT_TRUE(ok.out.contains(u"Загружено строк: 2"_s)) << ok.out.toStdString();
    const CliRun stats = run({u"results"_s, u"stats"_s, u"--json"_s});
    EXPECT_EQ(QJsonDocument::fromJson(stats.out.toUtf8()).object().value(u"participants"_s).toInt(),
              5);
}

TEST_F(ResultsRepeatsCli, ARepeatAfterManyRowsLeavesNothing) {
    ASSERT_EQ(run({u"results"_s, u"stats"_s}).exitCode, 0);
    const QByteArray before = dbHash();
    // 30,000 rows (more than one COPY batch of 20,000), the repeat of row 2 on the last row
    QByteArray big = kHeader;
    const int rows = 30000;
    for (int i = 0; i < rows; ++i)
        big += "2024;ВПР;5;Математика;edu0530" + QByteArray::number(10 + i % 50) + ";5А;" +
               QByteArray::number(i) + ";1;1;2;4\n";
    big += "2024;ВПР;5;Математика;edu053010;5А;0;1;1;2;4\n";
    const CliRun r = run({u"results"_s, u"import"_s, writeFile(u"big.csv"_s, big)});
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_TRUE(r.err.contains(u"строка %1, столбец 7 «Код участника»: код участника «0» "
                               "повторяется в файле"_s.arg(rows + 2)))
        << r.err.toStdString();
    EXPECT_EQ(dbHash(), before);

    // Without the repeat the file loads in full (on PostgreSQL the bulk path of an empty table:
    // keys built after the COPY), and the keys hold for the next file.
    big.chop(big.size() - big.lastIndexOf("2024;ВПР;5;Математика;edu053010;5А;0;"));
    const CliRun ok = run({u"results"_s, u"import"_s, writeFile(u"big-clean.csv"_s, big)});
    ASSERT_EQ(ok.exitCode, 0) << ok.err.toStdString();
    const CliRun stats = run({u"results"_s, u"stats"_s, u"--json"_s});
    EXPECT_EQ(QJsonDocument::fromJson(stats.out.toUtf8()).object().value(u"participants"_s).toInt(),
              rows);
    const QByteArray again = kHeader + "2024;ВПР;5;Математика;edu053011;5А;12345;1;1;2;4\n"
                                       "2024;ВПР;5;Математика;edu053011;5А;1;1;1;2;4\n";
    const CliRun later = run({u"results"_s, u"import"_s, writeFile(u"later.csv"_s, again)});
    EXPECT_EQ(later.exitCode, 1);
    EXPECT_TRUE(later.err.contains(u"строка 3, столбец 7 «Код участника»: участник «1» этой "
                                   "процедуры и школы уже загружен из другого файла"_s))
        << later.err.toStdString();
}
