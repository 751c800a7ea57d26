// The demonstration database: a file of its own with the demo plan and the demo results, invented
// municipalities (none of the real ones in ../shared/data/real), marked demo inside the file so
// that «ДЕМО» and the banners show however it is opened; a cancelled creation leaves no file.
#include "objectivity/gui/shell/DemoDatabase.h"
#include "MainWindowTest.h"
#include "SamplePlans.h"
#include "objectivity/gui/analysis/AnalysisView.h"
#include "objectivity/gui/plan/PlanEditor.h"
#include "objectivity/gui/results/ResultsBrowser.h"
#include "objectivity/gui/results/ResultsMenu.h"
#include "objectivity/gui/shell/AppSession.h"
#include "objectivity/gui/shell/DemoBanner.h"
#include "objectivity/gui/shell/MainActions.h"
#include "objectivity/io/formats/CsvReader.h"
#include "objectivity/io/formats/XlsxReader.h"
#include "objectivity/io/results/DemoData.h"
#include "objectivity/storage/Database.h"
#include "objectivity/storage/plan/PlanRepository.h"
#include "objectivity/storage/results/ResultsRepository.h"

#include <QAction>
#include <QFile>
#include <QProgressDialog>
#include <QPushButton>
#include <QSet>
#include <QSignalSpy>
#include <QSqlQuery>

using namespace objectivity;

namespace {

// Municipalities and districts that exist: those of the two real data files and the districts of
// Novgorod oblast the generator used to borrow.
QSet<QString> realMunicipalities() {
    QSet<QString> names = {
        QStringLiteral("Великий Новгород"),   QStringLiteral("Боровичский район"),
        QStringLiteral("Старорусский район"), QStringLiteral("Валдайский район"),
        QStringLiteral("Чудовский район"),    QStringLiteral("Окуловский район"),
        QStringLiteral("Новгородский район"), QStringLiteral("Шимский район")};
    const QString dagestan =
        test::sharedFile(QStringLiteral("data/real/vpr_flagged_schools_dagestan_2023_2025.xlsx"));
    if (!dagestan.isEmpty()) {
        auto reader = io::XlsxReader::open(dagestan);
        EXPECT_TRUE(reader.ok());
        if (reader) {
            auto sheet = reader.value().readSheet(0);
            EXPECT_TRUE(sheet.ok());
            if (sheet) {
                int column = -1;
                for (int c = 0; c < 12; ++c)
                    if (sheet->text(0, c) == QStringLiteral("Муниципалитет"))
                        column = c;
                EXPECT_GE(column, 0);
                for (int r = 1; column >= 0 && r < sheet->rows.size(); ++r)
                    if (!sheet->text(r, column).trimmed().isEmpty())
                        names << sheet->text(r, column).trimmed();
            }
        }
    }
    const QString moscow =
        test::sharedFile(QStringLiteral("data/real/moscow_ege_by_school_2015_2016.csv"));
    if (!moscow.isEmpty()) {
        std::unique_ptr<io::CsvReader> csv;
        EXPECT_FALSE(io::CsvReader::open(moscow, &csv).has_value());
        QStringList fields;
        while (csv && csv->readRecord(fields))
            for (int c : {4, 5}) // AdmArea, District
                if (c < fields.size() && fields.at(c) != QStringLiteral("AdmArea") &&
                    fields.at(c) != QStringLiteral("District"))
                    names << fields.at(c).trimmed();
    }
    return names;
}

// The distinctive words of names («Агульский» of «Агульский муниципальный район»).
QSet<QString> distinctiveWords(const QSet<QString> &names) {
    static const QSet<QString> generic = {QStringLiteral("район"),
                                          QStringLiteral("округ"),
                                          QStringLiteral("городской"),
                                          QStringLiteral("муниципальный"),
                                          QStringLiteral("город"),
                                          QStringLiteral("г."),
                                          QStringLiteral("административный"),
                                          QStringLiteral("поселение"),
                                          QStringLiteral("го")};
    QSet<QString> words;
    for (const QString &name : names)
        for (const QString &w : name.toLower().split(QLatin1Char(' '), Qt::SkipEmptyParts))
            if (!generic.contains(w))
                words << w;
    return words;
}

class DemoDatabaseTest : public ::testing::Test {
protected:
    test::TemporarySettings settings;
    QTemporaryDir dir;
};

} // namespace

TEST_F(DemoDatabaseTest, DemoFileHasPlanResultsInventedNamesAndShowsDemo) {
    const QString path = dir.filePath(QStringLiteral("objectivity-demo.sqlite"));
    OBJ_ASSERT_OK(gui::DemoDatabase::ensure(path, nullptr));
    ASSERT_TRUE(QFileInfo::exists(path));
    EXPECT_FALSE(QFileInfo::exists(path + QStringLiteral(".part")));
    const QDateTime created = QFileInfo(path).lastModified();
    OBJ_ASSERT_OK(gui::DemoDatabase::ensure(path, nullptr)); // exists: left alone
    EXPECT_EQ(QFileInfo(path).lastModified(), created);

    QStringList municipalities;
    {
        gui::AppSession session;
        OBJ_ASSERT_OK(session.open(path));
        EXPECT_TRUE(session.isDemo());
        const auto plans = session.plans()->list();
        ASSERT_TRUE(plans.ok());
        ASSERT_EQ(plans->size(), 1);
        EXPECT_EQ(plans->first().organizationName, gui::DemoDatabase::organizationName());
        storage::ResultsRepository results(*session.database());
        EXPECT_GT(results.participantCount().value(), 20000);
        QSqlQuery q(session.database()->connection());
        ASSERT_TRUE(q.exec(QStringLiteral("SELECT DISTINCT municipality FROM schools ORDER BY 1")));
        while (q.next())
            municipalities << q.value(0).toString();
        ASSERT_TRUE(q.exec(QStringLiteral("SELECT count(*) FROM schools WHERE code NOT LIKE "
                                          "'edu000%'")));
        ASSERT_TRUE(q.next());
        EXPECT_EQ(q.value(0).toInt(), 0); // no real login (edu053001 is a school of Dagestan)

        gui::MainWindow window(&session);
        EXPECT_TRUE(window.windowTitle().contains(QStringLiteral("ДЕМО")))
            << window.windowTitle().toStdString();
        EXPECT_TRUE(window.windowTitle().startsWith(QStringLiteral("Объективность — ДЕМО — ")));
        EXPECT_FALSE(window.isStartPageShown());
        EXPECT_FALSE(window.actions()->openDemo->isEnabled());
        ASSERT_TRUE(window.findChild<gui::DemoBanner *>());
        QWidget *browser = window.results()->showBrowser();
        ASSERT_TRUE(browser);
        auto *banner = browser->findChild<gui::DemoBanner *>();
        ASSERT_TRUE(banner);
        EXPECT_EQ(banner->text(), QStringLiteral("Демонстрационные данные: школы и результаты "
                                                 "вымышлены"));
        QWidget *analysis = window.results()->showAnalysis();
        ASSERT_TRUE(analysis);
        EXPECT_TRUE(analysis->findChild<gui::DemoBanner *>());
    }
    EXPECT_EQ(municipalities.size(), 2);
    const QStringList demoNames = io::DemoData::municipalityNames();
    EXPECT_EQ(QSet<QString>(municipalities.cbegin(), municipalities.cend()),
              QSet<QString>(demoNames.cbegin(), demoNames.cend()));
    const QSet<QString> real = realMunicipalities();
    const QSet<QString> realWords = distinctiveWords(real);
    if (!test::sharedFile(QStringLiteral("data/real/SOURCES.md")).isEmpty()) {
        EXPECT_GE(real.size(), 53 + 8); // Dagestan's 53 municipalities and Moscow's districts
        EXPECT_TRUE(realWords.contains(QStringLiteral("агульский")));
    }
    for (const QString &name : municipalities) {
        EXPECT_FALSE(real.contains(name)) << name.toStdString();
        for (const QString &word : distinctiveWords({name}))
            EXPECT_FALSE(realWords.contains(word)) << name.toStdString();
    }

    // Copied under another name and opened by path: still the demo.
    const QString copy = dir.filePath(QStringLiteral("пример.sqlite"));
    ASSERT_TRUE(QFile::copy(path, copy));
    gui::AppSession again;
    OBJ_ASSERT_OK(again.open(copy));
    EXPECT_TRUE(again.isDemo());
    gui::MainWindow window(&again);
    EXPECT_TRUE(window.windowTitle().contains(QStringLiteral("ДЕМО")));
}

TEST_F(DemoDatabaseTest, UsersDatabaseIsNeverDemo) {
    gui::AppSession session;
    OBJ_ASSERT_OK(session.open(dir.filePath(QStringLiteral("мой.sqlite"))));
    EXPECT_FALSE(session.isDemo());
    gui::MainWindow window(&session);
    EXPECT_FALSE(window.windowTitle().contains(QStringLiteral("ДЕМО")));
    EXPECT_FALSE(window.findChild<gui::DemoBanner *>());
    QWidget *browser = window.results()->showBrowser();
    ASSERT_TRUE(browser);
    EXPECT_FALSE(browser->findChild<gui::DemoBanner *>());
    EXPECT_TRUE(window.actions()->openDemo->isEnabled());
}

TEST_F(DemoDatabaseTest, CancelledCreationLeavesNoFile) {
    const QString path = dir.filePath(QStringLiteral("objectivity-demo.sqlite"));
    bool seen = false;
    test::onNextDialog<QProgressDialog>(
        [](QProgressDialog *d) {
            auto *cancel = d->findChild<QPushButton *>();
            ASSERT_TRUE(cancel);
            EXPECT_EQ(cancel->text(), QStringLiteral("Отмена"));
            QTest::mouseClick(cancel, Qt::LeftButton); // as the user does
        },
        &seen);
    const auto st = gui::DemoDatabase::create(path, nullptr);
    ASSERT_TRUE(seen) << "the progress dialog was not shown";
    ASSERT_FALSE(st.ok());
    EXPECT_TRUE(st.error().toString().contains(QStringLiteral("Демонстрационная база не создана")))
        << st.error().toString().toStdString();
    EXPECT_TRUE(QDir(dir.path()).entryList(QDir::Files).isEmpty())
        << QDir(dir.path()).entryList(QDir::Files).join(u' ').toStdString();
}

TEST_F(DemoDatabaseTest, DemoFileSitsBesideTheDefaultDatabase) {
    EXPECT_EQ(QFileInfo(gui::DemoDatabase::defaultPath()).dir(),
              QFileInfo(gui::AppSession::defaultDatabasePath()).dir());
    EXPECT_EQ(QFileInfo(gui::DemoDatabase::defaultPath()).fileName(),
              QStringLiteral("objectivity-demo.sqlite"));
}
