#include "objectivity/core/plan/Role.h"

namespace objectivity::core {

QList<Role> Roles::all() {
    return {Role::Deputy, Role::Director, Role::Admin, Role::Municipal};
}

QString Roles::code(Role role) {
    switch (role) {
    case Role::Deputy:
        return QStringLiteral("deputy");
    case Role::Director:
        return QStringLiteral("director");
    case Role::Admin:
        return QStringLiteral("admin");
    case Role::Municipal:
        return QStringLiteral("municipal");
    }
    return {};
}

std::optional<Role> Roles::fromCode(const QString &code) {
    for (Role r : all())
        if (Roles::code(r) == code)
            return r;
    return std::nullopt;
}

QString Roles::displayName(Role role) {
    switch (role) {
    case Role::Deputy:
        return QStringLiteral("заместитель директора");
    case Role::Director:
        return QStringLiteral("директор");
    case Role::Admin:
        return QStringLiteral("администратор");
    case Role::Municipal:
        return QStringLiteral("специалист муниципалитета");
    }
    return {};
}

} // namespace objectivity::core
