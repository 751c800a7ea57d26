#pragma once
#include "objectivity/core/common/Result.h"

#include <QString>

namespace objectivity::storage {

// A PostgreSQL connection given as a URL:
//   postgresql://USER[:PASSWORD]@HOST[:PORT]/DBNAME[?sslmode=…&connect_timeout=…]
// (also postgres://). Parts left out are taken by libpq from PGHOST, PGPORT, PGUSER, PGPASSWORD
// and ~/.pgpass, as psql does.
class PostgresUrl {
public:
    // True when `text` starts with postgresql:// or postgres:// (any other text is a file path).
    static bool isUrl(const QString &text);
    // Parses the URL; a Russian error names what is wrong with it.
    static core::Result<PostgresUrl> parse(const QString &text);

    QString host;     // empty: PGHOST or the local socket
    int port = -1;    // -1: PGPORT or 5432
    QString user;     // empty: PGUSER or the system user
    QString password; // empty: PGPASSWORD or ~/.pgpass
    QString database;
    QString sslMode; // disable, allow, prefer, require, verify-ca, verify-full; empty = libpq
    int connectTimeout = 0; // seconds, 0 = libpq's default

    // The URL; with the password only when asked (the password never goes into a message).
    QString toString(bool withPassword = false) const;
    // «HOST:PORT» as libpq will use it (PGHOST/PGPORT when the URL has none), for messages.
    QString server() const;
    // «USER@HOST/DB» for a window title.
    QString shortName() const;
    // libpq connect options for QSqlDatabase::setConnectOptions ("sslmode=require;…").
    QString connectOptions() const;
};

} // namespace objectivity::storage
