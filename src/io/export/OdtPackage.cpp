#include "export/OdtPackage.h"

#include "export/DocxXml.h"
#include "formats/ZipWriter.h"

namespace objectivity::io::odt {

namespace {
const char kXmlHeader[] = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
} // namespace

QString fontFamily() {
    return QStringLiteral("Times New Roman");
}

QString fontFaceDecls() {
    return QStringLiteral("<office:font-face-decls><style:font-face style:name=\"%1\" "
                          "svg:font-family=\"'%1'\" style:font-family-generic=\"roman\" "
                          "style:font-pitch=\"variable\"/></office:font-face-decls>")
        .arg(fontFamily());
}

QString namespaces() {
    return QStringLiteral(
        "xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" "
        "xmlns:style=\"urn:oasis:names:tc:opendocument:xmlns:style:1.0\" "
        "xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" "
        "xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\" "
        "xmlns:fo=\"urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0\" "
        "xmlns:svg=\"urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0\" "
        "xmlns:meta=\"urn:oasis:names:tc:opendocument:xmlns:meta:1.0\" "
        "xmlns:dc=\"http://purl.org/dc/elements/1.1/\" office:version=\"1.2\"");
}

QString mm(double value) {
    return QString::number(value, 'f', 2) + QStringLiteral("mm");
}

QString paragraphText(const QString &text) {
    const QString escaped = docx::escape(text);
    QString out;
    int spaces = 0;
    const auto flushSpaces = [&](bool atStart) {
        if (spaces == 0)
            return;
        // One plain space is kept by ODF between words; the others (or a leading one) are <text:s>.
        int extra = spaces;
        if (!atStart) {
            out += u' ';
            --extra;
        }
        if (extra == 1)
            out += QStringLiteral("<text:s/>");
        else if (extra > 1)
            out += QStringLiteral("<text:s text:c=\"%1\"/>").arg(extra);
        spaces = 0;
    };
    for (const QChar c : escaped) {
        if (c == u' ') {
            ++spaces;
            continue;
        }
        flushSpaces(out.isEmpty());
        if (c == u'\n')
            out += QStringLiteral("<text:line-break/>");
        else if (c == u'\t')
            out += QStringLiteral("<text:tab/>");
        else if (c != u'\r')
            out += c;
    }
    flushSpaces(out.isEmpty());
    return out;
}

QByteArray stylesXml(const PageSetup &page) {
    QString xml = QString::fromLatin1(kXmlHeader);
    xml += QStringLiteral("<office:document-styles %1>").arg(namespaces());
    xml += fontFaceDecls();
    xml +=
        QStringLiteral(
            "<office:styles><style:default-style style:family=\"paragraph\">"
            "<style:paragraph-properties fo:margin-top=\"0mm\" fo:margin-bottom=\"0mm\"/>"
            "<style:text-properties style:font-name=\"%1\" fo:font-size=\"12pt\" "
            "fo:language=\"ru\" fo:country=\"RU\" style:font-name-complex=\"%1\" "
            "style:font-size-complex=\"12pt\"/></style:default-style>"
            "<style:style style:name=\"Standard\" style:family=\"paragraph\" "
            "style:class=\"text\"/>"
            "<style:style style:name=\"Table_20_Contents\" style:display-name=\"Table Contents\" "
            "style:family=\"paragraph\" style:parent-style-name=\"Standard\" "
            "style:class=\"extra\"/>"
            "<style:style style:name=\"Table_20_Heading\" style:display-name=\"Table Heading\" "
            "style:family=\"paragraph\" style:parent-style-name=\"Table_20_Contents\" "
            "style:class=\"extra\"><style:paragraph-properties fo:text-align=\"center\"/>"
            "<style:text-properties fo:font-weight=\"bold\" "
            "style:font-weight-complex=\"bold\"/></style:style>"
            "<style:style style:name=\"Title\" style:family=\"paragraph\" "
            "style:parent-style-name=\"Standard\" style:class=\"chapter\">"
            "<style:paragraph-properties fo:text-align=\"center\" "
            "fo:keep-with-next=\"always\"/><style:text-properties fo:font-size=\"14pt\" "
            "fo:font-weight=\"bold\" style:font-size-complex=\"14pt\" "
            "style:font-weight-complex=\"bold\"/></style:style>"
            "<style:style style:name=\"Header\" style:family=\"paragraph\" "
            "style:parent-style-name=\"Standard\" style:class=\"extra\">"
            "<style:paragraph-properties fo:text-align=\"center\"/></style:style>"
            "</office:styles>")
            .arg(fontFamily());
    // pm1, the first page: the body at the top margin. pm2, the next pages: the header sits
    // inside the top margin, 10 mm from the sheet's edge; its fixed height (the number's line and
    // the space under it) ends where the first page's body starts.
    const double headerFromEdgeMm = std::min(10.0, page.topMm / 2);
    auto layout = [&](const QString &name, bool header) {
        return QStringLiteral(
                   "<style:page-layout style:name=\"%1\"><style:page-layout-properties "
                   "fo:page-width=\"%2\" fo:page-height=\"%3\" style:print-orientation=\"%4\" "
                   "fo:margin-top=\"%5\" fo:margin-bottom=\"%6\" fo:margin-left=\"%7\" "
                   "fo:margin-right=\"%8\" style:writing-mode=\"lr-tb\"/>%9</style:page-layout>")
            .arg(name, mm(page.widthMm()), mm(page.landscape ? 210 : 297),
                 page.landscape ? QStringLiteral("landscape") : QStringLiteral("portrait"),
                 mm(header ? headerFromEdgeMm : page.topMm), mm(page.bottomMm), mm(page.leftMm),
                 mm(page.rightMm),
                 header ? QStringLiteral("<style:header-style><style:header-footer-properties "
                                         "svg:height=\"%1\" fo:margin-bottom=\"%2\" "
                                         "style:dynamic-spacing=\"false\"/></style:header-style>")
                              .arg(mm(page.topMm - headerFromEdgeMm), mm(3))
                        : QString());
    };
    xml += QStringLiteral("<office:automatic-styles>") + layout(QStringLiteral("pm1"), false) +
           layout(QStringLiteral("pm2"), true) + QStringLiteral("</office:automatic-styles>");
    xml += QStringLiteral(
        "<office:master-styles><style:master-page style:name=\"First_20_Page\" "
        "style:display-name=\"First Page\" style:page-layout-name=\"pm1\" "
        "style:next-style-name=\"Standard\"/><style:master-page style:name=\"Standard\" "
        "style:page-layout-name=\"pm2\"><style:header><text:p text:style-name=\"Header\">"
        "<text:page-number text:select-page=\"current\">2</text:page-number></text:p>"
        "</style:header></style:master-page></office:master-styles></office:document-styles>");
    return xml.toUtf8();
}

QString firstPageMaster() {
    return QStringLiteral(" style:master-page-name=\"First_20_Page\"");
}

QByteArray settingsXml() {
    // Writer keeps a table row with the next one when the row's first paragraph is «keep with
    // next» only under the compatibility setting TableRowKeep (Word's rule; off by default):
    // without it a section heading row can end a page, its measures on the next. Once a document
    // has settings, Writer takes every layout setting it does not name as written by an old version
    // (tighter lines, printer metrics…), so the others are given as Writer itself has them for a
    // document without settings (LibreOffice 7.4). The «ooo» prefix of the set's name is resolved
    // as a namespace: without its declaration the whole set is ignored.
    struct Item {
        const char *name;
        const char *type;
        const char *value;
    };
    static constexpr Item kItems[] = {
        {"TableRowKeep", "boolean", "true"},
        {"PrinterIndependentLayout", "string", "high-resolution"},
        {"AddExternalLeading", "boolean", "true"},
        {"UseFormerLineSpacing", "boolean", "false"},
        {"UseFormerObjectPositioning", "boolean", "false"},
        {"UseFormerTextWrapping", "boolean", "false"},
        {"UseOldNumbering", "boolean", "false"},
        {"UseOldPrinterMetrics", "boolean", "false"},
        {"AddParaSpacingToTableCells", "boolean", "true"},
        {"AddParaLineSpacingToTableCells", "boolean", "true"},
        {"AddParaTableSpacing", "boolean", "true"},
        {"AddParaTableSpacingAtStart", "boolean", "true"},
        {"ConsiderTextWrapOnObjPos", "boolean", "false"},
        {"IgnoreFirstLineIndentInNumbering", "boolean", "false"},
        {"DoNotJustifyLinesWithManualBreak", "boolean", "false"},
        {"DoNotResetParaAttrsForNumFont", "boolean", "false"},
        {"DoNotCaptureDrawObjsOnPage", "boolean", "false"},
        {"ClipAsCharacterAnchoredWriterFlyFrames", "boolean", "false"},
        {"UnxForceZeroExtLeading", "boolean", "false"},
        {"SmallCapsPercentage66", "boolean", "false"},
        {"TabsRelativeToIndent", "boolean", "true"},
        {"TabOverflow", "boolean", "true"},
        {"TabOverMargin", "boolean", "false"},
        {"TabAtLeftIndentForParagraphsInList", "boolean", "false"},
        {"AlignTabStopPosition", "boolean", "true"},
        {"IgnoreTabsAndBlanksForLineCalculation", "boolean", "false"},
        {"InvertBorderSpacing", "boolean", "false"},
        {"CollapseEmptyCellPara", "boolean", "true"},
        {"PropLineSpacingShrinksFirstLine", "boolean", "true"},
        {"SubtractFlysAnchoredAtFlys", "boolean", "false"},
        {"EmptyDbFieldHidesPara", "boolean", "true"},
        {"MsWordCompTrailingBlanks", "boolean", "false"},
        {"MsWordCompMinLineHeightByFly", "boolean", "false"},
        {"AddFrameOffsets", "boolean", "false"},
        {"AddVerticalFrameOffsets", "boolean", "false"},
        {"BackgroundParaOverDrawings", "boolean", "false"},
        {"UnbreakableNumberings", "boolean", "false"},
        {"FloattableNomargins", "boolean", "false"},
        {"ClippedPictures", "boolean", "false"},
        {"HeaderSpacingBelowLastPara", "boolean", "false"},
        {"FrameAutowidthWithMorePara", "boolean", "false"},
        {"SurroundTextWrapSmall", "boolean", "false"},
        {"ContinuousEndnotes", "boolean", "false"},
        {"AutoFirstLineIndentDisregardLineSpace", "boolean", "true"},
    };
    QString xml = QString::fromLatin1(kXmlHeader);
    xml += QStringLiteral(
        "<office:document-settings "
        "xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" "
        "xmlns:config=\"urn:oasis:names:tc:opendocument:xmlns:config:1.0\" "
        "xmlns:ooo=\"http://openoffice.org/2004/office\" office:version=\"1.2\">"
        "<office:settings><config:config-item-set config:name=\"ooo:configuration-settings\">");
    for (const Item &item : kItems)
        xml +=
            QStringLiteral("<config:config-item config:name=\"%1\" config:type=\"%2\">%3"
                           "</config:config-item>")
                .arg(QLatin1String(item.name), QLatin1String(item.type), QLatin1String(item.value));
    xml += QStringLiteral("</config:config-item-set></office:settings></office:document-settings>");
    return xml.toUtf8();
}

QByteArray metaXml(const QString &title) {
    QString xml = QString::fromLatin1(kXmlHeader);
    xml += QStringLiteral("<office:document-meta %1><office:meta>"
                          "<meta:generator>Объективность</meta:generator>"
                          "<dc:title>%2</dc:title><dc:language>ru-RU</dc:language>"
                          "</office:meta></office:document-meta>")
               .arg(namespaces(), docx::escape(title));
    return xml.toUtf8();
}

core::Status save(const QString &path, const QByteArray &content, const QByteArray &styles,
                  const QByteArray &meta) {
    ZipWriter zip;
    zip.add(QStringLiteral("mimetype"),
            QByteArrayLiteral("application/vnd.oasis.opendocument.text"), false);
    zip.add(
        QStringLiteral("META-INF/manifest.xml"),
        QByteArrayLiteral("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                          "<manifest:manifest "
                          "xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\" "
                          "manifest:version=\"1.2\">"
                          "<manifest:file-entry manifest:full-path=\"/\" manifest:version=\"1.2\" "
                          "manifest:media-type=\"application/vnd.oasis.opendocument.text\"/>"
                          "<manifest:file-entry manifest:full-path=\"content.xml\" "
                          "manifest:media-type=\"text/xml\"/>"
                          "<manifest:file-entry manifest:full-path=\"styles.xml\" "
                          "manifest:media-type=\"text/xml\"/>"
                          "<manifest:file-entry manifest:full-path=\"settings.xml\" "
                          "manifest:media-type=\"text/xml\"/>"
                          "<manifest:file-entry manifest:full-path=\"meta.xml\" "
                          "manifest:media-type=\"text/xml\"/></manifest:manifest>"));
    zip.add(QStringLiteral("content.xml"), content);
    zip.add(QStringLiteral("styles.xml"), styles);
    zip.add(QStringLiteral("settings.xml"), settingsXml());
    zip.add(QStringLiteral("meta.xml"), meta);
    core::Result<QByteArray> bytes = zip.finish();
    if (!bytes) {
        core::Error e = bytes.error();
        e.file = path;
        return e;
    }
    return ZipWriter::saveFile(path, *bytes, QStringLiteral("ODT"));
}

} // namespace objectivity::io::odt
