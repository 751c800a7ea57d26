#pragma once
#include "objectivity/core/common/Result.h"
#include "objectivity/io/plan/RawDocument.h"

namespace objectivity::io {

// Reads the body of a .docx (word/document.xml through ZipArchive and QXmlStreamReader):
// paragraphs (text of w:t, w:tab as a space, w:br splitting lines; deleted text, field codes and
// fallback copies of drawings skipped; bold runs make a paragraph emphasized) and tables — rows of
// the outermost w:tbl, w:gridSpan expanded to empty cells, a continued w:vMerge cell repeating the
// text of the cell where the merge started (marked as repeated), nested tables flattened into their
// cell. Paragraphs are numbered in order («Абзац N»), table rows within their table.
class DocxPlanReader {
public:
    static core::Result<RawDocument> read(const QString &path, const QString &sourceName);
    // The same for the bytes of document.xml (for tests and for callers that unpacked it already).
    static core::Result<RawDocument> readDocumentXml(const QByteArray &xml,
                                                     const QString &sourceName);
};

} // namespace objectivity::io
