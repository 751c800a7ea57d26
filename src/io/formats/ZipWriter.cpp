#include "formats/ZipWriter.h"

#include "objectivity/core/common/FileErrorText.h"

#include <QDateTime>
#include <QFile>
#include <QSaveFile>
#include <QTemporaryFile>

#include <zip.h>

namespace objectivity::io {

void ZipWriter::add(const QString &name, const QByteArray &data, bool compress) {
    m_parts.append({name, data, compress});
}

core::Result<QByteArray> ZipWriter::finish() const {
    const auto failed = [](const QString &details) {
        return core::Error{
            QStringLiteral("Не удалось собрать архив документа"), {}, -1, -1, {}, details};
    };
    QTemporaryFile tmp;
    if (!tmp.open())
        return failed(tmp.errorString());
    const QByteArray tmpName = QFile::encodeName(tmp.fileName());
    zipFile zip = zipOpen64(tmpName.constData(), APPEND_STATUS_CREATE);
    if (!zip)
        return failed(QStringLiteral("zipOpen64 failed"));

    const QDateTime now = QDateTime::currentDateTime();
    zip_fileinfo info{};
    info.tmz_date.tm_year = uInt(now.date().year());
    info.tmz_date.tm_mon = uInt(now.date().month() - 1);
    info.tmz_date.tm_mday = uInt(now.date().day());
    info.tmz_date.tm_hour = uInt(now.time().hour());
    info.tmz_date.tm_min = uInt(now.time().minute());
    info.tmz_date.tm_sec = uInt(now.time().second());

    bool ok = true;
    QString details;
    for (const Part &part : m_parts) {
        const QByteArray name = part.name.toUtf8();
        // zip64 = 0: no zip64 extra field (OpenDocument wants «mimetype» without any).
        const int method = part.compress ? Z_DEFLATED : 0;
        const int level = part.compress ? Z_DEFAULT_COMPRESSION : 0;
        if (zipOpenNewFileInZip3_64(zip, name.constData(), &info, nullptr, 0, nullptr, 0, nullptr,
                                    method, level, 0, -MAX_WBITS, DEF_MEM_LEVEL, Z_DEFAULT_STRATEGY,
                                    nullptr, 0, 0) != ZIP_OK ||
            zipWriteInFileInZip(zip, part.data.constData(), unsigned(part.data.size())) != ZIP_OK ||
            zipCloseFileInZip(zip) != ZIP_OK) {
            ok = false;
            details = QStringLiteral("minizip failed on part %1").arg(part.name);
            break;
        }
    }
    if (zipClose(zip, nullptr) != ZIP_OK && ok) {
        ok = false;
        details = QStringLiteral("zipClose failed");
    }
    if (!ok)
        return failed(details);
    QFile written(tmp.fileName());
    if (!written.open(QIODevice::ReadOnly))
        return failed(written.errorString());
    return written.readAll();
}

core::Status ZipWriter::saveFile(const QString &path, const QByteArray &bytes,
                                 const QString &kind) {
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return core::Error{QStringLiteral("Не удалось создать файл %1: %2")
                               .arg(kind, core::FileErrorText::russian(file)),
                           path,
                           -1,
                           -1,
                           {},
                           file.errorString()};
    if (file.write(bytes) != bytes.size() || !file.commit())
        return core::Error{QStringLiteral("Не удалось записать файл %1: %2")
                               .arg(kind, core::FileErrorText::russian(file)),
                           path,
                           -1,
                           -1,
                           {},
                           file.errorString()};
    return {};
}

} // namespace objectivity::io
