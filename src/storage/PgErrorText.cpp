#include "objectivity/storage/PgErrorText.h"

#include <QRegularExpression>

#include <libpq-fe.h>

namespace objectivity::storage {

namespace {

QString fieldOf(const PGresult *result, int field) {
    if (!result)
        return {};
    const char *value = PQresultErrorField(result, field);
    return value ? QString::fromUtf8(value) : QString();
}

} // namespace

QString PgErrorText::russian(const QString &sqlState) {
    struct Known {
        const char *code;
        const char *text;
    };
    // Exact codes first, then classes (the first two characters).
    static const Known exact[] = {
        {"23505", "такая запись уже есть в базе данных (повтор уникального значения)"},
        {"23503",
         "запись связана с другими данными (ссылка на отсутствующую или удаляемую запись)"},
        {"23502", "не заполнено обязательное значение"},
        {"23514", "значение не проходит проверку базы данных"},
        {"22P02", "значение не подходит к типу столбца таблицы"},
        {"22P04", "данные для загрузки в базу данных повреждены (неверный формат строки)"},
        {"22P03", "данные для загрузки в базу данных повреждены (неверный двоичный формат)"},
        {"22003", "число вне допустимого диапазона столбца"},
        {"22001", "значение длиннее, чем допускает столбец"},
        {"22021", "текст содержит недопустимые символы (не UTF-8)"},
        {"40001", "изменение не удалось из-за одновременной работы другого пользователя; "
                  "повторите действие"},
        {"40P01", "изменение не удалось из-за одновременной работы другого пользователя; "
                  "повторите действие"},
        {"55P03", "данные заняты другим пользователем; повторите действие позже"},
        {"57014", "действие прервано"},
        {"42501", "недостаточно прав на сервере базы данных для этого действия"},
        {"42P01", "в базе данных нет нужной таблицы (версия схемы не совпадает с программой)"},
        {"42703", "в базе данных нет нужного столбца (версия схемы не совпадает с программой)"},
        {"25P02", "действие прервано из-за предыдущей ошибки в той же операции"},
        {"53100", "на сервере базы данных не хватает места на диске"},
        {"53200", "серверу базы данных не хватает памяти"},
        {"53300", "на сервере базы данных слишком много подключений; повторите позже"},
        {"28P01", "неверное имя пользователя или пароль для сервера базы данных"},
        {"28000", "сервер базы данных отказал в подключении этому пользователю"},
        {"3D000", "на сервере нет такой базы данных"},
    };
    static const Known classes[] = {
        {"08", "нет связи с сервером базы данных; проверьте сеть и повторите"},
        {"23", "изменение нарушает целостность данных"},
        {"22", "значение не подходит для базы данных"},
        {"28", "сервер базы данных отказал в подключении"},
        {"40", "изменение не удалось из-за одновременной работы другого пользователя; "
               "повторите действие"},
        {"42", "запрос к базе данных не подходит к её схеме (версия схемы не совпадает с "
               "программой)"},
        {"53", "серверу базы данных не хватает ресурсов"},
        {"57", "сервер базы данных прервал действие (остановлен или перезапущен)"},
        {"58", "ошибка ввода-вывода на сервере базы данных"},
        {"XX", "внутренняя ошибка сервера базы данных"},
    };
    for (const Known &k : exact)
        if (sqlState == QLatin1String(k.code))
            return QString::fromUtf8(k.text);
    for (const Known &k : classes)
        if (sqlState.startsWith(QLatin1String(k.code)))
            return QString::fromUtf8(k.text);
    if (sqlState.isEmpty())
        return QStringLiteral("нет связи с сервером базы данных; проверьте сеть и повторите");
    return QStringLiteral("сервер базы данных не выполнил действие");
}

core::Error PgErrorText::error(const QString &what, const PGresult *result, const PGconn *conn) {
    core::Error e;
    const QString state = fieldOf(result, PG_DIAG_SQLSTATE);
    QString primary = fieldOf(result, PG_DIAG_MESSAGE_PRIMARY);
    if (primary.isEmpty() && conn)
        primary = QString::fromUtf8(PQerrorMessage(conn)).trimmed();
    const QString detail = fieldOf(result, PG_DIAG_MESSAGE_DETAIL);
    const QString context = fieldOf(result, PG_DIAG_CONTEXT);
    e.message = what + QStringLiteral(": ошибка базы данных: ") + russian(state);
    QStringList details;
    if (!state.isEmpty())
        details << state + QStringLiteral(": ") + primary;
    else if (!primary.isEmpty())
        details << primary;
    if (!detail.isEmpty())
        details << detail;
    if (!context.isEmpty())
        details << context;
    e.details = details.join(QLatin1Char('\n'));
    // «COPY participants, line 5, column mark: "x"» (English server messages; the line number is
    // the same in every language: the first number after the table name).
    static const QRegularExpression copyLine(QStringLiteral("^COPY [^,]+, \\D*(\\d+)"));
    const QRegularExpressionMatch m = copyLine.match(context);
    if (m.hasMatch())
        e.row = m.captured(1).toInt();
    return e;
}

} // namespace objectivity::storage
