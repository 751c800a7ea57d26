#pragma once
#include "objectivity/core/common/Result.h"

#include <QByteArrayView>
#include <QString>

#include <functional>

struct pg_conn;

namespace objectivity::storage {

// Reads the rows of a query with `COPY (SELECT …) TO STDOUT (FORMAT binary)` through libpq on
// QPSQL's own connection (PgCopyWriter::handleOf): values arrive in their binary form, decoded in
// place, with no QVariant per value — 2.5 times faster than a forward-only QSqlQuery over the
// participants (docs/benchmarks.md). Runs inside the connection's current transaction.
class PgCopyReader {
public:
    // One value of a row, pointing into libpq's buffer: valid during the row callback only.
    struct Field {
        const char *data = nullptr;
        int size = -1; // -1 = NULL
        bool isNull() const { return size < 0; }
        // smallint, integer or bigint (by its size); 0 for NULL.
        qint64 toInt() const;
        // double precision (8 bytes) or real (4 bytes); 0 for NULL.
        double toDouble() const;
        // text (UTF-8) or bytea bytes; empty for NULL.
        QByteArrayView bytes() const {
            return size > 0 ? QByteArrayView(data, size) : QByteArrayView();
        }
        QString text() const { return size > 0 ? QString::fromUtf8(data, size) : QString(); }
    };
    // Called for every row with its `count` fields; returning false stops the reading (the rest of
    // the rows are received and dropped, the connection stays usable).
    using RowFunction = std::function<bool(const Field *fields, int count)>;

    // Runs the query (a SELECT, without a trailing semicolon) and returns the number of rows
    // handed to `row`. Errors in Russian (PgErrorText), the server's text in details.
    static core::Result<qint64> read(pg_conn *conn, const QString &select, const RowFunction &row);
};

} // namespace objectivity::storage
