#include "export/XlsxWriteErrorText.h"

#include <QFile>
#include <QFileInfo>

namespace objectivity::io {

QString XlsxWriteErrorText::russian(lxw_error error) {
    switch (error) {
    case LXW_ERROR_MEMORY_MALLOC_FAILED:
        return QStringLiteral("не хватает памяти");
    case LXW_ERROR_CREATING_XLSX_FILE:
        return QStringLiteral("файл не удаётся создать (нет папки или прав на запись, либо файл "
                              "открыт в другой программе)");
    case LXW_ERROR_CREATING_TMPFILE:
    case LXW_ERROR_READING_TMPFILE:
        return QStringLiteral("не удаётся записать временный файл (нет места на диске или прав "
                              "на временную папку)");
    case LXW_ERROR_ZIP_FILE_OPERATION:
    case LXW_ERROR_ZIP_FILE_ADD:
    case LXW_ERROR_ZIP_CLOSE:
        return QStringLiteral("ошибка записи файла (возможно, на диске не хватает места)");
    default:
        return QStringLiteral("внутренняя ошибка записи книги Excel");
    }
}

core::Error XlsxWriteErrorText::error(const QString &path, lxw_error error) {
    core::Error e;
    e.file = path;
    e.message = QStringLiteral("Не удалось записать файл Excel: %1").arg(russian(error));
    e.details = QString::fromUtf8(lxw_strerror(error));
    return e;
}

core::Status XlsxWriteErrorText::closeAndReplace(lxw_workbook *workbook, const QString &partial,
                                                 const QString &path) {
    const lxw_error error = workbook_close(workbook);
    if (error != LXW_NO_ERROR) {
        QFile::remove(partial);
        return XlsxWriteErrorText::error(path, error);
    }
    if (QFileInfo::exists(path) && !QFile::remove(path)) {
        QFile::remove(partial);
        return core::Error{QStringLiteral("Не удалось заменить файл: он открыт в другой программе "
                                          "или защищён от записи"),
                           path};
    }
    if (!QFile::rename(partial, path)) {
        QFile::remove(partial);
        return core::Error{QStringLiteral("Не удалось записать файл Excel"), path};
    }
    return {};
}

} // namespace objectivity::io
