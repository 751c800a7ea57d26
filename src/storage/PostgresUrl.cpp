#include "objectivity/storage/PostgresUrl.h"

#include <QUrl>
#include <QUrlQuery>

namespace objectivity::storage {

namespace {

core::Error urlError(const QString &text, const QString &why) {
    core::Error e;
    e.file = text;
    e.message = QStringLiteral("неверный адрес сервера базы данных: %1 (ожидается "
                               "postgresql://ПОЛЬЗОВАТЕЛЬ@СЕРВЕР:ПОРТ/БАЗА)")
                    .arg(why);
    return e;
}

// The URL with its password (if any) replaced, for messages about a URL that did not parse.
QString withoutPassword(const QString &text) {
    QUrl url(text);
    if (url.isValid() && !url.password().isEmpty()) {
        url.setPassword(QString());
        return url.toString();
    }
    return text.section(QLatin1Char('@'), -1) == text
               ? text
               : text.section(QLatin1String("://"), 0, 0) + QStringLiteral("://…@") +
                     text.section(QLatin1Char('@'), -1);
}

} // namespace

bool PostgresUrl::isUrl(const QString &text) {
    return text.startsWith(QLatin1String("postgresql://"), Qt::CaseInsensitive) ||
           text.startsWith(QLatin1String("postgres://"), Qt::CaseInsensitive);
}

core::Result<PostgresUrl> PostgresUrl::parse(const QString &text) {
    const QString shown = withoutPassword(text);
    if (!isUrl(text))
        return urlError(shown, QStringLiteral("адрес должен начинаться с postgresql://"));
    const QUrl url(text, QUrl::StrictMode);
    if (!url.isValid())
        return urlError(shown, QStringLiteral("адрес записан с ошибкой"));
    PostgresUrl r;
    r.host = url.host();
    r.port = url.port(-1);
    if (r.port == 0 || r.port > 65535)
        return urlError(shown, QStringLiteral("неверный номер порта"));
    r.user = url.userName(QUrl::FullyDecoded);
    r.password = url.password(QUrl::FullyDecoded);
    QString path = url.path(QUrl::FullyDecoded);
    if (path.startsWith(QLatin1Char('/')))
        path.remove(0, 1);
    if (path.isEmpty() || path.contains(QLatin1Char('/')))
        return urlError(shown, QStringLiteral("не указано имя базы данных после «/»"));
    r.database = path;
    const QUrlQuery query(url);
    for (const auto &[key, value] : query.queryItems(QUrl::FullyDecoded)) {
        if (key == QLatin1String("sslmode")) {
            static const QStringList modes{
                QStringLiteral("disable"),   QStringLiteral("allow"),
                QStringLiteral("prefer"),    QStringLiteral("require"),
                QStringLiteral("verify-ca"), QStringLiteral("verify-full")};
            if (!modes.contains(value))
                return urlError(shown, QStringLiteral("sslmode=%1 — допустимы %2")
                                           .arg(value, modes.join(QStringLiteral(", "))));
            r.sslMode = value;
        } else if (key == QLatin1String("connect_timeout")) {
            bool ok = false;
            r.connectTimeout = value.toInt(&ok);
            if (!ok || r.connectTimeout < 0)
                return urlError(shown, QStringLiteral("connect_timeout должен быть числом секунд"));
        } else {
            return urlError(shown, QStringLiteral("неизвестный параметр «%1» (известны sslmode и "
                                                  "connect_timeout)")
                                       .arg(key));
        }
    }
    return r;
}

QString PostgresUrl::toString(bool withPassword) const {
    QUrl url;
    url.setScheme(QStringLiteral("postgresql"));
    url.setHost(host);
    if (port > 0)
        url.setPort(port);
    url.setUserName(user);
    if (withPassword)
        url.setPassword(password);
    url.setPath(QLatin1Char('/') + database);
    QUrlQuery query;
    if (!sslMode.isEmpty())
        query.addQueryItem(QStringLiteral("sslmode"), sslMode);
    if (connectTimeout > 0)
        query.addQueryItem(QStringLiteral("connect_timeout"), QString::number(connectTimeout));
    url.setQuery(query);
    return url.toString();
}

QString PostgresUrl::server() const {
    QString h = host;
    if (h.isEmpty())
        h = qEnvironmentVariable("PGHOST");
    if (h.isEmpty())
        h = QStringLiteral("localhost");
    int p = port;
    if (p <= 0)
        p = qEnvironmentVariableIntValue("PGPORT");
    if (p <= 0)
        p = 5432;
    return QStringLiteral("%1:%2").arg(h).arg(p);
}

QString PostgresUrl::shortName() const {
    QString u = user.isEmpty() ? qEnvironmentVariable("PGUSER") : user;
    QString h = host.isEmpty() ? qEnvironmentVariable("PGHOST") : host;
    if (h.isEmpty() || h.startsWith(QLatin1Char('/')))
        h = QStringLiteral("localhost");
    return (u.isEmpty() ? QString() : u + QLatin1Char('@')) + h + QLatin1Char('/') + database;
}

QString PostgresUrl::connectOptions() const {
    QStringList options;
    if (!sslMode.isEmpty())
        options << QStringLiteral("sslmode=%1").arg(sslMode);
    if (connectTimeout > 0)
        options << QStringLiteral("connect_timeout=%1").arg(connectTimeout);
    return options.join(QLatin1Char(';'));
}

} // namespace objectivity::storage
