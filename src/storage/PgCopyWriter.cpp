#include "objectivity/storage/PgCopyWriter.h"
#include "objectivity/storage/PgErrorText.h"

#include <QSqlDriver>
#include <QtEndian>

#include <cmath>
#include <cstring>
#include <limits>

#include <libpq-fe.h>

namespace objectivity::storage {

namespace {

// Type OIDs of pg_type (stable across PostgreSQL versions).
enum : unsigned {
    BoolOid = 16,
    ByteaOid = 17,
    NameOid = 19,
    Int8Oid = 20,
    Int2Oid = 21,
    Int4Oid = 23,
    TextOid = 25,
    JsonOid = 114,
    Float4Oid = 700,
    Float8Oid = 701,
    BpcharOid = 1042,
    VarcharOid = 1043,
    JsonbOid = 3802,
};

constexpr int kFlushBytes = 1 << 18;

bool isInteger(unsigned t) {
    return t == Int2Oid || t == Int4Oid || t == Int8Oid;
}
bool isFloat(unsigned t) {
    return t == Float4Oid || t == Float8Oid;
}
bool isText(unsigned t) {
    return t == TextOid || t == VarcharOid || t == BpcharOid || t == NameOid || t == JsonOid ||
           t == JsonbOid;
}
bool binaryWritable(unsigned t) {
    return t == BoolOid || t == ByteaOid || isInteger(t) || isFloat(t) || isText(t);
}

QByteArray quoted(const QString &identifier) {
    QString q = identifier;
    q.replace(QLatin1Char('"'), QLatin1String("\"\""));
    return '"' + q.toUtf8() + '"';
}

template <typename T> void appendBig(QByteArray &out, T value) {
    char bytes[sizeof(T)];
    qToBigEndian(value, bytes);
    out.append(bytes, sizeof(T));
}

void appendEscaped(QByteArray &out, QByteArrayView text) {
    for (const char c : text) {
        switch (c) {
        case '\\':
            out.append("\\\\", 2);
            break;
        case '\t':
            out.append("\\t", 2);
            break;
        case '\n':
            out.append("\\n", 2);
            break;
        case '\r':
            out.append("\\r", 2);
            break;
        default:
            out.append(c);
        }
    }
}

QByteArray doubleText(double value) {
    if (std::isnan(value))
        return QByteArrayLiteral("NaN");
    if (std::isinf(value))
        return value > 0 ? QByteArrayLiteral("Infinity") : QByteArrayLiteral("-Infinity");
    return QByteArray::number(value, 'g', 17);
}

core::Error copyError(const QString &table, const QString &message) {
    core::Error e;
    e.message = QStringLiteral("Загрузка в таблицу «%1»: %2").arg(table, message);
    return e;
}

} // namespace

PgCopyWriter::PgCopyWriter(PGconn *conn, QString table, Format format, QVector<unsigned> types)
    : m_conn(conn), m_table(std::move(table)), m_format(format), m_types(std::move(types)) {
    m_buffer.reserve(kFlushBytes + 4096);
    if (m_format == Format::Binary) {
        m_buffer.append("PGCOPY\n\377\r\n\0", 11);
        appendBig<qint32>(m_buffer, 0); // flags
        appendBig<qint32>(m_buffer, 0); // header extension length
    }
}

PgCopyWriter::~PgCopyWriter() {
    if (m_open)
        cancel();
}

PGconn *PgCopyWriter::handleOf(const QSqlDatabase &db) {
    if (!db.isOpen() || !db.driver())
        return nullptr;
    QVariant v = db.driver()->handle();
    // Qt 6.4 registers the handle as "pg_conn*" (older versions: "PGconn*").
    if (!v.isValid() ||
        (qstrcmp(v.typeName(), "pg_conn*") != 0 && qstrcmp(v.typeName(), "PGconn*") != 0))
        return nullptr;
    return *static_cast<PGconn **>(v.data());
}

core::Result<std::unique_ptr<PgCopyWriter>>
PgCopyWriter::begin(PGconn *conn, const QString &table, const QStringList &columns, Format format) {
    const QString what = QStringLiteral("Загрузка в таблицу «%1»").arg(table);
    if (!conn || PQstatus(conn) != CONNECTION_OK)
        return PgErrorText::error(what, nullptr, conn);
    if (columns.isEmpty())
        return copyError(table, QStringLiteral("не указаны столбцы"));

    // The column types, by name, from the catalog: also checks that the table and columns exist
    // before any row is sent.
    const QByteArray tableName = quoted(table);
    const char *typeSql = "SELECT a.attname, a.atttypid FROM pg_attribute a "
                          "WHERE a.attrelid = to_regclass($1) AND a.attnum > 0 "
                          "AND NOT a.attisdropped";
    const char *params[] = {tableName.constData()};
    PGresult *types = PQexecParams(conn, typeSql, 1, nullptr, params, nullptr, nullptr, 0);
    if (PQresultStatus(types) != PGRES_TUPLES_OK) {
        core::Error e = PgErrorText::error(what, types, conn);
        PQclear(types);
        return e;
    }
    QHash<QString, unsigned> typeOf;
    for (int i = 0; i < PQntuples(types); ++i)
        typeOf.insert(QString::fromUtf8(PQgetvalue(types, i, 0)),
                      unsigned(QByteArray(PQgetvalue(types, i, 1)).toUInt()));
    PQclear(types);
    if (typeOf.isEmpty())
        return copyError(table, QStringLiteral("такой таблицы нет в базе данных (версия схемы не "
                                               "совпадает с программой)"));
    QVector<unsigned> columnTypes;
    QByteArray columnList;
    for (const QString &c : columns) {
        const auto it = typeOf.constFind(c);
        if (it == typeOf.constEnd())
            return copyError(table, QStringLiteral("в таблице нет столбца «%1» (версия схемы не "
                                                   "совпадает с программой)")
                                        .arg(c));
        if (format == Format::Binary && !binaryWritable(*it))
            return copyError(table, QStringLiteral("столбец «%1» нельзя загрузить в двоичном "
                                                   "формате (тип %2)")
                                        .arg(c)
                                        .arg(*it));
        columnTypes << *it;
        if (!columnList.isEmpty())
            columnList += ", ";
        columnList += quoted(c);
    }

    const QByteArray sql = "COPY " + tableName + " (" + columnList + ") FROM STDIN" +
                           (format == Format::Binary ? " (FORMAT binary)" : "");
    PGresult *start = PQexec(conn, sql.constData());
    if (PQresultStatus(start) != PGRES_COPY_IN) {
        core::Error e = PgErrorText::error(what, start, conn);
        PQclear(start);
        return e;
    }
    PQclear(start);
    return std::unique_ptr<PgCopyWriter>(
        new PgCopyWriter(conn, table, format, std::move(columnTypes)));
}

void PgCopyWriter::fail(const QString &message) {
    if (m_rowError.isEmpty())
        m_rowError = message;
}

void PgCopyWriter::beginField() {
    if (m_format == Format::Text && m_field > 0)
        m_buffer.append('\t');
    else if (m_format == Format::Binary && m_field == 0)
        appendBig<qint16>(m_buffer, qint16(m_types.size()));
    ++m_field;
}

void PgCopyWriter::addNull() {
    beginField();
    if (m_format == Format::Text)
        m_buffer.append("\\N", 2);
    else
        appendBig<qint32>(m_buffer, -1);
}

void PgCopyWriter::addInt(qint64 value) {
    if (m_field >= m_types.size()) {
        ++m_field;
        return;
    }
    const unsigned type = m_types.at(m_field);
    if (type == ByteaOid) {
        fail(QStringLiteral("число в двоичном столбце %1").arg(m_field + 1));
        ++m_field;
        return;
    }
    if ((type == Int2Oid && (value < std::numeric_limits<qint16>::min() ||
                             value > std::numeric_limits<qint16>::max())) ||
        (type == Int4Oid && (value < std::numeric_limits<qint32>::min() ||
                             value > std::numeric_limits<qint32>::max()))) {
        fail(QStringLiteral("число %1 вне допустимого диапазона столбца %2")
                 .arg(value)
                 .arg(m_field + 1));
        ++m_field;
        return;
    }
    beginField();
    if (m_format == Format::Text) {
        if (type == BoolOid)
            m_buffer.append(value ? 't' : 'f');
        else
            m_buffer.append(QByteArray::number(value));
        return;
    }
    switch (type) {
    case BoolOid:
        appendBig<qint32>(m_buffer, 1);
        m_buffer.append(value ? '\1' : '\0');
        break;
    case Int2Oid:
        appendBig<qint32>(m_buffer, 2);
        appendBig<qint16>(m_buffer, qint16(value));
        break;
    case Int4Oid:
        appendBig<qint32>(m_buffer, 4);
        appendBig<qint32>(m_buffer, qint32(value));
        break;
    case Int8Oid:
        appendBig<qint32>(m_buffer, 8);
        appendBig<qint64>(m_buffer, value);
        break;
    case Float4Oid:
        appendBig<qint32>(m_buffer, 4);
        appendBig<float>(m_buffer, float(value));
        break;
    case Float8Oid:
        appendBig<qint32>(m_buffer, 8);
        appendBig<double>(m_buffer, double(value));
        break;
    default: { // text columns take the decimal digits
        const QByteArray digits = QByteArray::number(value);
        appendBig<qint32>(m_buffer, qint32(digits.size() + (type == JsonbOid ? 1 : 0)));
        if (type == JsonbOid)
            m_buffer.append('\1');
        m_buffer.append(digits);
    }
    }
}

void PgCopyWriter::addDouble(double value) {
    if (m_field >= m_types.size()) {
        ++m_field;
        return;
    }
    const unsigned type = m_types.at(m_field);
    if (isInteger(type) || type == BoolOid) {
        if (value != std::floor(value) || !std::isfinite(value)) {
            fail(QStringLiteral("дробное число в целом столбце %1").arg(m_field + 1));
            ++m_field;
            return;
        }
        addInt(qint64(value));
        return;
    }
    if (type == ByteaOid) {
        fail(QStringLiteral("число в двоичном столбце %1").arg(m_field + 1));
        ++m_field;
        return;
    }
    beginField();
    if (m_format == Format::Text) {
        m_buffer.append(doubleText(value));
        return;
    }
    if (type == Float4Oid) {
        appendBig<qint32>(m_buffer, 4);
        appendBig<float>(m_buffer, float(value));
    } else if (type == Float8Oid) {
        appendBig<qint32>(m_buffer, 8);
        appendBig<double>(m_buffer, value);
    } else {
        const QByteArray text = doubleText(value);
        appendBig<qint32>(m_buffer, qint32(text.size() + (type == JsonbOid ? 1 : 0)));
        if (type == JsonbOid)
            m_buffer.append('\1');
        m_buffer.append(text);
    }
}

void PgCopyWriter::addText(const QString &value) {
    addUtf8(value.toUtf8());
}

void PgCopyWriter::addUtf8(QByteArrayView utf8) {
    if (m_field >= m_types.size()) {
        ++m_field;
        return;
    }
    const unsigned type = m_types.at(m_field);
    if (type == ByteaOid) {
        addBytes(utf8);
        return;
    }
    if (m_format == Format::Binary && !isText(type)) {
        // SQLite keeps any type in any column: a number stored as text goes in as the number.
        bool ok = false;
        const QByteArray text = utf8.toByteArray().trimmed();
        if (isInteger(type) || type == BoolOid) {
            const qint64 v = text.toLongLong(&ok);
            if (ok) {
                addInt(v);
                return;
            }
        } else if (isFloat(type)) {
            const double v = text.toDouble(&ok);
            if (ok) {
                addDouble(v);
                return;
            }
        }
        fail(QStringLiteral("значение «%1» не подходит к столбцу %2")
                 .arg(QString::fromUtf8(utf8.data(), qMin<qsizetype>(40, utf8.size())))
                 .arg(m_field + 1));
        ++m_field;
        return;
    }
    beginField();
    if (m_format == Format::Text) {
        appendEscaped(m_buffer, utf8);
        return;
    }
    appendBig<qint32>(m_buffer, qint32(utf8.size() + (type == JsonbOid ? 1 : 0)));
    if (type == JsonbOid)
        m_buffer.append('\1'); // jsonb's binary form: version 1, then the text
    m_buffer.append(utf8.data(), utf8.size());
}

void PgCopyWriter::addBytes(QByteArrayView bytes) {
    if (m_field >= m_types.size()) {
        ++m_field;
        return;
    }
    const unsigned type = m_types.at(m_field);
    if (type != ByteaOid) {
        // Text that came as bytes (a driver's QByteArray): as UTF-8 text.
        const unsigned saved = type;
        if (isText(saved) || m_format == Format::Text) {
            beginField();
            if (m_format == Format::Text) {
                appendEscaped(m_buffer, bytes);
            } else {
                appendBig<qint32>(m_buffer, qint32(bytes.size() + (type == JsonbOid ? 1 : 0)));
                if (type == JsonbOid)
                    m_buffer.append('\1');
                m_buffer.append(bytes.data(), bytes.size());
            }
            return;
        }
        addUtf8(bytes);
        return;
    }
    beginField();
    if (m_format == Format::Text) {
        // bytea's text form \x<hex>, its backslash escaped for COPY.
        m_buffer.append("\\\\x", 3);
        m_buffer.append(bytes.toByteArray().toHex());
        return;
    }
    appendBig<qint32>(m_buffer, qint32(bytes.size()));
    m_buffer.append(bytes.data(), bytes.size());
}

void PgCopyWriter::add(const QVariant &value) {
    if (value.isNull()) {
        addNull();
        return;
    }
    switch (value.metaType().id()) {
    case QMetaType::Bool:
    case QMetaType::Int:
    case QMetaType::UInt:
    case QMetaType::LongLong:
    case QMetaType::ULongLong:
    case QMetaType::Long:
    case QMetaType::Short:
        addInt(value.toLongLong());
        break;
    case QMetaType::Double:
    case QMetaType::Float:
        addDouble(value.toDouble());
        break;
    case QMetaType::QByteArray:
        addBytes(value.toByteArray());
        break;
    default:
        addText(value.toString());
    }
}

core::Status PgCopyWriter::endRow() {
    if (!m_open)
        return copyError(m_table, QStringLiteral("загрузка уже завершена"));
    if (m_rowError.isEmpty() && m_field != m_types.size())
        m_rowError =
            QStringLiteral("в строке %1 значений вместо %2").arg(m_field).arg(m_types.size());
    if (!m_rowError.isEmpty()) {
        core::Error e = copyError(m_table, m_rowError);
        e.row = int(m_rows + 1);
        cancel();
        return e;
    }
    if (m_format == Format::Text)
        m_buffer.append('\n');
    m_field = 0;
    ++m_rows;
    if (m_buffer.size() >= kFlushBytes)
        return flush();
    return {};
}

core::Status PgCopyWriter::flush() {
    if (m_buffer.isEmpty())
        return {};
    if (PQputCopyData(m_conn, m_buffer.constData(), int(m_buffer.size())) != 1) {
        // The server may have refused the data already: its result says why.
        core::Error e = PgErrorText::error(QStringLiteral("Загрузка в таблицу «%1»").arg(m_table),
                                           nullptr, m_conn);
        cancel();
        return e;
    }
    m_buffer.clear();
    return {};
}

core::Result<qint64> PgCopyWriter::finish() {
    if (!m_open)
        return copyError(m_table, QStringLiteral("загрузка уже завершена"));
    if (m_field != 0) {
        core::Error e = copyError(m_table, QStringLiteral("последняя строка не завершена"));
        cancel();
        return e;
    }
    if (m_format == Format::Binary)
        appendBig<qint16>(m_buffer, -1); // file trailer
    if (core::Status s = flush(); !s)
        return s.error();
    m_open = false;
    const QString what = QStringLiteral("Загрузка в таблицу «%1»").arg(m_table);
    if (PQputCopyEnd(m_conn, nullptr) != 1) {
        core::Error e = PgErrorText::error(what, nullptr, m_conn);
        while (PGresult *r = PQgetResult(m_conn))
            PQclear(r);
        return e;
    }
    std::optional<core::Error> failure;
    qint64 rows = m_rows;
    while (PGresult *r = PQgetResult(m_conn)) {
        if (PQresultStatus(r) == PGRES_COMMAND_OK) {
            rows = QByteArray(PQcmdTuples(r)).toLongLong();
        } else if (!failure) {
            failure = PgErrorText::error(what, r, m_conn);
        }
        PQclear(r);
    }
    if (failure)
        return *failure;
    return rows;
}

void PgCopyWriter::cancel() {
    if (!m_open)
        return;
    m_open = false;
    m_buffer.clear();
    if (PQputCopyEnd(m_conn, "отменено программой") == 1) {
        while (PGresult *r = PQgetResult(m_conn))
            PQclear(r);
    }
}

} // namespace objectivity::storage
