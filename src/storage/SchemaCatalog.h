#pragma once
// The tables of a database as its schema says (private to storage): found in sqlite_master or
// information_schema, never from a hand list, and ordered so that a table comes after every table
// its foreign keys reference.
#include "objectivity/core/common/Result.h"

#include <QHash>
#include <QSqlDatabase>
#include <QStringList>

namespace objectivity::storage {

class SchemaCatalog {
public:
    static bool isPostgres(const QSqlDatabase &db);
    // Tables of the application (not SQLite's own, not the PostgreSQL migration bookkeeping
    // `schema_version`), in foreign-key order: referenced tables first. A self-reference does not
    // count. Fails naming the tables when the references form a cycle.
    static core::Result<QStringList> tablesInOrder(const QSqlDatabase &db);
    // The referenced tables of each table (self-references left out).
    static core::Result<QHash<QString, QStringList>> references(const QSqlDatabase &db);
    // Column names of `table`, in the table's order.
    static core::Result<QStringList> columns(const QSqlDatabase &db, const QString &table);
    // Number of rows of `table`.
    static core::Result<qint64> rowCount(const QSqlDatabase &db, const QString &table);
    // "name" quoted as an SQL identifier.
    static QString quoted(const QString &identifier);
};

} // namespace objectivity::storage
