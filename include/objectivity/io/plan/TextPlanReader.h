#pragma once
#include "objectivity/io/plan/RawDocument.h"

namespace objectivity::io {

// Reads plain or tab-separated text (a plan copied from Word or extracted from PDF): a line with
// tabs is a table row, any other line a paragraph. `**bold**` markers are removed and mark the
// lines they wrap as emphasized (a title often spans several such lines).
class TextPlanReader {
public:
    static RawDocument read(const QString &text, const QString &sourceName);
};

} // namespace objectivity::io
