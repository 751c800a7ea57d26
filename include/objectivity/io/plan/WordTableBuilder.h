#pragma once
#include "objectivity/io/plan/PageWord.h"
#include "objectivity/io/plan/RawDocument.h"

#include <QList>

namespace objectivity::io {

// Rebuilds a plan document from words and their positions on the page (a PDF read with Poppler, or
// the text `pdftotext -layout` gives, columns aligned with spaces):
// - lines from the words' vertical positions; page numbers and running heads/footers (the same
//   text first or last on several pages) are dropped;
// - the table's header from the words that name columns («№ п/п», «Мероприятия», «Сроки», …), over
//   one or several lines (a two-row header is one row);
// - the column boundaries from the vertical gaps that no line of the table crosses below the
//   header, each column named by a header word above it (per page; a page without a header keeps
//   the previous page's columns);
// - rows from the vertical gaps between groups of lines (a cell that wraps over several lines is
//   one cell, its lines joined); lines with text across a column boundary (a section row spanning
//   the table, a paragraph between tables) become paragraphs.
// What it produces goes to the same PlanDocumentParser as the other readers.
class WordTableBuilder {
public:
    struct Options {
        // Histogram bin of the column search, in the words' units (0.5 pt, or 1 character).
        double bin = 1.0;
        // A horizontal gap at least this wide separates phrases (columns); smaller is a space.
        double phraseGap = 1.5;
        // A vertical gap at least this wide separates rows; smaller is the next line of a cell.
        double rowGap = 0.5;
        // The header's cells stand apart (a PDF): each group of header words is a column. Otherwise
        // (space-aligned text, where one space may separate columns) columns are the stretches
        // the lines below the header cover, named by the header words over them.
        bool headerByGaps = false;
        // A word longer than its column is broken at the line's end without a hyphen (a PDF this
        // program printed): a cell's line that is one word filling the column, followed by a
        // line starting with a lowercase letter, is joined to it without a space.
        bool joinBrokenWords = false;
        // Words carry their source line (PageWord::line): warnings name «Строка N» of the text.
        RawDocument::Locator locator = RawDocument::Locator::SourceLine;
    };

    static RawDocument build(const QList<PageWord> &words, const QString &sourceName,
                             const Options &options);
};

} // namespace objectivity::io
