#pragma once
#include "objectivity/core/common/Result.h"
#include "objectivity/core/plan/Account.h"
#include "objectivity/storage/PostgresUrl.h"

#include <QSqlDatabase>
#include <QString>

#include <functional>
#include <memory>
#include <optional>

namespace objectivity::storage {

// The application's database: a SQLite file (the default) or a database on a PostgreSQL server,
// given as a URL postgresql://USER[:PASSWORD]@HOST[:PORT]/DBNAME[?sslmode=…] (Qt's QPSQL driver;
// see PostgresUrl). On PostgreSQL the same numbered migrations come from
// resources/sql/postgresql/NNN_*.sql, the version lives in the one-row table schema_version, the
// whole upgrade runs in one transaction under an advisory lock, and a transaction is BEGIN (READ
// COMMITTED) with lock_timeout = DatabaseWait::busyTimeoutMs(). Everything below about files,
// WAL, backups and read-only media is SQLite's.
//
// The SQLite file. Opening it checks that it is a database, is intact and is not
// newer than this program, then brings the schema up to date with the numbered migrations in
// resources/sql/NNN_*.sql (tracked in PRAGMA user_version), after a backup copy of the old file.
// Foreign keys on, WAL journal. Each user action runs in one transaction (see transaction()).
// A file this program may not write (read-only file, folder or media) opens for reading only: no
// journal switch, no backup, no migration, and every write fails saying why. A write waits up to
// DatabaseWait::busyTimeoutMs() for another program's lock.
class Database {
public:
    ~Database();
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    // Writing: the file is checked (PRAGMA quick_check, ≈0.3 s per 100 MB) before anything else.
    // Reading: for work that only reads (analysis): the check runs only when the open has to
    // upgrade the schema; a damaged page met while reading is still reported by SQLite.
    enum class OpenFor { Writing, Reading };
    enum class Backend { Sqlite, PostgreSql };

    // Opens a postgresql:// URL on the server, anything else as a file path.
    // Opens (creating when absent) the database file. On error nothing on disk is changed.
    // A write-protected file opens read-only unless its schema must be upgraded (then an error).
    static core::Result<std::unique_ptr<Database>> open(const QString &path,
                                                        OpenFor purpose = OpenFor::Writing);

    QSqlDatabase connection() const;
    // The file's absolute path, or the server's URL without the password (for messages).
    QString path() const { return m_path; }
    Backend backend() const { return m_backend; }
    bool isPostgres() const { return m_backend == Backend::PostgreSql; }
    // «USER@HOST/DB» on PostgreSQL, the file name on SQLite (a window title).
    QString displayName() const;
    int schemaVersion() const;
    // The version the newest migration shipped with this program brings the file to.
    static int latestSchemaVersion();
    // The backup made before the last upgrade of this file, empty when none was needed.
    QString backupPath() const { return m_backupPath; }
    // True when the file was created by this open() (a new, empty database).
    bool isNew() const { return m_isNew; }
    // True when the file was opened for reading only; readOnlyError() says why.
    bool isReadOnly() const { return !m_readOnlyWhy.isEmpty(); }
    // «База данных «…» открыта только для чтения: нет прав на запись в папку «…»».
    core::Error readOnlyError() const;

    // Runs `work` in one write transaction (BEGIN IMMEDIATE: the write lock is taken first, waiting
    // for another program up to DatabaseWait::busyTimeoutMs()): committed when it returns ok,
    // rolled back otherwise. Fails without calling `work` on a read-only database or when the
    // lock is not obtained in time (DatabaseWait::busyMessage()).
    core::Status transaction(const std::function<core::Status()> &work);

    // A second connection to the same file for a worker thread. The caller owns the name and must
    // call QSqlDatabase::removeDatabase(name) when done.
    core::Result<QString> openWorkerConnection() const;
    // The same file as a Database on a new connection (openWorkerConnection), for code that takes
    // a Database (importers, repositories) on a worker thread. Call it on that thread and destroy
    // it there: a Qt SQL connection belongs to the thread that opened it. No checks, no migrations.
    core::Result<std::unique_ptr<Database>> openWorker() const;

    // Who is working (signed in through AccountRepository::authenticate): repositories check the
    // role with core::PlanPermissions and write the name into the plan history. Empty when nobody
    // signed in — allowed only while the database has no accounts.
    void setActor(std::optional<core::Account> account) { m_actor = std::move(account); }
    const std::optional<core::Account> &actor() const { return m_actor; }
    // On a PostgreSQL server: the organization of the account this connection signed in as
    // (server_accounts, see ServerAccountRepository), 0 when none. Opening the database sets it
    // together with the actor; row-level security admits a school's account to its own
    // organization's plans only, so its new plans belong to it.
    qint64 serverOrganizationId() const { return m_serverOrganizationId; }

private:
    Database(QString path, QString connectionName);
    core::Status connect(const QString &name) const;
    core::Status configure(OpenFor purpose);
    core::Status migrate();
    core::Status connectPostgres(const QString &name) const;
    core::Status configurePostgres();
    core::Status migratePostgres();
    core::Status transactionPostgres(const std::function<core::Status()> &work);
    static core::Result<std::unique_ptr<Database>> openPostgres(const QString &url);

    QString m_path;
    QString m_connectionName;
    std::optional<core::Account> m_actor;
    qint64 m_serverOrganizationId = 0;
    QString m_backupPath;
    bool m_isNew = false;
    // How to reach the file: the path, or a file: URI (immutable) for a read-only WAL file.
    QString m_databaseName;
    QString m_connectOptions;
    QString m_readOnlyWhy; // empty when writable
    Backend m_backend = Backend::Sqlite;
    PostgresUrl m_server; // PostgreSQL only
};

// The text of a failed query, in Russian, for an Error.
QString sqlErrorText(const class QSqlQuery &query);

} // namespace objectivity::storage
