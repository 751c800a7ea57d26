#include "objectivity/io/formats/CsvReader.h"

#include "objectivity/core/common/FileErrorText.h"

#include <QBuffer>
#include <QFile>
#include <QFileInfo>

using objectivity::core::Error;

namespace objectivity::io {

namespace {

constexpr qint64 kChunk = 1 << 20;
constexpr qint64 kSample = 1 << 20;

// How much to ask `device` for: `most`, or what is left of a file when that is less (QIODevice::
// read and peek allocate the whole size asked for; a 4 KB file should not cost 1 MB buffers).
qint64 wantedBytes(const QIODevice &device, qint64 most) {
    if (device.isSequential())
        return most;
    return qBound<qint64>(1, device.size() - device.pos(), most);
}

// Windows-1251 bytes 0x80..0xBF; 0xC0..0xFF are А..я in order.
constexpr char16_t kCp1251High[64] = {
    0x0402, 0x0403, 0x201A, 0x0453, 0x201E, 0x2026, 0x2020, 0x2021, 0x20AC, 0x2030, 0x0409,
    0x2039, 0x040A, 0x040C, 0x040B, 0x040F, 0x0452, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x0098, 0x2122, 0x0459, 0x203A, 0x045A, 0x045C, 0x045B, 0x045F, 0x00A0,
    0x040E, 0x045E, 0x0408, 0x00A4, 0x0490, 0x00A6, 0x00A7, 0x0401, 0x00A9, 0x0404, 0x00AB,
    0x00AC, 0x00AD, 0x00AE, 0x0407, 0x00B0, 0x00B1, 0x0406, 0x0456, 0x0491, 0x00B5, 0x00B6,
    0x00B7, 0x0451, 0x2116, 0x0454, 0x00BB, 0x0458, 0x0405, 0x0455, 0x0457};

// True when `data` is valid UTF-8; a sequence cut by the end of a sample is accepted.
bool isValidUtf8(const QByteArray &data, bool truncated) {
    const auto *p = reinterpret_cast<const unsigned char *>(data.constData());
    const qsizetype n = data.size();
    qsizetype i = 0;
    while (i < n) {
        const unsigned char c = p[i];
        if (c < 0x80) {
            ++i;
            continue;
        }
        int extra;
        if (c >= 0xC2 && c <= 0xDF)
            extra = 1;
        else if (c >= 0xE0 && c <= 0xEF)
            extra = 2;
        else if (c >= 0xF0 && c <= 0xF4)
            extra = 3;
        else
            return false;
        if (i + extra > n - 1) {
            // The sequence runs past the end of the data.
            if (!truncated)
                return false;
            for (qsizetype k = i + 1; k < n; ++k)
                if ((p[k] & 0xC0) != 0x80)
                    return false;
            return true;
        }
        for (int k = 1; k <= extra; ++k)
            if ((p[i + k] & 0xC0) != 0x80)
                return false;
        i += extra + 1;
    }
    return true;
}

// Decides whether bytes that are not UTF-8 read as Russian text in Windows-1251: most bytes above
// 0x7F must be Cyrillic letters and, as in any Russian text, mostly lower case (KOI8-R read as
// Windows-1251 comes out mostly upper case; DOS-866 mostly not letters at all).
bool looksLikeCp1251(const QByteArray &data) {
    qint64 high = 0, letters = 0, lower = 0;
    for (char ch : data) {
        const auto c = static_cast<unsigned char>(ch);
        if (c < 0x80)
            continue;
        ++high;
        if (c >= 0xC0 || c == 0xA8 || c == 0xB8) {
            ++letters;
            if (c >= 0xE0 || c == 0xB8)
                ++lower;
        }
    }
    if (high == 0)
        return true;
    if (letters * 10 < high * 8)
        return false;
    return letters < 20 || lower * 10 >= letters * 3;
}

QChar detectDelimiter(QStringView text) {
    // Count candidates outside quotes on the first lines; the line with the most candidates (the
    // header, usually) decides. Ties prefer «;», then tab, then «,» (decimal commas).
    const QChar candidates[3] = {QLatin1Char(';'), QLatin1Char('\t'), QLatin1Char(',')};
    int best[3] = {0, 0, 0};
    int bestTotal = 0;
    int counts[3] = {0, 0, 0};
    bool quoted = false;
    int lines = 0;
    auto endLine = [&] {
        const int total = counts[0] + counts[1] + counts[2];
        if (total > bestTotal) {
            bestTotal = total;
            std::copy(counts, counts + 3, best);
        }
        counts[0] = counts[1] = counts[2] = 0;
        ++lines;
    };
    for (qsizetype i = 0; i < text.size() && lines < 20; ++i) {
        const QChar c = text.at(i);
        if (c == QLatin1Char('"'))
            quoted = !quoted;
        else if (!quoted && c == QLatin1Char('\n'))
            endLine();
        else if (!quoted)
            for (int k = 0; k < 3; ++k)
                if (c == candidates[k])
                    ++counts[k];
    }
    endLine();
    int pick = 0;
    for (int k = 1; k < 3; ++k)
        if (best[k] > best[pick])
            pick = k;
    return candidates[pick];
}

} // namespace

CsvReader::~CsvReader() = default;

QString CsvReader::encodingName(Encoding encoding) {
    switch (encoding) {
    case Encoding::Utf8:
        return QStringLiteral("UTF-8");
    case Encoding::Utf16:
        return QStringLiteral("UTF-16");
    case Encoding::Cp1251:
        return QStringLiteral("Windows-1251");
    }
    return QString();
}

std::optional<Error> CsvReader::open(const QString &path, std::unique_ptr<CsvReader> *reader,
                                     QChar delimiter) {
    auto file = std::make_unique<QFile>(path);
    std::unique_ptr<CsvReader> r(new CsvReader);
    r->m_name = QFileInfo(path).fileName();
    if (!file->open(QIODevice::ReadOnly)) {
        Error e;
        e.file = r->m_name;
        e.message =
            QStringLiteral("файл не удаётся открыть: %1").arg(core::FileErrorText::russian(*file));
        e.details = file->errorString();
        return e;
    }
    if (auto e = r->init(std::move(file), delimiter))
        return e;
    *reader = std::move(r);
    return std::nullopt;
}

std::unique_ptr<CsvReader> CsvReader::fromData(const QByteArray &data, const QString &name,
                                               std::optional<Error> *error, QChar delimiter) {
    auto buffer = std::make_unique<QBuffer>();
    buffer->setData(data);
    buffer->open(QIODevice::ReadOnly);
    std::unique_ptr<CsvReader> r(new CsvReader);
    r->m_name = name;
    *error = r->init(std::move(buffer), delimiter);
    if (*error)
        return nullptr;
    return r;
}

Error CsvReader::errorAt(int line, int column, const QString &message) const {
    Error e;
    e.file = m_name;
    e.row = line;
    e.column = column;
    e.message = message;
    return e;
}

Error CsvReader::refusedAt(int line, int column, const QString &what) const {
    Error e = ReaderLimits::fileRefused(m_name, what);
    e.row = line;
    e.column = column;
    return e;
}

bool CsvReader::fieldTooLong(int line, int column) {
    m_error = refusedAt(line, column,
                        QStringLiteral("поле длиннее %1 символов (не закрыта кавычка?)")
                            .arg(ReaderLimits::count(m_limits.maxFieldChars)));
    return false;
}

std::optional<Error> CsvReader::init(std::unique_ptr<QIODevice> device, QChar delimiter) {
    m_device = std::move(device);
    m_totalBytes = m_device->size();
    const QByteArray sample = m_device->peek(wantedBytes(*m_device, kSample));
    qsizetype skip = 0;
    if (sample.startsWith("\xEF\xBB\xBF")) {
        m_encoding = Encoding::Utf8;
        m_bom = true;
        skip = 3;
    } else if (sample.startsWith("\xFF\xFE") || sample.startsWith("\xFE\xFF")) {
        m_encoding = Encoding::Utf16;
        m_bom = true;
    } else if (sample.contains('\0')) {
        return errorAt(-1, -1,
                       QStringLiteral("файл не является текстовым (CSV): в нём двоичные "
                                      "данные или неподдерживаемая кодировка"));
    } else if (isValidUtf8(sample, sample.size() < m_totalBytes)) {
        m_encoding = Encoding::Utf8;
    } else if (looksLikeCp1251(sample)) {
        m_encoding = Encoding::Cp1251;
    } else {
        return errorAt(-1, -1,
                       QStringLiteral("не удаётся определить кодировку файла: это не UTF-8 "
                                      "и не Windows-1251; сохраните файл в UTF-8"));
    }
    if (skip)
        m_device->read(skip);
    if (m_encoding == Encoding::Utf8)
        m_decoder = QStringDecoder(QStringDecoder::Utf8);
    else if (m_encoding == Encoding::Utf16)
        m_decoder = QStringDecoder(QStringDecoder::Utf16); // honours the BOM
    if (!fill() && m_error)
        return m_error;
    m_delimiter = delimiter.isNull() ? detectDelimiter(m_buf) : delimiter;
    return std::nullopt;
}

void CsvReader::decode(const QByteArray &bytes, bool last) {
    if (m_encoding == Encoding::Cp1251) {
        const qsizetype base = m_buf.size();
        m_buf.resize(base + bytes.size());
        QChar *out = m_buf.data() + base;
        for (char ch : bytes) {
            const auto c = static_cast<unsigned char>(ch);
            *out++ = c < 0x80   ? QChar(char16_t(c))
                     : c < 0xC0 ? QChar(kCp1251High[c - 0x80])
                                : QChar(char16_t(0x0410 + (c - 0xC0)));
        }
        return;
    }
    m_buf += m_decoder(bytes);
    if (last && !m_decoder.hasError())
        m_buf += m_decoder(QByteArray()); // flush
    if (m_decoder.hasError() && !m_error)
        m_error = errorAt(m_line, -1,
                          QStringLiteral("недопустимые байты для кодировки %1 — файл повреждён или "
                                         "сохранён в смешанной кодировке")
                              .arg(encodingName(m_encoding)));
}

// Drops what was consumed and appends the next chunk. False at the end of the data or on error.
bool CsvReader::fill() {
    if (m_eof || m_error)
        return false;
    if (m_pos > 0) {
        m_buf.remove(0, m_pos);
        m_pos = 0;
    }
    const QByteArray bytes = m_device->read(wantedBytes(*m_device, kChunk));
    m_bytesRead += bytes.size();
    const bool last = bytes.isEmpty() || m_device->atEnd();
    if (bytes.isEmpty()) {
        m_eof = true;
        return false;
    }
    decode(bytes, last);
    if (m_error)
        return false;
    return true;
}

bool CsvReader::readRecord(QStringList &fields) {
    if (m_error)
        return false;
    qsizetype count = 0;
    auto field = [&]() -> QString & {
        if (count >= fields.size())
            fields.append(QString());
        QString &f = fields[count];
        f.resize(0);
        return f;
    };
    // Skip blank lines.
    for (;;) {
        if (m_pos >= m_buf.size() && !fill())
            return false;
        const QChar c = m_buf.at(m_pos);
        if (c == QLatin1Char('\n')) {
            ++m_line;
            ++m_pos;
        } else if (c == QLatin1Char('\r')) {
            ++m_pos;
            if ((m_pos < m_buf.size() || fill()) && m_buf.at(m_pos) == QLatin1Char('\n'))
                ++m_pos;
            ++m_line;
        } else {
            break;
        }
    }
    m_recordLine = m_line;
    if (m_records >= m_limits.maxRecords) {
        m_error = refusedAt(m_line, -1,
                            QStringLiteral("в файле больше %1 строк")
                                .arg(ReaderLimits::count(m_limits.maxRecords)));
        return false;
    }
    const char16_t delim = m_delimiter.unicode();
    bool lastQuoted = false;
    for (;;) { // one field per iteration
        if (count >= m_limits.maxFields) {
            m_error = refusedAt(m_recordLine, -1,
                                QStringLiteral("в строке больше %1 столбцов")
                                    .arg(ReaderLimits::count(m_limits.maxFields)));
            return false;
        }
        QString &f = field();
        ++count;
        if (m_pos >= m_buf.size())
            fill();
        lastQuoted = m_pos < m_buf.size() && m_buf.at(m_pos) == QLatin1Char('"');
        if (lastQuoted) {
            const int openLine = m_line;
            ++m_pos;
            for (;;) {
                if (m_pos >= m_buf.size() && !fill()) {
                    if (!m_error)
                        m_error = errorAt(openLine, int(count),
                                          QStringLiteral("кавычка не закрыта до конца файла "
                                                         "(поле начинается в строке %1)")
                                              .arg(openLine));
                    return false;
                }
                const QChar *p = m_buf.constData();
                const qsizetype n = m_buf.size();
                qsizetype i = m_pos;
                while (i < n && p[i] != QLatin1Char('"')) {
                    if (p[i] == QLatin1Char('\n'))
                        ++m_line;
                    ++i;
                }
                f.append(p + m_pos, i - m_pos);
                m_pos = i;
                if (f.size() > m_limits.maxFieldChars)
                    return fieldTooLong(openLine, int(count));
                if (i >= n)
                    continue;
                // A quote: doubled → literal quote, else the end of the field.
                if (m_pos + 1 >= m_buf.size())
                    fill(); // may move the buffer
                if (m_pos + 1 < m_buf.size() && m_buf.at(m_pos + 1) == QLatin1Char('"')) {
                    f.append(QLatin1Char('"'));
                    m_pos += 2;
                    continue;
                }
                ++m_pos;
                break;
            }
            if (m_pos >= m_buf.size())
                fill();
            if (m_pos < m_buf.size()) {
                const QChar c = m_buf.at(m_pos);
                if (c != delim && c != QLatin1Char('\n') && c != QLatin1Char('\r')) {
                    m_error =
                        errorAt(m_line, int(count),
                                QStringLiteral("лишняя кавычка: после закрывающей кавычки "
                                               "идёт текст «%1»; кавычки внутри поля нужно "
                                               "удваивать")
                                    .arg(m_buf.mid(m_pos, 10).section(QLatin1Char('\n'), 0, 0)));
                    return false;
                }
            }
        } else {
            // Unquoted: up to the delimiter or the end of the line. A quote inside is kept as is.
            for (;;) {
                const QChar *p = m_buf.constData();
                const qsizetype n = m_buf.size();
                qsizetype i = m_pos;
                while (i < n) {
                    const char16_t u = p[i].unicode();
                    if (u == delim || u == u'\n' || u == u'\r')
                        break;
                    ++i;
                }
                f.append(p + m_pos, i - m_pos);
                m_pos = i;
                if (f.size() > m_limits.maxFieldChars)
                    return fieldTooLong(m_recordLine, int(count));
                if (i < n || !fill())
                    break;
            }
        }
        // After a field: delimiter → next field; line end or end of data → record done.
        if (m_pos >= m_buf.size() && !fill())
            break;
        const QChar c = m_buf.at(m_pos);
        if (c == delim) {
            ++m_pos;
            continue;
        }
        ++m_pos;
        if (c == QLatin1Char('\r') && (m_pos < m_buf.size() || fill()) &&
            m_buf.at(m_pos) == QLatin1Char('\n'))
            ++m_pos;
        ++m_line;
        break;
    }
    if (m_error)
        return false;
    fields.resize(count);
    // A header like «"A";"B";» (one extra delimiter after a named last column): the empty field it
    // makes is dropped from every record of that width. A title padded with «;;;;» does not count.
    if (m_records == 0 && count > 1 && fields.last().isEmpty() && !lastQuoted &&
        !fields.at(count - 2).isEmpty()) {
        m_trailingDelimiter = true;
        m_headerFields = int(count) - 1;
    }
    if (m_trailingDelimiter && count == m_headerFields + 1 && fields.last().isEmpty())
        fields.removeLast();
    ++m_records;
    return true;
}

} // namespace objectivity::io
