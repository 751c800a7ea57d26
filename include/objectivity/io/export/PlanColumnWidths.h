#pragma once
#include <QList>
#include <QVarLengthArray>

#include <vector>

namespace objectivity::io {

// Column widths of a printed table computed from its content: each column gets at least the
// width of the longest word of its heading and, as far as 70 % of the width allows, of its cells
// (or a sane minimum; capped at 1.5 × an equal share; a column of short values keeps its words
// whole), and the rest of the width goes, step by step, to the column whose widening lowers the
// estimated total height of the rows the most; a column whose every paragraph fits on one line gets
// more only when no column needs it. The estimate fills each cell's words into lines as word wrap
// does (a word wider than the column breaks inside and counts two more lines); a row is as tall as
// the 8-norm of its cells (a soft maximum).
class PlanColumnWidths {
public:
    // What a cell holds, measured once: the width of each paragraph on one line and the longest
    // word (in the same units as the widths, without the padding).
    struct Cell {
        QVarLengthArray<float, 3> paragraphs; // each on one line
        QVarLengthArray<float, 24> words;     // in order, -1 ends a paragraph
        float longestWord = 0;
        float space = 0; // between two words
    };
    using Row = std::vector<Cell>; // one per column

    // Widths (with 2 × padding each) summing to `total`. `minimum` is the narrowest a column may
    // be, padding included; `rows` may be a sample of a long table; `keepWords` marks the columns
    // whose words are kept whole like short values' (dates, statuses: «запланировано»).
    static QList<double> compute(const Row &header, const std::vector<Row> &rows, int columnCount,
                                 double total, double padding, double minimum,
                                 const std::vector<bool> &keepWords = {});
};

} // namespace objectivity::io
