#include "objectivity/core/results/DataPermissions.h"

#include <QStringList>

namespace objectivity::core {

bool DataPermissions::roleAllows(Role role, DataAction action) {
    switch (role) {
    case Role::Admin:
        return true;
    case Role::Municipal:
        return action == DataAction::ImportResults || action == DataAction::ImportFlagged ||
               action == DataAction::EditAnalysisSettings;
    case Role::Deputy:
    case Role::Director:
        return false;
    }
    return false;
}

Status DataPermissions::check(std::optional<Role> role, DataAction action) {
    if (!role || roleAllows(*role, action))
        return {};
    QStringList who;
    for (Role r : Roles::all())
        if (roleAllows(r, action))
            who << Roles::displayName(r);
    Error e;
    e.message = QStringLiteral("Роль «%1» не позволяет %2: это может %3.")
                    .arg(Roles::displayName(*role), DataActions::displayName(action),
                         who.join(QStringLiteral(", ")));
    return e;
}

} // namespace objectivity::core
