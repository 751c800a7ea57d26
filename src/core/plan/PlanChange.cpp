#include "objectivity/core/plan/PlanChange.h"

#include <QHash>

namespace objectivity::core {

QString PlanChange::actionDisplayName(const QString &action) {
    static const QHash<QString, QString> names{
        {QStringLiteral("create"), QStringLiteral("план создан")},
        {QStringLiteral("import"), QStringLiteral("план импортирован")},
        {QStringLiteral("add"), QStringLiteral("добавлено")},
        {QStringLiteral("remove"), QStringLiteral("удалено")},
        {QStringLiteral("edit"), QStringLiteral("изменено")},
        {QStringLiteral("execution"), QStringLiteral("отметка о выполнении")},
        {QStringLiteral("submit"), QStringLiteral("отправлен на утверждение")},
        {QStringLiteral("approve"), QStringLiteral("утверждён")},
        {QStringLiteral("return"), QStringLiteral("возвращён на доработку")},
        {QStringLiteral("revise"), QStringLiteral("создана новая редакция")},
        {QStringLiteral("supersede"), QStringLiteral("заменён новой редакцией")},
        {QStringLiteral("delete"), QStringLiteral("план удалён")},
    };
    return names.value(action, action);
}

QString PlanChange::fieldDisplayName(const QString &field) {
    static const QHash<QString, QString> names{
        {QStringLiteral("text"), QStringLiteral("Мероприятие")},
        {QStringLiteral("deadline"), QStringLiteral("Сроки")},
        {QStringLiteral("owners"), QStringLiteral("Ответственные")},
        {QStringLiteral("expected_result"), QStringLiteral("Ожидаемый результат")},
        {QStringLiteral("status"), QStringLiteral("Статус выполнения")},
        {QStringLiteral("completion_date"), QStringLiteral("Дата выполнения")},
        {QStringLiteral("note"), QStringLiteral("Примечание")},
        {QStringLiteral("window_marks"), QStringLiteral("Выполнение по срокам")},
        {QStringLiteral("number"), QStringLiteral("Номер")},
        {QStringLiteral("section"), QStringLiteral("Раздел")},
        {QStringLiteral("title"), QStringLiteral("Название")},
        {QStringLiteral("period"), QStringLiteral("Период")},
        {QStringLiteral("organization"), QStringLiteral("Организация")},
        {QStringLiteral("columns"), QStringLiteral("Столбцы")},
        {QStringLiteral("order"), QStringLiteral("Приказ")},
        {QStringLiteral("approver"), QStringLiteral("Утверждает")},
        {QStringLiteral("plan_status"), QStringLiteral("Статус плана")},
        {QStringLiteral("plan_note"), QStringLiteral("Примечание к плану")},
    };
    return names.value(field, field);
}

bool PlanChange::isExecutionField(const QString &field) {
    return field == QLatin1String("status") || field == QLatin1String("completion_date") ||
           field == QLatin1String("note") || field == QLatin1String("window_marks");
}

} // namespace objectivity::core
