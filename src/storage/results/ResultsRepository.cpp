#include "objectivity/storage/results/ResultsRepository.h"

#include "SqlSupport.h"
#include "objectivity/storage/Database.h"
#include "results/DataAccess.h"
#include "results/ParticipantBuffer.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlDriver>
#include <QSqlQuery>

#include <sqlite3.h>

using objectivity::core::Error;
using objectivity::core::Result;
using objectivity::core::Status;

namespace objectivity::storage {

namespace {
sqlite3 *handleOf(const QSqlDatabase &db) {
    const QVariant v = db.driver()->handle();
    if (v.isValid() && qstrcmp(v.typeName(), "sqlite3*") == 0)
        return *static_cast<sqlite3 *const *>(v.constData());
    return nullptr;
}

QJsonArray toArray(const QStringList &list) {
    QJsonArray a;
    for (const QString &s : list)
        a.append(s);
    return a;
}
} // namespace

struct ResultsRepository::Statements {
    sqlite3 *db = nullptr;
    sqlite3_stmt *insert = nullptr;
    sqlite3_stmt *existing = nullptr;
    ~Statements() {
        sqlite3_finalize(insert);
        sqlite3_finalize(existing);
    }
};

ResultsRepository::ResultsRepository(Database &db) : m_db(db) {}
ResultsRepository::~ResultsRepository() = default;

QString ResultsRepository::tasksToJson(const QList<core::TaskInfo> &tasks) {
    QJsonArray a;
    for (const auto &t : tasks)
        a.append(QJsonObject{{QStringLiteral("label"), t.label},
                             {QStringLiteral("max"), t.maxPoints},
                             {QStringLiteral("level"), core::taskLevelCode(t.level)}});
    return QString::fromUtf8(QJsonDocument(a).toJson(QJsonDocument::Compact));
}

QList<core::TaskInfo> ResultsRepository::tasksFromJson(const QString &json) {
    QList<core::TaskInfo> tasks;
    for (const auto &v : QJsonDocument::fromJson(json.toUtf8()).array()) {
        const QJsonObject o = v.toObject();
        tasks.append({o.value(QStringLiteral("label")).toString(),
                      o.value(QStringLiteral("max")).toInt(),
                      core::taskLevelFromText(o.value(QStringLiteral("level")).toString())});
    }
    return tasks;
}

Result<ResultsRepository::ImportRecord>
ResultsRepository::findImportByHash(const QString &contentHash) const {
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral("SELECT id, file_name, layout, imported_at, row_count FROM imports "
                             "WHERE content_hash = ?"));
    q.addBindValue(contentHash);
    if (!q.exec())
        return sql::queryError(m_db, q, QStringLiteral("поиск загрузки"));
    ImportRecord r;
    r.contentHash = contentHash;
    if (q.next()) {
        r.id = q.value(0).toLongLong();
        r.fileName = q.value(1).toString();
        r.layout = q.value(2).toString();
        r.importedAt = q.value(3).toString();
        r.rowCount = q.value(4).toInt();
    }
    return r;
}

Result<qint64> ResultsRepository::addImport(const ImportRecord &record) {
    if (Status s = DataAccess::check(m_db, record.layout == QLatin1String("flagged")
                                               ? core::DataAction::ImportFlagged
                                               : core::DataAction::ImportResults);
        !s)
        return s.error();
    // A new load starts clean: what a failed load of this repository left behind (buffered rows of
    // a rolled-back import, keys read, a deferral) belongs to a transaction that no longer exists.
    if (m_buffer)
        m_buffer->reset();
    m_sqliteIndexesDeferred = false;
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral("INSERT INTO imports (file_name, content_hash, layout, imported_at) "
                             "VALUES (?, ?, ?, ?) RETURNING id"));
    q.addBindValue(sql::text(record.fileName));
    q.addBindValue(sql::text(record.contentHash));
    q.addBindValue(sql::text(record.layout));
    q.addBindValue(sql::nowText());
    qint64 newId = 0;
    if (!sql::execReturningId(q, &newId))
        return sql::queryError(m_db, q, QStringLiteral("запись о загрузке"));
    return newId;
}

namespace {
// The secondary indexes of participants on SQLite, as 002_results.sql creates them.
const char *const kSqliteParticipantIndexes[][2] = {
    {"participants_school", "ON participants(school_id, procedure_id)"},
    {"participants_import", "ON participants(import_id)"}};
} // namespace

Status ResultsRepository::beginBulkLoad() {
    if (m_db.isPostgres())
        return {}; // PostgreSQL: ParticipantBuffer decides at its first batch
    QSqlQuery q(m_db.connection());
    if (!q.exec(QStringLiteral("SELECT NOT EXISTS (SELECT 1 FROM participants)")) || !q.next())
        return sql::queryError(m_db, q, QStringLiteral("подготовка быстрой загрузки"));
    const bool empty = q.value(0).toBool();
    q.finish(); // SQLite refuses DROP INDEX while a statement of the connection is still reading
    if (!empty)
        return {};
    for (const auto &index : kSqliteParticipantIndexes)
        // IF EXISTS / IF NOT EXISTS: safe whatever an earlier, failed load of this repository did.
        if (!q.exec(QStringLiteral("DROP INDEX IF EXISTS %1").arg(QLatin1String(index[0]))))
            return sql::queryError(m_db, q, QStringLiteral("подготовка быстрой загрузки"));
    m_sqliteIndexesDeferred = true;
    return {};
}

Status ResultsRepository::finishImport(qint64 importId, int rowCount, const QStringList &warnings) {
    if (Status f = flushParticipants(); !f)
        return f;
    if (m_sqliteIndexesDeferred) {
        QSqlQuery build(m_db.connection());
        for (const auto &index : kSqliteParticipantIndexes)
            if (!build.exec(QStringLiteral("CREATE INDEX IF NOT EXISTS %1 %2")
                                .arg(QLatin1String(index[0]), QLatin1String(index[1]))))
                return sql::queryError(m_db, build, QStringLiteral("построение индексов"));
        m_sqliteIndexesDeferred = false;
    }
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral("UPDATE imports SET row_count = ?, warnings = ? WHERE id = ?"));
    q.addBindValue(rowCount);
    q.addBindValue(
        QString::fromUtf8(QJsonDocument(toArray(warnings)).toJson(QJsonDocument::Compact)));
    q.addBindValue(importId);
    if (!q.exec())
        return sql::queryError(m_db, q, QStringLiteral("запись о загрузке"));
    return {};
}

Status ResultsRepository::removeImport(qint64 importId) {
    if (Status s = DataAccess::check(m_db, core::DataAction::RemoveResults); !s)
        return s;
    if (Status f = flushParticipants(); !f)
        return f;
    if (m_buffer)
        m_buffer->reset(); // the keys read before may be among the rows removed
    QSqlQuery q(m_db.connection());
    for (const char *sqlText :
         {"DELETE FROM participants WHERE import_id = ?",
          "DELETE FROM official_flags WHERE import_id = ?", "DELETE FROM imports WHERE id = ?"}) {
        q.prepare(QString::fromLatin1(sqlText));
        q.addBindValue(importId);
        if (!q.exec())
            return sql::queryError(m_db, q, QStringLiteral("удаление загрузки"));
    }
    return {};
}

Result<QList<ResultsRepository::ImportRecord>> ResultsRepository::imports() const {
    QSqlQuery q(m_db.connection());
    if (!q.exec(
            QStringLiteral("SELECT id, file_name, content_hash, layout, imported_at, row_count, "
                           "warnings FROM imports ORDER BY id")))
        return sql::queryError(m_db, q, QStringLiteral("список загрузок"));
    QList<ImportRecord> list;
    while (q.next()) {
        ImportRecord r{q.value(0).toLongLong(),
                       q.value(1).toString(),
                       q.value(2).toString(),
                       q.value(3).toString(),
                       q.value(4).toString(),
                       q.value(5).toInt(),
                       {}};
        for (const auto &v : QJsonDocument::fromJson(q.value(6).toString().toUtf8()).array())
            r.warnings << v.toString();
        list << r;
    }
    return list;
}

Result<qint64> ResultsRepository::upsertSchool(const core::School &school) {
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral(
        "INSERT INTO schools (code, name, municipality, kind, rural, advanced_subjects) "
        "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(code) DO UPDATE SET "
        "name = CASE WHEN excluded.name <> '' THEN excluded.name ELSE schools.name END, "
        "municipality = CASE WHEN excluded.municipality <> '' THEN excluded.municipality "
        "ELSE schools.municipality END, "
        "kind = CASE WHEN excluded.kind <> '' THEN excluded.kind ELSE schools.kind END, "
        "rural = CASE WHEN excluded.name <> '' THEN excluded.rural ELSE schools.rural END"));
    q.addBindValue(sql::text(school.code));
    q.addBindValue(sql::text(school.name));
    q.addBindValue(sql::text(school.municipality));
    q.addBindValue(sql::text(core::schoolKindCode(school.kind)));
    q.addBindValue(school.rural ? 1 : 0);
    q.addBindValue(QString::fromUtf8(
        QJsonDocument(toArray(school.advancedSubjects)).toJson(QJsonDocument::Compact)));
    if (!q.exec())
        return sql::queryError(m_db, q, QStringLiteral("запись школы %1").arg(school.code));
    q.prepare(QStringLiteral("SELECT id FROM schools WHERE code = ?"));
    q.addBindValue(school.code);
    if (!q.exec() || !q.next())
        return sql::queryError(m_db, q, QStringLiteral("поиск школы %1").arg(school.code));
    return q.value(0).toLongLong();
}

Result<QList<core::School>> ResultsRepository::schools() const {
    QSqlQuery q(m_db.connection());
    if (!q.exec(QStringLiteral("SELECT id, code, name, municipality, kind, rural, "
                               "advanced_subjects FROM schools ORDER BY code")))
        return sql::queryError(m_db, q, QStringLiteral("список школ"));
    QList<core::School> list;
    while (q.next()) {
        core::School s;
        s.id = q.value(0).toLongLong();
        s.code = q.value(1).toString();
        s.name = q.value(2).toString();
        s.municipality = q.value(3).toString();
        s.kind = core::schoolKindFromText(q.value(4).toString());
        s.rural = q.value(5).toInt() != 0;
        for (const auto &v : QJsonDocument::fromJson(q.value(6).toString().toUtf8()).array())
            s.advancedSubjects << v.toString();
        list << s;
    }
    return list;
}

Result<core::Procedure> ResultsRepository::ensureProcedure(const core::Procedure &procedure) {
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral("INSERT INTO procedures (kind, year, grade, subject, tasks) "
                             "VALUES (?, ?, ?, ?, ?) ON CONFLICT(kind, year, grade, subject) "
                             "DO UPDATE SET tasks = CASE WHEN procedures.tasks = '[]' THEN "
                             "excluded.tasks ELSE procedures.tasks END"));
    q.addBindValue(core::procedureKindCode(procedure.kind));
    q.addBindValue(procedure.year);
    q.addBindValue(procedure.grade);
    q.addBindValue(procedure.subject);
    q.addBindValue(tasksToJson(procedure.tasks));
    if (!q.exec())
        return sql::queryError(m_db, q, QStringLiteral("запись процедуры"));
    q.prepare(QStringLiteral("SELECT id, tasks FROM procedures WHERE kind = ? AND year = ? AND "
                             "grade = ? AND subject = ?"));
    q.addBindValue(core::procedureKindCode(procedure.kind));
    q.addBindValue(procedure.year);
    q.addBindValue(procedure.grade);
    q.addBindValue(procedure.subject);
    if (!q.exec() || !q.next())
        return sql::queryError(m_db, q, QStringLiteral("поиск процедуры"));
    core::Procedure stored = procedure;
    stored.id = q.value(0).toLongLong();
    stored.tasks = tasksFromJson(q.value(1).toString());
    return stored;
}

Status ResultsRepository::setProcedureTasks(qint64 procedureId,
                                            const QList<core::TaskInfo> &tasks) {
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral("UPDATE procedures SET tasks = ? WHERE id = ?"));
    q.addBindValue(tasksToJson(tasks));
    q.addBindValue(procedureId);
    if (!q.exec())
        return sql::queryError(m_db, q, QStringLiteral("запись заданий процедуры"));
    return {};
}

Result<QList<core::Procedure>> ResultsRepository::procedures() const {
    QSqlQuery q(m_db.connection());
    if (!q.exec(QStringLiteral("SELECT id, kind, year, grade, subject, tasks FROM procedures "
                               "ORDER BY year, kind, grade, subject")))
        return sql::queryError(m_db, q, QStringLiteral("список процедур"));
    QList<core::Procedure> list;
    while (q.next()) {
        core::Procedure p;
        p.id = q.value(0).toLongLong();
        core::procedureKindFromText(q.value(1).toString(), &p.kind);
        p.year = q.value(2).toInt();
        p.grade = q.value(3).toInt();
        p.subject = q.value(4).toString();
        p.tasks = tasksFromJson(q.value(5).toString());
        list << p;
    }
    return list;
}

Status ResultsRepository::flushParticipants() {
    return m_buffer ? m_buffer->finish() : Status();
}

Status ResultsRepository::addParticipant(const core::ParticipantResult &p, qint64 importId,
                                         qint64 *duplicateOfImport) {
    *duplicateOfImport = 0;
    if (m_db.isPostgres()) {
        if (!m_buffer)
            m_buffer = std::make_unique<ParticipantBuffer>(m_db);
        return m_buffer->add(p, importId, duplicateOfImport);
    }
    if (!m_statements) {
        auto st = std::make_unique<Statements>();
        st->db = handleOf(m_db.connection());
        if (!st->db)
            return sql::error(m_db, QStringLiteral("нет доступа к драйверу SQLite"));
        const char *insertSql =
            "INSERT INTO participants (procedure_id, school_id, import_id, class_name, "
            "participant_code, variant, task_points, primary_score, mark, test_score, "
            "journal_mark, journal_period, annual_mark, medal) "
            "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)";
        const char *existingSql = "SELECT import_id FROM participants WHERE procedure_id = ?1 "
                                  "AND school_id = ?2 AND participant_code = ?3";
        if (sqlite3_prepare_v2(st->db, insertSql, -1, &st->insert, nullptr) != SQLITE_OK ||
            sqlite3_prepare_v2(st->db, existingSql, -1, &st->existing, nullptr) != SQLITE_OK)
            return sql::apiError(m_db, st->db);
        m_statements = std::move(st);
    }
    sqlite3_stmt *s = m_statements->insert;
    const QByteArray cls = p.className.toUtf8();
    const QByteArray code = p.participantCode.toUtf8();
    sqlite3_bind_int64(s, 1, p.procedureId);
    sqlite3_bind_int64(s, 2, p.schoolId);
    sqlite3_bind_int64(s, 3, importId);
    sqlite3_bind_text(s, 4, cls.constData(), int(cls.size()), SQLITE_STATIC);
    sqlite3_bind_text(s, 5, code.constData(), int(code.size()), SQLITE_STATIC);
    sqlite3_bind_int(s, 6, p.variant);
    // A null pointer would bind NULL (task_points is NOT NULL): a procedure without task columns
    // (an ЕГЭ table with scores only) stores an empty blob.
    if (p.taskPoints.isEmpty())
        sqlite3_bind_zeroblob(s, 7, 0);
    else
        sqlite3_bind_blob(s, 7, p.taskPoints.constData(), int(p.taskPoints.size()), SQLITE_STATIC);
    sqlite3_bind_double(s, 8, p.primaryScore);
    auto intOrNull = [s](int index, int value, bool present) {
        if (present)
            sqlite3_bind_int(s, index, value);
        else
            sqlite3_bind_null(s, index);
    };
    intOrNull(9, p.mark, p.mark > 0);
    intOrNull(10, p.testScore, p.testScore >= 0);
    intOrNull(11, p.journalMark, p.journalMark > 0);
    sqlite3_bind_int(s, 12, int(p.journalPeriod));
    intOrNull(13, p.annualMark, p.annualMark > 0);
    sqlite3_bind_int(s, 14, int(p.medal));
    const int rc = sqlite3_step(s);
    // Taken before the duplicate lookup below runs a statement and clears the message.
    const core::Error insertError =
        rc == SQLITE_DONE ? core::Error{} : sql::apiError(m_db, m_statements->db);
    sqlite3_reset(s);
    if (rc == SQLITE_DONE)
        return {};
    if ((rc & 0xFF) == SQLITE_CONSTRAINT) {
        sqlite3_stmt *e = m_statements->existing;
        sqlite3_bind_int64(e, 1, p.procedureId);
        sqlite3_bind_int64(e, 2, p.schoolId);
        sqlite3_bind_text(e, 3, code.constData(), int(code.size()), SQLITE_STATIC);
        if (sqlite3_step(e) == SQLITE_ROW) {
            const qint64 other = sqlite3_column_int64(e, 0);
            *duplicateOfImport = other == importId ? -1 : other;
            sqlite3_reset(e);
            return {};
        }
        sqlite3_reset(e);
    }
    return insertError;
}

Result<qint64> ResultsRepository::participantCount() const {
    if (m_buffer)
        if (Status f = m_buffer->finish(); !f)
            return f.error();
    QSqlQuery q(m_db.connection());
    if (!q.exec(QStringLiteral("SELECT COUNT(*) FROM participants")) || !q.next())
        return sql::queryError(m_db, q, QStringLiteral("подсчёт участников"));
    return q.value(0).toLongLong();
}

Status ResultsRepository::addFlag(const core::FlaggedSchool &flag, qint64 importId,
                                  bool *inserted) {
    QJsonObject markers;
    for (auto it = flag.markers.cbegin(); it != flag.markers.cend(); ++it)
        markers.insert(it.key(), it.value());
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral("INSERT INTO official_flags (year, school_code, municipality, "
                             "school_name, markers, marker_count, import_id) "
                             "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING"));
    q.addBindValue(flag.year);
    q.addBindValue(sql::text(flag.schoolCode));
    q.addBindValue(sql::text(flag.municipality));
    q.addBindValue(sql::text(flag.schoolName));
    q.addBindValue(QString::fromUtf8(QJsonDocument(markers).toJson(QJsonDocument::Compact)));
    q.addBindValue(flag.markerCount);
    q.addBindValue(importId);
    if (!q.exec())
        return sql::queryError(m_db, q, QStringLiteral("запись списка школ"));
    *inserted = q.numRowsAffected() > 0;
    return {};
}

Result<QList<core::FlaggedSchool>> ResultsRepository::flags(int year) const {
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral("SELECT year, school_code, municipality, school_name, markers, "
                             "marker_count FROM official_flags WHERE ? = 0 OR year = ? "
                             "ORDER BY year, school_code"));
    q.addBindValue(year);
    q.addBindValue(year);
    if (!q.exec())
        return sql::queryError(m_db, q, QStringLiteral("список школ с признаками"));
    QList<core::FlaggedSchool> list;
    while (q.next()) {
        core::FlaggedSchool f;
        f.year = q.value(0).toInt();
        f.schoolCode = q.value(1).toString();
        f.municipality = q.value(2).toString();
        f.schoolName = q.value(3).toString();
        const QJsonObject o = QJsonDocument::fromJson(q.value(4).toString().toUtf8()).object();
        for (auto it = o.begin(); it != o.end(); ++it)
            f.markers.insert(it.key(), it.value().toInt());
        f.markerCount = q.value(5).toInt();
        list << f;
    }
    return list;
}

Result<QList<ResultsRepository::CountRow>> ResultsRepository::counts() const {
    if (m_buffer)
        if (Status f = m_buffer->finish(); !f)
            return f.error();
    QSqlQuery q(m_db.connection());
    if (!q.exec(QStringLiteral(
            "SELECT p.year, p.kind, p.grade, p.subject, COUNT(r.id), COUNT(DISTINCT r.school_id) "
            "FROM procedures p LEFT JOIN participants r ON r.procedure_id = p.id "
            "GROUP BY p.id ORDER BY p.year, p.kind, p.grade, p.subject")))
        return sql::queryError(m_db, q, QStringLiteral("подсчёт результатов"));
    QList<CountRow> list;
    while (q.next())
        list.append({q.value(0).toInt(), q.value(1).toString(), q.value(2).toInt(),
                     q.value(3).toString(), q.value(4).toLongLong(), q.value(5).toLongLong()});
    return list;
}

Result<QHash<QString, QString>> ResultsRepository::headingMappings() const {
    QSqlQuery q(m_db.connection());
    if (!q.exec(QStringLiteral("SELECT heading, field FROM heading_mappings")))
        return sql::queryError(m_db, q, QStringLiteral("сопоставления столбцов"));
    QHash<QString, QString> map;
    while (q.next())
        map.insert(q.value(0).toString(), q.value(1).toString());
    return map;
}

Status ResultsRepository::rememberHeading(const QString &heading, const QString &field) {
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral("INSERT INTO heading_mappings (heading, field, updated_at) "
                             "VALUES (?, ?, ?) ON CONFLICT(heading) DO UPDATE SET "
                             "field = excluded.field, updated_at = excluded.updated_at"));
    q.addBindValue(heading);
    q.addBindValue(field);
    q.addBindValue(sql::nowText());
    if (!q.exec())
        return sql::queryError(m_db, q, QStringLiteral("сопоставление столбца"));
    return {};
}

} // namespace objectivity::storage
