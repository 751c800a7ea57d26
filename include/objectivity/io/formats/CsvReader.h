#pragma once
#include "objectivity/core/common/Error.h"
#include "objectivity/io/formats/ReaderLimits.h"

#include <QByteArray>
#include <QIODevice>
#include <QString>
#include <QStringDecoder>
#include <QStringList>

#include <memory>
#include <optional>

namespace objectivity::io {

// Streaming CSV reader for the files schools and regional centres export: UTF-8 with or without a
// BOM, UTF-16 with a BOM, or CP1251 (detected from UTF-8 validity and Cyrillic letter statistics);
// delimiter «;», «,» or tab, detected from the first lines outside quotes; quoted fields with
// doubled quotes and line breaks inside; lines ending with an extra delimiter (the Moscow open data
// files). The file is read in chunks: a 100 MB file is never held as one string. A record with too
// many fields, an over-long field (an unclosed quote swallowing the file) or too many records stops
// the reading with an error (limits: ReaderLimits).
class CsvReader {
public:
    enum class Encoding { Utf8, Utf16, Cp1251 };
    struct Limits {
        int maxFields = ReaderLimits::kTableColumns;          // fields of one record
        qint64 maxFieldChars = ReaderLimits::kTableCellChars; // characters of one field
        qint64 maxRecords = ReaderLimits::kTableRows;         // records of the file
    };

    ~CsvReader();
    CsvReader(const CsvReader &) = delete;
    CsvReader &operator=(const CsvReader &) = delete;

    // Opens a file; detects encoding and delimiter (delimiter: a given QChar overrides detection).
    static std::optional<core::Error> open(const QString &path, std::unique_ptr<CsvReader> *reader,
                                           QChar delimiter = QChar());
    // The same for bytes in memory; `name` is used in error messages.
    static std::unique_ptr<CsvReader> fromData(const QByteArray &data, const QString &name,
                                               std::optional<core::Error> *error,
                                               QChar delimiter = QChar());

    // Reads the next record into `fields` (its strings are reused, not reallocated). Blank lines
    // are skipped. Returns false at the end of the file or on an error (then error() is set).
    bool readRecord(QStringList &fields);
    const std::optional<core::Error> &error() const { return m_error; }
    // Replaces the default limits (tests use small ones).
    void setLimits(const Limits &limits) { m_limits = limits; }

    // The line on which the last record started (1-based), and how many records were read.
    int lineNumber() const { return m_recordLine; }
    int recordNumber() const { return m_records; }
    Encoding encoding() const { return m_encoding; }
    bool hadBom() const { return m_bom; }
    QChar delimiter() const { return m_delimiter; }
    // True when the header line ends with an extra delimiter; the empty last field is then dropped
    // from every record that has it.
    bool trailingDelimiter() const { return m_trailingDelimiter; }
    QString fileName() const { return m_name; }
    qint64 bytesRead() const { return m_bytesRead; }
    qint64 totalBytes() const { return m_totalBytes; }

    static QString encodingName(Encoding encoding);

private:
    CsvReader() = default;
    std::optional<core::Error> init(std::unique_ptr<QIODevice> device, QChar delimiter);
    bool fill();
    void decode(const QByteArray &bytes, bool last);
    core::Error errorAt(int line, int column, const QString &message) const;
    core::Error refusedAt(int line, int column, const QString &what) const; // over a limit
    bool fieldTooLong(int line, int column); // sets the error, returns false

    std::unique_ptr<QIODevice> m_device;
    QString m_name;
    Encoding m_encoding = Encoding::Utf8;
    QStringDecoder m_decoder;
    bool m_bom = false;
    QChar m_delimiter = QLatin1Char(';');
    bool m_trailingDelimiter = false;
    int m_headerFields = -1;
    QString m_buf;
    qsizetype m_pos = 0;
    bool m_eof = false;
    int m_line = 1;       // line of the character at m_pos
    int m_recordLine = 0; // line where the last record started
    int m_records = 0;
    qint64 m_bytesRead = 0;
    qint64 m_totalBytes = 0;
    std::optional<core::Error> m_error;
    Limits m_limits;
};

} // namespace objectivity::io
