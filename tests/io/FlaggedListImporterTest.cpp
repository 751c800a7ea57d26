// Official lists of schools with signs of non-objective results: the real Dagestan list and small
// files for the rules (exact repeats stored once, blank = 0 = no marker, bad cells refused).
#include "objectivity/io/results/FlaggedListImporter.h"
#include "../support/TestSupport.h"
#include "objectivity/storage/Database.h"
#include "objectivity/storage/results/ResultsRepository.h"

#include <QFile>
#include <QSet>

using namespace objectivity;
using namespace Qt::StringLiterals;
using io::FlaggedListImporter;

namespace {

class FlaggedListImporterTest : public ::testing::Test {
protected:
    void SetUp() override {
        ASSERT_TRUE(dir.isValid());
        auto opened = storage::Database::open(dir.filePath(u"f.sqlite"_s));
        ASSERT_TRUE(opened.ok()) << opened.error().toString().toStdString();
        db = std::move(opened.value());
    }
    QString writeLines(const QString &name, const QStringList &lines) {
        QFile f(dir.filePath(name));
        EXPECT_TRUE(f.open(QIODevice::WriteOnly));
        f.write(lines.join(u'\n').toUtf8() + '\n');
        return f.fileName();
    }
    QList<core::FlaggedSchool> flags(int year = 0) {
        auto list = storage::ResultsRepository(*db).flags(year);
        EXPECT_TRUE(list.ok());
        return list.ok() ? list.value() : QList<core::FlaggedSchool>();
    }

    QTemporaryDir dir;
    std::unique_ptr<storage::Database> db;
};

TEST_F(FlaggedListImporterTest, DagestanListCounts) {
    const QString path =
        test::sharedFile(u"data/real/vpr_flagged_schools_dagestan_2023_2025.xlsx"_s);
    OBJ_REQUIRE_SHARED(path, "vpr_flagged_schools_dagestan_2023_2025.xlsx");
    auto r = FlaggedListImporter(*db).importFile(path);
    ASSERT_TRUE(r.ok()) << r.error().toString().toStdString();
    EXPECT_EQ(r->rows, 599);
    EXPECT_EQ(r->rowsPerYear.value(2023), 159);
    EXPECT_EQ(r->rowsPerYear.value(2024), 296);
    EXPECT_EQ(r->rowsPerYear.value(2025), 144);
    EXPECT_EQ(r->repeats, 148);
    EXPECT_EQ(r->stored, 599 - 148);
    EXPECT_EQ(r->schoolsPerYear.value(2024), 148);
    EXPECT_EQ(r->distinctSchools, 341);
    EXPECT_EQ(r->inAllYears, 17);
    // What is stored: 148 rows for 2024, one per school; 341 logins over the three years.
    EXPECT_EQ(flags(2024).size(), 148);
    EXPECT_EQ(flags(2023).size(), 159);
    const auto all = flags();
    ASSERT_EQ(all.size(), 451);
    QSet<QString> logins;
    QMap<int, int> byCount;
    for (const auto &f : all) {
        logins.insert(f.schoolCode);
        EXPECT_EQ(f.markers.size(), f.markerCount) << f.schoolCode.toStdString();
        for (auto it = f.markers.cbegin(); it != f.markers.cend(); ++it)
            EXPECT_NE(it.value(), 0); // blank and 0 are both "no marker"
        ++byCount[f.markerCount];
    }
    EXPECT_EQ(logins.size(), 341);
    // The first row of the file: 2023, edu053001, marker «5 РУ» only.
    core::FlaggedSchool first;
    for (const auto &f : flags(2023))
        if (f.schoolCode == u"edu053001"_s)
            first = f;
    EXPECT_EQ(first.schoolCode, u"edu053001"_s);
    EXPECT_EQ(first.municipality, u"Агульский муниципальный район"_s);
    EXPECT_EQ(first.markers, (QMap<QString, int>{{u"5 РУ"_s, 1}}));
    // The repeats are named in the warnings.
    EXPECT_EQ(r->warnings.filter(u"повторяет строку"_s).size(), 148);
    // The same file again is refused, the list unchanged.
    auto again = FlaggedListImporter(*db).importFile(path);
    ASSERT_FALSE(again.ok());
    EXPECT_TRUE(again.error().toString().contains(u"уже загружен"_s));
    EXPECT_EQ(flags().size(), 451);
}

TEST_F(FlaggedListImporterTest, RepeatsBlanksAndZeros) {
    const QString path = writeLines(
        u"list.csv"_s,
        {u"Год;Логин;Муниципалитет;ОО;4 РУ;4 МА;Количество маркеров"_s,
         u"2023;edu1;Район;Школа  № 1 ;1;;1"_s, u"2024;edu1;Район;Школа  № 1 ;0;1;1"_s, u";;;;;;"_s,
         u"2024;edu1;Район;Школа  № 1 ;0;1;1"_s, u"2024;edu2;Район;Школа № 2;1;1;3"_s});
    auto r = FlaggedListImporter(*db).importFile(path);
    ASSERT_TRUE(r.ok()) << r.error().toString().toStdString();
    EXPECT_EQ(r->rows, 4);
    EXPECT_EQ(r->repeats, 1);
    EXPECT_EQ(r->stored, 3);
    EXPECT_EQ(r->inAllYears, 1);
    EXPECT_TRUE(
        r->warnings.contains(u"Строка 5 повторяет строку 3 (2024, edu1) и записана один раз"_s))
        << r->warnings.join(u'\n').toStdString();
    EXPECT_TRUE(r->warnings.contains(u"Строка 6: количество маркеров 3, а отмечено 2"_s));
    const auto list = flags(2024);
    ASSERT_EQ(list.size(), 2);
    EXPECT_EQ(list.first().schoolName, u"Школа  № 1 "_s); // kept exactly as published
    EXPECT_EQ(list.first().markers, (QMap<QString, int>{{u"4 МА"_s, 1}}));
}

TEST_F(FlaggedListImporterTest, BadCellsRefusedWithNothingStored) {
    const QString path =
        writeLines(u"bad.csv"_s, {u"Год;Логин;Муниципалитет;ОО;4 РУ;Количество маркеров"_s,
                                  u"2023;edu1;Район;Школа;1;1"_s, u"2023;edu2;Район;Школа;да;1"_s});
    auto r = FlaggedListImporter(*db).importFile(path);
    ASSERT_FALSE(r.ok());
    EXPECT_TRUE(
        r.error().toString().contains(u"строка 3, столбец 5 «4 РУ»: вместо числа признака «да»"_s))
        << r.error().toString().toStdString();
    EXPECT_TRUE(flags().isEmpty());
    auto imports = storage::ResultsRepository(*db).imports();
    ASSERT_TRUE(imports.ok());
    EXPECT_TRUE(imports->isEmpty());
}

} // namespace
