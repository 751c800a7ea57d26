#pragma once
// A QPSQL connection to the throwaway server of `pg_virtualenv -v 15 …` (libpq reads PGHOST,
// PGPORT, PGUSER, PGPASSWORD, PGDATABASE). Tests that need it skip when PGHOST is unset.
#include <QSqlDatabase>
#include <QSqlError>
#include <QString>

#include <gtest/gtest.h>

namespace objectivity::test {

inline bool pgAvailable() {
    return !qEnvironmentVariableIsEmpty("PGHOST");
}

inline const char *pgSkipMessage() {
    return "PostgreSQL is not available (PGHOST unset): run under `pg_virtualenv -v 15 ...` "
           "to include the PostgreSQL tests";
}

// The URL of the pg_virtualenv server: postgresql://USER:PASSWORD@HOST:PORT/DB (HOST may be a
// socket folder: then it goes into ?host=).
inline QString pgUrl() {
    const QString host = qEnvironmentVariable("PGHOST");
    const QString user = qEnvironmentVariable("PGUSER", QStringLiteral("postgres"));
    const QString password = qEnvironmentVariable("PGPASSWORD");
    const QString port = qEnvironmentVariable("PGPORT", QStringLiteral("5432"));
    const QString db = qEnvironmentVariable("PGDATABASE", QStringLiteral("postgres"));
    QString auth = user;
    if (!password.isEmpty())
        auth += QLatin1Char(':') + password;
    if (host.startsWith(QLatin1Char('/')))
        return QStringLiteral("postgresql://%1@:%2/%3?host=%4").arg(auth, port, db, host);
    return QStringLiteral("postgresql://%1@%2:%3/%4").arg(auth, host, port, db);
}

// Opens a QPSQL connection named `name` with libpq's environment defaults.
inline QSqlDatabase openPg(const QString &name) {
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), name);
    if (!db.open())
        ADD_FAILURE() << "cannot connect to PostgreSQL: " << db.lastError().text().toStdString();
    return db;
}

} // namespace objectivity::test
