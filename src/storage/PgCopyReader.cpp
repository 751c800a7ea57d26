#include "objectivity/storage/PgCopyReader.h"
#include "objectivity/storage/PgErrorText.h"

#include <QVarLengthArray>
#include <QtEndian>

#include <libpq-fe.h>

namespace objectivity::storage {

namespace {

constexpr int kHeaderBytes = 19; // "PGCOPY\n\377\r\n\0", flags, extension length (0)

core::Error formatError() {
    core::Error e;
    e.message = QStringLiteral("Чтение из базы данных: ответ сервера повреждён (неверный "
                               "двоичный формат)");
    return e;
}

} // namespace

qint64 PgCopyReader::Field::toInt() const {
    switch (size) {
    case 2:
        return qFromBigEndian<qint16>(data);
    case 4:
        return qFromBigEndian<qint32>(data);
    case 8:
        return qFromBigEndian<qint64>(data);
    default:
        return 0;
    }
}

double PgCopyReader::Field::toDouble() const {
    if (size == 8)
        return qFromBigEndian<double>(data);
    if (size == 4)
        return double(qFromBigEndian<float>(data));
    return 0;
}

core::Result<qint64> PgCopyReader::read(PGconn *conn, const QString &select,
                                        const RowFunction &row) {
    const QString what = QStringLiteral("Чтение из базы данных");
    if (!conn || PQstatus(conn) != CONNECTION_OK)
        return PgErrorText::error(what, nullptr, conn);
    const QByteArray sql = "COPY (" + select.toUtf8() + ") TO STDOUT (FORMAT binary)";
    PGresult *start = PQexec(conn, sql.constData());
    if (PQresultStatus(start) != PGRES_COPY_OUT) {
        core::Error e = PgErrorText::error(what, start, conn);
        PQclear(start);
        return e;
    }
    PQclear(start);

    qint64 rows = 0;
    bool header = true, stopped = false, damaged = false;
    QVarLengthArray<Field, 32> fields;
    char *buffer = nullptr;
    int length = 0;
    while ((length = PQgetCopyData(conn, &buffer, 0)) > 0) {
        const char *p = buffer;
        const char *end = buffer + length;
        if (header) {
            if (length < kHeaderBytes || memcmp(p, "PGCOPY\n\377\r\n\0", 11) != 0)
                damaged = true;
            p += kHeaderBytes;
            header = false;
        }
        // One CopyData message holds whole rows (the server sends one row per message).
        while (!stopped && !damaged && p + 2 <= end) {
            const qint16 count = qFromBigEndian<qint16>(p);
            p += 2;
            if (count < 0)
                break; // trailer
            fields.resize(count);
            for (int f = 0; f < count; ++f) {
                if (p + 4 > end) {
                    damaged = true;
                    break;
                }
                const qint32 n = qFromBigEndian<qint32>(p);
                p += 4;
                if (n > 0 && p + n > end) {
                    damaged = true;
                    break;
                }
                fields[f] = Field{p, n};
                if (n > 0)
                    p += n;
            }
            if (damaged)
                break;
            ++rows;
            if (!row(fields.constData(), count))
                stopped = true;
        }
        PQfreemem(buffer);
    }
    std::optional<core::Error> failure;
    if (length == -2)
        failure = PgErrorText::error(what, nullptr, conn);
    while (PGresult *r = PQgetResult(conn)) {
        if (PQresultStatus(r) != PGRES_COMMAND_OK && !failure)
            failure = PgErrorText::error(what, r, conn);
        PQclear(r);
    }
    if (failure)
        return *failure;
    if (damaged)
        return formatError();
    return rows;
}

} // namespace objectivity::storage
