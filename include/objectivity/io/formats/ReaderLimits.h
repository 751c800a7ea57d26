#pragma once
#include "objectivity/core/common/Error.h"

#include <QString>
#include <QtGlobal>

namespace objectivity::io {

// Every limit the readers of io put on their input, in one place (fuzz targets and reviewers start
// here). A file over a limit is refused as a whole with a Russian message that names the file and
// the limit; nothing of it is imported. The values are far above any real file: the real plans
// (../shared/seeds) are 13–30 KB of text with tables of at most 15 columns, tests/data/plans at
// most 0.2 MB; a generated region of 1,192,526 participants is a 253 MB flat.csv of 39 columns
// whose longest cell is 109 bytes (see docs/architecture.md, «Reader limits»).
struct ReaderLimits {
    // --- plan documents (PlanImporter, TextPlanReader, HtmlPlanReader, DocxPlanReader) ---
    // A text or HTML plan on disk, in memory or pasted (bytes; refused before it is read).
    static constexpr qint64 kPlanTextBytes = 16LL * 1024 * 1024;
    // A .docx file on disk (pictures included).
    static constexpr qint64 kPlanDocxBytes = 64LL * 1024 * 1024;
    // word/document.xml of a .docx, unpacked.
    static constexpr qint64 kPlanDocumentXmlBytes = 64LL * 1024 * 1024;
    // Tables inside tables (HTML <table>, .docx w:tbl and content controls around them).
    static constexpr int kTableNesting = 64;
    // Paragraph lines plus table rows of one plan document.
    static constexpr int kPlanBlocks = 50'000;
    // Cells of one table row of a plan (after colspan/gridSpan are expanded).
    static constexpr int kPlanRowCells = 256;
    // Cells of all table rows of one plan document.
    static constexpr qint64 kPlanCells = 500'000;
    // HTML tags of one document.
    static constexpr qint64 kHtmlTags = 2'000'000;
    // Characters of one paragraph or one cell of a plan (a whole plan may sit in one layout cell).
    static constexpr qint64 kPlanCellChars = 4'000'000;
    // A PDF plan on disk or in memory (scans and embedded fonts included).
    static constexpr qint64 kPlanPdfBytes = 64LL * 1024 * 1024;
    // Pages of a PDF plan (a regional plan is 5–30 pages).
    static constexpr int kPlanPdfPages = 500;
    // Words with their positions of a PDF plan or of space-aligned text (a seed has about 3,000).
    static constexpr int kPlanWords = 400'000;

    // --- zip containers (.docx, .xlsx, .odt) ---
    static constexpr int kZipEntries = 20'000;
    static constexpr qint64 kZipEntryBytes = 512LL * 1024 * 1024;  // one part, unpacked
    static constexpr qint64 kZipTotalBytes = 1024LL * 1024 * 1024; // all parts read, unpacked
    // Unpacked / packed size of a part larger than kZipRatioFloorBytes (real XML packs 10–30
    // times).
    static constexpr qint64 kZipRatio = 1000;
    static constexpr qint64 kZipRatioFloorBytes = 10LL * 1024 * 1024;

    // --- tables of results and official lists (CsvReader, XlsxReader, TableSource) ---
    // A results or official-list file (CSV or XLSX) on disk.
    static constexpr qint64 kResultsFileBytes = 4LL * 1024 * 1024 * 1024;
    // Rows (records) of one CSV file; an XLSX sheet has at most 1,048,576 by its format.
    static constexpr qint64 kTableRows = 20'000'000;
    // Columns of one row (CSV record, XLSX sheet row).
    static constexpr int kTableColumns = 2'000;
    // Characters of one cell or one shared string (Excel's own limit is 32,767).
    static constexpr qint64 kTableCellChars = 100'000;
    // One XML part of an .xlsx, unpacked; cells of one sheet, counted with the empty cells that
    // columns to the left of a written cell create.
    static constexpr qint64 kXlsxPartBytes = 400LL * 1024 * 1024;
    static constexpr qint64 kXlsxCells = 60'000'000;
    static constexpr qint64 kXlsxSharedStrings = 20'000'000;

    // «Файл «NAME»: WHAT — документ не похож на план, он не прочитан» (the plan readers).
    static core::Error planRefused(const QString &fileName, const QString &what);
    // «Файл «NAME»: WHAT — файл не прочитан» (tables, archives).
    static core::Error fileRefused(const QString &fileName, const QString &what);
    // 1000000 → «1 000 000» (no-break spaces between groups), for the messages.
    static QString count(qint64 n);
    // Bytes in user words: «16 МБ», «4 ГБ».
    static QString size(qint64 bytes);
};

} // namespace objectivity::io
