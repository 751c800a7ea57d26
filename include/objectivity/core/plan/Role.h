#pragma once
#include <QList>
#include <QString>

#include <optional>

namespace objectivity::core {

// What an account may do (see PlanPermissions, the one place with the rules). The codes are stored
// in the database and are meant to map one to one onto server roles in a PostgreSQL mode.
enum class Role {
    Deputy, // заместитель директора: edits the school's plans, marks execution
    Director, // директор: also approves, returns with a comment, starts a new revision
    Admin, // администратор: accounts, results, analysis, exports; removes approved plans
    Municipal, // специалист муниципалитета: reads everything, runs municipal plans
};

class Roles {
public:
    static QList<Role> all();
    static QString code(Role role); // "deputy", "director", "admin", "municipal"
    static std::optional<Role> fromCode(const QString &code);
    static QString displayName(Role role); // «заместитель директора», «директор», ...
};

} // namespace objectivity::core
