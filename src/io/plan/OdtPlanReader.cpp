#include "objectivity/io/plan/OdtPlanReader.h"

#include "objectivity/io/formats/ReaderLimits.h"
#include "objectivity/io/plan/PlanTextRules.h"
#include "plan/PlanZipPart.h"
#include "plan/XmlWalkBudget.h"

#include <QHash>
#include <QXmlStreamReader>

#include <algorithm>
#include <optional>

using objectivity::core::Error;
using objectivity::core::Result;

namespace objectivity::io {

namespace {

constexpr int kMaxRepeatedEmpty = 64; // repeated empty cells and rows taken at most

// Paragraph and text styles: whether each sets bold text, and its parent.
class OdtStyles {
public:
    // Reads the style:style elements of a styles.xml or of content.xml's automatic styles (and
    // of nothing else: the rest of the part is skipped).
    void read(const QByteArray &xml) {
        QXmlStreamReader r(xml);
        while (!r.atEnd()) {
            if (r.readNext() != QXmlStreamReader::StartElement)
                continue;
            if (r.name() == QLatin1String("body"))
                return; // content.xml: the styles come before the body
            if (r.name() != QLatin1String("style") || r.namespaceUri() != QLatin1String(kStyleNs))
                continue;
            const QString name =
                r.attributes().value(QLatin1String(kStyleNs), QLatin1String("name")).toString();
            Style s;
            s.parent = r.attributes()
                           .value(QLatin1String(kStyleNs), QLatin1String("parent-style-name"))
                           .toString();
            while (r.readNextStartElement()) {
                if (r.name() == QLatin1String("text-properties")) {
                    const auto weight =
                        r.attributes().value(QLatin1String(kFoNs), QLatin1String("font-weight"));
                    if (!weight.isEmpty())
                        s.bold = weight == QLatin1String("bold") || weight.toInt() >= 600;
                }
                r.skipCurrentElement();
            }
            if (!name.isEmpty())
                m_styles.insert(name, s);
        }
    }

    // Whether text in style `name` is bold; `inherited` when the style does not say.
    bool bold(const QString &name, bool inherited) const {
        QString at = name;
        for (int depth = 0; depth < 32 && !at.isEmpty(); ++depth) {
            const auto it = m_styles.constFind(at);
            if (it == m_styles.cend())
                break;
            if (it->bold)
                return *it->bold;
            at = it->parent;
        }
        return inherited;
    }

    static constexpr const char *kStyleNs = "urn:oasis:names:tc:opendocument:xmlns:style:1.0";
    static constexpr const char *kFoNs =
        "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0";

private:
    struct Style {
        QString parent;
        std::optional<bool> bold;
    };
    QHash<QString, Style> m_styles;
};

constexpr const char *kTextNs = "urn:oasis:names:tc:opendocument:xmlns:text:1.0";
constexpr const char *kTableNs = "urn:oasis:names:tc:opendocument:xmlns:table:1.0";

struct ParagraphText {
    QString text;
    int chars = 0;
    int boldChars = 0;
};

// A cell that spans rows: what the covered cells below it repeat.
struct RowSpan {
    QString text;
    int rows = 0; // rows still covered
};

class OdtWalker {
public:
    OdtWalker(QXmlStreamReader &xml, RawDocument &doc, const OdtStyles &styles)
        : m_xml(xml), m_doc(doc), m_styles(styles), m_budget(xml, doc.sourceName) {}

    const std::optional<Error> &refused() const { return m_budget.refused(); }

    // Finds office:text and reads what is in it.
    void document() {
        while (!m_xml.atEnd()) {
            if (m_xml.readNext() == QXmlStreamReader::StartElement &&
                m_xml.name() == QLatin1String("text") &&
                m_xml.namespaceUri() != QLatin1String(kTextNs)) { // office:text
                body();
                return;
            }
        }
    }

private:
    bool isText() const { return m_xml.namespaceUri() == QLatin1String(kTextNs); }
    bool isTable() const { return m_xml.namespaceUri() == QLatin1String(kTableNs); }
    QString attribute(const char *ns, const char *name) const {
        return m_xml.attributes().value(QLatin1String(ns), QLatin1String(name)).toString();
    }
    int count(const char *name) const { return attribute(kTableNs, name).toInt(); }

    // Block-level content until the end of the current element.
    void body() {
        while (m_xml.readNextStartElement()) {
            const auto n = m_xml.name();
            if (isText() && (n == QLatin1String("p") || n == QLatin1String("h"))) {
                const ParagraphText p = paragraph(n == QLatin1String("h"));
                ++m_paragraphs;
                const bool bold = p.chars > 0 && p.boldChars * 10 >= p.chars * 8;
                for (const QString &line : p.text.split(QLatin1Char('\n'))) {
                    if (!m_budget.addBlock())
                        return;
                    m_doc.blocks.append(
                        RawBlock::paragraph(PlanTextRules::oneLine(line), m_paragraphs, bold));
                }
            } else if (isTable() && n == QLatin1String("table")) {
                ++m_paragraphs;
                const XmlWalkBudget::Nested level(m_budget, true);
                if (level.ok())
                    table();
            } else if (isText() &&
                       (n == QLatin1String("list") || n == QLatin1String("list-item") ||
                        n == QLatin1String("list-header") || n == QLatin1String("section"))) {
                const XmlWalkBudget::Nested level(m_budget, false);
                if (level.ok())
                    body(); // transparent containers
            } else {
                // tables of contents and indexes, tracked deletions, declarations, forms, frames
                m_xml.skipCurrentElement();
            }
        }
    }

    // Inside text:p or text:h: its text. Stops after its end.
    ParagraphText paragraph(bool heading) {
        ParagraphText out;
        const bool bold =
            m_styles.bold(attribute(kTextNs, "style-name"), heading); // a heading is emphasized
        inlineText(out, bold);
        return out;
    }

    // Text and spans until the end of the current element.
    void inlineText(ParagraphText &out, bool bold) {
        while (!m_xml.atEnd() && m_budget.ok()) {
            const auto token = m_xml.readNext();
            if (token == QXmlStreamReader::EndElement)
                return;
            if (token == QXmlStreamReader::Characters) {
                const QStringView t = m_xml.text();
                out.text += t;
                const int chars = int(t.trimmed().size());
                out.chars += chars;
                if (bold)
                    out.boldChars += chars;
                if (!m_budget.checkLength(out.text.size()))
                    return;
                continue;
            }
            if (token != QXmlStreamReader::StartElement)
                continue;
            const auto n = m_xml.name();
            if (isText() && n == QLatin1String("s")) {
                out.text += QLatin1Char(' ');
                m_xml.skipCurrentElement();
            } else if (isText() && n == QLatin1String("tab")) {
                out.text += QLatin1Char(' ');
                m_xml.skipCurrentElement();
            } else if (isText() && n == QLatin1String("line-break")) {
                out.text += QLatin1Char('\n');
                m_xml.skipCurrentElement();
            } else if (isText() &&
                       (n == QLatin1String("note") || n == QLatin1String("ruby-text"))) {
                m_xml.skipCurrentElement(); // footnotes, ruby annotations
            } else if (n == QLatin1String("annotation") || n == QLatin1String("frame") ||
                       n == QLatin1String("custom-shape") || n == QLatin1String("g")) {
                m_xml.skipCurrentElement(); // comments, images and drawings
            } else {
                // text:span, text:a, fields, bookmarks, change marks: their text counts
                const bool spanBold = isText() && n == QLatin1String("span")
                                          ? m_styles.bold(attribute(kTextNs, "style-name"), bold)
                                          : bold;
                const XmlWalkBudget::Nested level(m_budget, false);
                if (level.ok())
                    inlineText(out, spanBold);
            }
        }
    }

    // Inside table:table at the top level: emits its rows.
    void table() {
        QList<RowSpan> spans; // per grid column
        int rowNumber = 0;
        rows(spans, rowNumber);
    }

    // Rows until the end of the current element (a table, or a group of its rows).
    void rows(QList<RowSpan> &spans, int &rowNumber) {
        while (m_xml.readNextStartElement()) {
            const auto n = m_xml.name();
            if (isTable() && n == QLatin1String("table-row")) {
                const int repeat = std::max(1, count("number-rows-repeated"));
                QStringList cells;
                QList<bool> repeated;
                rowCells(cells, repeated, spans);
                if (!m_budget.ok())
                    return;
                RawBlock b = RawBlock::row(cells, 0, 0);
                b.repeated = repeated;
                const int times = b.isBlank() ? 1 : std::min(repeat, kMaxRepeatedEmpty);
                for (int i = 0; i < times; ++i) {
                    if (!m_budget.addBlock())
                        return;
                    b.line = ++m_paragraphs;
                    b.tableRow = ++rowNumber;
                    m_doc.blocks.append(b);
                }
            } else if (isTable() && (n == QLatin1String("table-header-rows") ||
                                     n == QLatin1String("table-rows") ||
                                     n == QLatin1String("table-row-group"))) {
                const XmlWalkBudget::Nested level(m_budget, false);
                if (level.ok())
                    rows(spans, rowNumber);
            } else {
                m_xml.skipCurrentElement(); // columns, the table's title and description
            }
        }
    }

    // Inside table:table-row: its cells on the grid. Stops after its end.
    void rowCells(QStringList &cells, QList<bool> &repeated, QList<RowSpan> &spans) {
        int swallow = 0; // covered cells that a cell spanning columns already put on the grid
        while (m_xml.readNextStartElement()) {
            const auto n = m_xml.name();
            const bool covered = n == QLatin1String("covered-table-cell");
            if (!isTable() || (!covered && n != QLatin1String("table-cell"))) {
                m_xml.skipCurrentElement();
                continue;
            }
            const int repeat = std::max(1, count("number-columns-repeated"));
            if (covered) {
                m_xml.skipCurrentElement();
                for (int i = 0; i < repeat; ++i) {
                    if (swallow > 0) {
                        --swallow;
                        continue;
                    }
                    const qsizetype g = cells.size();
                    RowSpan *above = g < spans.size() && spans[g].rows > 0 ? &spans[g] : nullptr;
                    cells << (above ? above->text : QString());
                    repeated << (above != nullptr);
                    if (above)
                        --above->rows;
                    if (!m_budget.addCells(cells.size(), 1))
                        return;
                }
                continue;
            }
            const int columns = std::clamp(count("number-columns-spanned"), 1, 60);
            const int rowsSpanned = std::max(1, count("number-rows-spanned"));
            const QString text = cellText();
            if (!m_budget.ok())
                return;
            const int times = text.isEmpty() ? std::min(repeat, kMaxRepeatedEmpty) : repeat;
            for (int i = 0; i < times; ++i) {
                const qsizetype g = cells.size();
                if (spans.size() < g + columns)
                    spans.resize(g + columns);
                for (int c = 0; c < columns; ++c)
                    spans[g + c] = RowSpan{c == 0 ? text : QString(), rowsSpanned - 1};
                cells << text;
                repeated << false;
                for (int c = 1; c < columns; ++c) {
                    cells << QString();
                    repeated << false;
                }
                if (!m_budget.addCells(cells.size(), columns))
                    return;
            }
            swallow = columns - 1;
        }
    }

    // Inside table:table-cell: its paragraphs as lines. Stops after its end.
    QString cellText() {
        QStringList lines;
        qsizetype chars = 0;
        cellContent(lines, chars);
        return PlanTextRules::tidy(lines.join(QLatin1Char('\n')));
    }

    void cellContent(QStringList &lines, qsizetype &chars) {
        while (m_xml.readNextStartElement()) {
            const auto n = m_xml.name();
            if (isText() && (n == QLatin1String("p") || n == QLatin1String("h"))) {
                lines << paragraph(false).text;
                chars += lines.last().size();
            } else if (isTable() && n == QLatin1String("table")) {
                const XmlWalkBudget::Nested level(m_budget, true);
                if (level.ok())
                    lines << nestedTableText();
                chars += lines.isEmpty() ? 0 : lines.last().size();
            } else if (isText() &&
                       (n == QLatin1String("list") || n == QLatin1String("list-item") ||
                        n == QLatin1String("list-header") || n == QLatin1String("section"))) {
                const XmlWalkBudget::Nested level(m_budget, false);
                if (level.ok())
                    cellContent(lines, chars);
            } else {
                m_xml.skipCurrentElement();
            }
            if (!m_budget.checkLength(chars))
                return;
        }
    }

    // Inside a table nested in a cell: its text, a line per row, cells separated by spaces.
    QString nestedTableText() {
        QStringList rowTexts;
        nestedRows(rowTexts);
        return rowTexts.join(QLatin1Char('\n'));
    }

    void nestedRows(QStringList &rowTexts) {
        while (m_xml.readNextStartElement()) {
            const auto n = m_xml.name();
            if (isTable() && n == QLatin1String("table-row")) {
                QStringList cells;
                while (m_xml.readNextStartElement()) {
                    if (isTable() && m_xml.name() == QLatin1String("table-cell")) {
                        cells << PlanTextRules::oneLine(cellText());
                        if (!m_budget.addCells(cells.size(), 1))
                            return;
                    } else {
                        m_xml.skipCurrentElement();
                    }
                }
                rowTexts << cells.join(QLatin1Char(' ')).trimmed();
            } else if (isTable() && (n == QLatin1String("table-header-rows") ||
                                     n == QLatin1String("table-rows") ||
                                     n == QLatin1String("table-row-group"))) {
                const XmlWalkBudget::Nested level(m_budget, false);
                if (level.ok())
                    nestedRows(rowTexts);
            } else {
                m_xml.skipCurrentElement();
            }
        }
    }

    QXmlStreamReader &m_xml;
    RawDocument &m_doc;
    const OdtStyles &m_styles;
    XmlWalkBudget m_budget;
    int m_paragraphs = 0;
};

} // namespace

Result<RawDocument> OdtPlanReader::readContentXml(const QByteArray &content,
                                                  const QByteArray &styles,
                                                  const QString &sourceName) {
    const QString part = QStringLiteral("content.xml");
    if (content.size() > ReaderLimits::kPlanDocumentXmlBytes)
        return PlanZipPart::tooLarge(sourceName, part);
    OdtStyles known;
    known.read(styles);  // common styles first:
    known.read(content); // automatic ones are based on them
    RawDocument doc;
    doc.sourceName = sourceName;
    doc.locator = RawDocument::Locator::ParagraphOrRow;
    QXmlStreamReader xml(content);
    OdtWalker walker(xml, doc, known);
    walker.document();
    if (walker.refused())
        return *walker.refused();
    if (xml.hasError())
        return PlanZipPart::damaged(sourceName, part, xml);
    return doc;
}

Result<RawDocument> OdtPlanReader::read(const QString &path, const QString &sourceName) {
    auto archive = PlanZipPart::open(path, sourceName);
    if (!archive.ok())
        return archive.error();
    QByteArray mimetype;
    if (archive->contains(QStringLiteral("mimetype"))) {
        if (auto m = archive->read(QStringLiteral("mimetype")); m.ok())
            mimetype = m->trimmed();
    }
    if (mimetype.startsWith("application/vnd.oasis.opendocument.spreadsheet"))
        return PlanZipPart::error(
            sourceName, QStringLiteral("это таблица OpenDocument (.ods), а не текстовый документ: "
                                       "план мероприятий читается из .odt, .docx, PDF, HTML или "
                                       "текста"));
    if (!mimetype.isEmpty() && !mimetype.startsWith("application/vnd.oasis.opendocument.text"))
        return PlanZipPart::error(sourceName,
                                  QStringLiteral("это документ OpenDocument другого вида (%1), а "
                                                 "не текстовый документ (.odt)")
                                      .arg(QString::fromLatin1(mimetype.left(100))));
    const QString part = QStringLiteral("content.xml");
    if (!archive->contains(part))
        return PlanZipPart::error(
            sourceName, QStringLiteral("в архиве нет content.xml — это не документ ODT (.odt)"));
    auto content = PlanZipPart::read(archive.value(), part, sourceName);
    if (!content.ok())
        return content.error();
    QByteArray styles; // only whether text is bold comes from it: read when it can be
    if (archive->contains(QStringLiteral("styles.xml"))) {
        if (auto s = archive->read(QStringLiteral("styles.xml")); s.ok())
            styles = s.value();
    }
    return readContentXml(content.value(), styles, sourceName);
}

} // namespace objectivity::io
