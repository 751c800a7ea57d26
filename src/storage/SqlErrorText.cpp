#include "objectivity/storage/SqlErrorText.h"

#include <QSqlError>

#include <sqlite3.h>

namespace objectivity::storage {

namespace {

// When the driver gives no result code: the code from SQLite's own English message.
int codeFromText(const QString &text) {
    struct Known {
        const char *text;
        int code;
    };
    static const Known known[] = {
        {"database or disk is full", SQLITE_FULL},
        {"database is locked", SQLITE_BUSY},
        {"database table is locked", SQLITE_LOCKED},
        {"readonly database", SQLITE_READONLY},
        {"database disk image is malformed", SQLITE_CORRUPT},
        {"file is not a database", SQLITE_NOTADB},
        {"disk I/O error", SQLITE_IOERR},
        {"unable to open database", SQLITE_CANTOPEN},
        {"constraint failed", SQLITE_CONSTRAINT},
        {"out of memory", SQLITE_NOMEM},
        {"interrupted", SQLITE_INTERRUPT},
        {"string or blob too big", SQLITE_TOOBIG},
        {"access permission denied", SQLITE_PERM},
    };
    for (const Known &k : known)
        if (text.contains(QLatin1String(k.text), Qt::CaseInsensitive))
            return k.code;
    return SQLITE_ERROR;
}

QString constraintText(const QString &original) {
    if (original.contains(QLatin1String("UNIQUE"), Qt::CaseInsensitive))
        return QStringLiteral("такая запись уже есть в базе данных (повтор уникального значения)");
    if (original.contains(QLatin1String("FOREIGN KEY"), Qt::CaseInsensitive))
        return QStringLiteral(
            "запись связана с другими данными (ссылка на отсутствующую или удаляемую запись)");
    if (original.contains(QLatin1String("NOT NULL"), Qt::CaseInsensitive))
        return QStringLiteral("не заполнено обязательное значение");
    if (original.contains(QLatin1String("CHECK"), Qt::CaseInsensitive))
        return QStringLiteral("значение не проходит проверку базы данных");
    return QStringLiteral("изменение нарушает целостность данных");
}

} // namespace

QString SqlErrorText::russian(int sqliteCode, const QString &originalText) {
    const int code = sqliteCode > 0 ? (sqliteCode & 0xff) : codeFromText(originalText);
    switch (code) {
    case SQLITE_FULL:
        return QStringLiteral("на диске не хватает места для базы данных (или файл достиг "
                              "предельного размера); освободите место и повторите");
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
        return QStringLiteral("база данных занята другой программой или другим окном "
                              "«Объективности»; повторите позже");
    case SQLITE_READONLY:
    case SQLITE_PERM:
    case SQLITE_AUTH:
        return QStringLiteral(
            "база данных открыта только для чтения: нет прав на запись в файл или его папку");
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
    case SQLITE_FORMAT:
        return QStringLiteral("файл базы данных повреждён или не является базой данных программы");
    case SQLITE_IOERR:
        return QStringLiteral("ошибка чтения или записи файла базы данных (диск, сеть или "
                              "съёмный носитель)");
    case SQLITE_CANTOPEN:
        return QStringLiteral(
            "файл базы данных не удаётся открыть (нет файла или папки, либо нет прав доступа)");
    case SQLITE_CONSTRAINT:
        return constraintText(originalText);
    case SQLITE_NOMEM:
        return QStringLiteral("не хватает памяти для работы с базой данных");
    case SQLITE_INTERRUPT:
    case SQLITE_ABORT:
        return QStringLiteral("операция с базой данных прервана");
    case SQLITE_TOOBIG:
        return QStringLiteral("значение слишком велико для базы данных");
    case SQLITE_SCHEMA:
        return QStringLiteral("структура базы данных изменилась во время операции; повторите");
    case SQLITE_NOLFS:
        return QStringLiteral("файловая система не поддерживает файлы такого размера");
    default:
        return QStringLiteral("внутренняя ошибка базы данных");
    }
}

QString SqlErrorText::original(const QSqlError &error) {
    QString text = error.text().trimmed();
    if (!error.nativeErrorCode().isEmpty())
        text += QStringLiteral(" (SQLite %1)").arg(error.nativeErrorCode());
    return text;
}

QString SqlErrorText::russian(const QSqlError &error) {
    if (error.type() == QSqlError::ConnectionError && error.nativeErrorCode().isEmpty() &&
        error.driverText().contains(QLatin1String("Driver not loaded"), Qt::CaseInsensitive))
        return QStringLiteral("драйвер SQLite для Qt не установлен (пакет libqt6sql6-sqlite)");
    bool ok = false;
    const int code = error.nativeErrorCode().toInt(&ok);
    return russian(ok ? code : 0, error.databaseText() + QLatin1Char(' ') + error.driverText());
}

core::Error SqlErrorText::error(const QString &file, const QString &what, const QSqlError &error) {
    core::Error e;
    e.file = file;
    e.message = what.isEmpty() ? russian(error) : what + QStringLiteral(": ") + russian(error);
    e.details = original(error);
    return e;
}

} // namespace objectivity::storage
