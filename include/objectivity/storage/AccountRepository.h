#pragma once
#include "objectivity/core/common/Result.h"
#include "objectivity/core/plan/Account.h"

#include <QList>

namespace objectivity::storage {

class Database;

// Accounts: a unique name (case-insensitive), a role and a password hash (libsodium
// crypto_pwhash_str: Argon2id with a random salt, the «interactive» limits — about 0.1 s and 64 MB
// per check). While the database has no account nobody signs in and everything works as before;
// once one exists, changing a plan needs a signed-in account (Database::setActor).
//
// Managing accounts needs an administrator signed in — except while the database has no
// administrator yet (the first accounts are added without signing in). The last administrator
// cannot be removed, nor given another role, while other accounts remain. Everyone may change
// their own password.
class AccountRepository {
public:
    explicit AccountRepository(Database &db) : m_db(db) {}

    core::Result<int> count() const;
    core::Result<QList<core::Account>> list() const; // by name
    core::Result<bool> hasAdministrator() const;

    // Adds an account (id written back). The password: at least 4 characters.
    core::Status add(core::Account &account, const QString &password);
    core::Status remove(const QString &name);
    // A new password (at least 4 characters): by an administrator (checkCanManage), or by the
    // signed-in account for itself.
    core::Status setPassword(const QString &name, const QString &password);
    // A new role, by an administrator; the last administrator keeps the role while other
    // accounts remain (as for remove).
    core::Status setRole(const QString &name, core::Role role);
    // The account when the name and password match, else «неверное имя или пароль» (the same
    // message for both, to give nothing away).
    core::Result<core::Account> authenticate(const QString &name, const QString &password) const;

    // Refuses managing accounts unless the database has no administrator or an administrator is
    // signed in.
    core::Status checkCanManage() const;

private:
    Database &m_db;
};

} // namespace objectivity::storage
