#pragma once
#include "objectivity/core/plan/Plan.h"

#include <QList>
#include <QStringList>
#include <QVarLengthArray>

#include <functional>
#include <optional>

#include <vector>

namespace objectivity::io {

class PlanExportTable;

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

    // The same for cells given as text ('\n' separates paragraphs), words measured by `measure`
    // in the units of `total`; `bold` columns are measured by `measureBold`; `keepWords` as for
    // compute().
    using Measure = std::function<float(const QString &word)>;
    static QList<double> fromText(const QStringList &headings, const QList<QStringList> &cells,
                                  double total, double padding, double minimum,
                                  const Measure &measure, const Measure &measureBold, float space,
                                  const std::vector<bool> &bold = {},
                                  const std::vector<bool> &keepWords = {});
    // Relative widths summing to 100 for text cells, counted in characters: `lineChars` the
    // characters on one line of the table's width.
    static QList<double> compute(const QStringList &headings, const QList<QStringList> &cells,
                                 double lineChars);
    // The plan's table for the writers that give fixed widths (DOCX, ODT): measure rows only
    // (section rows span the width), a text width in millimetres and the table's font size;
    // words measured in Liberation Serif where the program has fonts (a QGuiApplication), else
    // counted in average characters. Relative widths summing to 100.
    static QList<double> forTable(const core::Plan &plan, const PlanExportTable &table,
                                  double textWidthMm, double pointSize);
    // Words of the plan's document font (Liberation Serif, Times New Roman's metric twin) at
    // `pointSize`, measured in millimetres, each word once (a cache per measure); nothing where
    // the program has no fonts (no QGuiApplication).
    struct FontMeasures {
        Measure plain, bold;
        float space = 0;
    };
    static std::optional<FontMeasures> documentFontMeasures(double pointSize);
    // The same for any font family (the analysis workbook's Arial is measured in Liberation Sans).
    static std::optional<FontMeasures> fontMeasures(const QString &family, double pointSize);
    // A text measured for the estimates: paragraphs at '\n', words at blanks.
    static Cell measureText(const QString &text, const Measure &measure, float space);
    // Lines the cell takes at inner width `width` when word wrap fills them (a word wider than
    // the line breaks inside it).
    static int wrappedLines(const Cell &cell, double width);
    // Average width of a character of Times New Roman / Liberation Serif, in millimetres.
    static double averageCharMm(double pointSize);
};

} // namespace objectivity::io
