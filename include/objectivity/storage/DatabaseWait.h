#pragma once
#include <QString>

#include <functional>

class QSqlDatabase;
class QSqlError;

namespace objectivity::storage {

// Waiting for another program that holds the database's write lock. Every connection the program
// opens gets a busy handler that retries for busyTimeoutMs() and then gives up with SQLITE_BUSY
// (the action fails with busyMessage() and changes nothing). While a connection waits longer than
// kReportAfterMs the observer hears waiting = true, and waiting = false once the wait is over.
class DatabaseWait {
public:
    // How long a connection waits for a lock: $OBJECTIVITY_BUSY_TIMEOUT_MS when it holds a
    // positive number (tests), else 10 000 ms.
    static int busyTimeoutMs();
    static constexpr int kDefaultTimeoutMs = 10000;
    static constexpr int kReportAfterMs = 500;

    // Called on the waiting thread (any thread, also the GUI thread while it is blocked in a
    // write), one call at a time: the observer must be quick and must not call setObserver.
    // An empty function removes it; once setObserver returns, the old one is not running.
    using Observer = std::function<void(bool waiting)>;
    static void setObserver(Observer observer);

    // Installs the busy handler (timeout busyTimeoutMs()) on an open QSQLITE connection.
    static void install(const QSqlDatabase &connection);
    // Ends the calling thread's reported wait, if any (the observer hears waiting = false).
    static void finish();

    // True for SQLITE_BUSY and its extended codes, and PostgreSQL's SQLSTATE 55P03/57014 (the lock
    // was not obtained in time).
    static bool isBusy(const QSqlError &error);
    // «База данных занята другой программой (…). Повторите действие позже.»
    static QString busyMessage();

    // Ends the wait at the end of a scope.
    class Scope {
    public:
        Scope() = default;
        ~Scope() { finish(); }
        Scope(const Scope &) = delete;
        Scope &operator=(const Scope &) = delete;
    };
};

} // namespace objectivity::storage
