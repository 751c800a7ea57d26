#pragma once
#include "objectivity/core/common/Result.h"
#include "objectivity/io/plan/PageWord.h"
#include "objectivity/io/plan/RawDocument.h"

#include <QByteArray>
#include <QList>

namespace objectivity::io {

// Reads a PDF plan with Poppler: the words of every page with their boxes, then WordTableBuilder
// rebuilds lines, rows and columns (wrapped cells, page heads and footers, the header repeated on
// each page). Warnings name «Страница N, строка M». A PDF that is encrypted, damaged, holds no text
// (a scan) or is over a limit of ReaderLimits (size, pages, words) is refused whole with a Russian
// message naming the file.
class PdfPlanReader {
public:
    static core::Result<RawDocument> read(const QByteArray &data, const QString &sourceName);
    // The words of each page as Poppler gives them (tests and the round trip look at them).
    static core::Result<QList<PageWord>> words(const QByteArray &data, const QString &sourceName);
    // The same, and whether this program printed the PDF (its Creator is «Объективность»): such a
    // PDF breaks a word longer than its column without a hyphen, which the reader then rejoins.
    static core::Result<QList<PageWord>> words(const QByteArray &data, const QString &sourceName,
                                               bool *printedHere);
};

} // namespace objectivity::io
