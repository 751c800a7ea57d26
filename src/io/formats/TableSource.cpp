#include "formats/TableSource.h"

#include "objectivity/core/common/MessageText.h"
#include "objectivity/io/formats/OfficeConverter.h"
#include "objectivity/io/formats/ReaderLimits.h"
#include "objectivity/io/formats/XlsxReader.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QMutex>
#include <QTemporaryDir>

#include <algorithm>
#include <optional>
#include <utility>

namespace objectivity::io {

std::optional<core::Error> TableSource::checkSize(const QString &path) {
    const QFileInfo info(path);
    if (info.size() > ReaderLimits::kResultsFileBytes)
        return ReaderLimits::fileRefused(
            info.fileName(), QStringLiteral("файл больше %1 — таблиц такого размера не бывает")
                                 .arg(ReaderLimits::size(ReaderLimits::kResultsFileBytes)));
    return std::nullopt;
}

namespace {

// A file as it is now: its path, size and time of change.
QString fileKey(const QString &path) {
    const QFileInfo info(path);
    return QStringLiteral("%1|%2|%3")
        .arg(info.absoluteFilePath(), QString::number(info.size()),
             QString::number(info.lastModified().toMSecsSinceEpoch()));
}

// A spreadsheet our XLSX reader does not read: Excel 97–2003 (an OLE2 compound file, .xls) or an
// OpenDocument spreadsheet (.ods); empty for anything else.
QString foreignSpreadsheet(const QString &path) {
    QFile f(path);
    QByteArray head;
    if (f.open(QIODevice::ReadOnly))
        head = f.read(96);
    if (OfficeConverter::isOleCompound(head))
        return QStringLiteral("Excel 97–2003 (.xls)");
    if (head.startsWith("PK") && (head.contains("application/vnd.oasis.opendocument.spreadsheet") ||
                                  path.endsWith(QLatin1String(".ods"), Qt::CaseInsensitive)))
        return QStringLiteral("OpenDocument (.ods)");
    return QString();
}

// The .xlsx LibreOffice made of a spreadsheet, once per file for the life of the program: an
// import reads its file three times (preview, layout, rows), a conversion takes seconds.
// LibreOffice runs outside the lock: the import dialog asks whether a file is converted while a
// worker converts it.
class ConvertedWorkbooks {
public:
    QString find(const QString &key) {
        const QMutexLocker lock(&m_mutex);
        const QString known = m_done.value(key);
        return !known.isEmpty() && QFileInfo::exists(known) ? known : QString();
    }

    core::Result<QString> convert(const QString &path, const QString &name, const QString &format,
                                  const std::atomic<bool> *cancel) {
        const QString key = fileKey(path);
        if (const QString known = find(key); !known.isEmpty())
            return known;
        if (OfficeConverter::program().isEmpty())
            return core::Error::inFile(
                path,
                QStringLiteral("таблица в формате %1: программа читает .xlsx и CSV. Сохраните её "
                               "как «Книга Excel (.xlsx)» (в Excel или Calc: «Сохранить как») "
                               "или установите LibreOffice Calc — тогда такие файлы "
                               "открываются сами")
                    .arg(format));
        QString work;
        {
            const QMutexLocker lock(&m_mutex);
            if (m_folder.isValid())
                work = m_folder.filePath(QString::number(m_next++));
        }
        if (work.isEmpty() || !QDir().mkpath(work))
            return core::Error::inFile(
                path,
                QStringLiteral("не удаётся создать временную папку для преобразования таблицы"));
        auto xlsx = OfficeConverter::toXlsx(path, name, work, cancel);
        if (!xlsx)
            return xlsx.error();
        const QMutexLocker lock(&m_mutex);
        m_done.insert(key, xlsx.value());
        return xlsx;
    }

private:
    QMutex m_mutex;
    QHash<QString, QString> m_done; // path|size|modified -> .xlsx
    QTemporaryDir m_folder;         // removed when the program ends
    int m_next = 0;
};

ConvertedWorkbooks &convertedWorkbooks() {
    static ConvertedWorkbooks books;
    return books;
}

// The first rows of the last few workbooks read in part: the import dialog reads its file again
// after each change of a mapping or of the layout, and a preview reads it twice (the layout, then
// the rows). Each costs the whole sheet's inflating (a quarter of a second for 50 MB).
class SheetHeads {
public:
    std::optional<XlsxSheet> find(const QString &key) {
        const QMutexLocker lock(&m_mutex);
        for (const auto &[k, sheet] : m_heads)
            if (k == key)
                return sheet;
        return std::nullopt;
    }
    void keep(const QString &key, const XlsxSheet &sheet) {
        const QMutexLocker lock(&m_mutex);
        if (m_heads.size() >= 4)
            m_heads.removeFirst();
        m_heads.append({key, sheet});
    }

private:
    QMutex m_mutex;
    QList<std::pair<QString, XlsxSheet>> m_heads;
};

SheetHeads &sheetHeads() {
    static SheetHeads heads;
    return heads;
}

} // namespace

bool TableSource::needsConversion(const QString &path) {
    return !foreignSpreadsheet(path).isEmpty() && !OfficeConverter::program().isEmpty() &&
           convertedWorkbooks().find(fileKey(path)).isEmpty();
}

std::optional<core::Error> TableSource::convert(const QString &path,
                                                const std::atomic<bool> *cancel) {
    if (auto e = checkSize(path))
        return e;
    const QString format = foreignSpreadsheet(path);
    if (format.isEmpty())
        return std::nullopt;
    auto converted = convertedWorkbooks().convert(path, QFileInfo(path).fileName(), format, cancel);
    if (!converted)
        return converted.error();
    return std::nullopt;
}

std::optional<core::Error> TableSource::open(const QString &path, std::unique_ptr<TableSource> *out,
                                             int sheetRows) {
    if (auto e = checkSize(path))
        return e;
    auto t = std::make_unique<TableSource>();
    t->m_name = QFileInfo(path).fileName();
    QString workbook =
        path.endsWith(QLatin1String(".xlsx"), Qt::CaseInsensitive) ? path : QString();
    if (const QString format = foreignSpreadsheet(path); !format.isEmpty()) {
        auto converted = convertedWorkbooks().convert(path, t->m_name, format, nullptr);
        if (!converted)
            return converted.error();
        workbook = converted.value();
    }
    const QString headKey = sheetRows >= 0 && !workbook.isEmpty()
                                ? fileKey(workbook) + QLatin1Char('|') + QString::number(sheetRows)
                                : QString();
    if (std::optional<XlsxSheet> head; !headKey.isEmpty() && (head = sheetHeads().find(headKey))) {
        t->m_sheet = std::move(*head);
    } else if (!workbook.isEmpty()) {
        auto book = XlsxReader::open(workbook);
        if (!book) {
            core::Error e = book.error();
            e.file = t->m_name; // the user's file, not LibreOffice's copy of it
            return e;
        }
        bool found = false;
        for (int i = 0; i < book->sheetNames().size() && !found && sheetRows < 0; ++i) {
            // the whole sheet, one row at a time; the first sheet with a value in a cell
            auto rows = book->rows(i);
            if (!rows)
                return rows.error();
            t->m_rows = std::make_unique<XlsxRowReader>(std::move(rows.value()));
            t->m_sheet.name = book->sheetNames().at(i);
            // the rows up to the first value are kept to be given first
            for (QList<QVariant> row; !found && t->m_rows->next(&row);) {
                found = std::any_of(row.cbegin(), row.cend(),
                                    [](const QVariant &v) { return v.isValid(); });
                t->m_ahead.push_back(std::move(row));
            }
            if (const auto &e = t->m_rows->error())
                return t->ownFileName(*e);
            if (!found) {
                t->m_rows.reset();
                t->m_ahead.clear();
            }
        }
        for (int i = 0; i < book->sheetNames().size() && !found && sheetRows >= 0; ++i) {
            auto sheet = book->readSheet(i, sheetRows);
            if (!sheet)
                return sheet.error();
            if (!sheet->rows.isEmpty()) {
                t->m_sheet = std::move(sheet.value()); // merged cells filled in by the reader
                found = true;
                if (!headKey.isEmpty())
                    sheetHeads().keep(headKey, t->m_sheet);
            }
        }
        if (!found) {
            core::Error e;
            e.file = t->m_name;
            e.message = QStringLiteral("в книге нет ни одного непустого листа");
            return e;
        }
    } else if (auto e = CsvReader::open(path, &t->m_csv)) {
        return e;
    }
    *out = std::move(t);
    return std::nullopt;
}

// An error of LibreOffice's copy of the user's file names the user's file.
core::Error TableSource::ownFileName(core::Error e) const {
    e.file = m_name;
    return e;
}

bool TableSource::next(QStringList &cells) {
    if (m_csv) {
        const bool ok = m_csv->readRecord(cells);
        if (!ok)
            m_error = m_csv->error();
        return ok;
    }
    if (m_rows) {
        QList<QVariant> row;
        if (!m_ahead.empty()) {
            row = std::move(m_ahead.front());
            m_ahead.pop_front();
        } else if (!m_rows->next(&row)) {
            if (m_rows->error())
                m_error = ownFileName(*m_rows->error());
            return false;
        }
        ++m_row;
        cells.resize(row.size());
        for (qsizetype c = 0; c < row.size(); ++c)
            cells[c] = XlsxSheet::cellText(row.at(c));
        return true;
    }
    if (++m_row >= m_sheet.rows.size())
        return false;
    const auto &row = m_sheet.rows.at(m_row);
    cells.resize(row.size());
    for (qsizetype c = 0; c < row.size(); ++c)
        cells[c] = XlsxSheet::cellText(row.at(c));
    return true;
}

void TableSource::progress(qint64 *done, qint64 *total) const {
    if (m_csv) {
        *done = m_csv->bytesRead();
        *total = m_csv->totalBytes();
    } else if (m_rows) {
        *done = m_rows->bytesRead();
        *total = m_rows->bytesTotal();
    } else {
        *done = qMax(0, m_row);
        *total = m_sheet.rows.size();
    }
}

QString TableSource::heading(int column) const {
    return column >= 0 && column < m_headings.size() ? m_headings.at(column).simplified()
                                                     : QString();
}

QString TableSource::place(int column) const {
    const QString name = heading(column);
    const QString named =
        name.isEmpty() ? QString() : QLatin1Char(' ') + core::quoteForMessage(name);
    if (!m_sheet.name.isEmpty())
        return column >= 0 ? QStringLiteral("Файл «%1», лист %2, ячейка %3%4")
                                 .arg(m_name, core::quoteForMessage(m_sheet.name),
                                      XlsxSheet::cellName(m_row, column), named)
                           : QStringLiteral("Файл «%1», лист %2, строка %3")
                                 .arg(m_name, core::quoteForMessage(m_sheet.name))
                                 .arg(m_row + 1);
    return column >= 0 ? QStringLiteral("Файл «%1», строка %2, столбец %3%4")
                             .arg(m_name)
                             .arg(rowNumber())
                             .arg(column + 1)
                             .arg(named)
                       : QStringLiteral("Файл «%1», строка %2").arg(m_name).arg(rowNumber());
}

QStringList TableSource::peek() const {
    QStringList cells;
    if (m_rows) {
        // an error comes out of the next next()
        if (QList<QVariant> row; m_ahead.empty() && m_rows->next(&row))
            m_ahead.push_back(std::move(row));
        if (!m_ahead.empty())
            for (const QVariant &v : m_ahead.front())
                cells << XlsxSheet::cellText(v);
        return cells;
    }
    if (m_csv || m_row + 1 >= m_sheet.rows.size())
        return cells;
    for (const QVariant &v : m_sheet.rows.at(m_row + 1))
        cells << XlsxSheet::cellText(v);
    return cells;
}

core::Error TableSource::errorInFile(const QString &message) const {
    core::Error e;
    e.file = m_name;
    e.sheet = m_sheet.name;
    e.message = message;
    return e;
}

core::Error TableSource::errorAt(int column, const QString &message) const {
    core::Error e;
    e.file = m_name;
    e.row = rowNumber();
    e.column = column + 1;
    e.columnName = heading(column);
    if (!m_sheet.name.isEmpty()) { // «лист «Лист1», ячейка F2» rather than row and column
        e.sheet = m_sheet.name;
        if (column >= 0)
            e.cell = XlsxSheet::cellName(m_row, column);
    }
    e.message = message;
    return e;
}

} // namespace objectivity::io
