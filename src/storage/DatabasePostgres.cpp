// The PostgreSQL side of Database: connecting through QPSQL, the migrations of
// resources/sql/postgresql in one transaction, transactions with a lock timeout.
#include "Migrations.h"
#include "objectivity/storage/Database.h"
#include "objectivity/storage/DatabaseWait.h"
#include "objectivity/storage/ServerAccountRepository.h"
#include "objectivity/storage/SqlErrorText.h"

#include <QAtomicInteger>
#include <QFile>
#include <QSqlError>
#include <QSqlQuery>
#include <QTimeZone>

using objectivity::core::Error;
using objectivity::core::Result;
using objectivity::core::Status;

namespace objectivity::storage {

namespace {

// The key of the advisory lock held while the schema is upgraded (any constant; "objt" in ASCII).
constexpr qint64 kMigrationLockKey = 0x6f626a74;

QString newPostgresConnectionName() {
    static QAtomicInteger<int> counter;
    return QStringLiteral("objectivity-pg-%1").arg(counter.fetchAndAddRelaxed(1));
}

Error serverError(const QString &path, const QString &message, const QString &details = {}) {
    Error e;
    e.file = path;
    e.message = message;
    e.details = details;
    return e;
}

} // namespace

Result<std::unique_ptr<Database>> Database::openPostgres(const QString &url) {
    auto parsed = PostgresUrl::parse(url);
    if (!parsed)
        return parsed.error();
    if (Status s = Migrations::checkBothDialects(); !s)
        return s.error();
    std::unique_ptr<Database> database(
        new Database(parsed->toString(false), newPostgresConnectionName()));
    database->m_backend = Backend::PostgreSql;
    database->m_server = *parsed;
    database->m_databaseName = parsed->database;
    if (Status s = database->connect(database->m_connectionName); !s)
        return s.error();
    if (Status s = database->configurePostgres(); !s)
        return s.error();
    if (Status s = database->migratePostgres(); !s)
        return s.error();
    // Signed in as a person's login role: that person works (the server enforces the same).
    if (const auto account = ServerAccountRepository::current(*database)) {
        core::Account actor;
        actor.name = account->displayName.isEmpty() ? account->roleName : account->displayName;
        actor.role = account->role;
        database->setActor(actor);
        database->m_serverOrganizationId = account->organizationId;
    }
    return database;
}

Status Database::connectPostgres(const QString &name) const {
    if (!QSqlDatabase::isDriverAvailable(QStringLiteral("QPSQL")))
        return serverError(m_path, QStringLiteral("драйвер PostgreSQL для Qt не установлен (пакет "
                                                  "libqt6sql6-psql)"));
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), name);
    db.setHostName(m_server.host);
    if (m_server.port > 0)
        db.setPort(m_server.port);
    db.setUserName(m_server.user);
    db.setPassword(m_server.password);
    db.setDatabaseName(m_server.database);
    db.setConnectOptions(m_server.connectOptions());
    if (!db.open()) {
        const QSqlError error = db.lastError();
        db = QSqlDatabase();
        QSqlDatabase::removeDatabase(name);
        return SqlErrorText::error(m_path, QStringLiteral("не удаётся подключиться к базе данных"),
                                   error);
    }
    QSqlQuery q(db);
    // Notices («relation already exists, skipping») would go to stderr through libpq.
    q.exec(QStringLiteral("SET client_min_messages = warning"));
    // Timestamps written by the server's defaults in the user's local time, as on SQLite.
    const QByteArray zone = QTimeZone::systemTimeZoneId();
    if (!zone.isEmpty() && QTimeZone(zone).isValid()) {
        q.prepare(QStringLiteral("SELECT set_config('TimeZone', ?, false)"));
        q.addBindValue(QString::fromUtf8(zone));
        q.exec(); // an unknown zone name keeps the server's zone
    }
    return {};
}

Status Database::configurePostgres() {
    const int version = schemaVersion();
    if (version < 0) {
        QSqlQuery q(connection());
        q.exec(QStringLiteral("SELECT version FROM schema_version"));
        return SqlErrorText::error(m_path, QStringLiteral("не удаётся прочитать версию схемы"),
                                   q.lastError());
    }
    m_isNew = version == 0;
    if (version > latestSchemaVersion())
        return serverError(
            m_path,
            QStringLiteral("база данных создана более новой версией программы (версия схемы "
                           "%1, эта программа знает до %2); обновите программу")
                .arg(version)
                .arg(latestSchemaVersion()));
    return {};
}

Status Database::migratePostgres() {
    const auto files = Migrations::files(true);
    if (files.empty() || schemaVersion() >= files.rbegin()->first)
        return {};
    // One transaction for the whole upgrade (PostgreSQL's DDL is transactional): a failure leaves
    // the database as it was. The advisory lock makes a second program opening the database at
    // the same moment wait, and then find the schema already upgraded.
    return transactionPostgres([&]() -> Status {
        QSqlQuery q(connection());
        if (!q.exec(QStringLiteral("SELECT pg_advisory_xact_lock(%1)").arg(kMigrationLockKey)))
            return SqlErrorText::error(m_path, QStringLiteral("обновление схемы не удалось"),
                                       q.lastError());
        if (!q.exec(QStringLiteral(
                "CREATE TABLE IF NOT EXISTS schema_version (one boolean PRIMARY KEY DEFAULT true "
                "CHECK (one), version integer NOT NULL)")) ||
            !q.exec(QStringLiteral("INSERT INTO schema_version (version) VALUES (0) "
                                   "ON CONFLICT (one) DO NOTHING")))
            return SqlErrorText::error(m_path, QStringLiteral("обновление схемы не удалось"),
                                       q.lastError());
        const int current = schemaVersion();
        if (current < 0)
            return serverError(m_path, QStringLiteral("не удаётся прочитать версию схемы"));
        for (const auto &[number, file] : files) {
            if (number <= current)
                continue;
            QFile f(file);
            if (!f.open(QIODevice::ReadOnly))
                return serverError(m_path,
                                   QStringLiteral("не найден сценарий обновления %1").arg(file));
            for (const QString &sql : Migrations::statements(QString::fromUtf8(f.readAll()), true))
                if (!q.exec(sql))
                    return SqlErrorText::error(
                        m_path, QStringLiteral("обновление схемы %1 не удалось").arg(number),
                        q.lastError());
            q.prepare(QStringLiteral("UPDATE schema_version SET version = ?"));
            q.addBindValue(number);
            if (!q.exec())
                return SqlErrorText::error(m_path, QStringLiteral("ошибка базы данных"),
                                           q.lastError());
        }
        return {};
    });
}

Status Database::transactionPostgres(const std::function<Status()> &work) {
    QSqlDatabase db = connection();
    {
        QSqlQuery begin(db);
        if (!begin.exec(QStringLiteral("BEGIN")))
            return SqlErrorText::error(m_path, QStringLiteral("не удалось начать транзакцию"),
                                       begin.lastError());
        // A lock held by another client is waited for as long as SQLite's busy handler waits.
        if (!begin.exec(
                QStringLiteral("SET LOCAL lock_timeout = %1").arg(DatabaseWait::busyTimeoutMs()))) {
            const QSqlError error = begin.lastError();
            begin.exec(QStringLiteral("ROLLBACK"));
            return SqlErrorText::error(m_path, QStringLiteral("не удалось начать транзакцию"),
                                       error);
        }
    }
    auto rollback = [&db] {
        QSqlQuery q(db);
        q.exec(QStringLiteral("ROLLBACK"));
    };
    Status result = work();
    if (!result) {
        rollback();
        return result;
    }
    QSqlQuery commit(db);
    if (!commit.exec(QStringLiteral("COMMIT"))) {
        const QSqlError error = commit.lastError();
        rollback();
        if (DatabaseWait::isBusy(error))
            return serverError(m_path, DatabaseWait::busyMessage(), SqlErrorText::original(error));
        return SqlErrorText::error(m_path, QStringLiteral("не удалось сохранить изменения"), error);
    }
    return {};
}

} // namespace objectivity::storage
