#pragma once
#include "objectivity/io/plan/RawDocument.h"
#include "objectivity/io/plan/WordTableBuilder.h"
#include "plan/WordColumns.h"
#include "plan/WordLine.h"

namespace objectivity::io {

// Turns lines into the blocks of a RawDocument once the columns are known: the header band as one
// row, lines across the table as paragraphs, and the other lines as rows — a cell that wraps
// over several lines is one cell (its lines joined, words this program broke without a hyphen
// rejoined), and lines that start with a number start rows of their own.
class WordRowAssembler {
public:
    WordRowAssembler(const WordTableBuilder::Options &options, WordColumns &columns,
                     const QString &sourceName);

    void setLineHeight(double height) { m_lineHeight = height; }
    // How many table rows (the header's included) are out so far.
    int tableRows() const { return m_tableRow; }
    const RawDocument &document() const { return m_doc; }

    // The header band as one row: each column's words, line after line; sets the columns' roles.
    void header(const QList<WordLine> &band);
    // Lines from `from` on in groups: rows, or paragraphs where they run across the table.
    void lineGroups(const QList<WordLine> &lines, qsizetype from, bool pageTop);
    void paragraphs(const QList<WordLine> &lines, qsizetype from, qsizetype to, bool join);
    bool spans(const WordLine &l) const;

private:
    // Where the words of one cell of a line stand.
    struct CellSpan {
        int words = 0;
        double left = 0;
        double right = 0;
    };

    template <typename ColumnOf> QStringList cellsOf(const WordLine &l, ColumnOf column) const;
    QStringList cellsOf(const WordLine &l) const;
    QStringList ownCells(const WordLine &l) const;
    static bool isWordEnding(const QString &rest);
    QList<QList<bool>> brokenWords(const QList<QStringList> &cells,
                                   const QList<QList<CellSpan>> &extents) const;
    void rows(const QList<WordLine> &lines, qsizetype from, qsizetype to,
              const QList<QStringList> &cellsOfLine, const QList<QList<bool>> &brokenOfLine,
              bool pageTop);
    double gapBefore(const QList<WordLine> &lines, qsizetype i) const;

    const WordTableBuilder::Options m_o;
    WordColumns &m_columns;
    RawDocument m_doc;
    double m_lineHeight = 1;
    int m_tableRow = 0;
    mutable QList<CellSpan> m_lastSpans; // the extents of the cells cellsOf gave last
};

} // namespace objectivity::io
