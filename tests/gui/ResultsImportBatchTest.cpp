// A batch of results files: which file is current, a line per file, the summary in words.
#include "objectivity/gui/results/ResultsImportBatch.h"

#include <gtest/gtest.h>

using objectivity::gui::ResultsImportBatch;

TEST(ResultsImportBatch, OneFileIsNoBatchAndEveryFileGetsItsLine) {
    ResultsImportBatch batch;
    batch.start({QStringLiteral("/data/one.csv")});
    EXPECT_FALSE(batch.active());
    EXPECT_TRUE(batch.label().isEmpty());

    batch.start({QStringLiteral("/data/a.csv"), QStringLiteral("/d/b.xlsx"),
                 QStringLiteral("/d/c.csv"), QStringLiteral("/d/d.csv")});
    ASSERT_TRUE(batch.active());
    EXPECT_EQ(batch.current(), QStringLiteral("/data/a.csv"));
    EXPECT_TRUE(batch.label().startsWith(QStringLiteral("Файлов: 4.")));
    EXPECT_TRUE(batch.label().endsWith(QStringLiteral("Показан 1-й — «a.csv».")));
    batch.loaded(QStringLiteral("загружено, строк: 1 250, замечаний: 2"));
    EXPECT_TRUE(batch.label().endsWith(QStringLiteral("Показан 2-й — «b.xlsx».")));
    batch.failed(QStringLiteral("строка 3, столбец 12 «З2»: текст «два»"));
    batch.skipped(QStringLiteral("был загружен раньше (загрузка № 7)"));
    EXPECT_FALSE(batch.atEnd());
    EXPECT_EQ(
        batch.log(),
        QStringList({QStringLiteral("a.csv — загружено, строк: 1 250, замечаний: 2"),
                     QStringLiteral("b.xlsx — не загружен: строка 3, столбец 12 «З2»: "
                                    "текст «два»"),
                     QStringLiteral("c.csv — пропущен: был загружен раньше (загрузка № 7)")}));
    // stopped before the last file
    EXPECT_EQ(batch.summary(),
              QStringLiteral("Загружено файлов: 1 из 4; пропущено (были загружены раньше): 1; не "
                             "загружено: 1 (причина — в замечаниях; базу эти файлы не изменили); "
                             "загрузка прервана, не загружены последние файлы: 1."));
    batch.loaded(QStringLiteral("загружено, строк: 10, замечаний: 0"));
    EXPECT_TRUE(batch.atEnd());
    EXPECT_EQ(batch.summary(),
              QStringLiteral("Загружено файлов: 2 из 4; пропущено (были загружены раньше): 1; не "
                             "загружено: 1 (причина — в замечаниях; базу эти файлы не изменили)."));
    batch.clear();
    EXPECT_FALSE(batch.active());
    EXPECT_TRUE(batch.log().isEmpty());
}
