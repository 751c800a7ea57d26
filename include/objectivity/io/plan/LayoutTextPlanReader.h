#pragma once
#include "objectivity/core/common/Result.h"
#include "objectivity/io/plan/RawDocument.h"

namespace objectivity::io {

// Reads text whose table columns are aligned with spaces — what `pdftotext -layout` gives for a
// PDF, or a plan copied from a PDF viewer that keeps the layout. Each run of characters becomes a
// word at its character column (pages split at form feeds, tabs expanded to 8 columns), and
// WordTableBuilder rebuilds rows and columns from the positions, as for a PDF. Warnings name the
// line of the text. Over a limit of ReaderLimits (size, lines, words) the text is refused whole.
class LayoutTextPlanReader {
public:
    // Whether a text looks space-aligned: no tab-separated rows, and lines with runs of two or
    // more spaces between words that start at the same columns on several lines.
    static bool looksAligned(const QString &text);
    static core::Result<RawDocument> read(const QString &text, const QString &sourceName);
};

} // namespace objectivity::io
