#pragma once
#include "objectivity/io/plan/WordTableBuilder.h"
#include "plan/WordColumns.h"
#include "plan/WordLine.h"

namespace objectivity::io {

// Finds the columns of a table from its header band and the lines below it: the header's
// cells (apart by gaps in a PDF, or where header words start in space-aligned text) and the
// boundaries between them from the vertical gaps no line of the table crosses. Writes into the
// columns it is given (kept when too few lines show the gaps).
class WordColumnFinder {
public:
    WordColumnFinder(const WordTableBuilder::Options &options, WordColumns &columns)
        : m_o(options), m_columns(columns) {}

    void setLineHeight(double height) { m_lineHeight = height; }
    // Column boundaries from the header band and the lines of the table below it.
    void find(const QList<WordLine> &band, const QList<WordLine> &body);
    void fitBounds(const QList<WordLine> &body);
    void fitStarts(const QList<WordLine> &lines, qsizetype from, qsizetype to);

private:
    const WordTableBuilder::Options m_o;
    WordColumns &m_columns;
    double m_tableWidth = 0;
    double m_lineHeight = 1;
};

} // namespace objectivity::io
