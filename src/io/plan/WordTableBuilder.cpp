#include "objectivity/io/plan/WordTableBuilder.h"

#include "objectivity/io/plan/PlanColumnClassifier.h"
#include "objectivity/io/plan/PlanTextRules.h"
#include "plan/WordColumnFinder.h"
#include "plan/WordColumns.h"
#include "plan/WordLine.h"
#include "plan/WordLineGrouper.h"
#include "plan/WordRowAssembler.h"

#include <QRegularExpression>
#include <QSet>

#include <algorithm>

using objectivity::core::ColumnRole;

namespace objectivity::io {

namespace {

// A line of words naming the columns of a plan table.
bool isHeaderLine(const WordLine &l, double pageWidth) {
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

// Pages of lines → header bands, table bodies and the text around them: where a table (or the
// header repeated on a page) starts, which lines are its body, where a section title alone on
// its line begins a table of other widths. WordColumnFinder finds the columns, WordRowAssembler
// makes the rows and paragraphs.
class Builder {
public:
    Builder(const QString &sourceName, const WordTableBuilder::Options &o)
        : m_o(o), m_finder(o, m_columns), m_rows(o, m_columns, sourceName) {}

    RawDocument run(const QList<PageWord> &words) {
        const QList<QList<WordLine>> pages = WordLineGrouper::pages(words);
        for (qsizetype p = 0; p < pages.size(); ++p) {
            // The lines the columns are seen in: this page's and, for a header low on the page,
            // the next pages' (up to 200 lines).
            m_following.clear();
            for (qsizetype q = p + 1; q < pages.size() && m_following.size() < 200; ++q)
                m_following += pages[q];
            page(pages[p]);
        }
        return m_rows.document();
    }

private:
    void page(const QList<WordLine> &lines) {
        if (lines.isEmpty())
            return;
        double left = lines.first().left();
        double right = lines.first().right();
        QList<double> heights;
        for (const WordLine &l : lines) {
            left = std::min(left, l.left());
            right = std::max(right, l.right());
            heights << (l.bottom - l.top);
        }
        m_lineHeight = std::max(WordLine::median(heights), 1e-6);
        m_pageWidth = right - left;
        m_finder.setLineHeight(m_lineHeight);
        m_rows.setLineHeight(m_lineHeight);
        if (!m_columns.ok || lines.size() < 6 || headerAt(lines) >= 0)
            part(lines, false);
        else {
            m_finder.fitBounds(lines); // the table goes on without its header: this page's own gaps
            part(lines, false);
        }
    }

    qsizetype headerAt(const QList<WordLine> &lines) const {
        for (qsizetype i = 0; i < lines.size(); ++i)
            if (isHeaderLine(lines[i], m_pageWidth))
                return i;
        return -1;
    }

    // Lines of a page from the top or from below a header: the body, up to the next header (a
    // table of its own, or the header repeated), then that header and what follows it.
    void part(const QList<WordLine> &lines, bool belowHeader) {
        const qsizetype header = headerAt(lines);
        if (header < 0) {
            if (m_columns.ok)
                body(lines, 0, !belowHeader);
            else
                for (qsizetype i = 0; i < lines.size(); ++i)
                    m_rows.paragraphs(lines, i, i + 1, false); // no table yet
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
                m_rows.paragraphs(lines, i, i + 1, false);
        const QList<WordLine> band = lines.mid(first, last - first + 1);
        QList<WordLine> below = lines.mid(last + 1);
        const qsizetype next = headerAt(below);
        const QList<WordLine> table = next >= 0 ? below.mid(0, next) : below;
        // The header repeated at the top of a page (a table already begun): the lines below it
        // before the first number end the row the last page cut («(продолжение мероприятия N)»).
        const bool repeated = first == 0 && !belowHeader && m_rows.tableRows() > 0;
        m_finder.find(band, table.size() >= 30 || next >= 0 ? table : table + m_following);
        m_rows.header(band);
        part(below, !repeated);
    }

    double gapBefore(const QList<WordLine> &lines, qsizetype i) const {
        return (lines[i].top - lines[i - 1].bottom) / m_lineHeight;
    }

    // A line under the header line that is still part of the header: «п/п», «исполнения», not a
    // measure number or the start of a section.
    static bool continuesHeader(const WordLine &l) {
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

    // A section title standing alone on its line (a paragraph between two tables, or a row
    // across the table): the table after it may have columns of other widths.
    bool isSectionLine(const WordLine &l) const {
        const auto head = PlanTextRules::sectionHead(l.text());
        return head.ok && !head.title.isEmpty() && WordLine::isOnePhrase(l, m_o.phraseGap);
    }

    void body(const QList<WordLine> &lines, qsizetype from, bool pageTop) {
        // A section title alone on its line may begin a table of other widths.
        for (qsizetype i = from; i < lines.size(); ++i)
            if (isSectionLine(lines[i])) {
                qsizetype j = i + 1;
                while (j < lines.size() && !isSectionLine(lines[j]))
                    ++j;
                // The title's next lines go with it.
                qsizetype k = i + 1;
                while (k < j && gapBefore(lines, k) < m_o.rowGap &&
                       WordLine::isOnePhrase(lines[k], m_o.phraseGap) && m_rows.spans(lines[k]))
                    ++k;
                m_rows.lineGroups(lines.mid(0, k), from, pageTop);
                const QList<WordLine> rest = lines.mid(k);
                m_finder.fitStarts(rest, 0, j - k);
                if (!rest.isEmpty())
                    body(rest, 0, false);
                return;
            }
        m_rows.lineGroups(lines, from, pageTop);
    }

    const WordTableBuilder::Options m_o;
    WordColumns m_columns;
    WordColumnFinder m_finder;
    WordRowAssembler m_rows;
    QList<WordLine> m_following; // the lines of the pages after the current one
    double m_pageWidth = 0;
    double m_lineHeight = 1;
};

} // namespace

RawDocument WordTableBuilder::build(const QList<PageWord> &words, const QString &sourceName,
                                    const Options &options) {
    return Builder(sourceName, options).run(words);
}

} // namespace objectivity::io
