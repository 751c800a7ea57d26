#pragma once
#include "objectivity/core/common/Result.h"
#include "objectivity/io/plan/RawDocument.h"

#include <QByteArray>

namespace objectivity::io {

// Reads the body of an OpenDocument text (.odt: LibreOffice Writer, МойОфис, Р7-Офис; content.xml
// and styles.xml through ZipArchive and QXmlStreamReader) as DocxPlanReader reads a .docx:
// paragraphs and headings (text:s as a space, text:tab as a space, text:line-break splitting
// lines; notes, annotations, tracked deletions, frames and tables of contents skipped; a paragraph
// whose text is bold by its paragraph or span styles — automatic or common, through their parents
// — or a heading is emphasized) and tables — rows of the outermost table:table (header rows, row
// groups), a cell spanning columns expanded to empty cells, a cell covered by one spanning rows
// above repeating its text (marked as repeated), a repeated row or cell as many times as it
// repeats (a blank row once, any row and an empty cell at most 64 times), nested tables flattened
// into their cell. Paragraphs are numbered in order («Абзац
// N»), table rows within their table.
class OdtPlanReader {
public:
    static core::Result<RawDocument> read(const QString &path, const QString &sourceName);
    // The same for the bytes of content.xml and styles.xml (styles may be empty).
    static core::Result<RawDocument>
    readContentXml(const QByteArray &content, const QByteArray &styles, const QString &sourceName);
};

} // namespace objectivity::io
