#include "objectivity/io/formats/OfficeConverter.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QStandardPaths>
#include <QUrl>

namespace objectivity::io {

namespace {

core::Error conversionError(const QString &sourceName, const QString &message,
                            const QString &details = QString()) {
    core::Error e;
    e.file = sourceName;
    e.message = message;
    e.details = details;
    return e;
}

} // namespace

QString OfficeConverter::program() {
    if (qEnvironmentVariableIsSet("OBJECTIVITY_SOFFICE")) {
        const QString given = qEnvironmentVariable("OBJECTIVITY_SOFFICE");
        return !given.isEmpty() && QFileInfo(given).isExecutable() ? given : QString();
    }
    for (const char *name : {"soffice", "libreoffice"}) {
        const QString found = QStandardPaths::findExecutable(QLatin1String(name));
        if (!found.isEmpty())
            return found;
    }
    return QString();
}

bool OfficeConverter::isOleCompound(const QByteArray &head) {
    return head.startsWith(QByteArrayLiteral("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1"));
}

core::Result<QString> OfficeConverter::toOdt(const QString &path, const QString &sourceName,
                                             const QString &workDir,
                                             const std::atomic<bool> *cancel, int timeoutMs) {
    return convert(path, sourceName, workDir, QStringLiteral("odt"),
                   QStringLiteral("как текст: файл повреждён или это не документ Word"), cancel,
                   timeoutMs);
}

core::Result<QString> OfficeConverter::toXlsx(const QString &path, const QString &sourceName,
                                              const QString &workDir,
                                              const std::atomic<bool> *cancel, int timeoutMs) {
    return convert(path, sourceName, workDir, QStringLiteral("xlsx"),
                   QStringLiteral("как таблицу: файл повреждён или это не таблица Excel или Calc"),
                   cancel, timeoutMs);
}

core::Result<QString> OfficeConverter::convert(const QString &path, const QString &sourceName,
                                               const QString &workDir, const QString &format,
                                               const QString &what, const std::atomic<bool> *cancel,
                                               int timeoutMs) {
    const QString soffice = program();
    if (soffice.isEmpty())
        return conversionError(sourceName, QStringLiteral("LibreOffice не установлен"));
    const QDir dir(workDir);
    const QString suffix = QFileInfo(path).suffix().toLower();
    const QString input = dir.filePath(QStringLiteral("document.") +
                                       (suffix.isEmpty() ? QStringLiteral("doc") : suffix));
    if (!QFile::copy(path, input))
        return conversionError(sourceName,
                               QStringLiteral("не удаётся скопировать файл во временную папку"));
    QProcess process;
    process.setProgram(soffice);
    process.setArguments(
        {QStringLiteral("-env:UserInstallation=") +
             QUrl::fromLocalFile(dir.filePath(QStringLiteral("profile"))).toString(),
         QStringLiteral("--headless"), QStringLiteral("--norestore"),
         QStringLiteral("--convert-to"), format, QStringLiteral("--outdir"), dir.absolutePath(),
         input});
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start();
    if (!process.waitForStarted(30'000))
        return conversionError(sourceName,
                               QStringLiteral("не удалось запустить LibreOffice (%1)").arg(soffice),
                               process.errorString());
    QElapsedTimer clock;
    clock.start();
    while (!process.waitForFinished(100)) {
        if (process.state() == QProcess::NotRunning)
            break;
        const bool cancelled = cancel && cancel->load();
        if (cancelled || clock.elapsed() > timeoutMs) {
            process.kill();
            process.waitForFinished(5'000);
            return conversionError(sourceName,
                                   cancelled ? QStringLiteral("открытие файла отменено")
                                             : QStringLiteral("LibreOffice не преобразовал файл за "
                                                              "%1 с")
                                                   .arg(timeoutMs / 1000));
        }
    }
    const QString output = dir.filePath(QStringLiteral("document.") + format);
    const QString log = QString::fromLocal8Bit(process.readAll()).trimmed();
    if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0 ||
        !QFileInfo::exists(output))
        return conversionError(
            sourceName, QStringLiteral("LibreOffice не смог открыть файл %1").arg(what), log);
    return output;
}

} // namespace objectivity::io
