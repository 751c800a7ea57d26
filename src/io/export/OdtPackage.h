#pragma once
// The parts of an OpenDocument text around content.xml, and the text escaping ODF needs.
#include "objectivity/core/common/Result.h"

#include <QByteArray>
#include <QString>

namespace objectivity::io::odt {

struct PageSetup {
    bool landscape = true;
    double leftMm = 20, rightMm = 10, topMm = 20, bottomMm = 20;
    double widthMm() const { return landscape ? 297 : 210; }
    double textWidthMm() const { return widthMm() - leftMm - rightMm; }
};

// The font every style uses (LibreOffice shows it in the metric-compatible Liberation Serif).
QString fontFamily();
// <office:font-face-decls> for content.xml and styles.xml.
QString fontFaceDecls();
// Namespace declarations of the office:document-* roots.
QString namespaces();

// Text of a text:p: markup escaped, runs of spaces as <text:s/>, tabs and line breaks as elements,
// characters XML cannot hold dropped.
QString paragraphText(const QString &text);
// «12.5mm» with a dot, whatever the locale.
QString mm(double value);

// styles.xml: default paragraph and text properties (Times New Roman 12 pt, Russian), the page
// layout (A4, orientation, margins) and two master pages: the first page without a number, then
// «Standard» with the page number in the middle of the top margin (ГОСТ Р 7.0.97-2016, п. 6.6; as
// the PDF). The body starts at page.topMm on every page.
QByteArray stylesXml(const PageSetup &page);
// ` style:master-page-name="…"` for the style of the document's first paragraph: the first
// page's master page, followed by «Standard».
QString firstPageMaster();
QByteArray metaXml(const QString &title);
// settings.xml: Writer's «keep table rows with the next» compatibility setting (TableRowKeep), so
// a row whose first paragraph keeps with the next (a section heading) never ends a page.
QByteArray settingsXml();

// The .odt file: mimetype first and stored, manifest, content, styles, settings, meta; written
// atomically.
core::Status save(const QString &path, const QByteArray &content, const QByteArray &styles,
                  const QByteArray &meta);

} // namespace objectivity::io::odt
