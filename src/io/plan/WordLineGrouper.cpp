#include "plan/WordLineGrouper.h"

#include "objectivity/io/plan/PlanTextRules.h"

#include <QMap>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>
#include <cmath>

namespace objectivity::io {

QList<QList<WordLine>> WordLineGrouper::pages(const QList<PageWord> &words) {
    QMap<int, QList<PageWord>> byPage;
    for (const PageWord &w : words)
        if (!w.text.trimmed().isEmpty())
            byPage[w.page].append(w);
    QList<QList<WordLine>> pages;
    for (auto it = byPage.begin(); it != byPage.end(); ++it)
        pages.append(pageLines(it.value(), it.key()));
    dropRunningLines(pages);
    for (QList<WordLine> &lines : pages)
        dropContinuationMarks(lines);
    return pages;
}

// Words of one page grouped into lines by their vertical centres.
QList<WordLine> WordLineGrouper::pageLines(QList<PageWord> words, int page) {
    QList<double> heights;
    for (const PageWord &w : words)
        heights << w.box.height();
    const double h = std::max(WordLine::median(heights), 1e-6);
    std::sort(words.begin(), words.end(), [](const PageWord &a, const PageWord &b) {
        return a.box.center().y() < b.box.center().y();
    });
    QList<WordLine> lines;
    double centre = 0;
    for (const PageWord &w : words) {
        const double c = w.box.center().y();
        if (lines.isEmpty() || c - centre > 0.4 * h) {
            WordLine l;
            l.page = page;
            l.top = w.box.top();
            l.bottom = w.box.bottom();
            lines.append(l);
            centre = c;
        }
        WordLine &l = lines.last();
        l.words.append(w);
        l.top = std::min(l.top, w.box.top());
        l.bottom = std::max(l.bottom, w.box.bottom());
    }
    int n = 0;
    for (WordLine &l : lines) {
        std::sort(l.words.begin(), l.words.end(),
                  [](const PageWord &a, const PageWord &b) { return a.box.left() < b.box.left(); });
        l.number = l.words.first().line > 0 ? l.words.first().line : ++n;
    }
    return lines;
}

// Page numbers and the same text first or last on several pages: not part of the plan.
void WordLineGrouper::dropRunningLines(QList<QList<WordLine>> &pages) {
    static const QRegularExpression digits(QStringLiteral(R"(\d+)"));
    auto key = [](const WordLine &l) { return l.text().remove(digits).simplified(); };
    QMap<QString, int> seen;
    for (const QList<WordLine> &lines : pages) {
        if (lines.isEmpty())
            continue;
        QSet<QString> keys{key(lines.first()), key(lines.last())};
        for (const QString &k : keys)
            ++seen[k];
    }
    for (QList<WordLine> &lines : pages) {
        auto running = [&](const WordLine &l) {
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
        for (const WordLine &l : lines) {
            left = std::min(left, l.left());
            right = std::max(right, l.right());
        }
        const double centre = (left + right) / 2;
        const double slack = 0.05 * (right - left);
        for (WordLine *l : {&lines.first(), &lines.last()})
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
void WordLineGrouper::dropContinuationMarks(QList<WordLine> &lines) {
    static const QRegularExpression mark(
        QStringLiteral(R"(^\(продолжение(?: мероприятия [^\s()]+)?\)$)"));
    static const QRegularExpression start(QStringLiteral(R"(^\(продолжение)"));
    for (qsizetype i = 0; i < lines.size(); ++i) {
        if (!start.match(lines[i].text()).hasMatch())
            continue;
        QString text;
        for (qsizetype k = i; k < lines.size() && k < i + 3; ++k) {
            text = WordLine::join(text, lines[k].text());
            if (mark.match(text).hasMatch()) {
                lines.remove(i, k - i + 1);
                break;
            }
        }
    }
}

} // namespace objectivity::io
