// The fixed parts of a .docx around word/document.xml: styles, header or footer, properties,
// content types and relationships.
#include "objectivity/io/export/DocxDocument.h"

#include "export/DocxXml.h"

#include <QDateTime>

namespace objectivity::io {

using docx::escape;
using docx::halfPoints;

namespace {

const char kHeader[] = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";

// A paragraph style based on Normal: size in points, bold/italic, alignment, spacing in points,
// outline level (-1 for none).
QString paragraphStyle(const QString &id, const QString &name, double size, bool bold, bool italic,
                       const QString &jc, double before, double after, int outline, bool keepNext) {
    QString s = QStringLiteral("<w:style w:type=\"paragraph\" w:styleId=\"%1\"><w:name "
                               "w:val=\"%2\"/><w:basedOn w:val=\"Normal\"/><w:next "
                               "w:val=\"Normal\"/><w:qFormat/><w:pPr>")
                    .arg(id, name);
    if (keepNext)
        s += QStringLiteral("<w:keepNext/><w:keepLines/>");
    s += QStringLiteral("<w:spacing w:before=\"%1\" w:after=\"%2\"/>")
             .arg(int(before * 20))
             .arg(int(after * 20));
    if (!jc.isEmpty())
        s += QStringLiteral("<w:jc w:val=\"%1\"/>").arg(jc);
    if (outline >= 0)
        s += QStringLiteral("<w:outlineLvl w:val=\"%1\"/>").arg(outline);
    s += QStringLiteral("</w:pPr><w:rPr>");
    if (bold)
        s += QStringLiteral("<w:b/><w:bCs/>");
    if (italic)
        s += QStringLiteral("<w:i/><w:iCs/>");
    s += QStringLiteral("<w:sz w:val=\"%1\"/><w:szCs w:val=\"%1\"/></w:rPr></w:style>")
             .arg(halfPoints(size));
    return s;
}

} // namespace

QByteArray DocxDocument::stylesXml() const {
    const QString font = escape(m_fontFamily);
    const double size = m_pointSize;
    QString xml = QString::fromLatin1(kHeader);
    xml += QStringLiteral(
               "<w:styles xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/"
               "main\"><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii=\"%1\" "
               "w:hAnsi=\"%1\" w:eastAsia=\"%1\" w:cs=\"%1\"/><w:sz w:val=\"%2\"/><w:szCs "
               "w:val=\"%2\"/><w:lang w:val=\"ru-RU\" w:eastAsia=\"ru-RU\" "
               "w:bidi=\"ar-SA\"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing "
               "w:after=\"0\" w:line=\"240\" w:lineRule=\"auto\"/></w:pPr></w:pPrDefault>"
               "</w:docDefaults>")
               .arg(font)
               .arg(halfPoints(size));
    xml += QStringLiteral("<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\">"
                          "<w:name w:val=\"Normal\"/><w:qFormat/></w:style>");
    xml += paragraphStyle(QStringLiteral("Title"), QStringLiteral("Title"), size + 2, true, false,
                          QStringLiteral("center"), 0, 6, -1, true);
    xml += paragraphStyle(QStringLiteral("Heading1"), QStringLiteral("heading 1"), size + 2, true,
                          false, {}, 12, 6, 0, true);
    xml += paragraphStyle(QStringLiteral("Heading2"), QStringLiteral("heading 2"), size + 1, true,
                          false, {}, 12, 6, 1, true);
    xml += paragraphStyle(QStringLiteral("Heading3"), QStringLiteral("heading 3"), size, true, true,
                          {}, 12, 6, 2, true);
    xml += paragraphStyle(QStringLiteral("Caption"), QStringLiteral("caption"), size - 1, false,
                          false, QStringLiteral("center"), 0, 6, -1, false);
    xml += paragraphStyle(QStringLiteral("Header"), QStringLiteral("header"), size, false, false,
                          {}, 0, 0, -1, false);
    xml += paragraphStyle(QStringLiteral("Footer"), QStringLiteral("footer"), size - 1, false,
                          false, {}, 0, 0, -1, false);
    xml += QStringLiteral("<w:style w:type=\"table\" w:default=\"1\" w:styleId=\"TableNormal\">"
                          "<w:name w:val=\"Normal Table\"/><w:tblPr><w:tblInd w:w=\"0\" "
                          "w:type=\"dxa\"/><w:tblCellMar><w:top w:w=\"0\" w:type=\"dxa\"/>"
                          "<w:left w:w=\"108\" w:type=\"dxa\"/><w:bottom w:w=\"0\" "
                          "w:type=\"dxa\"/><w:right w:w=\"108\" w:type=\"dxa\"/></w:tblCellMar>"
                          "</w:tblPr></w:style></w:styles>");
    return xml.toUtf8();
}

QByteArray DocxDocument::pageNumberPartXml(bool header, bool withNumber) const {
    const QString jc = m_pageNumberAlignment == Alignment::Left    ? QStringLiteral("left")
                       : m_pageNumberAlignment == Alignment::Right ? QStringLiteral("right")
                                                                   : QStringLiteral("center");
    const QString element = header ? QStringLiteral("w:hdr") : QStringLiteral("w:ftr");
    QString xml =
        QString::fromLatin1(kHeader) +
        QStringLiteral("<%1 xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/"
                       "2006/main\"><w:p><w:pPr><w:pStyle w:val=\"%2\"/>"
                       "<w:jc w:val=\"%3\"/></w:pPr>")
            .arg(element, header ? QStringLiteral("Header") : QStringLiteral("Footer"), jc);
    if (withNumber)
        xml += QStringLiteral("<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r>"
                              "<w:r><w:instrText xml:space=\"preserve\"> PAGE </w:instrText></w:r>"
                              "<w:r><w:fldChar w:fldCharType=\"separate\"/></w:r>"
                              "<w:r><w:t>2</w:t></w:r>"
                              "<w:r><w:fldChar w:fldCharType=\"end\"/></w:r>");
    xml += QStringLiteral("</w:p></%1>").arg(element);
    return xml.toUtf8();
}

QByteArray DocxDocument::coreXml() const {
    const QString now = QDateTime::currentDateTimeUtc().toString(Qt::ISODate);
    QString xml = QString::fromLatin1(kHeader);
    xml += QStringLiteral(
        "<cp:coreProperties "
        "xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" "
        "xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\" "
        "xmlns:dcmitype=\"http://purl.org/dc/dcmitype/\" "
        "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">");
    if (!m_title.isEmpty())
        xml += QStringLiteral("<dc:title>%1</dc:title>").arg(escape(m_title));
    if (!m_author.isEmpty())
        xml += QStringLiteral("<dc:creator>%1</dc:creator>").arg(escape(m_author));
    xml += QStringLiteral("<dc:language>ru-RU</dc:language>"
                          "<dcterms:created xsi:type=\"dcterms:W3CDTF\">%1</dcterms:created>"
                          "<dcterms:modified xsi:type=\"dcterms:W3CDTF\">%1</dcterms:modified>"
                          "</cp:coreProperties>")
               .arg(now);
    return xml.toUtf8();
}

QByteArray DocxDocument::contentTypesXml() const {
    QString xml = QString::fromLatin1(kHeader);
    xml += QStringLiteral(
        "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
        "<Default Extension=\"rels\" "
        "ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
        "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
        "<Default Extension=\"png\" ContentType=\"image/png\"/>"
        "<Override PartName=\"/word/document.xml\" ContentType=\"application/"
        "vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>"
        "<Override PartName=\"/word/styles.xml\" ContentType=\"application/"
        "vnd.openxmlformats-officedocument.wordprocessingml.styles+xml\"/>"
        "<Override PartName=\"/word/settings.xml\" ContentType=\"application/"
        "vnd.openxmlformats-officedocument.wordprocessingml.settings+xml\"/>"
        "<Override PartName=\"/docProps/core.xml\" "
        "ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>"
        "<Override PartName=\"/docProps/app.xml\" ContentType=\"application/"
        "vnd.openxmlformats-officedocument.extended-properties+xml\"/>");
    for (const NumberPart &part : numberParts())
        xml +=
            QStringLiteral("<Override PartName=\"/word/%1\" ContentType=\"application/"
                           "vnd.openxmlformats-officedocument.wordprocessingml.%2+xml\"/>")
                .arg(part.file, part.header ? QStringLiteral("header") : QStringLiteral("footer"));
    xml += QStringLiteral("</Types>");
    return xml.toUtf8();
}

QByteArray DocxDocument::documentRelsXml() const {
    const QString base =
        QStringLiteral("http://schemas.openxmlformats.org/officeDocument/2006/relationships/");
    QString xml = QString::fromLatin1(kHeader);
    xml += QStringLiteral("<Relationships "
                          "xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                          "<Relationship Id=\"rIdStyles\" Type=\"%1styles\" Target=\"styles.xml\"/>"
                          "<Relationship Id=\"rIdSettings\" Type=\"%1settings\" "
                          "Target=\"settings.xml\"/>")
               .arg(base);
    for (const NumberPart &part : numberParts())
        xml +=
            QStringLiteral("<Relationship Id=\"%1\" Type=\"%2%3\" Target=\"%4\"/>")
                .arg(part.id, base,
                     part.header ? QStringLiteral("header") : QStringLiteral("footer"), part.file);
    for (int i = 0; i < m_images.size(); ++i)
        xml += QStringLiteral("<Relationship Id=\"rIdImage%1\" Type=\"%2image\" "
                              "Target=\"media/image%1.png\"/>")
                   .arg(i + 1)
                   .arg(base);
    xml += QStringLiteral("</Relationships>");
    return xml.toUtf8();
}

} // namespace objectivity::io
