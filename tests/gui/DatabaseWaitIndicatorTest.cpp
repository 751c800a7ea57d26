// While a write waits for another program's lock, the status bar says so and the cursor is busy;
// both go away when the write lands. On the GUI thread (a save after an edit, the thread blocked)
// and from a worker thread (an import).
#include "objectivity/gui/shell/DatabaseWaitIndicator.h"
#include "DatabaseLockHolder.h"
#include "TestSupport.h"
#include "objectivity/storage/Database.h"
#include "objectivity/storage/plan/StaffRepository.h"

#include <QApplication>
#include <QMainWindow>
#include <QStatusBar>

#include <future>

using objectivity::gui::DatabaseWaitIndicator;
using objectivity::storage::Database;
using objectivity::storage::Person;
using objectivity::storage::StaffRepository;
using objectivity::test::DatabaseLockHolder;

namespace {

class DatabaseWaitIndicatorTest : public ::testing::Test {
protected:
    void SetUp() override {
        path = dir.filePath(QStringLiteral("shared.sqlite"));
        auto opened = Database::open(path);
        ASSERT_TRUE(opened.ok()) << opened.error().toString().toStdString();
        db = std::move(opened.value());
        indicator = new DatabaseWaitIndicator(window.statusBar());
        QObject::connect(
            window.statusBar(), &QStatusBar::messageChanged, [this](const QString &text) {
                messages << text;
                cursorBusy << (QApplication::overrideCursor() != nullptr &&
                               QApplication::overrideCursor()->shape() == Qt::BusyCursor);
            });
    }

    QTemporaryDir dir;
    QString path;
    std::unique_ptr<Database> db;
    QMainWindow window;
    DatabaseWaitIndicator *indicator = nullptr;
    QStringList messages;
    QList<bool> cursorBusy;
};

} // namespace

TEST_F(DatabaseWaitIndicatorTest, AWriteOnTheGuiThreadShowsItsWait) {
    DatabaseLockHolder holder(path, QStringLiteral("Другая программа"), 1500, true);
    ASSERT_TRUE(holder.waitLocked());
    Person p;
    p.name = QStringLiteral("Н.С. Сазонова");
    const auto st = StaffRepository(*db).add(p);
    ASSERT_TRUE(st.ok()) << st.error().toString().toStdString();
    EXPECT_EQ(messages, (QStringList{DatabaseWaitIndicator::message(), QString()}));
    EXPECT_EQ(cursorBusy, (QList<bool>{true, false})) << "busy with the message, restored with it";
    EXPECT_FALSE(indicator->isShowing());
    EXPECT_EQ(QApplication::overrideCursor(), nullptr);
}

TEST_F(DatabaseWaitIndicatorTest, AWriteOnAWorkerThreadShowsItsWait) {
    DatabaseLockHolder holder(path, QStringLiteral("Другая программа"), 1500, true);
    ASSERT_TRUE(holder.waitLocked());
    auto worker = std::async(std::launch::async, [this]() -> QString {
        auto w = db->openWorker();
        if (!w.ok())
            return w.error().toString();
        Person p;
        p.name = QStringLiteral("Н.С. Сазонова");
        const auto st = StaffRepository(**w).add(p);
        return st.ok() ? QString() : st.error().toString();
    });
    bool sawWait = false;
    while (worker.wait_for(std::chrono::milliseconds(10)) != std::future_status::ready) {
        QApplication::processEvents();
        sawWait = sawWait || indicator->isShowing();
    }
    EXPECT_EQ(worker.get(), QString());
    QApplication::processEvents();
    EXPECT_TRUE(sawWait);
    EXPECT_EQ(messages, (QStringList{DatabaseWaitIndicator::message(), QString()}));
    EXPECT_FALSE(indicator->isShowing());
    EXPECT_EQ(QApplication::overrideCursor(), nullptr);
}

TEST_F(DatabaseWaitIndicatorTest, AShortWaitShowsNothing) {
    DatabaseLockHolder holder(path, QStringLiteral("Другая программа"), 200, true);
    ASSERT_TRUE(holder.waitLocked());
    Person p;
    p.name = QStringLiteral("Н.С. Сазонова");
    ASSERT_TRUE(StaffRepository(*db).add(p).ok());
    EXPECT_TRUE(messages.isEmpty());
}
