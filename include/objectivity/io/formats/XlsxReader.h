#pragma once
#include "objectivity/core/common/Result.h"
#include "objectivity/io/formats/ReaderLimits.h"
#include "objectivity/io/formats/XlsxRowReader.h"
#include "objectivity/io/formats/XlsxSheet.h"
#include "objectivity/io/formats/ZipArchive.h"

#include <QHash>
#include <QStringList>

#include <memory>

namespace objectivity::io {

// Reads .xlsx workbooks (Office Open XML spreadsheets) with minizip and QXmlStreamReader: sheets by
// name through workbook.xml and its relationships, shared strings (with rich-text runs), inline
// strings, numbers, booleans, dates (cells whose style has a date number format), merged cells.
// Limits (ReaderLimits) refuse hostile files: parts declared or found too large, too many cells,
// columns or shared strings, an over-long cell.
class XlsxReader {
public:
    // Defaults from ReaderLimits.
    struct Limits {
        qint64 maxPartBytes = ReaderLimits::kXlsxPartBytes; // one XML part, uncompressed
        qint64 maxCells = ReaderLimits::kXlsxCells;   // cells of one sheet, with the empty ones
        int maxColumns = ReaderLimits::kTableColumns; // columns of a cell with a value
        qint64 maxCellChars = ReaderLimits::kTableCellChars; // one cell or shared string
        qint64 maxSharedStrings = ReaderLimits::kXlsxSharedStrings;
    };

    XlsxReader(XlsxReader &&) noexcept;
    XlsxReader &operator=(XlsxReader &&) noexcept;
    ~XlsxReader();

    static core::Result<XlsxReader> open(const QString &path, const Limits &limits);
    static core::Result<XlsxReader> open(const QString &path) { return open(path, Limits{}); }

    QStringList sheetNames() const { return m_sheetNames; }
    // Reads one sheet. A merged cell's value is copied into every cell the merge covers, so a
    // merged heading names each column under it.
    core::Result<XlsxSheet> readSheet(const QString &name);
    core::Result<XlsxSheet> readSheet(int index) { return readSheet(index, -1); }
    // Only the sheet's first `rowLimit` rows (all when negative), with the merged cells that
    // start among them: what a preview shows, in milliseconds where the whole sheet of a
    // region's results takes seconds.
    core::Result<XlsxSheet> readSheet(int index, int rowLimit);
    // The rows of one sheet one at a time, for a sheet too large to hold whole.
    core::Result<XlsxRowReader> rows(int index);

private:
    XlsxReader(ZipArchive zip, Limits limits);
    core::Status load();
    core::Error error(const QString &message) const;

    std::unique_ptr<ZipArchive> m_zip;
    Limits m_limits;
    QStringList m_sheetNames;
    QStringList m_sheetParts; // part path inside the archive, same order as m_sheetNames
    QStringList m_sharedStrings;
    QList<bool> m_dateStyles; // by cellXfs index
    bool m_date1904 = false;
};

} // namespace objectivity::io
