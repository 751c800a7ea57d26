#pragma once
#include "objectivity/core/plan/Role.h"

#include <QString>

namespace objectivity::storage {

// A person's account on a PostgreSQL server: a login role of the server (the password is the
// server's), its role in the program and the organization it works for — the school, or the
// department's body (municipal or regional). One row of the table server_accounts.
struct ServerAccount {
    QString roleName; // the server's login role: latin lower case, digits, '_'
    core::Role role = core::Role::Deputy;
    qint64 organizationId = 0;
    QString organizationName;
    QString organizationKind; // "school", "municipal", "regional"
    QString municipality;
    QString displayName; // «Иванова И. И.», may be empty
};

} // namespace objectivity::storage
