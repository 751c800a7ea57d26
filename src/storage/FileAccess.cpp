#include "FileAccess.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <cerrno>

#include <unistd.h>

namespace objectivity::storage {

namespace {

// 0 when the path may be written, else the errno of access(W_OK) (EACCES, EROFS, ...).
int writeProblem(const QString &path) {
    return ::access(QFile::encodeName(path).constData(), W_OK) == 0 ? 0 : errno;
}

} // namespace

FileAccess FileAccess::probe(const QString &path, bool exists) {
    FileAccess a;
    a.m_path = QDir::toNativeSeparators(path);
    a.m_folder = QDir::toNativeSeparators(QFileInfo(path).absolutePath());
    const QString forced = qEnvironmentVariable("OBJECTIVITY_READ_ONLY").trimmed().toLower();
    if (forced == QLatin1String("folder")) {
        a.m_reason = Reason::Folder;
        a.m_folderReadOnly = true;
    } else if (forced == QLatin1String("file")) {
        a.m_reason = exists ? Reason::File : Reason::Writable;
    } else if (!forced.isEmpty() && forced != QLatin1String("0")) {
        a.m_reason = Reason::Requested;
    }
    if (a.isReadOnly())
        return a;
    const int folder = writeProblem(QFileInfo(path).absolutePath());
    a.m_folderReadOnly = folder != 0;
    if (const int file = exists ? writeProblem(path) : 0; file != 0)
        a.m_reason = file == EROFS ? Reason::Media : Reason::File;
    else if (folder != 0)
        a.m_reason = folder == EROFS ? Reason::Media : Reason::Folder;
    return a;
}

QString FileAccess::why() const {
    switch (m_reason) {
    case Reason::Writable:
        return {};
    case Reason::Requested:
        return QStringLiteral("так задано переменной окружения OBJECTIVITY_READ_ONLY");
    case Reason::File:
        return QStringLiteral("нет прав на запись в файл «%1»").arg(m_path);
    case Reason::Folder:
        return QStringLiteral("нет прав на запись в папку «%1»").arg(m_folder);
    case Reason::Media:
        return QStringLiteral("папка «%1» находится на носителе только для чтения").arg(m_folder);
    }
    return {};
}

} // namespace objectivity::storage
