#pragma once
#include "objectivity/core/common/Result.h"
#include "objectivity/storage/ServerAccount.h"

#include <QList>

#include <optional>

namespace objectivity::storage {

class Database;

// Accounts of a database on a PostgreSQL server (see ServerAccount, ServerRoles). Adding one
// creates the server's login role (CREATE ROLE … LOGIN PASSWORD, member of the role's group;
// an administrator also gets CREATEROLE to add the others) and its row in server_accounts; the
// password is sent to the server already hashed (libpq's PQencryptPasswordConn, the server's
// password_encryption) and is stored nowhere else. Needs a role with CREATEROLE: the database's
// owner or an administrator's account.
class ServerAccountRepository {
public:
    explicit ServerAccountRepository(Database &db) : m_db(db) {}

    // Where the account works: a school by its code (login ОО in the results, or a plan's school)
    // or a department by its municipality; `regional` for a regional body (sees every
    // municipality).
    struct Place {
        QString schoolCode;
        QString municipality;
        bool regional = false;
    };

    core::Result<QList<ServerAccount>> list() const; // by role name (those the caller may see)
    // Adds the account; fills in its organization. Password: at least 8 characters.
    core::Status add(ServerAccount &account, const Place &place, const QString &password);
    // Removes the row and the login role.
    core::Status remove(const QString &roleName);
    // A new password (at least 8 characters) for the login role: its own, or another's by a role
    // with CREATEROLE (the server refuses the rest).
    core::Status setPassword(const QString &roleName, const QString &password);

    // The account of the role this connection signed in as, when it has one.
    static std::optional<ServerAccount> current(Database &db);
    // Why `name` cannot be a login role (empty when it can).
    static QString roleNameProblem(const QString &name);

private:
    core::Result<qint64> organizationFor(ServerAccount &account, const Place &place);

    Database &m_db;
};

} // namespace objectivity::storage
