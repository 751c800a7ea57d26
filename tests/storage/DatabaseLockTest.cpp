// Two programs writing one database: a writer takes the lock up front (BEGIN IMMEDIATE) and waits
// for the other one (the busy handler), up to OBJECTIVITY_BUSY_TIMEOUT_MS; then it gives up with a
// Russian message and changes nothing. The "other program" here is a plain Qt connection on
// another thread that holds a write transaction, as a second process would.
#include "DatabaseLockHolder.h"
#include "TestDatabase.h"
#include "TestSupport.h"
#include "objectivity/storage/Database.h"
#include "objectivity/storage/DatabaseWait.h"
#include "objectivity/storage/plan/StaffRepository.h"

#include <QElapsedTimer>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>

#include <future>
#include <mutex>

using objectivity::storage::Database;
using objectivity::storage::DatabaseWait;
using objectivity::storage::Person;
using objectivity::storage::StaffRepository;
using objectivity::test::DatabaseLockHolder;

namespace {

QStringList staffNames(Database &db) {
    QStringList names;
    auto list = StaffRepository(db).list();
    EXPECT_TRUE(list.ok());
    if (list.ok())
        for (const Person &p : *list)
            names << p.name;
    names.sort();
    return names;
}

// Records what the observer hears, from any thread.
struct WaitLog {
    std::mutex mutex;
    QList<bool> events;
    WaitLog() {
        DatabaseWait::setObserver([this](bool waiting) {
            const std::lock_guard lock(mutex);
            events << waiting;
        });
    }
    ~WaitLog() { DatabaseWait::setObserver({}); }
};

class DatabaseLockTest : public ::testing::Test {
protected:
    void SetUp() override {
        OBJ_SQLITE_ONLY("about SQLite's file lock and busy handler (DatabaseLockHolder)");
        path = dir.filePath(QStringLiteral("shared.sqlite"));
    }
    void TearDown() override { qunsetenv("OBJECTIVITY_BUSY_TIMEOUT_MS"); }
    QTemporaryDir dir;
    QString path;
};

} // namespace

TEST_F(DatabaseLockTest, TimeoutIsTenSecondsUnlessTheEnvironmentSaysOtherwise) {
    qunsetenv("OBJECTIVITY_BUSY_TIMEOUT_MS");
    EXPECT_EQ(DatabaseWait::busyTimeoutMs(), 10000);
    qputenv("OBJECTIVITY_BUSY_TIMEOUT_MS", "250");
    EXPECT_EQ(DatabaseWait::busyTimeoutMs(), 250);
    qputenv("OBJECTIVITY_BUSY_TIMEOUT_MS", "abc");
    EXPECT_EQ(DatabaseWait::busyTimeoutMs(), 10000);
}

TEST_F(DatabaseLockTest, WriterWaitsForAnotherWriterThenSucceedsAndTheWaitIsReported) {
    auto db = Database::open(path);
    ASSERT_TRUE(db.ok()) << db.error().toString().toStdString();
    WaitLog log;
    DatabaseLockHolder holder(path, QStringLiteral("Другая программа"), 2000, true);
    ASSERT_TRUE(holder.waitLocked());
    QElapsedTimer timer;
    timer.start();
    Person p;
    p.name = QStringLiteral("Н.С. Сазонова");
    const auto st = StaffRepository(**db).add(p);
    const qint64 waited = timer.elapsed();
    ASSERT_TRUE(st.ok()) << st.error().toString().toStdString();
    EXPECT_GE(waited, 1500) << "the write could not have landed while the other one held the lock";
    holder.join();
    EXPECT_EQ(staffNames(**db),
              (QStringList{QStringLiteral("Другая программа"), QStringLiteral("Н.С. Сазонова")}));
    const std::lock_guard lock(log.mutex);
    EXPECT_EQ(log.events, (QList<bool>{true, false}));
}

TEST_F(DatabaseLockTest, WriterGivesUpAfterTheTimeoutWithARussianMessageAndChangesNothing) {
    qputenv("OBJECTIVITY_BUSY_TIMEOUT_MS", "400");
    auto db = Database::open(path);
    ASSERT_TRUE(db.ok()) << db.error().toString().toStdString();
    const QStringList before = staffNames(**db);
    DatabaseLockHolder holder(path, QStringLiteral("Другая программа"), 2500, false);
    ASSERT_TRUE(holder.waitLocked());
    QElapsedTimer timer;
    timer.start();
    Person p;
    p.name = QStringLiteral("Н.С. Сазонова");
    const auto st = StaffRepository(**db).add(p);
    const qint64 waited = timer.elapsed();
    ASSERT_FALSE(st.ok()) << "the holder rolls back only after 2.5 s";
    EXPECT_EQ(st.error().message, QStringLiteral("База данных занята другой программой (она "
                                                 "записывает в неё дольше 1 с). Повторите "
                                                 "действие позже."));
    EXPECT_EQ(st.error().file, (*db)->path());
    EXPECT_GE(waited, 400) << "it waited before giving up";
    // (it gave up while the lock was held: had it waited for the rollback, the write would land)
    EXPECT_EQ(p.id, 0);
    holder.join();
    EXPECT_EQ(staffNames(**db), before);
}

// The worker connections (imports, the analysis) wait the same way: with Qt's own default (5 s)
// this write would have waited for the holder and succeeded.
TEST_F(DatabaseLockTest, WorkerConnectionsHaveTheSameTimeout) {
    qputenv("OBJECTIVITY_BUSY_TIMEOUT_MS", "300");
    auto db = Database::open(path);
    ASSERT_TRUE(db.ok()) << db.error().toString().toStdString();
    auto worker = (*db)->openWorker();
    ASSERT_TRUE(worker.ok()) << worker.error().toString().toStdString();
    DatabaseLockHolder holder(path, QStringLiteral("Другая программа"), 1500, false);
    ASSERT_TRUE(holder.waitLocked());
    Person p;
    p.name = QStringLiteral("Н.С. Сазонова");
    const auto st = StaffRepository(**worker).add(p);
    ASSERT_FALSE(st.ok());
    EXPECT_TRUE(
        st.error().message.startsWith(QStringLiteral("База данных занята другой программой")))
        << st.error().message.toStdString();
}

// A transaction that reads first and writes later: with a deferred BEGIN another writer could
// commit in between and the late write would fail at once (SQLITE_BUSY_SNAPSHOT in WAL). With
// BEGIN IMMEDIATE the other writer waits for this transaction instead, and both land.
TEST_F(DatabaseLockTest, ATransactionThatReadsFirstIsNotOvertakenByAnotherWriter) {
    auto db = Database::open(path);
    ASSERT_TRUE(db.ok()) << db.error().toString().toStdString();
    std::future<QString> other;
    const auto st = (*db)->transaction([&]() -> objectivity::core::Status {
        QSqlQuery q((*db)->connection());
        EXPECT_TRUE(q.exec(QStringLiteral("SELECT count(*) FROM people")));
        q.finish();
        other = std::async(std::launch::async, [this]() -> QString {
            auto second = Database::open(path);
            if (!second.ok())
                return second.error().toString();
            Person p;
            p.name = QStringLiteral("Вторая программа");
            const auto s = StaffRepository(**second).add(p);
            return s.ok() ? QString() : s.error().toString();
        });
        QThread::msleep(700);
        q.prepare(QStringLiteral("INSERT INTO people (name) VALUES (?)"));
        q.addBindValue(QStringLiteral("Первая программа"));
        if (!q.exec())
            return objectivity::core::Error{q.lastError().text(), {}, -1, -1};
        return {};
    });
    EXPECT_TRUE(st.ok()) << st.error().toString().toStdString();
    EXPECT_EQ(other.get(), QString());
    EXPECT_EQ(staffNames(**db), (QStringList{QStringLiteral("Вторая программа"),
                                             QStringLiteral("Первая программа")}));
}
