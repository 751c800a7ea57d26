#pragma once
// Builds small .zip / .xlsx files inside tests (minizip's zip.h), so every quirk has its own file.
#include <QByteArray>
#include <QFile>
#include <QList>
#include <QPair>
#include <QString>

#include <zip.h>

namespace objectivity::test {

using ZipParts = QList<QPair<QString, QByteArray>>;

inline bool writeZip(const QString &path, const ZipParts &parts) {
    zipFile z = zipOpen64(QFile::encodeName(path).constData(), APPEND_STATUS_CREATE);
    if (!z)
        return false;
    for (const auto &[name, data] : parts) {
        zip_fileinfo info{};
        if (zipOpenNewFileInZip64(z, name.toUtf8().constData(), &info, nullptr, 0, nullptr, 0,
                                  nullptr, Z_DEFLATED, 9, 1) != ZIP_OK)
            return false;
        zipWriteInFileInZip(z, data.constData(), unsigned(data.size()));
        zipCloseFileInZip(z);
    }
    return zipClose(z, nullptr) == ZIP_OK;
}

// A minimal workbook: sheets given as (name, sheet XML body inside <sheetData>...), optional
// sharedStrings items and styles.
inline ZipParts xlsxParts(const QList<QPair<QString, QByteArray>> &sheets,
                          const QByteArray &sharedStrings = QByteArray(),
                          const QByteArray &styles = QByteArray()) {
    ZipParts parts;
    parts.append({QStringLiteral("[Content_Types].xml"),
                  "<?xml version=\"1.0\"?><Types "
                  "xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>"});
    parts.append({QStringLiteral("_rels/.rels"),
                  "<?xml version=\"1.0\"?><Relationships "
                  "xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                  "<Relationship Id=\"rId1\" "
                  "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
                  "officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>"});
    QByteArray wb = "<?xml version=\"1.0\"?><workbook "
                    "xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
                    "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/"
                    "relationships\"><sheets>";
    QByteArray rels = "<?xml version=\"1.0\"?><Relationships "
                      "xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">";
    for (int i = 0; i < sheets.size(); ++i) {
        const QByteArray n = QByteArray::number(i + 1);
        wb += "<sheet name=\"" + sheets.at(i).first.toUtf8() + "\" sheetId=\"" + n +
              "\" r:id=\"rId" + n + "\"/>";
        rels += "<Relationship Id=\"rId" + n +
                "\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
                "worksheet\" Target=\"worksheets/sheet" +
                n + ".xml\"/>";
        parts.append({QStringLiteral("xl/worksheets/sheet%1.xml").arg(i + 1),
                      "<?xml version=\"1.0\"?><worksheet "
                      "xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">" +
                          sheets.at(i).second + "</worksheet>"});
    }
    wb += "</sheets></workbook>";
    if (!sharedStrings.isEmpty()) {
        rels += "<Relationship Id=\"rIdS\" "
                "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
                "sharedStrings\" Target=\"sharedStrings.xml\"/>";
        parts.append({QStringLiteral("xl/sharedStrings.xml"),
                      "<?xml version=\"1.0\"?><sst "
                      "xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">" +
                          sharedStrings + "</sst>"});
    }
    if (!styles.isEmpty()) {
        rels += "<Relationship Id=\"rIdT\" "
                "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
                "styles\" Target=\"styles.xml\"/>";
        parts.append({QStringLiteral("xl/styles.xml"),
                      "<?xml version=\"1.0\"?><styleSheet "
                      "xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">" +
                          styles + "</styleSheet>"});
    }
    rels += "</Relationships>";
    parts.append({QStringLiteral("xl/workbook.xml"), wb});
    parts.append({QStringLiteral("xl/_rels/workbook.xml.rels"), rels});
    return parts;
}

} // namespace objectivity::test
