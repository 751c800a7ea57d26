#include "objectivity/storage/DatabaseWait.h"

#include <QElapsedTimer>
#include <QSqlDatabase>
#include <QSqlDriver>
#include <QSqlError>
#include <QThread>
#include <QVariant>

#include <algorithm>
#include <mutex>

#include <sqlite3.h>

namespace objectivity::storage {

namespace {

std::mutex &observerMutex() {
    static std::mutex m;
    return m;
}

DatabaseWait::Observer &observer() {
    static DatabaseWait::Observer o;
    return o;
}

// Under the lock, so that setObserver({}) returns only when no call is running any more (the
// observer may refer to an object that is about to be destroyed).
void notify(bool waiting) {
    const std::lock_guard lock(observerMutex());
    if (observer())
        observer()(waiting);
}

// A connection is used by one thread at a time, so the wait in progress is the thread's.
struct ThreadWait {
    QElapsedTimer timer;
    bool reported = false;
};

ThreadWait &threadWait() {
    thread_local ThreadWait w;
    return w;
}

// sqlite3_busy_handler callback: `count` is 0 at the first retry of each lock attempt; `arg`
// carries the timeout in milliseconds. Returns 0 to give up (the statement fails with
// SQLITE_BUSY), 1 to retry after a sleep.
int onBusy(void *arg, int count) {
    const auto timeoutMs = static_cast<qint64>(reinterpret_cast<quintptr>(arg));
    ThreadWait &w = threadWait();
    if (count == 0 || !w.timer.isValid())
        w.timer.start();
    const qint64 elapsed = w.timer.elapsed();
    if (elapsed >= timeoutMs)
        return 0;
    if (!w.reported && elapsed >= DatabaseWait::kReportAfterMs) {
        w.reported = true;
        notify(true);
    }
    // The same back-off as SQLite's own busy timeout: short sleeps first, then 100 ms.
    static constexpr int delays[] = {1, 2, 5, 10, 15, 20, 25, 25, 25, 50, 50, 100};
    const int delay = delays[std::min<std::size_t>(std::size_t(count), std::size(delays) - 1)];
    QThread::msleep(static_cast<unsigned long>(std::min<qint64>(delay, timeoutMs - elapsed)));
    return 1;
}

} // namespace

int DatabaseWait::busyTimeoutMs() {
    bool ok = false;
    const int ms = qEnvironmentVariableIntValue("OBJECTIVITY_BUSY_TIMEOUT_MS", &ok);
    return ok && ms > 0 ? ms : kDefaultTimeoutMs;
}

void DatabaseWait::setObserver(Observer o) {
    const std::lock_guard lock(observerMutex());
    observer() = std::move(o);
}

void DatabaseWait::install(const QSqlDatabase &connection) {
    const QVariant v = connection.driver()->handle();
    if (!v.isValid() || qstrcmp(v.typeName(), "sqlite3*") != 0)
        return;
    sqlite3 *handle = *static_cast<sqlite3 *const *>(v.constData());
    if (!handle)
        return;
    const auto timeout = static_cast<quintptr>(busyTimeoutMs());
    sqlite3_busy_handler(handle, &onBusy, reinterpret_cast<void *>(timeout));
}

void DatabaseWait::finish() {
    ThreadWait &w = threadWait();
    w.timer.invalidate();
    if (w.reported) {
        w.reported = false;
        notify(false);
    }
}

bool DatabaseWait::isBusy(const QSqlError &error) {
    // PostgreSQL: lock_timeout ran out (55P03) or the statement was cancelled by its timeout.
    const QString sqlState = error.nativeErrorCode();
    if (sqlState == QLatin1String("55P03") || sqlState == QLatin1String("57014"))
        return true;
    bool ok = false;
    const int code = error.nativeErrorCode().toInt(&ok);
    return ok && (code & 0xff) == SQLITE_BUSY;
}

QString DatabaseWait::busyMessage() {
    return QStringLiteral("База данных занята другой программой (она записывает в неё дольше %1 с)"
                          ". Повторите действие позже.")
        .arg((busyTimeoutMs() + 999) / 1000);
}

} // namespace objectivity::storage
