#pragma once
#include "objectivity/core/common/Error.h"
#include "objectivity/io/formats/XlsxSheet.h"

#include <QByteArray>
#include <QList>
#include <QStringList>
#include <QVariant>

#include <memory>
#include <optional>

namespace objectivity::io {

// The rows of one sheet of an .xlsx workbook, one at a time (XlsxReader::rows): a region's sheet
// held whole took 5 KB a row (206 MB for 42,000 rows of 30 columns). Cells are as in XlsxSheet;
// the value of a merged cell is given to every cell the merge covers (the merges, which follow the
// rows in the file, are read first). Rows the sheet leaves out come as empty rows, so that row()
// is always the sheet's row number − 1.
class XlsxRowReader {
public:
    // What the workbook tells about its sheets, and the limits of XlsxReader.
    struct Context {
        QString fileName, sheetName, part;
        QStringList sharedStrings;
        QList<bool> dateStyles; // by cellXfs index
        bool date1904 = false;
        qint64 maxCells = 0;
        int maxColumns = 0;
        qint64 maxCellChars = 0;
    };

    XlsxRowReader(const QByteArray &xml, Context context);
    XlsxRowReader(XlsxRowReader &&) noexcept;
    XlsxRowReader &operator=(XlsxRowReader &&) noexcept;
    ~XlsxRowReader();

    // The sheet's next row; false at its end or on an error (error()).
    bool next(QList<QVariant> *cells);
    // The 0-based row last given by next() (−1 before the first).
    int row() const;
    const std::optional<core::Error> &error() const;
    // Every merged range of the sheet.
    const QList<XlsxSheet::Range> &merged() const;
    // How far the reading is, in bytes of the sheet's XML.
    qint64 bytesRead() const;
    qint64 bytesTotal() const;

private:
    struct State;
    std::unique_ptr<State> d;
};

} // namespace objectivity::io
