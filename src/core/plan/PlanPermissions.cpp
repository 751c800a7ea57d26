#include "objectivity/core/plan/PlanPermissions.h"

#include <QStringList>

namespace objectivity::core {

namespace {

bool isPlanWork(PlanAction action) {
    switch (action) {
    case PlanAction::Create:
    case PlanAction::EditText:
    case PlanAction::MarkExecution:
    case PlanAction::Submit:
    case PlanAction::Remove:
        return true;
    default:
        return false;
    }
}

// Importing a document as approved records an approval: the approver's work.
bool isDirectorWork(PlanAction action) {
    return action == PlanAction::Approve || action == PlanAction::ImportApproved ||
           action == PlanAction::Return || action == PlanAction::Revise;
}

Error refusal(const QString &message) {
    Error e;
    e.message = message;
    return e;
}

} // namespace

bool PlanPermissions::roleAllows(Role role, PlanAction action, OrganizationKind organization) {
    switch (role) {
    case Role::Deputy:
        return isPlanWork(action) || action == PlanAction::EditStaff;
    case Role::Director:
        return isPlanWork(action) || isDirectorWork(action) || action == PlanAction::EditStaff;
    case Role::Admin:
        return action == PlanAction::ManageAccounts || action == PlanAction::ForceRemove ||
               action == PlanAction::Distribute;
    case Role::Municipal:
        if (action == PlanAction::EditStaff)
            return true;
        if (action == PlanAction::Distribute) // the department's plan into the schools' plans
            return organization != OrganizationKind::School;
        return organization != OrganizationKind::School &&
               (isPlanWork(action) || isDirectorWork(action));
    }
    return false;
}

QString PlanPermissions::stateRefusal(PlanAction action, PlanStatus status) {
    const QString now = Plan::statusDisplayName(status);
    switch (action) {
    case PlanAction::EditText:
        if (status == PlanStatus::PendingApproval)
            return QStringLiteral(
                "план на утверждении: его текст закрыт, пока директор не утвердит "
                "план или не вернёт его на доработку");
        if (status == PlanStatus::Approved)
            return QStringLiteral("план утверждён: его текст закрыт для изменений, изменения "
                                  "вносятся в новую редакцию (отметки о выполнении ставить можно)");
        if (status == PlanStatus::Superseded)
            return QStringLiteral("эта редакция плана заменена новой: её текст закрыт для "
                                  "изменений (отметки о выполнении ставить можно)");
        return {};
    case PlanAction::Submit:
        return status == PlanStatus::Draft
                   ? QString()
                   : QStringLiteral("на утверждение отправляется только черновик, а план — «%1»")
                         .arg(now);
    case PlanAction::Approve:
        if (status == PlanStatus::PendingApproval)
            return {};
        if (status == PlanStatus::Draft)
            return QStringLiteral("план — черновик: сначала его отправляют на утверждение");
        return QStringLiteral("утверждается план «на утверждении», а этот — «%1»").arg(now);
    case PlanAction::Return:
        return status == PlanStatus::PendingApproval
                   ? QString()
                   : QStringLiteral("на доработку возвращается план «на утверждении», а этот — "
                                    "«%1»")
                         .arg(now);
    case PlanAction::Revise:
        return status == PlanStatus::Approved
                   ? QString()
                   : QStringLiteral("новая редакция создаётся из утверждённого плана, а этот — "
                                    "«%1»")
                         .arg(now);
    case PlanAction::Distribute:
        return status == PlanStatus::Superseded
                   ? QStringLiteral("эта редакция плана заменена новой: рассылается действующая")
                   : QString();
    case PlanAction::Remove:
        return status == PlanStatus::Approved || status == PlanStatus::Superseded
                   ? QStringLiteral("план «%1»: такой план удаляет только администратор, "
                                    "подтвердив удаление")
                         .arg(now)
                   : QString();
    default:
        return {};
    }
}

Status PlanPermissions::check(std::optional<Role> role, PlanAction action, PlanStatus status,
                              OrganizationKind organization) {
    if (role && !roleAllows(*role, action, organization)) {
        QStringList who;
        for (Role r : Roles::all())
            if (roleAllows(r, action, organization))
                who << Roles::displayName(r);
        QString message = QStringLiteral("Роль «%1» не позволяет %2")
                              .arg(Roles::displayName(*role), PlanActions::displayName(action));
        if (*role == Role::Municipal && organization == OrganizationKind::School &&
            isPlanWork(action))
            message += QStringLiteral(" школы (план школы специалист муниципалитета только "
                                      "читает)");
        message += who.isEmpty()
                       ? QStringLiteral(".")
                       : QStringLiteral(": это может %1.").arg(who.join(QStringLiteral(", ")));
        return refusal(message);
    }
    if (const QString why = stateRefusal(action, status); !why.isEmpty())
        return refusal(QStringLiteral("Нельзя %1: %2.").arg(PlanActions::displayName(action), why));
    return {};
}

} // namespace objectivity::core
