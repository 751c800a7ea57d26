#include "objectivity/core/plan/PlanAction.h"

namespace objectivity::core {

QString PlanActions::displayName(PlanAction action) {
    switch (action) {
    case PlanAction::Create:
        return QStringLiteral("создать или импортировать план");
    case PlanAction::ImportApproved:
        return QStringLiteral("импортировать утверждённый план");
    case PlanAction::EditText:
        return QStringLiteral("изменить текст плана");
    case PlanAction::MarkExecution:
        return QStringLiteral("отметить выполнение мероприятий");
    case PlanAction::Submit:
        return QStringLiteral("отправить план на утверждение");
    case PlanAction::Approve:
        return QStringLiteral("утвердить план");
    case PlanAction::Return:
        return QStringLiteral("вернуть план на доработку");
    case PlanAction::Revise:
        return QStringLiteral("создать новую редакцию плана");
    case PlanAction::Remove:
        return QStringLiteral("удалить план");
    case PlanAction::ForceRemove:
        return QStringLiteral("удалить утверждённый план");
    case PlanAction::ManageAccounts:
        return QStringLiteral("добавлять и удалять учётные записи");
    case PlanAction::EditStaff:
        return QStringLiteral("изменять справочник ответственных");
    case PlanAction::Distribute:
        return QStringLiteral("разослать план в планы школ");
    }
    return {};
}

} // namespace objectivity::core
