#pragma once
#include "objectivity/core/common/Result.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>
#include <QVariant>
#include <QVector>

#include <memory>

struct pg_conn;

namespace objectivity::storage {

// Streams rows into a PostgreSQL table with `COPY table (columns) FROM STDIN` (libpq; Qt's QPSQL
// driver has no COPY). It works on the connection it is given and opens no transaction of its
// own: on QPSQL's connection (handleOf) the COPY joins the transaction of the QSqlQuery statements,
// so a failed import leaves nothing. Values are added column by column in the declared order, then
// endRow(); finish() ends the COPY and reports the server's verdict. A failure of a row is
// reported by finish() (the server checks the data as it arrives), with the row number in
// Error::row and the server's text in Error::details.
//
// Formats: Binary (the default: measured faster, see docs/benchmarks.md) needs the column types,
// which begin() reads from the catalog; Text escapes backslashes, tabs, newlines and carriage
// returns, writes NULL as \N and bytea as \\x hex.
class PgCopyWriter {
public:
    enum class Format { Text, Binary };

    ~PgCopyWriter();
    PgCopyWriter(const PgCopyWriter &) = delete;
    PgCopyWriter &operator=(const PgCopyWriter &) = delete;

    // QPSQL's own libpq connection (QSqlDriver::handle()); null for another driver or a closed
    // connection.
    static pg_conn *handleOf(const QSqlDatabase &db);

    // Starts the COPY. `table` and `columns` are SQL identifiers (quoted here). Fails when the
    // table or a column is unknown, a column's type cannot be written in binary, or the connection
    // is busy or broken.
    static core::Result<std::unique_ptr<PgCopyWriter>> begin(pg_conn *conn, const QString &table,
                                                             const QStringList &columns,
                                                             Format format = Format::Binary);

    // One value of the current row, in column order. Integers go into smallint/integer/bigint,
    // boolean (0 = false) and double precision/real columns; doubles into double precision/real;
    // text into text/varchar; bytes into bytea (add(QByteArray) on a text column writes UTF-8).
    void addNull();
    void addInt(qint64 value);
    void addDouble(double value);
    void addText(const QString &value);
    void addUtf8(QByteArrayView utf8);
    void addBytes(QByteArrayView bytes);
    // A value as Qt's SQL drivers give it (null → NULL, integers, doubles, strings, byte arrays).
    void add(const QVariant &value);

    // Ends the row; sends the buffered rows to the server when the buffer is full. Fails on a
    // wrong number of values, a value the column cannot take, or a lost connection.
    core::Status endRow();
    // Ends the COPY: the server's result for all the rows. Returns the number of rows written.
    core::Result<qint64> finish();
    // Ends the COPY with a failure (the server discards the rows sent); the transaction the COPY
    // ran in is then aborted and must be rolled back by its owner.
    void cancel();

    qint64 rowsWritten() const { return m_rows; }
    Format format() const { return m_format; }

private:
    PgCopyWriter(pg_conn *conn, QString table, Format format, QVector<unsigned> types);
    core::Status flush();
    void fail(const QString &message);
    void beginField();

    pg_conn *m_conn;
    QString m_table;
    Format m_format;
    QVector<unsigned> m_types; // type OIDs, one per column
    QByteArray m_buffer;
    int m_field = 0;
    qint64 m_rows = 0;
    bool m_open = true;
    QString m_rowError; // the first bad value of the current row
};

} // namespace objectivity::storage
