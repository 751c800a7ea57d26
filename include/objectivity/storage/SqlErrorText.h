#pragma once
#include "objectivity/core/common/Error.h"

#include <QString>

class QSqlError;

namespace objectivity::storage {

// The one translator of database failures into Russian. SQLite, PostgreSQL and Qt's drivers report
// in English («database or disk is full Unable to commit transaction»); the user gets a Russian
// sentence chosen by the SQLite result code or PostgreSQL's SQLSTATE (or, when the driver gives
// none, by the known English text), and the original goes into core::Error::details only.
class SqlErrorText {
public:
    // Russian text for a failed query, commit or open: «на диске не хватает места…».
    static QString russian(const QSqlError &error);
    // The same for the database `path` (a file or a postgresql:// URL: a lost connection then
    // names the server «HOST:PORT»).
    static QString russian(const QSqlError &error, const QString &path);
    // PostgreSQL: Russian text by SQLSTATE (23505 …, 08xxx, 28P01, 42501, 3D000, 53100, 55P03);
    // an empty SQLSTATE is a failed connection, told apart by libpq's text. `server` = HOST:PORT.
    static QString russianPostgres(const QString &sqlState, const QString &originalText,
                                   const QString &server);
    // The same for a result code of the SQLite C API (primary or extended) and its message.
    static QString russian(int sqliteCode, const QString &originalText);
    // The original text of the failure as the driver gave it (for details).
    static QString original(const QSqlError &error);
    // An error on the database file `file`: «<what>: <russian>», details = the original.
    static core::Error error(const QString &file, const QString &what, const QSqlError &error);
};

} // namespace objectivity::storage
