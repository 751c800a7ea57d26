#include "objectivity/storage/Database.h"

#include "FileAccess.h"
#include "Migrations.h"
#include "objectivity/core/common/FileErrorText.h"
#include "objectivity/storage/DatabaseWait.h"
#include "objectivity/storage/SqlErrorText.h"

#include <QAtomicInteger>
#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>
#include <QUrl>

#include <map>

using objectivity::core::Error;
using objectivity::core::Result;
using objectivity::core::Status;

namespace objectivity::storage {

namespace {

QString newConnectionName() {
    static QAtomicInteger<int> counter;
    return QStringLiteral("objectivity-%1").arg(counter.fetchAndAddRelaxed(1));
}

Error dbError(const QString &path, const QString &message, const QString &details = QString()) {
    Error e;
    e.file = path;
    e.message = message;
    e.details = details;
    return e;
}

// «<what>: <Russian reason>» with the driver's text as the details.
Error dbError(const QString &path, const QString &what, const QSqlError &error) {
    return SqlErrorText::error(path, what, error);
}

// True when the file starts with the SQLite header (an empty file counts as a new database).
// `header` gets the first 100 bytes.
bool looksLikeSqlite(const QString &path, QString *problem, QString *details, QByteArray *header) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        *problem = QStringLiteral("файл не удаётся открыть для чтения: %1")
                       .arg(core::FileErrorText::russian(f));
        *details = f.errorString();
        return false;
    }
    if (f.size() == 0)
        return true;
    *header = f.read(100);
    if (!header->startsWith(QByteArray("SQLite format 3\0", 16))) {
        *problem = QStringLiteral("файл не является базой данных программы (это не файл SQLite)");
        return false;
    }
    return true;
}

// Bytes 18 and 19 of the header (file format write/read version) are 2 in WAL mode.
bool isWalFile(const QByteArray &header) {
    return header.size() >= 20 && header.at(18) == 2 && header.at(19) == 2;
}

} // namespace

QString sqlErrorText(const QSqlQuery &query) {
    return QStringLiteral("ошибка базы данных: %1").arg(SqlErrorText::russian(query.lastError()));
}

Database::Database(QString path, QString connectionName)
    : m_path(std::move(path)), m_connectionName(std::move(connectionName)) {}

Database::~Database() {
    {
        QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
        if (db.isOpen())
            db.close();
    }
    QSqlDatabase::removeDatabase(m_connectionName);
}

int Database::latestSchemaVersion() {
    const auto files = Migrations::files(false);
    return files.empty() ? 0 : files.rbegin()->first;
}

QString Database::displayName() const {
    return isPostgres() ? m_server.shortName() : QFileInfo(m_path).fileName();
}

Result<std::unique_ptr<Database>> Database::open(const QString &path, OpenFor purpose) {
    if (PostgresUrl::isUrl(path))
        return openPostgres(path);
    const QFileInfo info(path);
    const bool existed = info.exists();
    QByteArray header;
    if (existed) {
        if (info.isDir())
            return dbError(path,
                           QStringLiteral("указанный путь — это папка, а не файл базы данных"));
        QString problem, details;
        if (!looksLikeSqlite(path, &problem, &details, &header))
            return dbError(path, problem, details);
    } else if (!info.absoluteDir().exists() && !QDir().mkpath(info.absolutePath())) {
        return dbError(path, QStringLiteral("не удаётся создать папку для базы данных"));
    }

    const QString absolute = info.absoluteFilePath();
    std::unique_ptr<Database> database(new Database(absolute, newConnectionName()));
    database->m_isNew = !existed || info.size() == 0;
    database->m_databaseName = absolute;
    if (const FileAccess access = FileAccess::probe(absolute, existed); access.isReadOnly()) {
        if (database->m_isNew)
            return dbError(path, (existed ? QStringLiteral("файл пуст, а записать в него новую "
                                                           "базу данных нельзя: %1")
                                          : QStringLiteral("нельзя создать базу данных: %1"))
                                     .arg(access.why()));
        database->m_readOnlyWhy = access.why();
        database->m_connectOptions = QStringLiteral("QSQLITE_OPEN_READONLY");
        // SQLite reads a WAL file through its -shm index, which it cannot create in a
        // write-protected folder. With no -wal beside it everything is in the file itself, and
        // the file can be read as immutable (SQLite then takes no locks: a change made meanwhile
        // by a program that may write there is not noticed — the price of reading at all).
        if (isWalFile(header) && access.folderReadOnly() &&
            !QFileInfo::exists(absolute + QStringLiteral("-shm"))) {
            if (QFileInfo(absolute + QStringLiteral("-wal")).size() > 0)
                return dbError(path, QStringLiteral("последние изменения базы данных лежат в "
                                                    "файле «%1-wal», а перенести их в базу нельзя "
                                                    "(%2); откройте базу один раз программой с "
                                                    "правом записи")
                                         .arg(info.fileName(), access.why()));
            database->m_databaseName = QUrl::fromLocalFile(absolute).toString(QUrl::FullyEncoded) +
                                       QStringLiteral("?immutable=1");
            database->m_connectOptions += QStringLiteral(";QSQLITE_OPEN_URI");
        }
    }
    if (Status s = database->connect(database->m_connectionName); !s)
        return s.error();
    DatabaseWait::Scope waitScope; // the journal switch and the migrations may wait for a lock
    if (Status s = database->configure(purpose); !s)
        return s.error();
    if (Status s = database->migrate(); !s)
        return s.error();
    return database;
}

Status Database::connect(const QString &name) const {
    if (isPostgres())
        return connectPostgres(name);
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
    db.setDatabaseName(m_databaseName);
    db.setConnectOptions(m_connectOptions);
    if (!db.open()) {
        const QSqlError error = db.lastError();
        db = QSqlDatabase();
        QSqlDatabase::removeDatabase(name);
        return dbError(m_path, QStringLiteral("не удаётся открыть базу данных"), error);
    }
    DatabaseWait::install(db);
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("PRAGMA foreign_keys = ON")))
        return dbError(m_path, QStringLiteral("ошибка базы данных"), q.lastError());
    return {};
}

Error Database::readOnlyError() const {
    return dbError(m_path, QStringLiteral("База данных «%1» открыта только для чтения: %2.")
                               .arg(QFileInfo(m_path).fileName(), m_readOnlyWhy));
}

QSqlDatabase Database::connection() const {
    return QSqlDatabase::database(m_connectionName, false);
}

int Database::schemaVersion() const {
    QSqlQuery q(connection());
    if (isPostgres()) {
        // The runner's one-row table; absent in a database no migration has touched yet.
        if (!q.exec(QStringLiteral("SELECT to_regclass('schema_version') IS NOT NULL")) ||
            !q.next())
            return -1;
        if (!q.value(0).toBool())
            return 0;
        if (q.exec(QStringLiteral("SELECT version FROM schema_version")))
            return q.next() ? q.value(0).toInt() : 0;
        return -1;
    }
    if (q.exec(QStringLiteral("PRAGMA user_version")) && q.next())
        return q.value(0).toInt();
    return -1;
}

Status Database::configure(OpenFor purpose) {
    QSqlQuery q(connection());
    if (isReadOnly()) {
        // Reading only: nothing is written, so no integrity scan; SQLite reports a damaged page
        // when a read meets it.
        if (!q.exec(QStringLiteral("SELECT count(*) FROM sqlite_master")))
            return dbError(
                m_path, QStringLiteral("базу данных не удаётся прочитать (%1)").arg(m_readOnlyWhy),
                q.lastError());
        q.finish();
        const int version = schemaVersion();
        if (version < latestSchemaVersion())
            return dbError(
                m_path,
                QStringLiteral("база данных создана прежней версией программы (версия схемы %1, "
                               "нужна %2) и должна быть обновлена, а её файл открыт только для "
                               "чтения: %3. Откройте её один раз программой, у которой есть "
                               "право записи в файл и папку")
                    .arg(version)
                    .arg(latestSchemaVersion())
                    .arg(m_readOnlyWhy));
    }
    // Integrity first: a damaged file must be reported, not written to.
    const bool check =
        !isReadOnly() && (purpose == OpenFor::Writing || schemaVersion() < latestSchemaVersion());
    if (!m_isNew && check) {
        if (!q.exec(QStringLiteral("PRAGMA quick_check")))
            return dbError(m_path, QStringLiteral("файл базы данных повреждён или не читается"),
                           q.lastError());
        if (q.next() && q.value(0).toString() != QLatin1String("ok"))
            return dbError(m_path, QStringLiteral("файл базы данных повреждён"),
                           q.value(0).toString().left(1000));
        q.finish();
    }
    if (!m_isNew) {
        const int version = schemaVersion();
        if (version > latestSchemaVersion())
            return dbError(
                m_path, QStringLiteral(
                            "база данных создана более новой версией программы (версия схемы %1, "
                            "эта программа знает до %2); обновите программу")
                            .arg(version)
                            .arg(latestSchemaVersion()));
    }
    if (isReadOnly())
        return {};
    if (!q.exec(QStringLiteral("PRAGMA synchronous = NORMAL")))
        return dbError(m_path, QStringLiteral("ошибка базы данных"), q.lastError());
    // switching the journal writes the file header: only on a file that was checked
    if (check || m_isNew) {
        // The switch needs the exclusive lock. When waiting for it could deadlock (another
        // program opening the same new file holds a shared lock), SQLite answers BUSY at once
        // instead of calling the busy handler: the statement itself is retried, within the
        // busy timeout.
        QElapsedTimer waited;
        waited.start();
        while (!q.exec(QStringLiteral("PRAGMA journal_mode = WAL"))) {
            if (!DatabaseWait::isBusy(q.lastError()) ||
                waited.elapsed() > DatabaseWait::busyTimeoutMs())
                return dbError(m_path, QStringLiteral("ошибка базы данных"), q.lastError());
            q.finish();
            QThread::msleep(20);
        }
    }
    return {};
}

Status Database::migrate() {
    const int current = schemaVersion();
    const auto files = Migrations::files(false);
    if (files.empty() || current >= files.rbegin()->first)
        return {};

    if (current > 0) {
        // Keep a copy of the file as it was before the upgrade.
        const QString stamp =
            QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss"));
        const QString backup = QStringLiteral("%1.v%2-%3.bak").arg(m_path).arg(current).arg(stamp);
        QSqlQuery q(connection());
        QString escaped = backup;
        escaped.replace(QLatin1Char('\''), QLatin1String("''"));
        // Two programs opening the file in the same second (one of them still creating it) make
        // the same copy: the one that finds it already written keeps it.
        if (!QFileInfo::exists(backup) &&
            !q.exec(QStringLiteral("VACUUM INTO '%1'").arg(escaped)) && !QFileInfo::exists(backup))
            return dbError(m_path,
                           QStringLiteral("не удалось сделать резервную копию перед обновлением"),
                           q.lastError());
        m_backupPath = backup;
    }

    auto hasColumn = [this](const std::pair<QString, QString> &tableColumn) {
        QSqlQuery info(connection());
        if (!info.exec(QStringLiteral("PRAGMA table_info(%1)").arg(tableColumn.first)))
            return false;
        while (info.next())
            if (info.value(1).toString().compare(tableColumn.second, Qt::CaseInsensitive) == 0)
                return true;
        return false;
    };
    for (const auto &[migration, file] : files) {
        // A copy: clang 14 cannot capture a structured binding in the lambda below.
        const int number = migration;
        if (number <= current)
            continue;
        QFile f(file);
        if (!f.open(QIODevice::ReadOnly))
            return dbError(m_path, QStringLiteral("не найден сценарий обновления %1").arg(file));
        const QStringList statements =
            Migrations::statements(QString::fromUtf8(f.readAll()), false);
        Status s = transaction([&]() -> Status {
            // another program may have upgraded the file while this one waited for the lock
            if (schemaVersion() >= number)
                return {};
            QSqlQuery q(connection());
            for (const QString &sql : statements) {
                if (const auto added = Migrations::addedColumn(sql); added && hasColumn(*added))
                    continue; // re-run on a file that has the column
                if (!q.exec(sql))
                    return dbError(m_path,
                                   QStringLiteral("обновление схемы %1 не удалось").arg(number),
                                   q.lastError());
            }
            if (!q.exec(QStringLiteral("PRAGMA user_version = %1").arg(number)))
                return dbError(m_path, QStringLiteral("ошибка базы данных"), q.lastError());
            return {};
        });
        if (!s)
            return s;
    }
    return {};
}

Status Database::transaction(const std::function<Status()> &work) {
    if (isReadOnly())
        return readOnlyError();
    if (isPostgres())
        return transactionPostgres(work);
    QSqlDatabase db = connection();
    DatabaseWait::Scope waitScope;
    {
        // IMMEDIATE: the write lock is taken here, waiting for another writer; a deferred BEGIN
        // would fail at once on the first write when another connection wrote meanwhile (WAL).
        QSqlQuery begin(db);
        if (!begin.exec(QStringLiteral("BEGIN IMMEDIATE"))) {
            if (DatabaseWait::isBusy(begin.lastError()))
                return dbError(m_path, DatabaseWait::busyMessage());
            return dbError(m_path, QStringLiteral("не удалось начать транзакцию"),
                           begin.lastError());
        }
    }
    DatabaseWait::finish();
    Status result = work();
    if (!result) {
        db.rollback();
        return result;
    }
    if (!db.commit()) {
        const QSqlError error = db.lastError();
        db.rollback();
        if (DatabaseWait::isBusy(error))
            return dbError(m_path, DatabaseWait::busyMessage());
        return dbError(m_path, QStringLiteral("не удалось сохранить изменения"), error);
    }
    return {};
}

Result<QString> Database::openWorkerConnection() const {
    const QString name = newConnectionName();
    if (Status s = connect(name); !s) {
        QSqlDatabase::removeDatabase(name);
        return s.error();
    }
    return name;
}

Result<std::unique_ptr<Database>> Database::openWorker() const {
    auto name = openWorkerConnection();
    if (!name)
        return name.error();
    std::unique_ptr<Database> worker(new Database(m_path, name.value()));
    worker->m_databaseName = m_databaseName;
    worker->m_connectOptions = m_connectOptions;
    worker->m_readOnlyWhy = m_readOnlyWhy;
    worker->m_backend = m_backend;
    worker->m_server = m_server;
    worker->m_actor = m_actor; // the same person works on the worker thread
    worker->m_serverOrganizationId = m_serverOrganizationId;
    return worker;
}

} // namespace objectivity::storage
