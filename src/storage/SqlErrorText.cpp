#include "objectivity/storage/SqlErrorText.h"

#include "objectivity/storage/PostgresUrl.h"

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

// PostgreSQL reports a five-character SQLSTATE; SQLite's codes are numbers of at most four digits.
bool isSqlState(const QString &code) {
    return code.size() == 5;
}

// «HOST:PORT» of a postgresql:// URL, empty for a file.
QString serverOf(const QString &path) {
    if (!PostgresUrl::isUrl(path))
        return {};
    auto url = PostgresUrl::parse(path);
    return url ? url->server() : QString();
}

QString noConnection(const QString &server) {
    return server.isEmpty()
               ? QStringLiteral("нет связи с сервером базы данных; проверьте адрес сервера и сеть")
               : QStringLiteral("нет связи с сервером базы данных «%1»; проверьте адрес сервера "
                                "и сеть")
                     .arg(server);
}

// libpq gives no SQLSTATE when the connection itself fails: the reason is in its English text.
QString connectionFailure(const QString &text, const QString &server) {
    if (text.contains(QLatin1String("password authentication failed")) ||
        text.contains(QLatin1String("no password supplied")) ||
        text.contains(QLatin1String("authentication failed")))
        return SqlErrorText::russianPostgres(QStringLiteral("28P01"), text, server);
    if (text.contains(QLatin1String("database \"")) &&
        text.contains(QLatin1String("does not exist")))
        return SqlErrorText::russianPostgres(QStringLiteral("3D000"), text, server);
    if (text.contains(QLatin1String("role \"")) && text.contains(QLatin1String("does not exist")))
        return SqlErrorText::russianPostgres(QStringLiteral("28000"), text, server);
    if (text.contains(QLatin1String("no pg_hba.conf entry")))
        return SqlErrorText::russianPostgres(QStringLiteral("28000"), text, server);
    // TLS: the URL's sslmode asks for what the server or the certificates cannot give.
    const QString where = server.isEmpty() ? QString() : QStringLiteral(" «%1»").arg(server);
    if (text.contains(QLatin1String("server does not support SSL")))
        return QStringLiteral("сервер базы данных%1 не принимает шифрованные соединения (SSL), а "
                              "адрес требует шифрования (sslmode): включите SSL на сервере или "
                              "уберите sslmode из адреса")
            .arg(where);
    if (text.contains(QLatin1String("root certificate file")))
        return QStringLiteral("для проверки сервера базы данных%1 (sslmode=verify-ca или "
                              "verify-full) нужен корневой сертификат: положите его в "
                              "~/.postgresql/root.crt или укажите путь в переменной окружения "
                              "PGSSLROOTCERT")
            .arg(where);
    if (text.contains(QLatin1String("does not match host name")) ||
        text.contains(QLatin1String("certificate verify failed")))
        return QStringLiteral("сертификат сервера базы данных%1 не прошёл проверку (выдан не им "
                              "или не тем центром сертификации): проверьте адрес сервера и "
                              "корневой сертификат")
            .arg(where);
    if (text.contains(QLatin1String("SSL")))
        return QStringLiteral("не удалось установить шифрованное соединение (SSL) с сервером "
                              "базы данных%1")
            .arg(where);
    return noConnection(server);
}

} // namespace

QString SqlErrorText::russianPostgres(const QString &sqlState, const QString &originalText,
                                      const QString &server) {
    const QString cls = sqlState.left(2);
    if (sqlState == QLatin1String("23505"))
        return constraintText(QStringLiteral("UNIQUE"));
    if (sqlState == QLatin1String("23503"))
        return constraintText(QStringLiteral("FOREIGN KEY"));
    if (sqlState == QLatin1String("23502"))
        return constraintText(QStringLiteral("NOT NULL"));
    if (sqlState == QLatin1String("23514"))
        return constraintText(QStringLiteral("CHECK"));
    if (cls == QLatin1String("23"))
        return constraintText(QString());
    if (sqlState == QLatin1String("40001") || sqlState == QLatin1String("40P01"))
        return QStringLiteral(
            "данные одновременно изменил другой пользователь; повторите действие");
    if (sqlState == QLatin1String("55P03") || sqlState == QLatin1String("57014"))
        return QStringLiteral("база данных занята другим пользователем или другой программой; "
                              "повторите позже");
    if (cls == QLatin1String("08") || sqlState == QLatin1String("57P01") ||
        sqlState == QLatin1String("57P03"))
        return noConnection(server);
    if (sqlState == QLatin1String("28P01") || sqlState == QLatin1String("28000"))
        return QStringLiteral("неверное имя пользователя или пароль (или этому пользователю не "
                              "разрешено подключаться к серверу)");
    if (sqlState == QLatin1String("42501"))
        return QStringLiteral("недостаточно прав для этого действия в базе данных; обратитесь к "
                              "администратору сервера");
    if (sqlState == QLatin1String("3D000"))
        return QStringLiteral("на сервере нет такой базы данных; проверьте её имя в адресе");
    if (sqlState == QLatin1String("53100"))
        return QStringLiteral("на сервере базы данных не хватает места на диске; обратитесь к "
                              "администратору сервера");
    if (cls == QLatin1String("53"))
        return QStringLiteral("серверу базы данных не хватает ресурсов; повторите позже");
    if (sqlState == QLatin1String("25006"))
        return QStringLiteral("база данных на сервере открыта только для чтения");
    if (sqlState.isEmpty())
        return connectionFailure(originalText, server);
    return QStringLiteral("внутренняя ошибка базы данных");
}

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
    if (isSqlState(error.nativeErrorCode()))
        text += QStringLiteral(" (SQLSTATE %1)").arg(error.nativeErrorCode());
    else if (!error.nativeErrorCode().isEmpty())
        text += QStringLiteral(" (SQLite %1)").arg(error.nativeErrorCode());
    return text;
}

QString SqlErrorText::russian(const QSqlError &error) {
    return russian(error, QString());
}

QString SqlErrorText::russian(const QSqlError &error, const QString &path) {
    if (isSqlState(error.nativeErrorCode()) || PostgresUrl::isUrl(path))
        return russianPostgres(error.nativeErrorCode(),
                               error.databaseText() + QLatin1Char(' ') + error.driverText(),
                               serverOf(path));
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
    const QString reason = russian(error, file);
    e.message = what.isEmpty() ? reason : what + QStringLiteral(": ") + reason;
    e.details = original(error);
    return e;
}

} // namespace objectivity::storage
