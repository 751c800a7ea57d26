#pragma once
#include "objectivity/core/common/Result.h"
#include "objectivity/io/plan/RawDocument.h"

#include <QByteArray>

namespace objectivity::io {

// Reads a plan from HTML — Word's clipboard HTML (CF_HTML header, mso styles, conditional
// comments, <o:p>) or a web page — with a tolerant tokenizer, not an XML parser: unclosed <p>/<td>,
// unquoted attributes and stray tags are fine. The outermost <table>'s rows become table rows
// (colspan expanded to empty cells, rowspan repeated into the rows below and marked as repeated),
// <br> and <p> inside a cell become line breaks, nested tables are flattened into their cell,
// entities are decoded; text outside tables becomes paragraphs (one per line). A document over a
// limit of ReaderLimits (nesting of tables, tags, cells, rows, length of a cell) is refused whole.
class HtmlPlanReader {
public:
    static core::Result<RawDocument> read(const QString &html, const QString &sourceName);
    // The charset a page declares in a <meta> tag ("windows-1251"), empty when none.
    static QByteArray declaredCharset(const QByteArray &data);
};

} // namespace objectivity::io
