#include "plan/WordColumnFinder.h"

#include <QSet>

#include <QtGlobal>

#include <algorithm>
#include <climits>
#include <cmath>

namespace objectivity::io {

void WordColumnFinder::find(const QList<WordLine> &band, const QList<WordLine> &body) {
    double left = band.first().left();
    double right = band.first().right();
    for (const QList<WordLine> *part : {&band, &body})
        for (const WordLine &l : *part) {
            left = std::min(left, l.left());
            right = std::max(right, l.right());
        }
    double headerLeft = band.first().left();
    double headerRight = band.first().right();
    QList<const PageWord *> headerWords;
    for (const WordLine &l : band) {
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
    auto mark = [&](const WordLine &l) {
        ++counted;
        for (const PageWord &w : l.words) {
            const int a = binOf(w.box.left());
            const int b = int(std::ceil((w.box.right() - left) / m_o.bin));
            for (int x = std::max(0, a); x < std::min(bins, b); ++x)
                ++cover[x];
        }
    };
    for (const WordLine &l : body) {
        // A section row or paragraph across the table would hide the column gaps.
        if (WordLine::isOnePhrase(l, m_o.phraseGap) && l.right() - l.left() > 0.5 * m_tableWidth)
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
        // Ink below a header word: a gap in the body between two words tells a column boundary
        // only when both have text below them (on a page that continues one measure the empty
        // columns have none, and «№ п/п» or «Ожидаемый результат» would fall apart).
        auto inked = [&](const QRectF &box) {
            for (int x = std::max(0, binOf(box.left())); x < std::min(bins, binOf(box.right()) + 1);
                 ++x)
                if (cover[x] > 0)
                    return true;
            return false;
        };
        QList<QPair<double, double>> pieces;
        for (const WordLine &l : band)
            for (qsizetype i = 0; i < l.words.size(); ++i) {
                const QRectF &box = l.words[i].box;
                if (i > 0) {
                    const QRectF &prev = l.words[i - 1].box;
                    if (box.left() - prev.right() < m_o.phraseGap &&
                        !(bodyGap(prev.right(), box.left()) && inked(prev) && inked(box))) {
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
    WordColumns c;
    c.ok = true;
    for (const Run &r : runs)
        c.runs.append({r.from, r.to});
    m_columns = c;
    fitBounds(body);
}

// The boundaries between the header's columns from the gaps of the lines below it: the widest
// stretch with the least ink between two header centres (no ink at all, unless a line crosses
// the gap). Space-aligned text: just before each column's start.
void WordColumnFinder::fitBounds(const QList<WordLine> &body) {
    auto &c = m_columns;
    const auto &runs = c.runs;
    c.lefts.clear();
    c.bounds.clear();
    double left = runs.first().first;
    double right = runs.last().second;
    for (const WordLine &l : body) {
        left = std::min(left, l.left());
        right = std::max(right, l.right());
    }
    const int bins = int(std::ceil((right - left) / m_o.bin)) + 2;
    QList<int> cover(std::min(bins, 100'000), 0);
    auto binOf = [&](double x) { return int(std::floor((x - left) / m_o.bin)); };
    if (bins <= 100'000)
        for (const WordLine &l : body) {
            if (WordLine::isOnePhrase(l, m_o.phraseGap) &&
                l.right() - l.left() > 0.5 * m_tableWidth)
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

// The columns of a table without a header from where its lines start their text: when as many
// starts are shared by several lines as the table has columns, the boundaries go just before
// them (a PDF only: its cells start at the same place on every line).
void WordColumnFinder::fitStarts(const QList<WordLine> &lines, qsizetype from, qsizetype to) {
    if (!m_o.headerByGaps || to - from < 3)
        return;
    QList<QPair<double, qsizetype>> starts; // x, line
    for (qsizetype i = from; i < to; ++i)
        for (qsizetype k = 0; k < lines[i].words.size(); ++k)
            if (k == 0 ||
                lines[i].words[k].box.left() - lines[i].words[k - 1].box.right() >= m_o.phraseGap)
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

} // namespace objectivity::io
