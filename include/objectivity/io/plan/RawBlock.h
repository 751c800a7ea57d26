#pragma once
#include <QList>
#include <QString>
#include <QStringList>

namespace objectivity::io {

// One block of a plan document as a format reader saw it: a paragraph (one line of text) or a
// table row (its cells, left to right, merged cells already expanded to their grid positions).
struct RawBlock {
    enum class Kind { Paragraph, Row };

    Kind kind = Kind::Paragraph;
    QStringList cells; // a paragraph has exactly one; a cell may hold '\n' between its paragraphs
    QList<bool> repeated; // per cell: true when the text was copied from a merged cell above
    int line = 0;     // where it is in the source: text/HTML line, or .docx paragraph/row ordinal
    int tableRow = 0; // 1-based row within its table (0 for paragraphs)
    int page = 0;     // the page of a PDF (RawDocument::Locator::PageLine); 0 elsewhere
    bool emphasized = false; // the whole paragraph is bold (or was wrapped in **…** in text)

    bool isRow() const { return kind == Kind::Row; }
    QString text() const { return cells.isEmpty() ? QString() : cells.first(); }
    bool isBlank() const {
        for (const QString &c : cells)
            if (!c.trimmed().isEmpty())
                return false;
        return true;
    }

    static RawBlock paragraph(const QString &text, int line, bool emphasized = false) {
        RawBlock b;
        b.cells = QStringList{text};
        b.repeated = QList<bool>{false};
        b.line = line;
        b.emphasized = emphasized;
        return b;
    }
    static RawBlock row(const QStringList &cells, int line, int tableRow = 0) {
        RawBlock b;
        b.kind = Kind::Row;
        b.cells = cells;
        b.repeated = QList<bool>(cells.size(), false);
        b.line = line;
        b.tableRow = tableRow;
        return b;
    }
};

} // namespace objectivity::io
