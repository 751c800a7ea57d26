#pragma once
// Rows of a CSV file or of an XLSX sheet, one at a time, for the results importers (private to io).
#include "objectivity/core/common/Error.h"
#include "objectivity/io/formats/CsvReader.h"
#include "objectivity/io/formats/XlsxRowReader.h"
#include "objectivity/io/formats/XlsxSheet.h"

#include <atomic>
#include <deque>
#include <memory>
#include <optional>

namespace objectivity::io {

class TableSource {
public:
    // Opens .xlsx (the first sheet that is not empty) or anything else as CSV. With `sheetRows` ≥ 0
    // only that many rows of a sheet are read (a preview, the layout's detection); a CSV file is
    // read as it goes anyway.
    static std::optional<core::Error> open(const QString &path, std::unique_ptr<TableSource> *out,
                                           int sheetRows = -1);
    // Whether `path` is an .xls or .ods that LibreOffice has not yet converted in this run of the
    // program: open() would convert it first, which takes seconds. False without LibreOffice
    // (open() refuses such a file at once, saying what to do).
    static bool needsConversion(const QString &path);
    // Converts such a file now, so that open() finds the copy (nothing to do for other files);
    // stops, killing LibreOffice, when *cancel becomes true.
    static std::optional<core::Error> convert(const QString &path, const std::atomic<bool> *cancel);
    // Refuses a file larger than ReaderLimits::kResultsFileBytes before anything reads it.
    static std::optional<core::Error> checkSize(const QString &path);

    bool next(QStringList &cells);
    // The row next() would return, without moving (sheets only: empty for CSV). Used to find the
    // second row of a two-row header whose cells are merged vertically.
    QStringList peek() const;
    const std::optional<core::Error> &error() const { return m_error; }
    int rowNumber() const { return m_csv ? m_csv->lineNumber() : m_row + 1; }
    QString fileName() const { return m_name; }
    QString sheetName() const { return m_sheet.name; }
    // How far the reading is: bytes of a CSV file, rows of a sheet.
    void progress(qint64 *done, qint64 *total) const;
    // Where the current row's cell is, for warnings: «Файл «a.xlsx», лист «Лист1», ячейка K5» or
    // «Файл «a.csv», строка 5, столбец 11» (column 0-based; -1: the row only).
    QString place(int column) const;
    // The header row, so that places and errors name a column by its heading as the user wrote
    // it («столбец 3 «Год»»).
    void setHeadings(const QStringList &headings) { m_headings = headings; }
    // The heading of a 0-based column (trimmed; empty when unknown).
    QString heading(int column) const;
    // An Error about the file (or its sheet) as a whole.
    core::Error errorInFile(const QString &message) const;
    // An Error at the current row and the given 0-based column.
    core::Error errorAt(int column, const QString &message) const;

private:
    core::Error ownFileName(core::Error e) const;

    QString m_name;
    std::unique_ptr<CsvReader> m_csv;
    XlsxSheet m_sheet; // a sheet read in part (sheetRows), whole; else only its name
    // a whole sheet, read as it goes, and the rows read ahead of the one given (peek(), the empty
    // rows before the first value)
    std::unique_ptr<XlsxRowReader> m_rows;
    mutable std::deque<QList<QVariant>> m_ahead;
    int m_row = -1;
    std::optional<core::Error> m_error;
    QStringList m_headings;
};

} // namespace objectivity::io
