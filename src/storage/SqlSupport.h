#pragma once
// Small helpers shared by the repositories (private to storage).
#include "objectivity/core/common/Error.h"
#include "objectivity/storage/Database.h"
#include "objectivity/storage/SqlErrorText.h"

#include <QDate>
#include <QDateTime>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <sqlite3.h>

namespace objectivity::storage::sql {

// An Error naming the database file: "<what>: ошибка базы данных: <Russian reason>", the driver's
// own text in the details.
inline core::Error queryError(const Database &db, const QSqlQuery &query, const QString &what) {
    core::Error e;
    e.file = db.path();
    e.message = what + QStringLiteral(": ") +
                QStringLiteral("ошибка базы данных: %1")
                    .arg(SqlErrorText::russian(query.lastError(), db.path()));
    e.details = SqlErrorText::original(query.lastError());
    return e;
}
// The same without a file: "ошибка базы данных: <Russian reason>".
inline core::Error queryError(const QSqlQuery &query) {
    core::Error e;
    e.message = sqlErrorText(query);
    e.details = SqlErrorText::original(query.lastError());
    return e;
}

// A failure of the SQLite C API on `handle` (the connection's handle): Russian reason, SQLite's
// text as details.
inline core::Error apiError(const Database &db, sqlite3 *handle) {
    core::Error e;
    e.file = db.path();
    const QString original = QString::fromUtf8(sqlite3_errmsg(handle));
    e.message = QStringLiteral("ошибка базы данных: %1")
                    .arg(SqlErrorText::russian(sqlite3_extended_errcode(handle), original));
    e.details = original;
    return e;
}

inline core::Error error(const Database &db, const QString &message) {
    core::Error e;
    e.file = db.path();
    e.message = message;
    return e;
}

// Text for a NOT NULL column: a null QString would bind as NULL.
inline QVariant text(const QString &value) {
    return value.isNull() ? QVariant(QStringLiteral("")) : QVariant(value);
}

// Dates as ISO text (YYYY-MM-DD), NULL for a null date.
inline QVariant dateValue(const QDate &date) {
    return date.isValid() ? QVariant(date.toString(Qt::ISODate))
                          : QVariant(QMetaType::fromType<QString>());
}
inline QDate dateFrom(const QVariant &value) {
    return value.isNull() ? QDate() : QDate::fromString(value.toString(), Qt::ISODate);
}

// Moments as local ISO text without milliseconds: 2024-03-04T10:15:00.
inline QString dateTimeText(const QDateTime &moment) {
    return moment.toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss"));
}
inline QDateTime dateTimeFrom(const QVariant &value) {
    return value.isNull() ? QDateTime() : QDateTime::fromString(value.toString(), Qt::ISODate);
}
// Now, to the second (what the database keeps).
inline QDateTime nowToSecond() {
    const QDateTime now = QDateTime::currentDateTime();
    return now.addMSecs(-now.time().msec());
}

// Runs a prepared «INSERT … RETURNING id» (the one way to learn a new row's id on both backends:
// QPSQL's lastInsertId() does not give identity values) and returns the id, 0 when the statement
// inserted nothing (ON CONFLICT DO NOTHING). False when the statement failed (see q.lastError()).
inline bool execReturningId(QSqlQuery &q, qint64 *id) {
    *id = 0;
    if (!q.exec())
        return false;
    if (q.next())
        *id = q.value(0).toLongLong();
    q.finish();
    return true;
}

// A timestamp for a text column, written from C++ (not the database's clock), as the schema's
// defaults write it: 2024-03-04T10:15:00 local time.
inline QString nowText() {
    return QDateTime::currentDateTime().toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss"));
}

// SQL that differs between the dialects (see docs/architecture.md, «Two backends»).
// «INDEXED BY index » on SQLite (its planner needs the hint there), nothing on PostgreSQL.
inline QString indexedBy(const Database &db, const char *index) {
    return db.isPostgres() ? QString() : QStringLiteral("INDEXED BY %1 ").arg(QLatin1String(index));
}
// A primary score rounded half away from zero (std::lround) to an integer: PostgreSQL's round()
// of a double rounds half to even, its round() of numeric rounds like SQLite.
inline QString roundedInteger(const Database &db, const QString &column) {
    return db.isPostgres() ? QStringLiteral("CAST(round(%1::numeric) AS integer)").arg(column)
                           : QStringLiteral("CAST(round(%1) AS INTEGER)").arg(column);
}
// The greater of two values: SQLite's two-argument MAX, PostgreSQL's GREATEST.
inline QString greatest(const Database &db, const QString &a, const QString &b) {
    return QStringLiteral("%1(%2, %3)")
        .arg(db.isPostgres() ? QStringLiteral("GREATEST") : QStringLiteral("MAX"), a, b);
}
// SQLite's TOTAL(x): the sum as a double, 0.0 over no rows.
inline QString total(const Database &db, const QString &expression) {
    return db.isPostgres()
               ? QStringLiteral("COALESCE(SUM(%1)::double precision, 0)").arg(expression)
               : QStringLiteral("TOTAL(%1)").arg(expression);
}

// 0 → NULL for optional references.
inline QVariant idValue(qint64 id) {
    return id > 0 ? QVariant(id) : QVariant(QMetaType::fromType<qint64>());
}

} // namespace objectivity::storage::sql
