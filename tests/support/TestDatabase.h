#pragma once
// A fresh database for each test, on the backend the run asks for:
// OBJECTIVITY_TEST_BACKEND=postgresql (ctest's "postgresql." tests) gives a new database on the
// server of PGHOST/PGPORT/PGUSER/PGPASSWORD (pg_virtualenv sets them), created through the
// maintenance database and dropped at the end; otherwise a SQLite file in the test's folder.
#include <QAtomicInteger>
#include <QCoreApplication>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QUrl>
#include <gtest/gtest.h>

namespace objectivity::test {

class TestDatabase {
public:
    // True when this run tests the PostgreSQL backend.
    static bool postgres() {
        return qEnvironmentVariable("OBJECTIVITY_TEST_BACKEND") == QLatin1String("postgresql");
    }
    // Why a PostgreSQL test cannot run at all (empty when it can, or on SQLite).
    static QString unavailable() {
        if (!postgres())
            return {};
        if (qEnvironmentVariableIsEmpty("PGHOST"))
            return QStringLiteral("PostgreSQL is not available: run the tests under pg_virtualenv "
                                  "(scripts/run-tests.sh does)");
        if (!QSqlDatabase::isDriverAvailable(QStringLiteral("QPSQL")))
            return QStringLiteral("PostgreSQL is not available: Qt's QPSQL driver is not "
                                  "installed (libqt6sql6-psql)");
        return {};
    }

    TestDatabase() = default;
    TestDatabase(const TestDatabase &) = delete;
    TestDatabase &operator=(const TestDatabase &) = delete;
    ~TestDatabase() { drop(); }

    // The location to pass to Database::open / --db: the file `name` in `dir`, or the URL of a new
    // empty database on the server. Empty (and why() says why) when it could not be made.
    QString create(const QTemporaryDir &dir, const QString &name) {
        if (!postgres())
            return m_location = dir.filePath(name);
        return createOnServer();
    }
    // The URL of a new empty database on the server of PGHOST..., whatever backend the run tests
    // (for the tests of gui_tests, which have no "postgresql." run); empty (why() says why) without
    // a server.
    QString createOnServer() {
        if (qEnvironmentVariableIsEmpty("PGHOST"))
            m_why = QStringLiteral("PostgreSQL is not available: run the tests under pg_virtualenv "
                                   "(scripts/run-tests.sh does)");
        else if (!QSqlDatabase::isDriverAvailable(QStringLiteral("QPSQL")))
            m_why = QStringLiteral("PostgreSQL is not available: Qt's QPSQL driver is not "
                                   "installed (libqt6sql6-psql)");
        if (!m_why.isEmpty())
            return {};
        static QAtomicInteger<int> counter;
        m_name = QStringLiteral("objt_%1_%2")
                     .arg(QCoreApplication::applicationPid())
                     .arg(counter.fetchAndAddRelaxed(1));
        // C collation: text sorts by code point, as SQLite's BINARY collation sorts UTF-8.
        if (!maintenance(QStringLiteral("CREATE DATABASE %1 TEMPLATE template0 ENCODING 'UTF8' "
                                        "LC_COLLATE 'C' LC_CTYPE 'C.UTF-8'")
                             .arg(m_name))) {
            m_name.clear();
            return {};
        }
        QUrl url;
        url.setScheme(QStringLiteral("postgresql"));
        const QString host = qEnvironmentVariable("PGHOST");
        // A socket folder cannot stand in a URL's host: leave it to libpq (PGHOST).
        if (!host.startsWith(QLatin1Char('/')))
            url.setHost(host);
        if (const int port = qEnvironmentVariableIntValue("PGPORT"); port > 0)
            url.setPort(port);
        url.setUserName(qEnvironmentVariable("PGUSER"));
        url.setPath(QLatin1Char('/') + m_name);
        return m_location = url.toString();
    }
    QString location() const { return m_location; }
    QString why() const { return m_why; }
    // The database's name on the server (empty on SQLite).
    QString serverName() const { return m_name; }

    // Every row of every table of the server's database as text, in a fixed order: what "the
    // database did not change" compares on PostgreSQL (on SQLite the tests hash the file).
    QByteArray contents() const {
        QByteArray out;
        if (m_name.isEmpty())
            return out;
        const QString name = QStringLiteral("objectivity-test-contents");
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), name);
            db.setDatabaseName(m_name);
            if (!db.open())
                return db.lastError().text().toUtf8();
            QSqlQuery tables(db);
            tables.exec(QStringLiteral("SELECT table_name FROM information_schema.tables WHERE "
                                       "table_schema = 'public' ORDER BY table_name"));
            QStringList names;
            while (tables.next())
                names << tables.value(0).toString();
            for (const QString &t : names) {
                QSqlQuery rows(db);
                rows.exec(QStringLiteral("SELECT t::text FROM %1 t ORDER BY 1").arg(t));
                out += t.toUtf8() + '\n';
                while (rows.next())
                    out += rows.value(0).toString().toUtf8() + '\n';
            }
        }
        QSqlDatabase::removeDatabase(name);
        return out;
    }

    // Runs a statement on the maintenance database (PGDATABASE, else postgres).
    bool maintenance(const QString &sql) {
        QSqlDatabase db = maintenanceConnection();
        if (!db.isOpen() && !db.open()) {
            m_why = QStringLiteral("PostgreSQL is not available: ") + db.lastError().text();
            return false;
        }
        QSqlQuery q(db);
        if (!q.exec(sql)) {
            m_why = QStringLiteral("PostgreSQL: ") + q.lastError().text();
            return false;
        }
        return true;
    }

private:
    static QSqlDatabase maintenanceConnection() {
        const QString name = QStringLiteral("objectivity-test-maintenance");
        if (QSqlDatabase::contains(name))
            return QSqlDatabase::database(name, false);
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), name);
        const QString database = qEnvironmentVariable("PGDATABASE");
        db.setDatabaseName(database.isEmpty() ? QStringLiteral("postgres") : database);
        return db; // host, port, user and password: libpq reads PGHOST, PGPORT, ...
    }
    void drop() {
        if (m_name.isEmpty())
            return;
        maintenance(QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)").arg(m_name));
        m_name.clear();
    }

    QString m_location;
    QString m_name;
    QString m_why;
};

} // namespace objectivity::test

// Declares `holder` (a TestDatabase) and `var` (its location) for a fresh database named `name` in
// `dir`; skips the test when the PostgreSQL run has no server.
#define OBJ_TEST_DATABASE(holder, var, dir, name)                                                  \
    objectivity::test::TestDatabase holder;                                                        \
    const QString var = holder.create((dir), (name));                                              \
    if (var.isEmpty())                                                                             \
        GTEST_SKIP() << holder.why().toStdString();

// For tests about SQLite files (read-only folders, file locks, backups, damaged files, WAL).
#define OBJ_SQLITE_ONLY(reason)                                                                    \
    do {                                                                                           \
        if (objectivity::test::TestDatabase::postgres())                                           \
            GTEST_SKIP() << "SQLite only: " << (reason);                                           \
    } while (0)
