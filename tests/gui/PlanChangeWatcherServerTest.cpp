// Two people, one plan, on a PostgreSQL server: the window's session and «another user» on two
// connections to one server database. The other user's save reaches the window by the server's
// NOTIFY (no polling): the open plan is reloaded and the status bar message names the change;
// while the user is editing, the banner offers «Обновить». Skips without a server (PGHOST).
#include "GuiTestSupport.h"
#include "TestDatabase.h"
#include "objectivity/gui/plan/PlanChangeWatcher.h"
#include "objectivity/gui/plan/PlanEditor.h"
#include "objectivity/gui/plan/PlanView.h"
#include "objectivity/storage/ChangeNotifier.h"
#include "objectivity/storage/Database.h"

#include <QLabel>
#include <QSignalSpy>

#include <memory>

using namespace objectivity;

namespace {

class PlanChangeWatcherServer : public ::testing::Test {
protected:
    void SetUp() override {
        if (test::seedPath(QStringLiteral("000")).isEmpty())
            GTEST_SKIP() << "../shared is absent (seed 000 not found)";
        url = server.createOnServer();
        if (url.isEmpty())
            GTEST_SKIP() << server.why().toStdString();
        const core::Status opened = session.open(url);
        ASSERT_TRUE(opened.ok()) << opened.error().toString().toStdString();
        auto import = io::PlanImporter::importFile(test::seedPath(QStringLiteral("000")));
        ASSERT_TRUE(import.ok()) << import.error().toString().toStdString();
        core::Plan plan = import->plan;
        ASSERT_TRUE(session.plans()->save(plan).ok());
        planId = plan.id;
        editor = std::make_unique<gui::PlanEditor>(session.plans());
        view = std::make_unique<gui::PlanView>(editor.get());
        ASSERT_TRUE(editor->loadPlan(planId).ok());
        auto other = storage::Database::open(url);
        ASSERT_TRUE(other.ok()) << other.error().toString().toStdString();
        elsewhere = std::move(other.value());
    }
    void changeElsewhere(const QString &text) {
        storage::PlanRepository theirs(*elsewhere);
        auto loaded = theirs.load(planId);
        ASSERT_TRUE(loaded.ok());
        core::Plan plan = *loaded;
        plan.sections[0].measures[0].text = text;
        const auto st = theirs.save(plan);
        ASSERT_TRUE(st.ok()) << st.error().toString().toStdString();
    }

    test::TestDatabase server;
    QString url;
    gui::AppSession session;
    qint64 planId = 0;
    std::unique_ptr<gui::PlanEditor> editor;
    std::unique_ptr<gui::PlanView> view;
    std::unique_ptr<storage::Database> elsewhere;
};

} // namespace

TEST_F(PlanChangeWatcherServer, AnotherUsersSaveReloadsTheOpenPlanByNotify) {
    gui::PlanChangeWatcher watcher(*session.database(), editor.get());
    ASSERT_TRUE(watcher.notifier()->isPushed()) << "LISTEN refused: the window would not learn";
    QSignalSpy messages(&watcher, &gui::PlanChangeWatcher::message);

    changeElsewhere(QStringLiteral("Изменено на другом компьютере"));
    // no checkNow(): the notification comes from the server
    ASSERT_TRUE(messages.wait(5000)) << "no notification within 5 s";
    EXPECT_TRUE(messages.at(0).at(0).toString().startsWith(QStringLiteral("План обновлён")))
        << messages.at(0).at(0).toString().toStdString();
    EXPECT_EQ(editor->plan().sections[0].measures[0].text,
              QStringLiteral("Изменено на другом компьютере"));
    EXPECT_EQ(editor->plan().version, storage::PlanRepository(*elsewhere).version(planId).value());

    // The window's own save: no message, no reload.
    messages.clear();
    ASSERT_TRUE(editor->editMeasure(0, 1, gui::MeasureField::Note, QStringLiteral("своя заметка")));
    messages.wait(1000);
    EXPECT_EQ(messages.count(), 0);
}

TEST_F(PlanChangeWatcherServer, WhileTheUserIsEditingTheBannerAppearsByNotify) {
    gui::PlanChangeWatcher watcher(*session.database(), editor.get());
    view->addBanner(watcher.banner());
    view->resize(1000, 600);
    view->show();
    watcher.setBusyProbe([] { return true; });
    QSignalSpy changed(watcher.notifier(), &storage::ChangeNotifier::planChanged);
    const QString before = editor->plan().sections[0].measures[0].text;

    changeElsewhere(QStringLiteral("Изменено другим пользователем"));
    ASSERT_TRUE(changed.wait(5000)) << "no notification within 5 s";
    EXPECT_TRUE(watcher.banner()->isVisible());
    EXPECT_TRUE(watcher.banner()->findChild<QLabel *>()->text().startsWith(
        QStringLiteral("План изменён другим пользователем")));
    EXPECT_EQ(editor->plan().sections[0].measures[0].text, before);
}
