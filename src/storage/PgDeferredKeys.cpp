#include "objectivity/storage/PgDeferredKeys.h"

#include "objectivity/storage/PgCopyWriter.h"
#include "objectivity/storage/PgErrorText.h"
#include "objectivity/storage/SqlErrorText.h"

#include <QSqlError>
#include <QSqlQuery>

#include <libpq-fe.h>

namespace objectivity::storage {

namespace {

QString quoted(const QString &identifier) {
    QString q = identifier;
    q.replace(QLatin1Char('"'), QLatin1String("\"\""));
    return QLatin1Char('"') + q + QLatin1Char('"');
}

core::Error failure(const QSqlQuery &q, const QString &what) {
    core::Error e;
    e.message = what + QStringLiteral(": ") + SqlErrorText::russian(q.lastError());
    e.details = SqlErrorText::original(q.lastError());
    return e;
}

// A statement through libpq on the same connection: the SQLSTATE of a failed rebuild (a repeated
// key, a dangling reference) chooses the Russian reason.
core::Status run(QSqlDatabase db, const QString &sql, const QString &what) {
    pg_conn *conn = PgCopyWriter::handleOf(db);
    if (!conn) {
        QSqlQuery q(db);
        if (!q.exec(sql))
            return failure(q, what);
        return {};
    }
    PGresult *r = PQexec(conn, sql.toUtf8().constData());
    const bool ok = PQresultStatus(r) == PGRES_COMMAND_OK;
    core::Error e = ok ? core::Error{} : PgErrorText::error(what, r, conn);
    PQclear(r);
    if (!ok)
        return e;
    return {};
}

} // namespace

core::Result<PgDeferredKeys> PgDeferredKeys::drop(QSqlDatabase db, const QStringList &tables) {
    PgDeferredKeys keys;
    keys.m_db = db;
    QStringList dropForeign, dropUnique, dropIndexes, addUnique, addIndexes, addForeign;
    const QString what = QStringLiteral("подготовка быстрой загрузки");
    for (const QString &table : tables) {
        QSqlQuery q(db);
        q.prepare(QStringLiteral(
            "SELECT conname, contype, pg_get_constraintdef(oid) FROM pg_constraint "
            "WHERE conrelid = to_regclass(?) AND contype IN ('f', 'u') ORDER BY conname"));
        q.addBindValue(quoted(table));
        if (!q.exec())
            return failure(q, what);
        while (q.next()) {
            const QString name = quoted(q.value(0).toString());
            const QString alter = QStringLiteral("ALTER TABLE %1 ").arg(quoted(table));
            const bool foreign = q.value(1).toString() == QLatin1String("f");
            (foreign ? dropForeign : dropUnique)
                << alter + QStringLiteral("DROP CONSTRAINT ") + name;
            (foreign ? addForeign : addUnique)
                << alter + QStringLiteral("ADD CONSTRAINT %1 %2").arg(name, q.value(2).toString());
        }
        // Indexes of their own (not those behind the primary key or a unique constraint).
        q.prepare(QStringLiteral(
            "SELECT c.relname, pg_get_indexdef(i.indexrelid) FROM pg_index i "
            "JOIN pg_class c ON c.oid = i.indexrelid WHERE i.indrelid = to_regclass(?) "
            "AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid) "
            "ORDER BY c.relname"));
        q.addBindValue(quoted(table));
        if (!q.exec())
            return failure(q, what);
        while (q.next()) {
            dropIndexes << QStringLiteral("DROP INDEX %1").arg(quoted(q.value(0).toString()));
            addIndexes << q.value(1).toString();
        }
    }
    // Foreign keys first: a unique key may be what one of them references.
    for (const QString &sql : dropForeign + dropUnique + dropIndexes)
        if (core::Status s = run(db, sql, what); !s)
            return s.error();
    keys.m_create = addUnique + addIndexes + addForeign;
    return keys;
}

core::Status PgDeferredKeys::restore() {
    for (const QString &sql : m_create)
        if (core::Status s = run(m_db, sql, QStringLiteral("проверка загруженных данных")); !s)
            return s;
    m_create.clear();
    return {};
}

} // namespace objectivity::storage
