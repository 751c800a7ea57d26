#include "objectivity/io/plan/WordTableBuilder.h"

#include "objectivity/io/plan/PlanColumnClassifier.h"
#include "objectivity/io/plan/PlanTextRules.h"

#include <QHash>
#include <QMap>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>
#include <climits>
#include <cmath>

using objectivity::core::ColumnRole;

namespace objectivity::io {

namespace {

struct Line {
    int page = 1;
    int number = 0; // 1-based on its page, or the source line of a text
    double top = 0;
    double bottom = 0;
    QList<PageWord> words; // left to right

    double left() const { return words.isEmpty() ? 0 : words.first().box.left(); }
    double right() const {
        double r = 0;
        for (const PageWord &w : words)
            r = std::max(r, w.box.right());
        return r;
    }
    QString text() const {
        QStringList t;
        for (const PageWord &w : words)
            t << w.text;
        return t.join(QLatin1Char(' '));
    }
};

struct Columns {
    bool ok = false;
    QList<double> bounds;              // bounds[i] separates column i and i+1
    QList<double> lefts;               // where the text of each column starts
    QList<QPair<double, double>> runs; // the header's columns: from, to
    // A column headed «№ Мероприятия» (the number column ran into the next one): the number a
    // line starts with is a cell of its own.
    int mergedNumber = -1;
    QList<ColumnRole> roles; // per cell of a row

    int count() const { return int(lefts.size()); }
    int cells() const { return count() + (mergedNumber >= 0 ? 1 : 0); }
    int at(double x) const {
        int c = 0;
        while (c < bounds.size() && x > bounds[c])
            ++c;
        return c;
    }
    int cellOf(int column) const {
        return mergedNumber >= 0 && column > mergedNumber ? column + 1 : column;
    }
    int numberCell() const { return int(roles.indexOf(ColumnRole::Number)); }
};

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

double median(QList<double> v) {
    if (v.isEmpty())
        return 0;
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

// «учителя-» + «предметники» → «учителя-предметники»; «п/» + «п» → «п/п» (a line broken after a
// slash that follows a letter); otherwise a space.
QString joinLines(const QString &a, const QString &b) {
    if (a.isEmpty())
        return b;
    if (b.isEmpty())
        return a;
    if (a.size() > 1 && a.endsWith(QLatin1Char('/')) && a.at(a.size() - 2).isLetterOrNumber())
        return a + b;
    if (a.size() > 1 && a.endsWith(QLatin1Char('-')) && a.at(a.size() - 2).isLetter() &&
        b.front().isLower())
        return a + b;
    return a + QLatin1Char(' ') + b;
}

// Words of one page grouped into lines by their vertical centres.
QList<Line> pageLines(QList<PageWord> words, int page) {
    QList<double> heights;
    for (const PageWord &w : words)
        heights << w.box.height();
    const double h = std::max(median(heights), 1e-6);
    std::sort(words.begin(), words.end(), [](const PageWord &a, const PageWord &b) {
        return a.box.center().y() < b.box.center().y();
    });
    QList<Line> lines;
    double centre = 0;
    for (const PageWord &w : words) {
        const double c = w.box.center().y();
        if (lines.isEmpty() || c - centre > 0.4 * h) {
            Line l;
            l.page = page;
            l.top = w.box.top();
            l.bottom = w.box.bottom();
            lines.append(l);
            centre = c;
        }
        Line &l = lines.last();
        l.words.append(w);
        l.top = std::min(l.top, w.box.top());
        l.bottom = std::max(l.bottom, w.box.bottom());
    }
    int n = 0;
    for (Line &l : lines) {
        std::sort(l.words.begin(), l.words.end(),
                  [](const PageWord &a, const PageWord &b) { return a.box.left() < b.box.left(); });
        l.number = l.words.first().line > 0 ? l.words.first().line : ++n;
    }
    return lines;
}

// A line of words naming the columns of a plan table.
bool isHeaderLine(const Line &l, double pageWidth) {
    if (l.words.size() < 2 || l.words.size() > 24 || (l.right() - l.left()) < 0.4 * pageWidth)
        return false;
    QStringList cells;
    int known = 0;
    QSet<int> roles;
    for (const PageWord &w : l.words) {
        QString t = w.text;
        while (!t.isEmpty() && !t.back().isLetterOrNumber() && t != QStringLiteral("№"))
            t.chop(1);
        if (const auto r = PlanColumnClassifier::role(t)) {
            ++known;
            roles.insert(int(*r));
        }
    }
    if (roles.size() < 2 || known * 2 < l.words.size())
        return false;
    return roles.contains(int(ColumnRole::Measure)) ||
           (roles.contains(int(ColumnRole::Number)) &&
            (roles.contains(int(ColumnRole::Deadline)) || roles.contains(int(ColumnRole::Owners))));
}

// Whether all the gaps between the words of a line are spaces (no column gap).
bool isOnePhrase(const Line &l, double phraseGap) {
    for (qsizetype i = 1; i < l.words.size(); ++i)
        if (l.words[i].box.left() - l.words[i - 1].box.right() >= phraseGap)
            return false;
    return true;
}

// Where the words of one cell of a line stand.
struct CellSpan {
    int words = 0;
    double left = 0;
    double right = 0;
};

class Builder {
public:
    Builder(const QString &sourceName, const WordTableBuilder::Options &o) : m_o(o) {
        m_doc.sourceName = sourceName;
        m_doc.locator = o.locator;
    }

    RawDocument run(const QList<PageWord> &words) {
        QMap<int, QList<PageWord>> byPage;
        for (const PageWord &w : words)
            if (!w.text.trimmed().isEmpty())
                byPage[w.page].append(w);
        QList<QList<Line>> pages;
        for (auto it = byPage.begin(); it != byPage.end(); ++it)
            pages.append(pageLines(it.value(), it.key()));
        dropRunningLines(pages);
        for (QList<Line> &lines : pages)
            dropContinuationMarks(lines);
        for (qsizetype p = 0; p < pages.size(); ++p) {
            // The lines the columns are seen in: this page's and, for a header low on the page,
            // the next pages' (up to 200 lines).
            m_following.clear();
            for (qsizetype q = p + 1; q < pages.size() && m_following.size() < 200; ++q)
                m_following += pages[q];
            page(pages[p]);
        }
        return m_doc;
    }

private:
    // Page numbers and the same text first or last on several pages: not part of the plan.
    static void dropRunningLines(QList<QList<Line>> &pages) {
        static const QRegularExpression digits(QStringLiteral(R"(\d+)"));
        auto key = [](const Line &l) { return l.text().remove(digits).simplified(); };
        QMap<QString, int> seen;
        for (const QList<Line> &lines : pages) {
            if (lines.isEmpty())
                continue;
            QSet<QString> keys{key(lines.first()), key(lines.last())};
            for (const QString &k : keys)
                ++seen[k];
        }
        for (QList<Line> &lines : pages) {
            auto running = [&](const Line &l) {
                return PlanTextRules::isPageNumber(l.text()) ||
                       (pages.size() > 2 && seen.value(key(l)) > 2 && !key(l).isEmpty());
            };
            for (int k = 0; k < 2 && !lines.isEmpty(); ++k) {
                if (running(lines.last()))
                    lines.removeLast();
                if (!lines.isEmpty() && running(lines.first()))
                    lines.removeFirst();
            }
            if (lines.isEmpty())
                continue;
            // A page number on a line of the table: alone in the middle of the page or at its
            // right edge.
            double left = lines.first().left();
            double right = lines.first().right();
            for (const Line &l : lines) {
                left = std::min(left, l.left());
                right = std::max(right, l.right());
            }
            const double centre = (left + right) / 2;
            const double slack = 0.05 * (right - left);
            for (Line *l : {&lines.first(), &lines.last()})
                for (qsizetype i = 0; i < l->words.size() && l->words.size() > 1; ++i) {
                    const PageWord &w = l->words[i];
                    const double c = w.box.center().x();
                    if (PlanTextRules::isPageNumber(w.text) &&
                        (std::abs(c - centre) < slack || c > right - slack)) {
                        l->words.removeAt(i);
                        break;
                    }
                }
        }
    }

    // «(продолжение мероприятия N)» / «(продолжение)» over the part of a row a page break cut
    // (PlanPrintLayout prints it in the measure column, on one line or a few when the column is
    // narrow): not text of the plan. The part then reads as the end of the row the page before
    // began.
    static void dropContinuationMarks(QList<Line> &lines) {
        static const QRegularExpression mark(
            QStringLiteral(R"(^\(продолжение(?: мероприятия [^\s()]+)?\)$)"));
        static const QRegularExpression start(QStringLiteral(R"(^\(продолжение)"));
        for (qsizetype i = 0; i < lines.size(); ++i) {
            if (!start.match(lines[i].text()).hasMatch())
                continue;
            QString text;
            for (qsizetype k = i; k < lines.size() && k < i + 3; ++k) {
                text = joinLines(text, lines[k].text());
                if (mark.match(text).hasMatch()) {
                    lines.remove(i, k - i + 1);
                    break;
                }
            }
        }
    }

    void page(const QList<Line> &lines) {
        if (lines.isEmpty())
            return;
        double left = lines.first().left();
        double right = lines.first().right();
        QList<double> heights;
        for (const Line &l : lines) {
            left = std::min(left, l.left());
            right = std::max(right, l.right());
            heights << (l.bottom - l.top);
        }
        m_lineHeight = std::max(median(heights), 1e-6);
        m_pageWidth = right - left;
        if (!m_columns.ok || lines.size() < 6 || headerAt(lines) >= 0)
            part(lines, false);
        else {
            fitBounds(lines); // the table goes on without its header: this page's own gaps
            part(lines, false);
        }
    }

    qsizetype headerAt(const QList<Line> &lines) const {
        for (qsizetype i = 0; i < lines.size(); ++i)
            if (isHeaderLine(lines[i], m_pageWidth))
                return i;
        return -1;
    }

    // Lines of a page from the top or from below a header: the body, up to the next header (a
    // table of its own, or the header repeated), then that header and what follows it.
    void part(const QList<Line> &lines, bool belowHeader) {
        const qsizetype header = headerAt(lines);
        if (header < 0) {
            if (m_columns.ok)
                body(lines, 0, !belowHeader);
            else
                for (qsizetype i = 0; i < lines.size(); ++i)
                    paragraphs(lines, i, i + 1, false); // no table yet
            return;
        }
        // The header band: the lines around the header line with no row gap between them.
        qsizetype first = header;
        while (first > 0 && header - first < 3 && gapBefore(lines, first) < m_o.rowGap &&
               continuesHeader(lines[first - 1]))
            --first;
        qsizetype last = header;
        while (last + 1 < lines.size() && last - header < 3 &&
               gapBefore(lines, last + 1) < m_o.rowGap && continuesHeader(lines[last + 1]))
            ++last;
        // Above the header: the table continued from the page before, or the text above it.
        if (m_columns.ok)
            body(lines.mid(0, first), 0, !belowHeader);
        else
            for (qsizetype i = 0; i < first; ++i)
                paragraphs(lines, i, i + 1, false);
        const QList<Line> band = lines.mid(first, last - first + 1);
        QList<Line> below = lines.mid(last + 1);
        const qsizetype next = headerAt(below);
        const QList<Line> table = next >= 0 ? below.mid(0, next) : below;
        // The header repeated at the top of a page (a table already begun): the lines below it
        // before the first number end the row the last page cut («(продолжение мероприятия N)»).
        const bool repeated = first == 0 && !belowHeader && m_tableRow > 0;
        findColumns(band, table.size() >= 30 || next >= 0 ? table : table + m_following);
        emitHeader(band);
        part(below, !repeated);
    }

    double gapBefore(const QList<Line> &lines, qsizetype i) const {
        return (lines[i].top - lines[i - 1].bottom) / m_lineHeight;
    }

    // A line under the header line that is still part of the header: «п/п», «исполнения», not a
    // measure number or the start of a section.
    static bool continuesHeader(const Line &l) {
        if (l.words.size() > 12)
            return false;
        const QString first = l.words.first().text;
        if (PlanTextRules::isMeasureNumber(first) || PlanTextRules::sectionHead(l.text()).ok)
            return false;
        // The words a heading goes on with on its next line («п» after «№ п/», broken after the
        // slash).
        static const QRegularExpression continuation(
            QStringLiteral(R"(^(п/п|пп|п|исполнени[яе]|реализации|проведения|выполнени[яе]|)"
                           R"(исполнител[иь]|ответственн\w*|результат\w*|мероприяти[яй]|)"
                           R"(отметка|о|об|за|и|по|в|срок\w*|дата|форма|[(),.;:-]+)$)"),
            QRegularExpression::CaseInsensitiveOption);
        for (const PageWord &w : l.words)
            if (!PlanColumnClassifier::role(w.text) && !continuation.match(w.text).hasMatch())
                return false;
        return true;
    }

    // Column boundaries from the header band and the lines of the table below it.
    void findColumns(const QList<Line> &band, const QList<Line> &body) {
        double left = band.first().left();
        double right = band.first().right();
        for (const QList<Line> *part : {&band, &body})
            for (const Line &l : *part) {
                left = std::min(left, l.left());
                right = std::max(right, l.right());
            }
        double headerLeft = band.first().left();
        double headerRight = band.first().right();
        QList<const PageWord *> headerWords;
        for (const Line &l : band) {
            headerLeft = std::min(headerLeft, l.left());
            headerRight = std::max(headerRight, l.right());
            for (const PageWord &w : l.words)
                headerWords << &w;
        }
        m_tableWidth = headerRight - headerLeft;
        const int bins = int(std::ceil((right - left) / m_o.bin)) + 2;
        if (bins > 100'000)
            return;
        QList<int> cover(bins, 0);
        int counted = 0;
        auto binOf = [&](double x) { return int(std::floor((x - left) / m_o.bin)); };
        auto mark = [&](const Line &l) {
            ++counted;
            for (const PageWord &w : l.words) {
                const int a = binOf(w.box.left());
                const int b = int(std::ceil((w.box.right() - left) / m_o.bin));
                for (int x = std::max(0, a); x < std::min(bins, b); ++x)
                    ++cover[x];
            }
        };
        for (const Line &l : body) {
            // A section row or paragraph across the table would hide the column gaps.
            if (isOnePhrase(l, m_o.phraseGap) && l.right() - l.left() > 0.5 * m_tableWidth)
                continue;
            mark(l);
        }
        const int previousCount = m_columns.count();
        const bool enoughBody = counted >= 6;

        struct Run {
            double from, to; // in the words' units
            bool named = false;
        };
        QList<Run> runs;
        if (m_o.headerByGaps) {
            // The header's cells stand apart: the words of a header line split where the gap is
            // wide or the body below has a gap of its own; the pieces of all lines that overlap
            // are one column.
            auto bodyGap = [&](double a, double b) {
                const int need = std::max(1, int(0.3 * m_lineHeight / m_o.bin));
                int run = 0;
                for (int x = std::max(0, binOf(a)); x < std::min(bins, binOf(b) + 1); ++x) {
                    run = cover[x] == 0 ? run + 1 : 0;
                    if (run >= need)
                        return true;
                }
                return false;
            };
            QList<QPair<double, double>> pieces;
            for (const Line &l : band)
                for (qsizetype i = 0; i < l.words.size(); ++i) {
                    const QRectF &box = l.words[i].box;
                    if (i > 0) {
                        const QRectF &prev = l.words[i - 1].box;
                        if (box.left() - prev.right() < m_o.phraseGap &&
                            !bodyGap(prev.right(), box.left())) {
                            pieces.last().second = box.right();
                            continue;
                        }
                    }
                    pieces.append({box.left(), box.right()});
                }
            std::sort(pieces.begin(), pieces.end());
            for (const auto &piece : pieces) {
                if (!runs.isEmpty() && piece.first < runs.last().to)
                    runs.last().to = std::max(runs.last().to, piece.second);
                else
                    runs.append({piece.first, piece.second, true});
            }
        } else {
            // Space-aligned text: a column starts where a header word starts and the lines below
            // have a gap just before it (one space may be all that separates two columns).
            QList<int> starts;
            int firstStart = INT_MAX;
            for (const PageWord *w : headerWords)
                firstStart = std::min(firstStart, binOf(w->box.left()));
            for (const PageWord *w : headerWords) {
                const int x = binOf(w->box.left());
                int near = 0;
                for (int k = x; k < std::min(bins, x + 4); ++k)
                    near = std::max(near, cover[k]);
                // pdftotext puts a column's lines a character apart now and then.
                int before = x > 0 ? cover[x - 1] : 0;
                for (int k = std::max(0, x - 3); k < x; ++k)
                    before = std::min(before, cover[k]);
                if (x == firstStart || before * 2 <= near)
                    starts << x;
            }
            std::sort(starts.begin(), starts.end());
            for (int x : starts) {
                if (!runs.isEmpty() && x - runs.last().from < 2 / m_o.bin)
                    continue;
                if (!runs.isEmpty())
                    runs.last().to = left + (x - 1) * m_o.bin;
                runs.append({left + x * m_o.bin, right, true});
            }
        }
        if (runs.size() < 2)
            return;
        if (!enoughBody && previousCount == runs.size())
            return; // too few lines below the header to see the gaps: keep the last page's
        Columns c;
        c.ok = true;
        for (const Run &r : runs)
            c.runs.append({r.from, r.to});
        m_columns = c;
        fitBounds(body);
    }

    // The boundaries between the header's columns from the gaps of the lines below it: the widest
    // stretch with the least ink between two header centres (no ink at all, unless a line crosses
    // the gap). Space-aligned text: just before each column's start.
    void fitBounds(const QList<Line> &body) {
        auto &c = m_columns;
        const auto &runs = c.runs;
        c.lefts.clear();
        c.bounds.clear();
        double left = runs.first().first;
        double right = runs.last().second;
        for (const Line &l : body) {
            left = std::min(left, l.left());
            right = std::max(right, l.right());
        }
        const int bins = int(std::ceil((right - left) / m_o.bin)) + 2;
        QList<int> cover(std::min(bins, 100'000), 0);
        auto binOf = [&](double x) { return int(std::floor((x - left) / m_o.bin)); };
        if (bins <= 100'000)
            for (const Line &l : body) {
                if (isOnePhrase(l, m_o.phraseGap) && l.right() - l.left() > 0.5 * m_tableWidth)
                    continue;
                for (const PageWord &w : l.words) {
                    const int a = binOf(w.box.left());
                    const int b = int(std::ceil((w.box.right() - left) / m_o.bin));
                    for (int x = std::max(0, a); x < std::min(bins, b); ++x)
                        ++cover[x];
                }
            }
        for (qsizetype r = 0; r < runs.size(); ++r) {
            c.lefts << runs[r].first;
            if (r == 0)
                continue;
            double bound = (runs[r - 1].second + runs[r].first) / 2;
            if (!m_o.headerByGaps && bins <= 100'000) {
                // pdftotext places a heading a few characters off its column: the boundary is
                // the least covered character near the heading's start.
                const int x = binOf(runs[r].first);
                int best = -1;
                for (int k = std::max(binOf(runs[r - 1].first) + 1, x - 3);
                     k <= std::min(bins - 1, x + 1); ++k)
                    if (best < 0 || cover[k] < cover[best])
                        best = k;
                if (best >= 0)
                    bound = left + m_o.bin * (best + 0.5);
            }
            if (m_o.headerByGaps && bins <= 100'000) {
                const int a = std::max(0, binOf((runs[r - 1].first + runs[r - 1].second) / 2));
                const int b = std::min(bins, binOf((runs[r].first + runs[r].second) / 2));
                int least = INT_MAX;
                for (int x = a; x < b; ++x)
                    least = std::min(least, cover[x]);
                int bestLength = 0;
                for (int x = a; x < b;) {
                    if (cover[x] > least) {
                        ++x;
                        continue;
                    }
                    int y = x;
                    while (y < b && cover[y] <= least)
                        ++y;
                    if (y - x > bestLength) {
                        bestLength = y - x;
                        bound = left + m_o.bin * (x + y) / 2.0;
                    }
                    x = y;
                }
            }
            c.bounds << bound;
        }
    }

    // The header band as one row: each column's words, line after line.
    void emitHeader(const QList<Line> &band) {
        if (!m_columns.ok)
            return;
        QStringList cells(m_columns.count());
        for (const Line &l : band)
            for (int c = 0; c < m_columns.count(); ++c) {
                QStringList part;
                for (const PageWord &w : l.words)
                    if (m_columns.at(w.box.center().x()) == c)
                        part << w.text;
                if (!part.isEmpty())
                    cells[c] = joinLines(cells[c], part.join(QLatin1Char(' ')));
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
    bool spans(const Line &l) const {
        const double tolerance = m_o.bin;
        for (const PageWord &w : l.words)
            for (double b : m_columns.bounds)
                if (w.box.left() < b - tolerance && w.box.right() > b + tolerance)
                    return true;
        return false;
    }

    // The cells of a line; `column` gives the column of a word (the page's, or a row's own).
    template <typename ColumnOf> QStringList cellsOf(const Line &l, ColumnOf column) const {
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
    QStringList cellsOf(const Line &l) const {
        if (!m_o.headerByGaps)
            return cellsOf(l,
                           [this](const PageWord &w) { return m_columns.at(w.box.center().x()); });
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
    QStringList ownCells(const Line &l) const {
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
                if (std::abs(m_columns.lefts[c] - g.first) <
                    std::abs(m_columns.lefts[best] - g.first))
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

    // A section title standing alone on its line (a paragraph between two tables, or a row
    // across the table): the table after it may have columns of other widths.
    bool isSectionLine(const Line &l) const {
        const auto head = PlanTextRules::sectionHead(l.text());
        return head.ok && !head.title.isEmpty() && isOnePhrase(l, m_o.phraseGap);
    }

    // The columns of a table without a header from where its lines start their text: when as many
    // starts are shared by several lines as the table has columns, the boundaries go just before
    // them (a PDF only: its cells start at the same place on every line).
    void fitStarts(const QList<Line> &lines, qsizetype from, qsizetype to) {
        if (!m_o.headerByGaps || to - from < 3)
            return;
        QList<QPair<double, qsizetype>> starts; // x, line
        for (qsizetype i = from; i < to; ++i)
            for (qsizetype k = 0; k < lines[i].words.size(); ++k)
                if (k == 0 || lines[i].words[k].box.left() - lines[i].words[k - 1].box.right() >=
                                  m_o.phraseGap)
                    starts.append({lines[i].words[k].box.left(), i});
        std::sort(starts.begin(), starts.end());
        const double tolerance = 2.0;
        QList<double> kept;
        for (qsizetype a = 0; a < starts.size();) {
            qsizetype b = a + 1;
            while (b < starts.size() && starts[b].first - starts[b - 1].first <= tolerance)
                ++b;
            QSet<qsizetype> onLines;
            for (qsizetype k = a; k < b; ++k)
                onLines.insert(starts[k].second);
            if (onLines.size() >= std::max<qsizetype>(2, (to - from) / 6))
                kept << starts[a].first;
            a = b;
        }
        if (kept.size() != m_columns.count())
            return;
        for (int c = 1; c < kept.size(); ++c) {
            m_columns.bounds[c - 1] = kept[c] - 1.0;
            m_columns.lefts[c] = kept[c];
        }
        m_columns.lefts[0] = kept[0];
    }

    void body(const QList<Line> &lines, qsizetype from, bool pageTop) {
        // A section title alone on its line may begin a table of other widths.
        for (qsizetype i = from; i < lines.size(); ++i)
            if (isSectionLine(lines[i])) {
                qsizetype j = i + 1;
                while (j < lines.size() && !isSectionLine(lines[j]))
                    ++j;
                // The title's next lines go with it.
                qsizetype k = i + 1;
                while (k < j && gapBefore(lines, k) < m_o.rowGap &&
                       isOnePhrase(lines[k], m_o.phraseGap) && spans(lines[k]))
                    ++k;
                lineGroups(lines.mid(0, k), from, pageTop);
                const QList<Line> rest = lines.mid(k);
                fitStarts(rest, 0, j - k);
                if (!rest.isEmpty())
                    body(rest, 0, false);
                return;
            }
        lineGroups(lines, from, pageTop);
    }

    void lineGroups(const QList<Line> &lines, qsizetype from, bool pageTop) {
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
    static bool isWordEnding(const QString &rest) {
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
    QList<QList<bool>> brokenWords(const QList<QStringList> &cells,
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
    void paragraphs(const QList<Line> &lines, qsizetype from, qsizetype to, bool join) {
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
            text = joinLines(text, lines[i].text());
        RawBlock b = RawBlock::paragraph(text, lines[from].number);
        b.page = lines[from].page;
        m_doc.blocks.append(b);
    }

    // Lines [from, to) in columns: one row, or several when more than one line starts with a
    // number (rows without a gap between them, their cells aligned to the top).
    // At the top of a page, lines before the first number end the row the last page began.
    void rows(const QList<Line> &lines, qsizetype from, qsizetype to,
              const QList<QStringList> &cellsOfLine, const QList<QList<bool>> &brokenOfLine,
              bool pageTop) {
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
                        brokenBefore.value(c) ? cells[c] + part[c] : joinLines(cells[c], part[c]);
            }
            RawBlock b = RawBlock::row(cells, lines[starts[s]].number, ++m_tableRow);
            b.page = lines[starts[s]].page;
            m_doc.blocks.append(b);
        }
    }

    const WordTableBuilder::Options m_o;
    RawDocument m_doc;
    Columns m_columns;
    QList<Line> m_following; // the lines of the pages after the current one
    double m_tableWidth = 0;
    double m_pageWidth = 0;
    double m_lineHeight = 1;
    int m_tableRow = 0;
    mutable QList<CellSpan> m_lastSpans; // the extents of the cells cellsOf gave last
};

} // namespace

RawDocument WordTableBuilder::build(const QList<PageWord> &words, const QString &sourceName,
                                    const Options &options) {
    return Builder(sourceName, options).run(words);
}

} // namespace objectivity::io
