#pragma once
#include "objectivity/core/plan/Role.h"

#include <QDateTime>
#include <QString>

namespace objectivity::core {

// A person who signs in: a unique name and a role. The password hash stays in storage.
struct Account {
    qint64 id = 0;
    QString name;
    Role role = Role::Deputy;
    QDateTime createdAt;

    friend bool operator==(const Account &, const Account &) = default;
};

} // namespace objectivity::core
