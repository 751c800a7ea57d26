#include "objectivity/storage/Database.h"

#include <QAtomicInteger>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>

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

// Migration files embedded as :/sql/NNN_name.sql, by number.
std::map<int, QString> migrationFiles() {
    std::map<int, QString> files;
    static const QRegularExpression name(QStringLiteral(R"(^(\d{3})_.*\.sql$)"));
    const QDir dir(QStringLiteral(":/sql"));
    for (const QString &entry : dir.entryList(QDir::Files, QDir::Name)) {
        const auto m = name.match(entry);
        if (m.hasMatch())
            files[m.captured(1).toInt()] = dir.filePath(entry);
    }
    return files;
}

// Splits a migration script into statements. A statement ends with ';' at the end of a line;
// CREATE TRIGGER ... END; blocks are kept whole.
QStringList splitStatements(const QString &script) {
    QStringList statements;
    QString current;
    bool inTrigger = false;
    for (const QString &rawLine : script.split(QLatin1Char('\n'))) {
        const QString line = rawLine.trimmed();
        if (line.startsWith(QLatin1String("--")) || line.isEmpty())
            continue;
        if (line.startsWith(QLatin1String("CREATE TRIGGER"), Qt::CaseInsensitive))
            inTrigger = true;
        current += rawLine + QLatin1Char('\n');
        const bool ends = line.endsWith(QLatin1Char(';'));
        if (inTrigger) {
            if (line.compare(QLatin1String("END;"), Qt::CaseInsensitive) == 0) {
                statements << current.trimmed();
                current.clear();
                inTrigger = false;
            }
        } else if (ends) {
            statements << current.trimmed();
            current.clear();
        }
    }
    if (!current.trimmed().isEmpty())
        statements << current.trimmed();
    return statements;
}

Error dbError(const QString &path, const QString &message) {
    Error e;
    e.file = path;
    e.message = message;
    return e;
}

// True when the file starts with the SQLite header (an empty file counts as a new database).
bool looksLikeSqlite(const QString &path, QString *problem) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        *problem = QStringLiteral("файл не удаётся открыть для чтения: %1").arg(f.errorString());
        return false;
    }
    if (f.size() == 0)
        return true;
    const QByteArray header = f.read(16);
    if (header != QByteArray("SQLite format 3\0", 16)) {
        *problem = QStringLiteral("файл не является базой данных программы (это не файл SQLite)");
        return false;
    }
    return true;
}

} // namespace

QString sqlErrorText(const QSqlQuery &query) {
    return QStringLiteral("ошибка базы данных: %1").arg(query.lastError().text());
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
    const auto files = migrationFiles();
    return files.empty() ? 0 : files.rbegin()->first;
}

Result<std::unique_ptr<Database>> Database::open(const QString &path, OpenFor purpose) {
    const QFileInfo info(path);
    const bool existed = info.exists();
    if (existed) {
        if (info.isDir())
            return dbError(path,
                           QStringLiteral("указанный путь — это папка, а не файл базы данных"));
        QString problem;
        if (!looksLikeSqlite(path, &problem))
            return dbError(path, problem);
    } else if (!info.absoluteDir().exists() && !QDir().mkpath(info.absolutePath())) {
        return dbError(path, QStringLiteral("не удаётся создать папку для базы данных"));
    }

    std::unique_ptr<Database> database(new Database(info.absoluteFilePath(), newConnectionName()));
    database->m_isNew = !existed || info.size() == 0;
    {
        QSqlDatabase db =
            QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), database->m_connectionName);
        db.setDatabaseName(database->m_path);
        if (!db.open())
            return dbError(
                path,
                QStringLiteral("не удаётся открыть базу данных: %1").arg(db.lastError().text()));
    }
    if (Status s = database->configure(purpose); !s)
        return s.error();
    if (Status s = database->migrate(); !s)
        return s.error();
    return database;
}

QSqlDatabase Database::connection() const {
    return QSqlDatabase::database(m_connectionName, false);
}

int Database::schemaVersion() const {
    QSqlQuery q(connection());
    if (q.exec(QStringLiteral("PRAGMA user_version")) && q.next())
        return q.value(0).toInt();
    return -1;
}

Status Database::configure(OpenFor purpose) {
    QSqlQuery q(connection());
    // Integrity first: a damaged file must be reported, not written to.
    const bool check = purpose == OpenFor::Writing || schemaVersion() < latestSchemaVersion();
    if (!m_isNew && check) {
        if (!q.exec(QStringLiteral("PRAGMA quick_check")))
            return dbError(m_path, QStringLiteral("файл базы данных повреждён или не читается: %1")
                                       .arg(q.lastError().text()));
        if (q.next() && q.value(0).toString() != QLatin1String("ok"))
            return dbError(
                m_path,
                QStringLiteral("файл базы данных повреждён: %1").arg(q.value(0).toString()));
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
    for (const char *pragma : {"PRAGMA foreign_keys = ON", "PRAGMA synchronous = NORMAL",
                               "PRAGMA busy_timeout = 5000"}) {
        if (!q.exec(QString::fromLatin1(pragma)))
            return dbError(m_path, sqlErrorText(q));
    }
    // switching the journal writes the file header: only on a file that was checked
    if (check || m_isNew) {
        if (!q.exec(QStringLiteral("PRAGMA journal_mode = WAL")))
            return dbError(m_path, sqlErrorText(q));
    }
    return {};
}

Status Database::migrate() {
    const int current = schemaVersion();
    const auto files = migrationFiles();
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
        if (!q.exec(QStringLiteral("VACUUM INTO '%1'").arg(escaped)))
            return dbError(
                m_path, QStringLiteral("не удалось сделать резервную копию перед обновлением: %1")
                            .arg(q.lastError().text()));
        m_backupPath = backup;
    }

    for (const auto &[migration, file] : files) {
        // A copy: clang 14 cannot capture a structured binding in the lambda below.
        const int number = migration;
        if (number <= current)
            continue;
        QFile f(file);
        if (!f.open(QIODevice::ReadOnly))
            return dbError(m_path, QStringLiteral("не найден сценарий обновления %1").arg(file));
        const QStringList statements = splitStatements(QString::fromUtf8(f.readAll()));
        Status s = transaction([&]() -> Status {
            QSqlQuery q(connection());
            for (const QString &sql : statements)
                if (!q.exec(sql))
                    return dbError(m_path, QStringLiteral("обновление схемы %1 не удалось: %2")
                                               .arg(number)
                                               .arg(q.lastError().text()));
            if (!q.exec(QStringLiteral("PRAGMA user_version = %1").arg(number)))
                return dbError(m_path, sqlErrorText(q));
            return {};
        });
        if (!s)
            return s;
    }
    return {};
}

Status Database::transaction(const std::function<Status()> &work) {
    QSqlDatabase db = connection();
    if (!db.transaction())
        return dbError(
            m_path, QStringLiteral("не удалось начать транзакцию: %1").arg(db.lastError().text()));
    Status result = work();
    if (!result) {
        db.rollback();
        return result;
    }
    if (!db.commit()) {
        const QString text = db.lastError().text();
        db.rollback();
        return dbError(m_path, QStringLiteral("не удалось сохранить изменения: %1").arg(text));
    }
    return {};
}

Result<QString> Database::openWorkerConnection() const {
    const QString name = newConnectionName();
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
    db.setDatabaseName(m_path);
    if (!db.open()) {
        const QString text = db.lastError().text();
        db = QSqlDatabase();
        QSqlDatabase::removeDatabase(name);
        return dbError(m_path, QStringLiteral("не удаётся открыть базу данных: %1").arg(text));
    }
    QSqlQuery q(db);
    q.exec(QStringLiteral("PRAGMA foreign_keys = ON"));
    q.exec(QStringLiteral("PRAGMA busy_timeout = 5000"));
    return name;
}

Result<std::unique_ptr<Database>> Database::openWorker() const {
    auto name = openWorkerConnection();
    if (!name)
        return name.error();
    return std::unique_ptr<Database>(new Database(m_path, name.value()));
}

} // namespace objectivity::storage
