#include "plan/WordRowAssembler.h"

#include "objectivity/io/plan/PlanColumnClassifier.h"
#include "objectivity/io/plan/PlanTextRules.h"

#include <QHash>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>
#include <cmath>

using objectivity::core::ColumnRole;

namespace objectivity::io {

namespace {
// Groups of words with no gap of `gap` or more between them, left to right: [from, to).
QList<QPair<double, double>> clustersOf(const QList<const PageWord *> &words, double gap) {
    QList<QPair<double, double>> spans;
    for (const PageWord *w : words)
        spans.append({w->box.left(), w->box.right()});
    std::sort(spans.begin(), spans.end());
    QList<QPair<double, double>> out;
    for (const auto &s : spans) {
        if (!out.isEmpty() && s.first - out.last().second < gap)
            out.last().second = std::max(out.last().second, s.second);
        else
            out.append(s);
    }
    return out;
}
} // namespace

WordRowAssembler::WordRowAssembler(const WordTableBuilder::Options &options, WordColumns &columns,
                                   const QString &sourceName)
    : m_o(options), m_columns(columns) {
    m_doc.sourceName = sourceName;
    m_doc.locator = options.locator;
}

void WordRowAssembler::header(const QList<WordLine> &band) {
    if (!m_columns.ok)
        return;
    QStringList cells(m_columns.count());
    for (const WordLine &l : band)
        for (int c = 0; c < m_columns.count(); ++c) {
            QStringList part;
            for (const PageWord &w : l.words)
                if (m_columns.at(w.box.center().x()) == c)
                    part << w.text;
            if (!part.isEmpty())
                cells[c] = WordLine::join(cells[c], part.join(QLatin1Char(' ')));
        }
    // «№ Мероприятия» over one column: the numbers and the texts share it.
    static const QRegularExpression merged(
        QStringLiteral(R"(^((?:№|N)\s*(?:п\s*/\s*п|пп)?\.?)\s+(\S.*)$)"));
    m_columns.mergedNumber = -1;
    for (int c = 0; c < cells.size() && m_columns.mergedNumber < 0; ++c) {
        const auto m = merged.match(cells[c]);
        if (m.hasMatch() && PlanColumnClassifier::role(m.captured(2)) == ColumnRole::Measure) {
            m_columns.mergedNumber = c;
            cells[c] = m.captured(2);
            cells.insert(c, m.captured(1));
        }
    }
    m_columns.roles.clear();
    for (const QString &cell : cells)
        m_columns.roles << PlanColumnClassifier::role(cell).value_or(ColumnRole::Note);
    RawBlock b = RawBlock::row(cells, band.first().number, ++m_tableRow);
    b.page = band.first().page;
    m_doc.blocks.append(b);
}

// A word over a column boundary: the line runs across the table (a section row, a paragraph)
// or belongs to a table of other widths.
bool WordRowAssembler::spans(const WordLine &l) const {
    const double tolerance = m_o.bin;
    for (const PageWord &w : l.words)
        for (double b : m_columns.bounds)
            if (w.box.left() < b - tolerance && w.box.right() > b + tolerance)
                return true;
    return false;
}

// The cells of a line; `column` gives the column of a word (the page's, or a row's own).
template <typename ColumnOf>
QStringList WordRowAssembler::cellsOf(const WordLine &l, ColumnOf column) const {
    QStringList cells(m_columns.cells());
    m_lastSpans = QList<CellSpan>(m_columns.cells());
    bool first = true;
    for (const PageWord &w : l.words) {
        const int c = column(w);
        int cell = m_columns.cellOf(c);
        if (c == m_columns.mergedNumber) {
            if (!first || !PlanTextRules::isMeasureNumber(w.text))
                ++cell;
            first = false;
        }
        cells[cell] = cells[cell].isEmpty() ? w.text : cells[cell] + QLatin1Char(' ') + w.text;
        CellSpan &span = m_lastSpans[cell];
        span.left = span.words == 0 ? w.box.left() : std::min(span.left, w.box.left());
        span.right = std::max(span.right, w.box.right());
        ++span.words;
    }
    return cells;
}

QStringList WordRowAssembler::cellsOf(const WordLine &l) const {
    if (!m_o.headerByGaps)
        return cellsOf(l, [this](const PageWord &w) { return m_columns.at(w.box.center().x()); });
    // A short word a space before a word of the next column starts that column's text
    // («В течение года»: «В» may stand over the boundary).
    QHash<const PageWord *, int> columnOf;
    for (qsizetype i = l.words.size() - 1; i >= 0; --i) {
        const PageWord &w = l.words[i];
        int column = m_columns.at(w.box.center().x());
        if (i + 1 < l.words.size() && w.text.size() <= 2) {
            const PageWord &next = l.words[i + 1];
            const int nextColumn = columnOf.value(&next);
            if (nextColumn > column && next.box.left() - w.box.right() < 0.6 * m_o.phraseGap)
                column = nextColumn;
        }
        columnOf.insert(&w, column);
    }
    return cellsOf(l, [&](const PageWord &w) { return columnOf.value(&w); });
}

// The cells of a line that runs over the page's column boundaries but has gaps of its own (a
// row of a table with other widths): each group of words to the column that starts nearest,
// in order. Empty when the line is one phrase (a section row across the table, a paragraph).
QStringList WordRowAssembler::ownCells(const WordLine &l) const {
    QList<const PageWord *> words;
    for (const PageWord &w : l.words)
        words << &w;
    const auto groups = clustersOf(words, m_o.phraseGap);
    if (groups.size() < 2)
        return {};
    QList<int> columnOfGroup;
    int last = -1;
    for (const auto &g : groups) {
        int best = 0;
        for (int c = 1; c < m_columns.count(); ++c)
            if (std::abs(m_columns.lefts[c] - g.first) < std::abs(m_columns.lefts[best] - g.first))
                best = c;
        best = std::max(best, std::min(last + 1, m_columns.count() - 1));
        columnOfGroup << best;
        last = best;
    }
    return cellsOf(l, [&](const PageWord &w) {
        const double x = w.box.center().x();
        for (qsizetype g = 0; g < groups.size(); ++g)
            if (x >= groups[g].first && x <= groups[g].second)
                return columnOfGroup[g];
        return m_columns.at(x);
    });
}

void WordRowAssembler::lineGroups(const QList<WordLine> &lines, qsizetype from, bool pageTop) {
    // Each line: its cells, or none when it runs across the table (a paragraph).
    QList<QStringList> cells;
    QList<QList<CellSpan>> extents;
    for (qsizetype i = from; i < lines.size(); ++i) {
        m_lastSpans.clear();
        cells << (spans(lines[i]) ? ownCells(lines[i]) : cellsOf(lines[i]));
        extents << (cells.last().isEmpty() ? QList<CellSpan>() : m_lastSpans);
    }
    const QList<QList<bool>> broken = brokenWords(cells, extents);
    // Groups of lines of one kind with no row gap between them.
    qsizetype i = from;
    while (i < lines.size()) {
        const bool across = cells[i - from].isEmpty();
        qsizetype j = i + 1;
        while (j < lines.size() && gapBefore(lines, j) < m_o.rowGap &&
               cells[j - from].isEmpty() == across &&
               !(across && PlanTextRules::sectionHead(lines[j].text()).ok))
            ++j;
        if (across)
            paragraphs(lines, i, j, true);
        else
            rows(lines, i, j, cells.mid(i - from, j - i), broken.mid(i - from, j - i),
                 pageTop && i == 0);
        i = j;
    }
}

// The rest of a word broken at a line's end: a lowercase ending of up to three letters that is
// not a word of its own («ых», «х», «ыми», «ося»; not «и», «на», «для»). The column may be
// exactly as wide as its longest word, so a whole next word («школьных») cannot be told from
// the rest of a broken one by the positions alone: longer rests stay apart.
bool WordRowAssembler::isWordEnding(const QString &rest) {
    static const QRegularExpression ending(QStringLiteral(R"(^\p{Ll}{1,3}[.,;:)]?$)"));
    static const QSet<QString> words{
        QStringLiteral("и"),   QStringLiteral("в"),   QStringLiteral("с"),
        QStringLiteral("к"),   QStringLiteral("о"),   QStringLiteral("у"),
        QStringLiteral("а"),   QStringLiteral("я"),   QStringLiteral("по"),
        QStringLiteral("на"),  QStringLiteral("за"),  QStringLiteral("из"),
        QStringLiteral("от"),  QStringLiteral("до"),  QStringLiteral("со"),
        QStringLiteral("во"),  QStringLiteral("об"),  QStringLiteral("не"),
        QStringLiteral("ни"),  QStringLiteral("же"),  QStringLiteral("ли"),
        QStringLiteral("бы"),  QStringLiteral("их"),  QStringLiteral("им"),
        QStringLiteral("ей"),  QStringLiteral("её"),  QStringLiteral("ее"),
        QStringLiteral("он"),  QStringLiteral("мы"),  QStringLiteral("вы"),
        QStringLiteral("то"),  QStringLiteral("да"),  QStringLiteral("но"),
        QStringLiteral("или"), QStringLiteral("для"), QStringLiteral("при"),
        QStringLiteral("под"), QStringLiteral("над"), QStringLiteral("без"),
        QStringLiteral("про"), QStringLiteral("как"), QStringLiteral("что"),
        QStringLiteral("его"), QStringLiteral("все"), QStringLiteral("всех"),
        QStringLiteral("они"), QStringLiteral("оно"), QStringLiteral("она"),
        QStringLiteral("так"), QStringLiteral("уже"), QStringLiteral("еще"),
        QStringLiteral("ещё"), QStringLiteral("обо"), QStringLiteral("ими"),
        QStringLiteral("том"), QStringLiteral("тех"), QStringLiteral("чем"),
        QStringLiteral("год"), QStringLiteral("гг"),  QStringLiteral("г"),
        QStringLiteral("др"),  QStringLiteral("т"),   QStringLiteral("ч"),
        QStringLiteral("п"),   QStringLiteral("кл"),  QStringLiteral("пр"),
        QStringLiteral("ст"),  QStringLiteral("мес")};
    if (!ending.match(rest).hasMatch())
        return false;
    QString bare = rest;
    while (!bare.isEmpty() && !bare.back().isLetter())
        bare.chop(1);
    return !words.contains(bare);
}

// Which cell of which line ends with a word broken in the middle at the line's end (this
// program prints a word longer than its column over several lines, with no hyphen): the cell
// holds one word, ending with a letter, as wide as the widest line of its column to within a
// character, and the cell's next line starts with a word's ending (isWordEnding). Only where
// Options::joinBrokenWords says the printer breaks words so.
QList<QList<bool>> WordRowAssembler::brokenWords(const QList<QStringList> &cells,
                                                 const QList<QList<CellSpan>> &extents) const {
    QList<QList<bool>> out(cells.size());
    if (!m_o.joinBrokenWords)
        return out;
    QList<double> widest(m_columns.cells(), 0.0);
    for (const auto &line : extents)
        for (qsizetype c = 0; c < line.size() && c < widest.size(); ++c)
            if (line[c].words > 0)
                widest[c] = std::max(widest[c], line[c].right - line[c].left);
    for (qsizetype i = 0; i + 1 < cells.size(); ++i) {
        out[i] = QList<bool>(m_columns.cells(), false);
        if (extents[i].isEmpty() || extents[i + 1].isEmpty())
            continue;
        for (qsizetype c = 0; c < extents[i].size(); ++c) {
            const CellSpan &span = extents[i][c];
            const QString &text = cells[i][c];
            const QString &next = cells[i + 1][c];
            const QString rest = next.section(QLatin1Char(' '), 0, 0);
            if (span.words != 1 || text.size() < 4 || !text.back().isLetter() ||
                !isWordEnding(rest))
                continue;
            const double charWidth = (span.right - span.left) / text.size();
            out[i][c] = span.right - span.left >= widest[c] - 1.0 * charWidth;
        }
    }
    return out;
}

// Lines [from, to) as one paragraph (joined) or, above the table, a paragraph per line.
void WordRowAssembler::paragraphs(const QList<WordLine> &lines, qsizetype from, qsizetype to,
                                  bool join) {
    if (!join) {
        for (qsizetype i = from; i < to; ++i) {
            RawBlock b = RawBlock::paragraph(lines[i].text(), lines[i].number);
            b.page = lines[i].page;
            m_doc.blocks.append(b);
        }
        return;
    }
    QString text;
    for (qsizetype i = from; i < to; ++i)
        text = WordLine::join(text, lines[i].text());
    RawBlock b = RawBlock::paragraph(text, lines[from].number);
    b.page = lines[from].page;
    m_doc.blocks.append(b);
}

// Lines [from, to) in columns: one row, or several when more than one line starts with a
// number (rows without a gap between them, their cells aligned to the top).
// At the top of a page, lines before the first number end the row the last page began.
void WordRowAssembler::rows(const QList<WordLine> &lines, qsizetype from, qsizetype to,
                            const QList<QStringList> &cellsOfLine,
                            const QList<QList<bool>> &brokenOfLine, bool pageTop) {
    const int numberCell = m_columns.numberCell();
    QList<qsizetype> starts{from};
    if (numberCell >= 0) {
        QList<qsizetype> numbered;
        for (qsizetype i = from; i < to; ++i) {
            const QString n = cellsOfLine[i - from][numberCell].section(QLatin1Char(' '), 0, 0);
            if (PlanTextRules::isMeasureNumber(n) || PlanTextRules::sectionHead(n).ok)
                numbered << i;
        }
        if (numbered.size() > 1 || (pageTop && !numbered.isEmpty()))
            for (qsizetype n : numbered)
                if (n != from)
                    starts << n;
    }
    starts << to;
    for (qsizetype s = 0; s + 1 < starts.size(); ++s) {
        QStringList cells(m_columns.cells());
        for (qsizetype i = starts[s]; i < starts[s + 1]; ++i) {
            const QStringList &part = cellsOfLine[i - from];
            const QList<bool> &brokenBefore =
                i > starts[s] ? brokenOfLine[i - 1 - from] : QList<bool>();
            for (int c = 0; c < cells.size(); ++c)
                cells[c] =
                    brokenBefore.value(c) ? cells[c] + part[c] : WordLine::join(cells[c], part[c]);
        }
        RawBlock b = RawBlock::row(cells, lines[starts[s]].number, ++m_tableRow);
        b.page = lines[starts[s]].page;
        m_doc.blocks.append(b);
    }
}

double WordRowAssembler::gapBefore(const QList<WordLine> &lines, qsizetype i) const {
    return (lines[i].top - lines[i - 1].bottom) / m_lineHeight;
}

} // namespace objectivity::io
