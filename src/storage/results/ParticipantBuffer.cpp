#include "results/ParticipantBuffer.h"

#include "SqlSupport.h"

#include "objectivity/storage/Database.h"
#include "objectivity/storage/PgCopyReader.h"
#include "objectivity/storage/PgCopyWriter.h"
#include "objectivity/storage/results/ParticipantCopy.h"

#include <QSqlQuery>

#include <cstring>

namespace objectivity::storage {

namespace {

ParticipantBuffer::Key keyOf(qint64 schoolId, QByteArrayView code) {
    return {schoolId, std::string(code.data(), size_t(code.size()))};
}

// A failure names the database, not a row: the row of a COPY batch is no row of the user's file
// (the repeats the file can hold are found before the COPY, with the file's row).
core::Error withFile(const Database &db, core::Error e) {
    e.file = db.path();
    e.row = 0;
    e.column = 0;
    return e;
}

} // namespace

// Nothing is sent from here: after a failure or a cancel the rows are to be dropped (the caller's
// transaction is rolled back, with the keys of the bulk path); an import that ends well has
// called finish() through ResultsRepository::finishImport or flushParticipants.
ParticipantBuffer::~ParticipantBuffer() = default;

void ParticipantBuffer::reset() {
    m_rows.clear();
    m_keys.clear();
    m_importId = 0;
    m_bulkDecided = false;
    m_deferred.reset();
    m_staging = -1;
}

core::Status ParticipantBuffer::beginBulk() {
    m_bulkDecided = true;
    QSqlQuery q(m_db.connection());
    if (!q.exec(QStringLiteral(
            "SELECT NOT EXISTS (SELECT 1 FROM participants) AND pg_has_role(current_user, "
            "relowner, 'USAGE') FROM pg_class WHERE oid = 'participants'::regclass")) ||
        !q.next())
        return sql::queryError(m_db, q, QStringLiteral("подготовка быстрой загрузки"));
    if (!q.value(0).toBool())
        return {};
    auto dropped = PgDeferredKeys::drop(m_db.connection(), {QStringLiteral("participants")});
    if (!dropped)
        return withFile(m_db, dropped.error());
    m_deferred = std::move(*dropped);
    return {};
}

core::Status ParticipantBuffer::finish() {
    if (core::Status s = flush(); !s)
        return s;
    if (!m_deferred)
        return {};
    const core::Status built = m_deferred->restore();
    m_deferred.reset();
    if (!built)
        return withFile(m_db, built.error());
    return {};
}

core::Result<ParticipantBuffer::Keys *> ParticipantBuffer::keysOf(qint64 procedureId) {
    if (auto it = m_keys.find(procedureId); it != m_keys.end())
        return &it.value();
    Keys keys;
    // On the bulk path the table was empty when this import began: nothing stored to read (and
    // no index left to read it by).
    if (m_deferred)
        return &m_keys.insert(procedureId, std::move(keys)).value();
    auto read = PgCopyReader::read(
        PgCopyWriter::handleOf(m_db.connection()),
        QStringLiteral("SELECT school_id, participant_code, import_id FROM participants "
                       "WHERE procedure_id = %1")
            .arg(procedureId),
        [&keys](const PgCopyReader::Field *f, int) {
            keys.emplace(keyOf(f[0].toInt(), f[1].bytes()), f[2].toInt());
            return true;
        });
    if (!read)
        return withFile(m_db, read.error());
    return &m_keys.insert(procedureId, std::move(keys)).value();
}

core::Status ParticipantBuffer::add(const core::ParticipantResult &p, qint64 importId,
                                    qint64 *duplicateOfImport) {
    *duplicateOfImport = 0;
    if (importId != m_importId) {
        if (core::Status s = finish(); !s)
            return s;
        reset();
        m_importId = importId;
    }
    auto keys = keysOf(p.procedureId);
    if (!keys)
        return keys.error();
    const auto [it, added] =
        (*keys)->emplace(keyOf(p.schoolId, p.participantCode.toUtf8()), importId);
    if (!added) {
        // As SQLite: a stored row with no import (NULL) is neither written nor reported.
        *duplicateOfImport = it->second == importId ? -1 : it->second;
        return {};
    }
    m_rows.append(p);
    if (m_rows.size() >= kFlushRows) {
        if (!m_bulkDecided)
            if (core::Status s = beginBulk(); !s)
                return s;
        return flush();
    }
    return {};
}

// COPY FROM refuses a table whose row-level security applies to the connection's role
// (PostgreSQL: «COPY FROM not supported with row-level security»): then the rows go by COPY into
// a temporary table of this transaction and from there by one INSERT … SELECT, which the
// policies check.
core::Result<bool> ParticipantBuffer::rowSecurityApplies() {
    QSqlQuery q(m_db.connection());
    if (!q.exec(QStringLiteral(
            "SELECT c.relrowsecurity AND (c.relforcerowsecurity OR NOT pg_has_role(current_user, "
            "c.relowner, 'USAGE')) AND NOT EXISTS (SELECT 1 FROM pg_roles r WHERE r.rolname = "
            "current_user AND (r.rolsuper OR r.rolbypassrls)) FROM pg_class c "
            "WHERE c.oid = 'participants'::regclass")) ||
        !q.next())
        return sql::queryError(m_db, q, QStringLiteral("запись участников"));
    return q.value(0).toBool();
}

core::Status ParticipantBuffer::flush() {
    if (m_rows.isEmpty())
        return {};
    if (m_staging < 0) {
        auto applies = rowSecurityApplies();
        if (!applies)
            return applies.error();
        m_staging = *applies ? 1 : 0;
    }
    if (m_staging) {
        // of this transaction (dropped on its commit or rollback); no IF NOT EXISTS, whose
        // NOTICE libpq would print
        QSqlQuery q(m_db.connection());
        if (!q.exec(QStringLiteral("SELECT to_regclass('pg_temp.%1') IS NULL")
                        .arg(QLatin1String(kStaging))) ||
            !q.next())
            return sql::queryError(m_db, q, QStringLiteral("запись участников"));
        if (q.value(0).toBool() &&
            !q.exec(QStringLiteral("CREATE TEMP TABLE %1 ON COMMIT DROP AS SELECT %2 FROM "
                                   "participants WITH NO DATA") // the types, no keys
                        .arg(QLatin1String(kStaging),
                             ParticipantCopy::columns().join(QStringLiteral(", ")))))
            return sql::queryError(m_db, q, QStringLiteral("запись участников"));
    }
    auto copy = ParticipantCopy::begin(PgCopyWriter::handleOf(m_db.connection()),
                                       m_staging ? QString::fromLatin1(kStaging)
                                                 : QStringLiteral("participants"));
    if (!copy)
        return withFile(m_db, copy.error());
    for (const core::ParticipantResult &p : std::as_const(m_rows))
        if (core::Status s = (*copy)->add(p, m_importId); !s)
            return withFile(m_db, s.error());
    auto written = (*copy)->finish();
    m_rows.clear();
    if (!written)
        return withFile(m_db, written.error());
    if (m_staging) {
        const QString columns = ParticipantCopy::columns().join(QStringLiteral(", "));
        QSqlQuery q(m_db.connection());
        if (!q.exec(QStringLiteral("INSERT INTO participants (%1) SELECT %1 FROM %2")
                        .arg(columns, QLatin1String(kStaging))) ||
            !q.exec(QStringLiteral("TRUNCATE %1").arg(QLatin1String(kStaging))))
            return sql::queryError(m_db, q, QStringLiteral("запись участников"));
    }
    return {};
}

} // namespace objectivity::storage
