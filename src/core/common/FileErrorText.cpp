#include "objectivity/core/common/FileErrorText.h"

namespace objectivity::core {

namespace {

// The system's reason, when it is one of the well-known ones (errno texts of glibc).
QString reasonFromSystemText(const QString &text) {
    struct Known {
        const char *text;
        const char16_t *russian;
    };
    static const Known known[] = {
        {"No space left", u"на диске не хватает места"},
        {"Disk quota exceeded", u"превышена квота на диске"},
        {"Permission denied", u"нет прав доступа к файлу или папке"},
        {"Operation not permitted", u"нет прав доступа к файлу или папке"},
        {"Read-only file system", u"диск или папка доступны только для чтения"},
        {"No such file or directory", u"файл или папка не найдены"},
        {"Is a directory", u"указана папка, а не файл"},
        {"File name too long", u"слишком длинное имя файла"},
        {"Input/output error", u"ошибка чтения или записи на диске"},
        {"Too many open files", u"открыто слишком много файлов"},
        {"Device or resource busy", u"файл занят другой программой"},
        {"Text file busy", u"файл занят другой программой"},
        {"File too large", u"файл слишком велик"},
    };
    for (const Known &k : known)
        if (text.contains(QLatin1String(k.text), Qt::CaseInsensitive))
            return QString::fromUtf16(k.russian);
    return {};
}

} // namespace

QString FileErrorText::russian(QFileDevice::FileError error, const QString &systemText) {
    const QString reason = reasonFromSystemText(systemText);
    if (!reason.isEmpty())
        return reason;
    switch (error) {
    case QFileDevice::ReadError:
        return QStringLiteral("файл не читается");
    case QFileDevice::WriteError:
        return QStringLiteral("файл не записывается (нет места на диске или нет прав)");
    case QFileDevice::ResourceError:
        return QStringLiteral("не хватает места на диске или системных ресурсов");
    case QFileDevice::OpenError:
        return QStringLiteral("файл не удаётся открыть (нет файла или нет прав доступа)");
    case QFileDevice::AbortError:
        return QStringLiteral("запись файла прервана");
    case QFileDevice::TimeOutError:
        return QStringLiteral("истекло время ожидания");
    case QFileDevice::RemoveError:
        return QStringLiteral("файл не удаётся удалить");
    case QFileDevice::RenameError:
        return QStringLiteral("файл не удаётся переименовать (возможно, он открыт в другой "
                              "программе)");
    case QFileDevice::PositionError:
        return QStringLiteral("ошибка позиционирования в файле");
    case QFileDevice::ResizeError:
        return QStringLiteral("не удаётся изменить размер файла");
    case QFileDevice::PermissionsError:
        return QStringLiteral("нет прав доступа к файлу");
    case QFileDevice::CopyError:
        return QStringLiteral("файл не удаётся скопировать");
    case QFileDevice::NoError:
    case QFileDevice::FatalError:
    case QFileDevice::UnspecifiedError:
        break;
    }
    return QStringLiteral("ошибка работы с файлом");
}

Error FileErrorText::error(const QString &path, const QString &what, const QFileDevice &file) {
    return Error::inFile(path, what + QStringLiteral(": ") + russian(file), file.errorString());
}

} // namespace objectivity::core
