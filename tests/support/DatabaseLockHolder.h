#pragma once
// Another program holding the database's write lock, for tests of waiting writers.
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QThread>

#include <future>
#include <thread>

namespace objectivity::test {

// Holds a write transaction on its own connection (another thread) that adds `name` to the staff
// directory, for `holdMs`, then commits or rolls back.
class DatabaseLockHolder {
public:
    DatabaseLockHolder(const QString &path, const QString &name, int holdMs, bool commit) {
        std::promise<bool> locked;
        m_locked = locked.get_future();
        m_thread = std::thread([=, locked = std::move(locked)]() mutable {
            const QString connection = QStringLiteral("holder-%1").arg(name);
            bool ok = false;
            {
                QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connection);
                db.setDatabaseName(path);
                QSqlQuery q(db);
                ok = db.open() && q.exec(QStringLiteral("BEGIN IMMEDIATE"));
                if (ok) {
                    q.prepare(QStringLiteral("INSERT INTO people (name) VALUES (?)"));
                    q.addBindValue(name);
                    ok = q.exec();
                }
                locked.set_value(ok);
                QThread::msleep(static_cast<unsigned long>(holdMs));
                if (ok)
                    q.exec(commit ? QStringLiteral("COMMIT") : QStringLiteral("ROLLBACK"));
                q.finish();
                db.close();
            }
            QSqlDatabase::removeDatabase(connection);
        });
    }
    ~DatabaseLockHolder() { join(); }
    bool waitLocked() { return m_locked.get(); }
    void join() {
        if (m_thread.joinable())
            m_thread.join();
    }

private:
    std::future<bool> m_locked;
    std::thread m_thread;
};

} // namespace objectivity::test
