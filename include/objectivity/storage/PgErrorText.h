#pragma once
#include "objectivity/core/common/Error.h"

#include <QString>

struct pg_conn;
struct pg_result;

namespace objectivity::storage {

// Translates PostgreSQL failures (libpq) into Russian by their SQLSTATE
// (PQresultErrorField(PG_DIAG_SQLSTATE)): the server's English (or localized) text never enters a
// message, it goes into core::Error::details.
class PgErrorText {
public:
    // Russian reason for a five-character SQLSTATE («23505» → «такая запись уже есть…»); a
    // class-level reason for an unknown code of a known class, a general one otherwise.
    static QString russian(const QString &sqlState);
    // An Error «<what>: ошибка базы данных: <reason>» for a failed result (may be null: then the
    // connection's message is used); details hold the server's message, detail and context.
    // When the server names a line of a COPY («COPY participants, line 5»), Error::row is that
    // line.
    static core::Error error(const QString &what, const pg_result *result, const pg_conn *conn);
};

} // namespace objectivity::storage
