#include "objectivity/io/plan/DocxPlanReader.h"

#include "objectivity/io/formats/ReaderLimits.h"
#include "objectivity/io/plan/PlanTextRules.h"
#include "plan/PlanZipPart.h"
#include "plan/XmlWalkBudget.h"

#include <QXmlStreamReader>

#include <optional>

using objectivity::core::Error;
using objectivity::core::Result;

namespace objectivity::io {

namespace {

struct ParagraphText {
    QString text;
    int chars = 0;
    int boldChars = 0;
};

struct CellText {
    QString text;
    int span = 1;
    enum class Merge { None, Restart, Continue } merge = Merge::None;
};

bool onOff(const QXmlStreamReader &xml) {
    const QString v = xml.attributes().value(QLatin1String("w:val")).toString().toLower();
    return v.isEmpty() ||
           (v != QLatin1String("0") && v != QLatin1String("false") && v != QLatin1String("off"));
}

// The walk recurses into nested tables and containers through XmlWalkBudget::Nested, which stops
// it (with the other limits: blocks, cells, characters) where the file is too large to be a plan;
// refused() then holds the message.
class DocxWalker {
public:
    DocxWalker(QXmlStreamReader &xml, RawDocument &doc)
        : m_xml(xml), m_doc(doc), m_budget(xml, doc.sourceName) {}

    const std::optional<Error> &refused() const { return m_budget.refused(); }

    void body() {
        while (m_xml.readNextStartElement()) {
            const auto n = m_xml.name();
            if (n == QLatin1String("p")) {
                const ParagraphText p = paragraph();
                ++m_paragraphs;
                const bool bold = p.chars > 0 && p.boldChars * 10 >= p.chars * 8;
                for (const QString &line : p.text.split(QLatin1Char('\n'))) {
                    if (!m_budget.addBlock())
                        return;
                    m_doc.blocks.append(
                        RawBlock::paragraph(PlanTextRules::oneLine(line), m_paragraphs, bold));
                }
            } else if (n == QLatin1String("tbl")) {
                ++m_paragraphs;
                const XmlWalkBudget::Nested level(m_budget, true);
                if (level.ok())
                    table();
            } else if (n == QLatin1String("sdt") || n == QLatin1String("sdtContent") ||
                       n == QLatin1String("customXml") || n == QLatin1String("body") ||
                       n == QLatin1String("document")) {
                const XmlWalkBudget::Nested level(m_budget, false);
                if (level.ok())
                    body(); // transparent containers
            } else {
                m_xml.skipCurrentElement();
            }
        }
    }

private:
    // Inside <w:p>: its text. Stops after </w:p>.
    ParagraphText paragraph() {
        ParagraphText out;
        bool runBold = false;
        int depth = 1;
        while (depth > 0 && !m_xml.atEnd()) {
            const auto token = m_xml.readNext();
            if (token == QXmlStreamReader::StartElement) {
                const auto n = m_xml.name();
                if (n == QLatin1String("del") || n == QLatin1String("Fallback") ||
                    n == QLatin1String("instrText") || n == QLatin1String("delText") ||
                    n == QLatin1String("pPr") || n == QLatin1String("moveFrom")) {
                    m_xml.skipCurrentElement();
                    continue;
                }
                if (n == QLatin1String("t")) {
                    const QString t = m_xml.readElementText();
                    out.text += t;
                    if (!m_budget.checkLength(out.text.size()))
                        break;
                    out.chars += int(t.trimmed().size());
                    if (runBold)
                        out.boldChars += int(t.trimmed().size());
                    continue;
                }
                if (n == QLatin1String("rPr")) {
                    runBold = runProperties();
                    continue;
                }
                if (n == QLatin1String("r"))
                    runBold = false;
                else if (n == QLatin1String("tab") || n == QLatin1String("ptab"))
                    out.text += QLatin1Char(' ');
                else if (n == QLatin1String("br") || n == QLatin1String("cr"))
                    out.text += QLatin1Char('\n');
                else if (n == QLatin1String("noBreakHyphen"))
                    out.text += QLatin1Char('-');
                ++depth;
            } else if (token == QXmlStreamReader::EndElement) {
                --depth;
                if (depth > 0 && m_xml.name() == QLatin1String("p"))
                    out.text += QLatin1Char('\n'); // a paragraph of a text box inside this one
            }
        }
        return out;
    }

    // Inside <w:rPr>: whether the run is bold. Stops after </w:rPr>.
    bool runProperties() {
        bool bold = false;
        while (m_xml.readNextStartElement()) {
            if (m_xml.name() == QLatin1String("b"))
                bold = onOff(m_xml);
            m_xml.skipCurrentElement();
        }
        return bold;
    }

    // Inside <w:tbl> at the top level: emits its rows.
    void table() {
        QList<QString>
            merged; // per grid column: the text of the cell where a vertical merge started
        int rowNumber = 0;
        while (m_xml.readNextStartElement()) {
            if (m_xml.name() != QLatin1String("tr")) {
                m_xml.skipCurrentElement();
                continue;
            }
            const int line = ++m_paragraphs;
            QStringList cells;
            QList<bool> repeated;
            rowCells(cells, repeated, merged);
            if (!m_budget.addBlock())
                return;
            RawBlock b = RawBlock::row(cells, line, ++rowNumber);
            b.repeated = repeated;
            m_doc.blocks.append(b);
        }
    }

    // Inside <w:tr>: its cells on the grid. Stops after </w:tr>.
    void rowCells(QStringList &cells, QList<bool> &repeated, QList<QString> &merged) {
        while (m_xml.readNextStartElement()) {
            const auto n = m_xml.name();
            if (n == QLatin1String("trPr")) {
                while (m_xml.readNextStartElement()) {
                    if (m_xml.name() == QLatin1String("gridBefore")) {
                        const int k = m_xml.attributes().value(QLatin1String("w:val")).toInt();
                        for (int i = 0; i < qBound(0, k, 60); ++i) {
                            cells << QString();
                            repeated << false;
                        }
                        if (!m_budget.addCells(cells.size(), qBound(0, k, 60)))
                            return;
                    }
                    m_xml.skipCurrentElement();
                }
            } else if (n == QLatin1String("tc")) {
                const CellText c = cell();
                const qsizetype g = cells.size();
                if (merged.size() < g + c.span)
                    merged.resize(g + c.span);
                QString text = c.text;
                bool copy = false;
                if (c.merge == CellText::Merge::Continue) {
                    text = merged[g];
                    copy = true;
                } else {
                    merged[g] = c.merge == CellText::Merge::Restart ? text : QString();
                }
                cells << text;
                repeated << copy;
                for (int i = 1; i < c.span; ++i) {
                    cells << QString();
                    repeated << false;
                }
                if (!m_budget.addCells(cells.size(), c.span))
                    return;
            } else if (n == QLatin1String("sdt") || n == QLatin1String("sdtContent") ||
                       n == QLatin1String("customXml")) {
                const XmlWalkBudget::Nested level(m_budget, false);
                if (level.ok())
                    rowCells(cells, repeated, merged);
            } else {
                m_xml.skipCurrentElement();
            }
        }
    }

    // Inside <w:tc>: its text and merge properties. Stops after </w:tc>.
    CellText cell() {
        CellText out;
        QStringList lines;
        qsizetype chars = 0;
        while (m_xml.readNextStartElement()) {
            const auto n = m_xml.name();
            if (n == QLatin1String("tcPr")) {
                while (m_xml.readNextStartElement()) {
                    if (m_xml.name() == QLatin1String("gridSpan"))
                        out.span =
                            qBound(1, m_xml.attributes().value(QLatin1String("w:val")).toInt(), 60);
                    else if (m_xml.name() == QLatin1String("vMerge"))
                        out.merge = m_xml.attributes().value(QLatin1String("w:val")) ==
                                            QLatin1String("restart")
                                        ? CellText::Merge::Restart
                                        : CellText::Merge::Continue;
                    m_xml.skipCurrentElement();
                }
            } else if (n == QLatin1String("p")) {
                lines << paragraph().text;
                chars += lines.last().size();
            } else if (n == QLatin1String("tbl")) {
                const XmlWalkBudget::Nested level(m_budget, true);
                if (level.ok())
                    lines << nestedTableText();
                chars += lines.isEmpty() ? 0 : lines.last().size();
            } else if (n == QLatin1String("sdt") || n == QLatin1String("sdtContent") ||
                       n == QLatin1String("customXml")) {
                const XmlWalkBudget::Nested level(m_budget, false);
                if (level.ok())
                    lines << cell().text;
                chars += lines.isEmpty() ? 0 : lines.last().size();
            } else {
                m_xml.skipCurrentElement();
            }
            if (!m_budget.checkLength(chars))
                break;
        }
        out.text = PlanTextRules::tidy(lines.join(QLatin1Char('\n')));
        return out;
    }

    // Inside a table nested in a cell: its text, a line per row, cells separated by spaces.
    QString nestedTableText() {
        QStringList rows;
        while (m_xml.readNextStartElement()) {
            if (m_xml.name() != QLatin1String("tr")) {
                m_xml.skipCurrentElement();
                continue;
            }
            QStringList cells;
            while (m_xml.readNextStartElement()) {
                if (m_xml.name() == QLatin1String("tc")) {
                    cells << PlanTextRules::oneLine(cell().text);
                    if (!m_budget.addCells(cells.size(), 1))
                        break;
                } else {
                    m_xml.skipCurrentElement();
                }
            }
            rows << cells.join(QLatin1Char(' '));
        }
        return rows.join(QLatin1Char('\n'));
    }

    QXmlStreamReader &m_xml;
    RawDocument &m_doc;
    XmlWalkBudget m_budget;
    int m_paragraphs = 0;
};

} // namespace

Result<RawDocument> DocxPlanReader::readDocumentXml(const QByteArray &xmlData,
                                                    const QString &sourceName) {
    const QString part = QStringLiteral("word/document.xml");
    if (xmlData.size() > ReaderLimits::kPlanDocumentXmlBytes)
        return PlanZipPart::tooLarge(sourceName, part);
    RawDocument doc;
    doc.sourceName = sourceName;
    doc.locator = RawDocument::Locator::ParagraphOrRow;
    QXmlStreamReader xml(xmlData);
    DocxWalker walker(xml, doc);
    if (xml.readNextStartElement())
        walker.body();
    if (walker.refused())
        return *walker.refused();
    if (xml.hasError())
        return PlanZipPart::damaged(sourceName, part, xml);
    return doc;
}

Result<RawDocument> DocxPlanReader::read(const QString &path, const QString &sourceName) {
    auto archive = PlanZipPart::open(path, sourceName);
    if (!archive.ok())
        return archive.error();
    const QString part = QStringLiteral("word/document.xml");
    if (!archive->contains(part)) {
        if (archive->contains(QStringLiteral("xl/workbook.xml")))
            return PlanZipPart::error(
                sourceName, QStringLiteral("это книга Excel (.xlsx), а не документ Word: план "
                                           "мероприятий читается из .docx, .odt, PDF, HTML или "
                                           "текста"));
        return PlanZipPart::error(
            sourceName,
            QStringLiteral("в архиве нет word/document.xml — это не документ Word (.docx)"));
    }
    auto xml = PlanZipPart::read(archive.value(), part, sourceName);
    if (!xml.ok())
        return xml.error();
    return readDocumentXml(xml.value(), sourceName);
}

} // namespace objectivity::io
