#include "objectivity/storage/AccountRepository.h"

#include "SqlSupport.h"
#include "objectivity/core/plan/PlanPermissions.h"
#include "objectivity/storage/Database.h"

#include <sodium.h>

namespace objectivity::storage {

using core::Result;
using core::Status;

namespace {

core::Error plain(const QString &message) {
    core::Error e;
    e.message = message;
    return e;
}

// The stored name equal to `name` ignoring case (Cyrillic too; SQLite's NOCASE folds ASCII only),
// empty when none.
core::Result<QString> storedName(Database &db, const QString &name) {
    QSqlQuery q(db.connection());
    if (!q.exec(QStringLiteral("SELECT name FROM accounts")))
        return sql::queryError(db, q, QStringLiteral("не удалось прочитать учётные записи"));
    const QString wanted = name.simplified();
    while (q.next())
        if (q.value(0).toString().compare(wanted, Qt::CaseInsensitive) == 0)
            return q.value(0).toString();
    return QString();
}

bool sodiumReady() {
    static const bool ready = sodium_init() >= 0;
    return ready;
}

// The stored form of a password (Argon2id, random salt), or why it cannot be one.
core::Result<QString> hashPassword(const QString &name, const QString &password) {
    if (password.size() < 4)
        return plain(QStringLiteral("Пароль учётной записи «%1» слишком короткий: нужно не меньше "
                                    "4 символов.")
                         .arg(name));
    if (!sodiumReady())
        return plain(QStringLiteral("Не удалось подготовить шифрование паролей (libsodium)."));
    const QByteArray utf8 = password.toUtf8();
    char hash[crypto_pwhash_STRBYTES];
    if (crypto_pwhash_str(hash, utf8.constData(), quint64(utf8.size()),
                          crypto_pwhash_OPSLIMIT_INTERACTIVE,
                          crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0)
        return plain(QStringLiteral("Не хватило памяти, чтобы зашифровать пароль."));
    return QString::fromLatin1(hash);
}

struct StoredAccount {
    qint64 id = 0;
    QString name;
    bool admin = false;
};

// The account of that name (ignoring case), or «Учётной записи … нет.».
core::Result<StoredAccount> findAccount(Database &db, const QString &name) {
    auto stored = storedName(db, name);
    if (!stored)
        return stored.error();
    QSqlQuery q(db.connection());
    q.prepare(QStringLiteral("SELECT id, role, name FROM accounts WHERE name = ?"));
    q.addBindValue(*stored);
    if (!q.exec())
        return sql::queryError(db, q, QStringLiteral("не удалось прочитать учётные записи"));
    if (!q.next())
        return plain(QStringLiteral("Учётной записи «%1» нет.").arg(name));
    return StoredAccount{q.value(0).toLongLong(), q.value(2).toString(),
                         q.value(1).toString() == QLatin1String("admin")};
}

// Refuses taking the last administrator away (removing it, or another role) while other accounts
// remain: nobody would manage them.
core::Status keepLastAdministrator(Database &db, const StoredAccount &account) {
    if (!account.admin)
        return {};
    QSqlQuery q(db.connection());
    if (!q.exec(QStringLiteral("SELECT (SELECT count(*) FROM accounts WHERE role = 'admin'), "
                               "(SELECT count(*) FROM accounts)")) ||
        !q.next())
        return sql::queryError(db, q, QStringLiteral("не удалось прочитать учётные записи"));
    if (q.value(0).toInt() == 1 && q.value(1).toInt() > 1)
        return plain(QStringLiteral("«%1» — последний администратор: без него некому управлять "
                                    "учётными записями. Сначала добавьте другого администратора "
                                    "или удалите остальные учётные записи.")
                         .arg(account.name));
    return {};
}

} // namespace

Result<int> AccountRepository::count() const {
    QSqlQuery q(m_db.connection());
    if (!q.exec(QStringLiteral("SELECT count(*) FROM accounts")) || !q.next())
        return sql::queryError(m_db, q, QStringLiteral("не удалось прочитать учётные записи"));
    return q.value(0).toInt();
}

Result<bool> AccountRepository::hasAdministrator() const {
    QSqlQuery q(m_db.connection());
    if (!q.exec(QStringLiteral("SELECT count(*) FROM accounts WHERE role = 'admin'")) || !q.next())
        return sql::queryError(m_db, q, QStringLiteral("не удалось прочитать учётные записи"));
    return q.value(0).toInt() > 0;
}

Result<QList<core::Account>> AccountRepository::list() const {
    QSqlQuery q(m_db.connection());
    if (!q.exec(QStringLiteral(
            "SELECT id, name, role, created_at FROM accounts ORDER BY lower(name), name")))
        return sql::queryError(m_db, q, QStringLiteral("не удалось прочитать учётные записи"));
    QList<core::Account> accounts;
    while (q.next()) {
        core::Account a;
        a.id = q.value(0).toLongLong();
        a.name = q.value(1).toString();
        a.role = core::Roles::fromCode(q.value(2).toString()).value_or(core::Role::Deputy);
        a.createdAt = sql::dateTimeFrom(q.value(3));
        accounts.append(a);
    }
    return accounts;
}

Status AccountRepository::checkCanManage() const {
    auto admin = hasAdministrator();
    if (!admin)
        return admin.error();
    if (!*admin)
        return {};
    const auto &actor = m_db.actor();
    if (!actor)
        return plain(QStringLiteral("Учётными записями управляет администратор: войдите под его "
                                    "учётной записью."));
    return core::PlanPermissions::check(actor->role, core::PlanAction::ManageAccounts,
                                        core::PlanStatus::Draft);
}

Status AccountRepository::add(core::Account &account, const QString &password) {
    const QString name = account.name.simplified();
    if (name.isEmpty())
        return plain(QStringLiteral("Имя учётной записи не может быть пустым."));
    const auto hash = hashPassword(name, password);
    if (!hash)
        return hash.error();
    qint64 newId = 0;
    Status s = m_db.transaction([&]() -> Status {
        if (Status can = checkCanManage(); !can)
            return can;
        auto existing = storedName(m_db, name);
        if (!existing)
            return existing.error();
        if (!existing->isEmpty())
            return plain(QStringLiteral("Учётная запись «%1» уже есть.").arg(*existing));
        QSqlQuery q(m_db.connection());
        q.prepare(
            QStringLiteral("INSERT INTO accounts (name, role, password_hash) VALUES (?, ?, ?) "
                           "RETURNING id"));
        q.addBindValue(name);
        q.addBindValue(core::Roles::code(account.role));
        q.addBindValue(*hash);
        if (!sql::execReturningId(q, &newId))
            return sql::queryError(
                m_db, q, QStringLiteral("не удалось добавить учётную запись «%1»").arg(name));
        return {};
    });
    if (s) {
        account.id = newId;
        account.name = name;
    }
    return s;
}

Status AccountRepository::remove(const QString &name) {
    return m_db.transaction([&]() -> Status {
        if (Status can = checkCanManage(); !can)
            return can;
        auto account = findAccount(m_db, name);
        if (!account)
            return account.error();
        if (Status keep = keepLastAdministrator(m_db, *account); !keep)
            return keep;
        QSqlQuery q(m_db.connection());
        q.prepare(QStringLiteral("DELETE FROM accounts WHERE id = ?"));
        q.addBindValue(account->id);
        if (!q.exec())
            return sql::queryError(
                m_db, q, QStringLiteral("не удалось удалить учётную запись «%1»").arg(name));
        return {};
    });
}

Status AccountRepository::setPassword(const QString &name, const QString &password) {
    const auto hash = hashPassword(name.simplified(), password);
    if (!hash)
        return hash.error();
    return m_db.transaction([&]() -> Status {
        auto account = findAccount(m_db, name);
        if (!account)
            return account.error();
        const auto &actor = m_db.actor();
        const bool own = actor && actor->name.compare(account->name, Qt::CaseInsensitive) == 0;
        if (!own)
            if (Status can = checkCanManage(); !can)
                return can;
        QSqlQuery q(m_db.connection());
        q.prepare(QStringLiteral("UPDATE accounts SET password_hash = ? WHERE id = ?"));
        q.addBindValue(*hash);
        q.addBindValue(account->id);
        if (!q.exec())
            return sql::queryError(
                m_db, q,
                QStringLiteral("не удалось сменить пароль учётной записи «%1»").arg(account->name));
        return {};
    });
}

Status AccountRepository::setRole(const QString &name, core::Role role) {
    return m_db.transaction([&]() -> Status {
        if (Status can = checkCanManage(); !can)
            return can;
        auto account = findAccount(m_db, name);
        if (!account)
            return account.error();
        if (role != core::Role::Admin)
            if (Status keep = keepLastAdministrator(m_db, *account); !keep)
                return keep;
        QSqlQuery q(m_db.connection());
        q.prepare(QStringLiteral("UPDATE accounts SET role = ? WHERE id = ?"));
        q.addBindValue(core::Roles::code(role));
        q.addBindValue(account->id);
        if (!q.exec())
            return sql::queryError(
                m_db, q,
                QStringLiteral("не удалось сменить роль учётной записи «%1»").arg(account->name));
        return {};
    });
}

Result<core::Account> AccountRepository::authenticate(const QString &name,
                                                      const QString &password) const {
    if (!sodiumReady())
        return plain(QStringLiteral("Не удалось подготовить проверку паролей (libsodium)."));
    auto stored = storedName(m_db, name);
    if (!stored)
        return stored.error();
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral(
        "SELECT id, name, role, created_at, password_hash FROM accounts WHERE name = ?"));
    q.addBindValue(*stored);
    if (!q.exec())
        return sql::queryError(m_db, q, QStringLiteral("не удалось прочитать учётные записи"));
    const core::Error wrong =
        plain(QStringLiteral("Неверное имя учётной записи или пароль («%1»).").arg(name));
    if (!q.next())
        return wrong;
    const QByteArray hash = q.value(4).toString().toLatin1();
    const QByteArray utf8 = password.toUtf8();
    if (crypto_pwhash_str_verify(hash.constData(), utf8.constData(), quint64(utf8.size())) != 0)
        return wrong;
    core::Account a;
    a.id = q.value(0).toLongLong();
    a.name = q.value(1).toString();
    a.role = core::Roles::fromCode(q.value(2).toString()).value_or(core::Role::Deputy);
    a.createdAt = sql::dateTimeFrom(q.value(3));
    return a;
}

} // namespace objectivity::storage
