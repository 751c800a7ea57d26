#pragma once
// Writes a minimal .docx (only word/document.xml) with minizip, for tests that need a document
// shaped in a particular way.
#include <QByteArray>
#include <QFile>
#include <QString>

#include <zip.h>

namespace objectivity::test {

inline bool writeDocx(const QString &path, const QByteArray &documentXml) {
    zipFile zf = zipOpen64(QFile::encodeName(path).constData(), APPEND_STATUS_CREATE);
    if (!zf)
        return false;
    zip_fileinfo info{};
    bool ok = zipOpenNewFileInZip64(zf, "word/document.xml", &info, nullptr, 0, nullptr, 0, nullptr,
                                    Z_DEFLATED, Z_DEFAULT_COMPRESSION, 0) == ZIP_OK;
    ok = ok &&
         zipWriteInFileInZip(zf, documentXml.constData(), unsigned(documentXml.size())) == ZIP_OK;
    ok = zipCloseFileInZip(zf) == ZIP_OK && ok;
    return zipClose(zf, nullptr) == ZIP_OK && ok;
}

// <w:document> around a body, with the WordprocessingML namespace.
inline QByteArray wordDocument(const QString &body) {
    return QByteArrayLiteral(
               "<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document xmlns:w=\"http://"
               "schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>") +
           body.toUtf8() + QByteArrayLiteral("</w:body></w:document>");
}

} // namespace objectivity::test
