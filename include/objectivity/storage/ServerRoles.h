#pragma once
#include "objectivity/core/common/Result.h"
#include "objectivity/core/plan/Role.h"

#include <QStringList>

namespace objectivity::storage {

class Database;

// The server side of the roles (PostgreSQL only): group roles objectivity_deputy,
// objectivity_director, objectivity_admin, objectivity_municipal (NOLOGIN), their table
// privileges, row-level security on the plans and everything of a plan, and the approval trigger
// — resources/sql/postgresql/server/roles.sql, the one place with these rules on the server
// (derived from core::PlanPermissions and core::DataPermissions; docs/architecture.md has the
// table). The program signs in as a person's login role (ServerAccountRepository), a member of
// one group.
class ServerRoles {
public:
    // "objectivity_deputy", … — the group role of a program role.
    static QString groupRole(core::Role role);

    // `server init`: creates the missing groups, grants, enables row-level security, (re)creates
    // the policies and the trigger, in one transaction; harmless to run again (after an upgrade
    // it grants the new tables). Run by the database's owner (or a superuser); creating the
    // groups needs CREATEROLE. Returns the groups it created (empty when all existed).
    static core::Result<QStringList> init(Database &db);
};

} // namespace objectivity::storage
