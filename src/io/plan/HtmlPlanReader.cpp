#include "objectivity/io/plan/HtmlPlanReader.h"

#include "objectivity/io/formats/ReaderLimits.h"
#include "objectivity/io/plan/PlanTextRules.h"

#include <QHash>
#include <QRegularExpression>
#include <QSet>

#include <optional>

namespace objectivity::io {

namespace {

QString decodeEntity(const QString &name) {
    static const QHash<QString, QString> named{
        {QStringLiteral("nbsp"), QStringLiteral(" ")},
        {QStringLiteral("amp"), QStringLiteral("&")},
        {QStringLiteral("lt"), QStringLiteral("<")},
        {QStringLiteral("gt"), QStringLiteral(">")},
        {QStringLiteral("quot"), QStringLiteral("\"")},
        {QStringLiteral("apos"), QStringLiteral("'")},
        {QStringLiteral("laquo"), QStringLiteral("«")},
        {QStringLiteral("raquo"), QStringLiteral("»")},
        {QStringLiteral("mdash"), QStringLiteral("—")},
        {QStringLiteral("ndash"), QStringLiteral("–")},
        {QStringLiteral("hellip"), QStringLiteral("…")},
        {QStringLiteral("bull"), QStringLiteral("•")},
        {QStringLiteral("shy"), QString()},
        {QStringLiteral("numero"), QStringLiteral("№")},
        {QStringLiteral("sect"), QStringLiteral("§")},
        {QStringLiteral("copy"), QStringLiteral("©")},
        {QStringLiteral("ldquo"), QStringLiteral("“")},
        {QStringLiteral("rdquo"), QStringLiteral("”")},
        {QStringLiteral("bdquo"), QStringLiteral("„")},
        {QStringLiteral("lsquo"), QStringLiteral("‘")},
        {QStringLiteral("rsquo"), QStringLiteral("’")},
        {QStringLiteral("middot"), QStringLiteral("·")},
        {QStringLiteral("deg"), QStringLiteral("°")},
        {QStringLiteral("times"), QStringLiteral("×")},
        {QStringLiteral("ensp"), QStringLiteral(" ")},
        {QStringLiteral("emsp"), QStringLiteral(" ")},
        {QStringLiteral("thinsp"), QStringLiteral(" ")},
        {QStringLiteral("zwnj"), QString()},
        {QStringLiteral("zwj"), QString()},
    };
    if (name.startsWith(QLatin1Char('#'))) {
        bool ok = false;
        const uint code =
            name.size() > 1 && (name[1] == QLatin1Char('x') || name[1] == QLatin1Char('X'))
                ? name.mid(2).toUInt(&ok, 16)
                : name.mid(1).toUInt(&ok, 10);
        if (!ok || code == 0 || code > 0x10FFFF)
            return QStringLiteral("\uFFFD");
        if (code == 0xA0)
            return QStringLiteral(" ");
        const char32_t c = code;
        return QString::fromUcs4(&c, 1);
    }
    return named.value(name.toLower(), QStringLiteral("&") + name + QLatin1Char(';'));
}

int intAttribute(const QString &attrs, bool rowspan) {
    static const QRegularExpression colRe(QStringLiteral(R"((?:^|\s)colspan\s*=\s*["']?\s*(\d+))"),
                                          QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression rowRe(QStringLiteral(R"((?:^|\s)rowspan\s*=\s*["']?\s*(\d+))"),
                                          QRegularExpression::CaseInsensitiveOption);
    if (!attrs.contains(QLatin1String("span"), Qt::CaseInsensitive))
        return 1;
    const auto m = (rowspan ? rowRe : colRe).match(attrs);
    return m.hasMatch() ? qBound(1, m.captured(1).toInt(), 1000) : 1;
}

bool isBlockTag(const QString &t) {
    static const QStringList tags{
        QStringLiteral("p"),      QStringLiteral("div"),     QStringLiteral("h1"),
        QStringLiteral("h2"),     QStringLiteral("h3"),      QStringLiteral("h4"),
        QStringLiteral("h5"),     QStringLiteral("h6"),      QStringLiteral("li"),
        QStringLiteral("ul"),     QStringLiteral("ol"),      QStringLiteral("blockquote"),
        QStringLiteral("pre"),    QStringLiteral("section"), QStringLiteral("article"),
        QStringLiteral("header"), QStringLiteral("footer"),  QStringLiteral("center"),
        QStringLiteral("hr"),     QStringLiteral("caption"), QStringLiteral("dl"),
        QStringLiteral("dt"),     QStringLiteral("dd"),      QStringLiteral("body"),
        QStringLiteral("address")};
    return tags.contains(t);
}

struct Spanned {
    int remaining = 0;
    QString text;
};

// The reader's state while walking the tokens. Over a limit of ReaderLimits it records refused()
// and ignores the rest; the caller stops.
class Walker {
public:
    explicit Walker(RawDocument &doc) : m_doc(doc) {}

    const std::optional<core::Error> &refused() const { return m_refused; }

    void text(const QString &t, int line) {
        for (QChar c : t) {
            const bool space = c.isSpace() || c == QChar(0x00A0);
            QString &buf = target();
            if (space) {
                if (!buf.isEmpty() && !buf.endsWith(QLatin1Char(' ')) &&
                    !buf.endsWith(QLatin1Char('\n')))
                    buf += QLatin1Char(' ');
                continue;
            }
            if (m_depth == 0 && m_para.isEmpty())
                m_paraLine = line;
            buf += c;
            if (m_depth == 0) {
                ++m_paraChars;
                if (m_bold > 0)
                    ++m_paraBold;
            }
        }
        if (target().size() > ReaderLimits::kPlanCellChars)
            refuse(QStringLiteral("абзац или ячейка таблицы длиннее %1 символов")
                       .arg(ReaderLimits::count(ReaderLimits::kPlanCellChars)));
    }

    void tag(const QString &name, bool closing, const QString &attrs, int line) {
        if (name == QLatin1String("b") || name == QLatin1String("strong")) {
            m_bold = qMax(0, m_bold + (closing ? -1 : 1));
            return;
        }
        if (name == QLatin1String("table")) {
            if (!closing) {
                if (m_depth == 0)
                    flushParagraph();
                else
                    breakLine();
                if (m_depth >= ReaderLimits::kTableNesting) {
                    refuse(QStringLiteral("вложенность таблиц больше %1 уровней")
                               .arg(ReaderLimits::kTableNesting));
                    return;
                }
                ++m_depth;
                if (m_depth == 1) {
                    m_spans.clear();
                    m_tableRow = 0;
                }
            } else if (m_depth > 0) {
                if (m_depth == 1)
                    endRow();
                --m_depth;
            }
            return;
        }
        if (m_depth == 1) {
            if (name == QLatin1String("tr")) {
                endRow();
                if (!closing)
                    startRow(line);
                return;
            }
            if (name == QLatin1String("td") || name == QLatin1String("th")) {
                endCell();
                if (!closing) {
                    if (!m_inRow)
                        startRow(line);
                    m_inCell = true;
                    m_cell.clear();
                    m_colspan = intAttribute(attrs, false);
                    m_rowspan = intAttribute(attrs, true);
                }
                return;
            }
        } else if (m_depth > 1 && (name == QLatin1String("td") || name == QLatin1String("th") ||
                                   name == QLatin1String("tr"))) {
            if (name == QLatin1String("tr"))
                breakLine();
            else if (!closing)
                target() += QLatin1Char(' ');
            return;
        }
        if (name == QLatin1String("br") || isBlockTag(name)) {
            if (m_depth == 0)
                // An empty <p>…</p> or a second <br> is a blank line, as in the text form.
                flushParagraph((closing && name == QLatin1String("p")) ||
                               name == QLatin1String("br"));
            else
                breakLine();
        }
    }

    void finish() {
        while (m_depth > 0)
            tag(QStringLiteral("table"), true, {}, 0);
        flushParagraph();
    }

private:
    void refuse(const QString &what) {
        if (!m_refused)
            m_refused = ReaderLimits::planRefused(m_doc.sourceName, what);
    }
    bool addBlock() {
        if (++m_blockCount > ReaderLimits::kPlanBlocks)
            refuse(QStringLiteral("в документе больше %1 абзацев и строк таблиц")
                       .arg(ReaderLimits::count(ReaderLimits::kPlanBlocks)));
        return !m_refused;
    }
    QString &target() {
        if (m_depth == 0)
            return m_para;
        return m_cell; // nested tables and text between cells all land in the current cell
    }
    void breakLine() {
        QString &buf = target();
        if (buf.endsWith(QLatin1Char(' ')))
            buf.chop(1);
        if (!buf.isEmpty() && !buf.endsWith(QLatin1Char('\n')))
            buf += QLatin1Char('\n');
    }
    void flushParagraph(bool blankIfEmpty = false) {
        const QString t = PlanTextRules::tidy(m_para);
        if (!t.isEmpty()) {
            const bool bold = m_paraChars > 0 && m_paraBold * 10 >= m_paraChars * 8;
            if (addBlock())
                m_doc.blocks.append(RawBlock::paragraph(t, m_paraLine, bold));
            m_justFlushed = true;
        } else if (blankIfEmpty && !m_justFlushed && !m_doc.blocks.isEmpty() &&
                   !m_doc.blocks.last().isBlank()) {
            if (addBlock())
                m_doc.blocks.append(RawBlock::paragraph(QString(), m_paraLine));
        } else {
            m_justFlushed = false;
        }
        m_para.clear();
        m_paraChars = 0;
        m_paraBold = 0;
    }
    void fillSpans() {
        while (m_cells.size() < m_spans.size() && m_spans[m_cells.size()].remaining > 0) {
            Spanned &s = m_spans[m_cells.size()];
            --s.remaining;
            m_cells << s.text;
            m_repeated << true;
        }
    }
    void startRow(int line) {
        m_inRow = true;
        m_cells.clear();
        m_repeated.clear();
        m_rowLine = line;
    }
    void endCell() {
        if (!m_inCell)
            return;
        m_inCell = false;
        fillSpans();
        const QString t = PlanTextRules::tidy(m_cell);
        const qsizetype at = m_cells.size();
        m_cells << t;
        m_repeated << false;
        if (m_cells.size() + m_colspan - 1 > ReaderLimits::kPlanRowCells) {
            refuse(QStringLiteral("в строке таблицы больше %1 ячеек")
                       .arg(ReaderLimits::count(ReaderLimits::kPlanRowCells)));
            m_cell.clear();
            return;
        }
        for (int k = 1; k < m_colspan; ++k) {
            m_cells << QString();
            m_repeated << false;
        }
        if (m_spans.size() < m_cells.size())
            m_spans.resize(m_cells.size());
        for (qsizetype k = at; k < m_cells.size(); ++k)
            m_spans[k] = Spanned{m_rowspan - 1, k == at ? t : QString()};
        m_cell.clear();
    }
    void endRow() {
        endCell();
        if (!m_inRow)
            return;
        m_inRow = false;
        fillSpans();
        if (m_cells.isEmpty() || !addBlock())
            return;
        // Counted per row, so that cells repeated down by rowspan count too.
        if ((m_cellCount += m_cells.size()) > ReaderLimits::kPlanCells) {
            refuse(QStringLiteral("в таблицах документа больше %1 ячеек")
                       .arg(ReaderLimits::count(ReaderLimits::kPlanCells)));
            return;
        }
        RawBlock b = RawBlock::row(m_cells, m_rowLine, ++m_tableRow);
        b.repeated = m_repeated;
        m_doc.blocks.append(b);
    }

    RawDocument &m_doc;
    std::optional<core::Error> m_refused;
    int m_blockCount = 0;
    qint64 m_cellCount = 0;
    int m_depth = 0;
    int m_bold = 0;
    QString m_para;
    int m_paraLine = 0;
    int m_paraChars = 0;
    int m_paraBold = 0;
    bool m_justFlushed = false; // the last boundary closed a paragraph with text
    bool m_inRow = false;
    bool m_inCell = false;
    QString m_cell;
    int m_colspan = 1;
    int m_rowspan = 1;
    QStringList m_cells;
    QList<bool> m_repeated;
    QList<Spanned> m_spans;
    int m_rowLine = 0;
    int m_tableRow = 0;
};

} // namespace

QByteArray HtmlPlanReader::declaredCharset(const QByteArray &data) {
    static const QRegularExpression charset(
        QStringLiteral(R"(charset\s*=\s*["']?\s*([A-Za-z0-9_-]+))"),
        QRegularExpression::CaseInsensitiveOption);
    const auto m = charset.match(QString::fromLatin1(data.left(8192)));
    return m.hasMatch() ? m.captured(1).toLatin1() : QByteArray();
}

core::Result<RawDocument> HtmlPlanReader::read(const QString &html, const QString &sourceName) {
    if (html.size() > ReaderLimits::kPlanTextBytes)
        return ReaderLimits::planRefused(
            sourceName, QStringLiteral("текст документа больше %1 символов")
                            .arg(ReaderLimits::count(ReaderLimits::kPlanTextBytes)));
    RawDocument doc;
    doc.sourceName = sourceName;
    doc.locator = RawDocument::Locator::SourceLine;
    Walker walker(doc);
    const QString &s = html; // const: s[i] with no detach check per character
    qsizetype i = 0;
    // Word's clipboard (CF_HTML) starts with "Version:0.9 StartHTML:…": skip that header.
    if (s.startsWith(QLatin1String("Version:"))) {
        const qsizetype start = s.indexOf(QLatin1Char('<'));
        i = start < 0 ? s.size() : start;
    }
    const qsizetype n = s.size();
    int line = 1 + int(s.left(i).count(QLatin1Char('\n')));
    qsizetype counted = i;
    auto lineAt = [&](qsizetype pos) {
        for (; counted < pos && counted < n; ++counted)
            if (s[counted] == QLatin1Char('\n'))
                ++line;
        return line;
    };
    static const QStringList rawText{QStringLiteral("script"), QStringLiteral("style"),
                                     QStringLiteral("title"),  QStringLiteral("xml"),
                                     QStringLiteral("head"),   QStringLiteral("noscript")};
    QString pending;
    int pendingLine = 1;
    auto flushText = [&]() {
        if (!pending.isEmpty())
            walker.text(pending, pendingLine);
        pending.clear();
    };
    qint64 tags = 0;
    QSet<QString> unclosed; // raw-text elements (<script>…) with no closing tag after this point
    while (i < n && !walker.refused()) {
        const QChar c = s[i];
        if (c == QLatin1Char('<')) {
            if (s.mid(i, 4) == QLatin1String("<!--")) {
                const qsizetype end = s.indexOf(QLatin1String("-->"), i + 4);
                i = end < 0 ? n : end + 3;
                continue;
            }
            if (i + 1 < n && (s[i + 1] == QLatin1Char('!') || s[i + 1] == QLatin1Char('?'))) {
                const qsizetype end = s.indexOf(QLatin1Char('>'), i);
                i = end < 0 ? n : end + 1;
                continue;
            }
            qsizetype j = i + 1;
            const bool closing = j < n && s[j] == QLatin1Char('/');
            if (closing)
                ++j;
            const qsizetype nameStart = j;
            while (j < n && (s[j].isLetterOrNumber() || s[j] == QLatin1Char(':') ||
                             s[j] == QLatin1Char('-')))
                ++j;
            if (j == nameStart || !s[nameStart].isLetter()) {
                if (pending.isEmpty())
                    pendingLine = lineAt(i);
                pending += c; // a literal '<'
                ++i;
                continue;
            }
            const QString name = s.mid(nameStart, j - nameStart).toLower();
            // The end of the tag, skipping quoted attribute values.
            qsizetype k = j;
            QChar quote;
            for (; k < n; ++k) {
                const QChar q = s[k];
                if (!quote.isNull()) {
                    if (q == quote)
                        quote = QChar();
                } else if (q == QLatin1Char('"') || q == QLatin1Char('\'')) {
                    quote = q;
                } else if (q == QLatin1Char('>')) {
                    break;
                }
            }
            if (++tags > ReaderLimits::kHtmlTags)
                return ReaderLimits::planRefused(
                    sourceName, QStringLiteral("в документе больше %1 тегов HTML")
                                    .arg(ReaderLimits::count(ReaderLimits::kHtmlTags)));
            const QString attrs = s.mid(j, k - j);
            flushText();
            walker.tag(name, closing, attrs, lineAt(i));
            i = k < n ? k + 1 : n;
            if (!closing && rawText.contains(name) && !attrs.endsWith(QLatin1Char('/')) &&
                !unclosed.contains(name)) {
                const qsizetype end =
                    s.indexOf(QStringLiteral("</") + name, i, Qt::CaseInsensitive);
                if (end < 0)
                    unclosed.insert(name); // none further on either: never search again
                if (end >= 0) {
                    const qsizetype close = s.indexOf(QLatin1Char('>'), end);
                    i = close < 0 ? n : close + 1;
                }
            }
            continue;
        }
        if (c == QLatin1Char('&')) {
            static const QRegularExpression entity(
                QStringLiteral(R"(&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z]{2,8});?)"));
            const auto m = entity.match(s, i, QRegularExpression::NormalMatch,
                                        QRegularExpression::AnchorAtOffsetMatchOption);
            if (m.hasMatch()) {
                if (pending.isEmpty())
                    pendingLine = lineAt(i);
                pending += decodeEntity(m.captured(1));
                i += m.capturedLength();
                continue;
            }
        }
        if (pending.isEmpty())
            pendingLine = lineAt(i);
        pending += c;
        ++i;
    }
    flushText();
    if (!walker.refused())
        walker.finish();
    if (walker.refused())
        return *walker.refused();
    return doc;
}

} // namespace objectivity::io
