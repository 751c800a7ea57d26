// What the main window remembers between starts (window layout, recent databases, the last plan)
// and where the default database is, and the --screenshot path. A new database's content:
// StartPageTest; the demo: DemoDatabaseTest.
#include "MainWindowTest.h"
#include "objectivity/gui/plan/PlanEditor.h"
#include "objectivity/gui/plan/PlanListModel.h"
#include "objectivity/gui/plan/PlanListView.h"
#include "objectivity/gui/plan/StaffModel.h"
#include "objectivity/gui/shell/MainActions.h"
#include "objectivity/gui/shell/ScreenshotRunner.h"
#include "objectivity/storage/plan/StaffRepository.h"

#include <QAction>
#include <QDockWidget>
#include <QImage>
#include <QMenu>
#include <QSignalSpy>

using namespace objectivity;
using test::MainWindowTest;

TEST_F(MainWindowTest, LayoutIsRememberedOnClose) {
    auto *plans = window->findChild<QDockWidget *>(QStringLiteral("plansDock"));
    ASSERT_TRUE(plans);
    ASSERT_EQ(window->dockWidgetArea(plans), Qt::LeftDockWidgetArea);
    window->addDockWidget(Qt::RightDockWidgetArea, plans);
    window->resize(1111, 777);
    QTest::qWait(20);
    const QSize size = window->size();
    window->close();
    window.reset();

    gui::MainWindow again(&db.session);
    auto *dock = again.findChild<QDockWidget *>(QStringLiteral("plansDock"));
    ASSERT_TRUE(dock);
    EXPECT_EQ(again.dockWidgetArea(dock), Qt::RightDockWidgetArea);
    EXPECT_EQ(again.size(), size);
    // The plan open at closing is remembered for this database.
    EXPECT_EQ(QSettings().value(QStringLiteral("lastPlan/") + db.session.path()).toLongLong(),
              db.planId);
}

TEST_F(MainWindowTest, RecentDatabasesMenuSwitchesDatabase) {
    QTemporaryDir other;
    gui::AppSession second;
    const QString secondPath = other.filePath(QStringLiteral("other.sqlite"));
    ASSERT_TRUE(second.open(secondPath).ok());
    gui::MainWindow secondWindow(&second);
    const QStringList recent = QSettings().value(QStringLiteral("recentDatabases")).toStringList();
    ASSERT_GE(recent.size(), 2);
    EXPECT_EQ(recent[0], second.path());
    EXPECT_EQ(recent[1], db.session.path());

    // In the second window the first database is offered and enabled, the open one is not.
    QMenu *menu = secondWindow.actions()->recentMenu;
    QAction *first = nullptr, *self = nullptr;
    for (QAction *a : menu->actions()) {
        if (a->text() == db.session.path())
            first = a;
        if (a->text() == second.path())
            self = a;
    }
    ASSERT_TRUE(first);
    ASSERT_TRUE(self);
    EXPECT_TRUE(first->isEnabled());
    EXPECT_FALSE(self->isEnabled());
    QSignalSpy requested(&secondWindow, &gui::MainWindow::databaseRequested);
    first->trigger();
    ASSERT_EQ(requested.count(), 1);
    EXPECT_EQ(requested.first().first().toString(), db.session.path());
}

TEST(AppSessionFirstStart, DefaultDatabaseIsInTheUserDataFolder) {
    QStandardPaths::setTestModeEnabled(true);
    const QString path = gui::AppSession::defaultDatabasePath();
    // The same place as objectivity-cli's default database: <data>/<application>/.
    const QString data = QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation);
    EXPECT_EQ(path, QDir(data).filePath(QCoreApplication::applicationName() +
                                        QStringLiteral("/objectivity.sqlite")));
    EXPECT_TRUE(QFileInfo(path).dir().exists());
}

TEST(AppSessionFirstStart, NotADatabaseIsRefusedAndLeftAlone) {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("notes.sqlite"));
    QFile f(path);
    ASSERT_TRUE(f.open(QIODevice::WriteOnly));
    f.write("Это не база данных, а заметки.\n");
    f.close();
    gui::AppSession session;
    auto st = session.open(path);
    ASSERT_FALSE(st.ok());
    EXPECT_FALSE(st.error().toString().isEmpty());
    EXPECT_FALSE(session.isOpen());
    QFile back(path);
    ASSERT_TRUE(back.open(QIODevice::ReadOnly));
    EXPECT_EQ(back.readAll(), QByteArray("Это не база данных, а заметки.\n"));
}

TEST_F(MainWindowTest, ScreenshotsOfEveryView) {
    QTemporaryDir out;
    struct Case {
        const char *view;
        int minWidth;
    };
    for (const Case &c : {Case{"main", 1200}, Case{"detail", 500}, Case{"due", 1200}}) {
        gui::ScreenshotOptions o;
        o.view = QString::fromLatin1(c.view);
        o.output = out.filePath(o.view + QStringLiteral(".png"));
        o.planId = db.planId;
        o.today = QDate(2023, 11, 15);
        o.month = QDate(2023, 8, 1);
        ASSERT_EQ(gui::ScreenshotRunner::run(*window, o), 0) << c.view;
        const QImage image(o.output);
        ASSERT_FALSE(image.isNull()) << c.view;
        EXPECT_GE(image.width(), c.minWidth) << c.view;
    }
    gui::ScreenshotOptions preview;
    preview.view = QStringLiteral("import-preview");
    preview.importFile = test::seedPath(QStringLiteral("000"));
    preview.output = out.filePath(QStringLiteral("preview.png"));
    ASSERT_EQ(gui::ScreenshotRunner::run(*window, preview), 0);
    EXPECT_FALSE(QImage(preview.output).isNull());
    gui::ScreenshotOptions unknown;
    unknown.view = QStringLiteral("everything");
    unknown.output = out.filePath(QStringLiteral("x.png"));
    EXPECT_EQ(gui::ScreenshotRunner::run(*window, unknown), 1);
    EXPECT_FALSE(QFileInfo::exists(unknown.output));
}
