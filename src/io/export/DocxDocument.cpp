#include "objectivity/io/export/DocxDocument.h"

#include "export/DocxXml.h"
#include "formats/ZipWriter.h"

#include <QBuffer>

#include <algorithm>

namespace objectivity::io {

using docx::escape;
using docx::halfPoints;
using docx::twips;

namespace {

QString jc(DocxDocument::Alignment a) {
    switch (a) {
    case DocxDocument::Alignment::Left:
        return QStringLiteral("left");
    case DocxDocument::Alignment::Center:
        return QStringLiteral("center");
    case DocxDocument::Alignment::Right:
        return QStringLiteral("right");
    case DocxDocument::Alignment::Justify:
        return QStringLiteral("both");
    }
    return QStringLiteral("left");
}

QString styleId(DocxDocument::Style s) {
    switch (s) {
    case DocxDocument::Style::Normal:
        return {};
    case DocxDocument::Style::Title:
        return QStringLiteral("Title");
    case DocxDocument::Style::Heading1:
        return QStringLiteral("Heading1");
    case DocxDocument::Style::Heading2:
        return QStringLiteral("Heading2");
    case DocxDocument::Style::Heading3:
        return QStringLiteral("Heading3");
    case DocxDocument::Style::Caption:
        return QStringLiteral("Caption");
    }
    return {};
}

QString vAlign(DocxDocument::VerticalAlignment a) {
    switch (a) {
    case DocxDocument::VerticalAlignment::Top:
        return QStringLiteral("top");
    case DocxDocument::VerticalAlignment::Center:
        return QStringLiteral("center");
    case DocxDocument::VerticalAlignment::Bottom:
        return QStringLiteral("bottom");
    }
    return QStringLiteral("top");
}

// Text of a run: tabs and line breaks become their own elements.
QString runText(const QString &text) {
    QString out;
    QString chunk;
    const auto flush = [&] {
        if (!chunk.isEmpty())
            out += QStringLiteral("<w:t xml:space=\"preserve\">") + escape(chunk) +
                   QStringLiteral("</w:t>");
        chunk.clear();
    };
    for (int i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c == u'\n') {
            flush();
            out += QStringLiteral("<w:br/>");
        } else if (c == u'\t') {
            flush();
            out += QStringLiteral("<w:tab/>");
        } else if (c != u'\r') {
            chunk += c;
        }
    }
    flush();
    return out;
}

QString borderXml(const QString &side) {
    return QStringLiteral("<w:%1 w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>")
        .arg(side);
}

} // namespace

DocxDocument::Cell DocxDocument::Cell::text(const QString &text, Alignment alignment, bool bold,
                                            bool italic) {
    return lines(text.split(u'\n'), alignment, bold, italic);
}

DocxDocument::Cell DocxDocument::Cell::lines(const QStringList &lines, Alignment alignment,
                                             bool bold, bool italic) {
    Cell cell;
    for (const QString &line : lines) {
        Paragraph p;
        p.text = line;
        p.alignment = alignment;
        p.bold = bold;
        p.italic = italic;
        cell.paragraphs.append(p);
    }
    return cell;
}

DocxDocument::DocxDocument() = default;

void DocxDocument::setPageSetup(const PageSetup &page) {
    m_page = page;
}

double DocxDocument::textWidthMm() const {
    const double width = m_page.orientation == Orientation::Landscape ? 297 : 210;
    return width - m_page.leftMm - m_page.rightMm;
}

void DocxDocument::setDefaultFont(const QString &family, double pointSize) {
    m_fontFamily = family;
    m_pointSize = pointSize;
}

void DocxDocument::setPageNumbers(bool on, Alignment alignment, PageNumberPlace place) {
    m_pageNumbers = on;
    m_pageNumberAlignment = alignment;
    m_pageNumberPlace = place;
}

QList<DocxDocument::NumberPart> DocxDocument::numberParts() const {
    if (!m_pageNumbers)
        return {};
    if (m_pageNumberPlace == PageNumberPlace::BottomOnEveryPage)
        return {{QStringLiteral("footer1.xml"), QStringLiteral("rIdFooter1"), false, true}};
    return {{QStringLiteral("header1.xml"), QStringLiteral("rIdHeader1"), true, true},
            {QStringLiteral("header2.xml"), QStringLiteral("rIdHeader2"), true, false}};
}

void DocxDocument::setTitle(const QString &title) {
    m_title = title;
}
void DocxDocument::setAuthor(const QString &author) {
    m_author = author;
}

QString DocxDocument::runXml(const Run &run, const Paragraph &p) const {
    QString props;
    if (run.bold || p.bold)
        props += QStringLiteral("<w:b/><w:bCs/>");
    if (run.italic || p.italic)
        props += QStringLiteral("<w:i/><w:iCs/>");
    const double size = run.pointSize > 0 ? run.pointSize : p.pointSize;
    if (size > 0)
        props += QStringLiteral("<w:sz w:val=\"%1\"/><w:szCs w:val=\"%1\"/>").arg(halfPoints(size));
    QString out = QStringLiteral("<w:r>");
    if (!props.isEmpty())
        out += QStringLiteral("<w:rPr>") + props + QStringLiteral("</w:rPr>");
    return out + runText(run.text) + QStringLiteral("</w:r>");
}

QString DocxDocument::paragraphXml(const Paragraph &p) const {
    QString props;
    const QString style = styleId(p.style);
    if (!style.isEmpty())
        props += QStringLiteral("<w:pStyle w:val=\"%1\"/>").arg(style);
    if (p.keepWithNext)
        props += QStringLiteral("<w:keepNext/>");
    if (p.pageBreakBefore)
        props += QStringLiteral("<w:pageBreakBefore/>");
    if (p.spaceBeforePt >= 0 || p.spaceAfterPt >= 0) {
        props += QStringLiteral("<w:spacing");
        if (p.spaceBeforePt >= 0)
            props += QStringLiteral(" w:before=\"%1\"").arg(int(p.spaceBeforePt * 20 + 0.5));
        if (p.spaceAfterPt >= 0)
            props += QStringLiteral(" w:after=\"%1\"").arg(int(p.spaceAfterPt * 20 + 0.5));
        props += QStringLiteral("/>");
    }
    if (p.leftIndentMm > 0 || p.firstLineIndentMm != 0) {
        props += QStringLiteral("<w:ind w:left=\"%1\"").arg(twips(std::max(0.0, p.leftIndentMm)));
        if (p.firstLineIndentMm > 0)
            props += QStringLiteral(" w:firstLine=\"%1\"").arg(twips(p.firstLineIndentMm));
        else if (p.firstLineIndentMm < 0)
            props += QStringLiteral(" w:hanging=\"%1\"").arg(twips(-p.firstLineIndentMm));
        props += QStringLiteral("/>");
    }
    if (p.alignment)
        props += QStringLiteral("<w:jc w:val=\"%1\"/>").arg(jc(*p.alignment));
    // The paragraph mark gets the size too: an empty paragraph is as high as its mark.
    if (p.pointSize > 0)
        props += QStringLiteral("<w:rPr><w:sz w:val=\"%1\"/><w:szCs w:val=\"%1\"/></w:rPr>")
                     .arg(halfPoints(p.pointSize));
    QString out = QStringLiteral("<w:p>");
    if (!props.isEmpty())
        out += QStringLiteral("<w:pPr>") + props + QStringLiteral("</w:pPr>");
    if (!p.text.isEmpty())
        out += runXml(Run{p.text}, p);
    for (const Run &run : p.runs)
        out += runXml(run, p);
    return out + QStringLiteral("</w:p>");
}

void DocxDocument::closeTable() {
    if (!m_tableOpen)
        return;
    m_tableOpen = false;
    // Word needs a paragraph between a table and what follows (two tables would merge).
    Paragraph after;
    after.spaceAfterPt = 0;
    after.pointSize = 2;
    m_body += paragraphXml(after);
}

void DocxDocument::addParagraph(const Paragraph &paragraph) {
    closeTable();
    m_body += paragraphXml(paragraph);
}

void DocxDocument::addParagraph(const QString &text, Style style) {
    Paragraph p;
    p.text = text;
    p.style = style;
    addParagraph(p);
}

void DocxDocument::addRightBlock(const QStringList &lines, double widthMm, bool firstLineBold) {
    const double indent = std::max(0.0, textWidthMm() - widthMm);
    for (int i = 0; i < lines.size(); ++i) {
        Paragraph p;
        p.text = lines[i];
        p.alignment = Alignment::Left;
        p.leftIndentMm = indent;
        p.bold = i == 0 && firstLineBold;
        p.keepWithNext = true;
        addParagraph(p);
    }
}

QString DocxDocument::tableXml(const Table &table) const {
    const int columns = int(table.columnWidths.size());
    double sum = 0;
    for (double w : table.columnWidths)
        sum += std::max(0.0, w);
    const int total = twips(textWidthMm() * table.widthPercent / 100.0);
    QList<int> grid;
    for (double w : table.columnWidths)
        grid.append(sum > 0 ? int(total * std::max(0.0, w) / sum) : total / std::max(1, columns));

    QString out = QStringLiteral("<w:tbl><w:tblPr>");
    out += QStringLiteral("<w:tblW w:w=\"%1\" w:type=\"dxa\"/>").arg(total);
    if (table.widthPercent < 100)
        out += QStringLiteral("<w:jc w:val=\"center\"/>");
    if (table.borders) {
        out += QStringLiteral("<w:tblBorders>");
        for (const char *side : {"top", "left", "bottom", "right", "insideH", "insideV"})
            out += borderXml(QString::fromLatin1(side));
        out += QStringLiteral("</w:tblBorders>");
    }
    out += QStringLiteral("<w:tblLayout w:type=\"fixed\"/>");
    out += QStringLiteral("<w:tblCellMar><w:left w:w=\"%1\" w:type=\"dxa\"/>"
                          "<w:right w:w=\"%1\" w:type=\"dxa\"/></w:tblCellMar>")
               .arg(twips(table.cellMarginMm));
    out += QStringLiteral("<w:tblLook w:val=\"0000\" w:firstRow=\"0\" w:lastRow=\"0\" "
                          "w:firstColumn=\"0\" w:lastColumn=\"0\" w:noHBand=\"1\" "
                          "w:noVBand=\"1\"/></w:tblPr><w:tblGrid>");
    for (int w : grid)
        out += QStringLiteral("<w:gridCol w:w=\"%1\"/>").arg(w);
    out += QStringLiteral("</w:tblGrid>");

    for (int r = 0; r < table.rows.size(); ++r) {
        const bool header = r < table.headerRows;
        out += QStringLiteral("<w:tr>");
        if (table.keepRowsWhole || header) {
            out += QStringLiteral("<w:trPr>");
            if (table.keepRowsWhole)
                out += QStringLiteral("<w:cantSplit/>");
            if (header)
                out += QStringLiteral("<w:tblHeader/>");
            out += QStringLiteral("</w:trPr>");
        }
        int column = 0;
        for (const Cell &cell : table.rows[r]) {
            const int span = std::clamp(cell.columnSpan, 1, std::max(1, columns - column));
            int width = 0;
            for (int c = column; c < column + span && c < columns; ++c)
                width += grid[c];
            column += span;
            out += QStringLiteral("<w:tc><w:tcPr><w:tcW w:w=\"%1\" w:type=\"dxa\"/>").arg(width);
            if (span > 1)
                out += QStringLiteral("<w:gridSpan w:val=\"%1\"/>").arg(span);
            if (cell.bottomBorder)
                out += QStringLiteral("<w:tcBorders>") + borderXml(QStringLiteral("bottom")) +
                       QStringLiteral("</w:tcBorders>");
            const QString fill = !cell.fill.isEmpty() ? cell.fill
                                 : header             ? table.headerFill
                                                      : QString();
            if (!fill.isEmpty())
                out += QStringLiteral("<w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"%1\"/>")
                           .arg(escape(fill));
            out += QStringLiteral("<w:vAlign w:val=\"%1\"/></w:tcPr>")
                       .arg(vAlign(cell.verticalAlignment));
            QList<Paragraph> paragraphs = cell.paragraphs;
            if (paragraphs.isEmpty())
                paragraphs.append(Paragraph{});
            for (Paragraph p : paragraphs) {
                if (table.pointSize > 0 && p.pointSize <= 0)
                    p.pointSize = table.pointSize;
                out += paragraphXml(p);
            }
            out += QStringLiteral("</w:tc>");
        }
        out += QStringLiteral("</w:tr>");
    }
    return out + QStringLiteral("</w:tbl>");
}

void DocxDocument::addTable(const Table &table) {
    if (table.columnWidths.isEmpty())
        return;
    closeTable();
    m_body += tableXml(table);
    m_tableOpen = true;
}

bool DocxDocument::addFigure(const QImage &image, double widthMm, const QString &caption) {
    if (image.isNull())
        return false;
    QByteArray png;
    QBuffer buffer(&png);
    buffer.open(QIODevice::WriteOnly);
    if (!image.save(&buffer, "PNG"))
        return false;
    closeTable();
    m_images.append(png);
    const int n = int(m_images.size());
    const double width = std::min(widthMm, textWidthMm());
    const double height = width * image.height() / std::max(1, image.width());
    const qint64 cx = docx::emu(width), cy = docx::emu(height);
    Paragraph holder;
    holder.alignment = Alignment::Center;
    holder.keepWithNext = !caption.isEmpty();
    holder.spaceBeforePt = 6;
    QString xml = paragraphXml(holder);
    xml.chop(int(QStringLiteral("</w:p>").size()));
    xml +=
        QStringLiteral("<w:r><w:drawing><wp:inline distT=\"0\" distB=\"0\" distL=\"0\" distR=\"0\">"
                       "<wp:extent cx=\"%1\" cy=\"%2\"/><wp:docPr id=\"%3\" name=\"Рисунок %3\"/>"
                       "<wp:cNvGraphicFramePr><a:graphicFrameLocks noChangeAspect=\"1\"/>"
                       "</wp:cNvGraphicFramePr><a:graphic><a:graphicData "
                       "uri=\"http://schemas.openxmlformats.org/drawingml/2006/picture\"><pic:pic>"
                       "<pic:nvPicPr><pic:cNvPr id=\"%3\" name=\"image%3.png\"/><pic:cNvPicPr/>"
                       "</pic:nvPicPr><pic:blipFill><a:blip r:embed=\"rIdImage%3\"/><a:stretch>"
                       "<a:fillRect/></a:stretch></pic:blipFill><pic:spPr><a:xfrm><a:off x=\"0\" "
                       "y=\"0\"/><a:ext cx=\"%1\" cy=\"%2\"/></a:xfrm><a:prstGeom prst=\"rect\">"
                       "<a:avLst/></a:prstGeom></pic:spPr></pic:pic></a:graphicData></a:graphic>"
                       "</wp:inline></w:drawing></w:r></w:p>")
            .arg(cx)
            .arg(cy)
            .arg(n);
    m_body += xml;
    if (!caption.isEmpty())
        addParagraph(caption, Style::Caption);
    return true;
}

void DocxDocument::addPageBreak() {
    closeTable();
    m_body += QStringLiteral("<w:p><w:r><w:br w:type=\"page\"/></w:r></w:p>");
}

QByteArray DocxDocument::documentXml() const {
    QString xml = QStringLiteral(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
        "<w:document "
        "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" "
        "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\" "
        "xmlns:wp=\"http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing\" "
        "xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\" "
        "xmlns:pic=\"http://schemas.openxmlformats.org/drawingml/2006/picture\"><w:body>");
    // The body is converted on its own (no second UTF-16 copy of a long document).
    QByteArray bytes = xml.toUtf8() + m_body.toUtf8();
    xml.clear();
    // A body that ends with a table still needs a paragraph after it. One of no height: a table
    // that fills the last page to its foot would push even a 2 pt line onto a page of its own
    // (Writer did with the справка's signature; Writer ignores a hidden paragraph mark).
    if (m_tableOpen)
        xml += QStringLiteral("<w:p><w:pPr><w:spacing w:before=\"0\" w:after=\"0\" w:line=\"1\" "
                              "w:lineRule=\"exact\"/><w:rPr><w:sz w:val=\"2\"/>"
                              "<w:szCs w:val=\"2\"/></w:rPr></w:pPr></w:p>");
    const bool landscape = m_page.orientation == Orientation::Landscape;
    xml += QStringLiteral("<w:sectPr>");
    for (const NumberPart &part : numberParts())
        xml += QStringLiteral("<w:%1Reference w:type=\"%2\" r:id=\"%3\"/>")
                   .arg(part.header ? QStringLiteral("header") : QStringLiteral("footer"),
                        part.withNumber ? QStringLiteral("default") : QStringLiteral("first"),
                        part.id);
    xml += QStringLiteral("<w:pgSz w:w=\"%1\" w:h=\"%2\"%3/>")
               .arg(landscape ? 16838 : 11906)
               .arg(landscape ? 11906 : 16838)
               .arg(landscape ? QStringLiteral(" w:orient=\"landscape\"") : QString());
    xml += QStringLiteral("<w:pgMar w:top=\"%1\" w:right=\"%2\" w:bottom=\"%3\" w:left=\"%4\" "
                          "w:header=\"%5\" w:footer=\"%6\" w:gutter=\"0\"/>")
               .arg(twips(m_page.topMm))
               .arg(twips(m_page.rightMm))
               .arg(twips(m_page.bottomMm))
               .arg(twips(m_page.leftMm))
               .arg(twips(std::min(10.0, m_page.topMm / 2)))
               .arg(twips(std::min(10.0, m_page.bottomMm / 2)));
    xml += QStringLiteral("<w:cols w:space=\"708\"/>");
    if (m_pageNumbers && m_pageNumberPlace == PageNumberPlace::TopFromSecondPage)
        xml += QStringLiteral("<w:titlePg/>"); // the first page has its own (empty) header
    xml += QStringLiteral("<w:docGrid w:linePitch=\"360\"/></w:sectPr></w:body></w:document>");
    return bytes + xml.toUtf8();
}

core::Result<QByteArray> DocxDocument::toBytes() const {
    ZipWriter zip;
    zip.add(QStringLiteral("[Content_Types].xml"), contentTypesXml());
    zip.add(QStringLiteral("_rels/.rels"),
            QByteArrayLiteral(
                "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                "<Relationships "
                "xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/"
                "officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/>"
                "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006/"
                "relationships/metadata/core-properties\" Target=\"docProps/core.xml\"/>"
                "<Relationship Id=\"rId3\" Type=\"http://schemas.openxmlformats.org/"
                "officeDocument/2006/relationships/extended-properties\" "
                "Target=\"docProps/app.xml\"/></Relationships>"));
    zip.add(QStringLiteral("docProps/core.xml"), coreXml());
    zip.add(QStringLiteral("docProps/app.xml"),
            QStringLiteral("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                           "<Properties xmlns=\"http://schemas.openxmlformats.org/"
                           "officeDocument/2006/extended-properties\">"
                           "<Application>Объективность</Application></Properties>")
                .toUtf8());
    zip.add(QStringLiteral("word/document.xml"), documentXml());
    zip.add(QStringLiteral("word/_rels/document.xml.rels"), documentRelsXml());
    zip.add(QStringLiteral("word/styles.xml"), stylesXml());
    zip.add(QStringLiteral("word/settings.xml"),
            QByteArrayLiteral(
                "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                "<w:settings "
                "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
                "<w:defaultTabStop w:val=\"708\"/><w:characterSpacingControl "
                "w:val=\"doNotCompress\"/><w:compat><w:compatSetting "
                "w:name=\"compatibilityMode\" w:uri=\"http://schemas.microsoft.com/office/word\" "
                "w:val=\"15\"/></w:compat></w:settings>"));
    for (const NumberPart &part : numberParts())
        zip.add(QStringLiteral("word/") + part.file,
                pageNumberPartXml(part.header, part.withNumber));
    for (int i = 0; i < m_images.size(); ++i)
        zip.add(QStringLiteral("word/media/image%1.png").arg(i + 1), m_images[i], false);
    return zip.finish();
}

core::Status DocxDocument::save(const QString &path) const {
    core::Result<QByteArray> bytes = toBytes();
    if (!bytes) {
        core::Error e = bytes.error();
        e.file = path;
        return e;
    }
    return ZipWriter::saveFile(path, *bytes, QStringLiteral("DOCX"));
}

} // namespace objectivity::io
