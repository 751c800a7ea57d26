#include "export/XlsxWriteErrorText.h"

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

} // namespace objectivity::io
