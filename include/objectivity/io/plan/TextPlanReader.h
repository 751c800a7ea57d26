#pragma once
#include "objectivity/core/common/Result.h"
#include "objectivity/io/plan/RawDocument.h"

namespace objectivity::io {

// Reads plain or tab-separated text (a plan copied from Word or extracted from PDF): a line with
// tabs is a table row, any other line a paragraph. `**bold**` markers are removed and mark the
// lines they wrap as emphasized (a title often spans several such lines). A text over a limit of
// ReaderLimits (size, lines, cells of a row or of the document) is refused whole.
class TextPlanReader {
public:
    static core::Result<RawDocument> read(const QString &text, const QString &sourceName);
};

} // namespace objectivity::io
