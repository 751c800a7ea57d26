#include "objectivity/storage/ServerAccountRepository.h"

#include "SqlSupport.h"
#include "objectivity/storage/Database.h"
#include "objectivity/storage/PgCopyWriter.h"
#include "objectivity/storage/ServerRoles.h"
#include "plan/SchoolRegistry.h"

#include <QRegularExpression>

#include <libpq-fe.h>

namespace objectivity::storage {

using core::Result;
using core::Status;

namespace {

core::Error plain(const Database &db, const QString &message) {
    core::Error e;
    e.file = db.path();
    e.message = message;
    return e;
}

core::Error notServer(const Database &db) {
    return plain(db, QStringLiteral("учётные записи сервера есть только в базе на сервере "
                                    "PostgreSQL (--db postgresql://…), а «%1» — файл; в файле "
                                    "учётные записи — команда user")
                         .arg(db.path()));
}

// A string literal for SQL (standard_conforming_strings: only ' is special).
QString literal(const QString &text) {
    QString quoted = text;
    quoted.replace(QLatin1Char('\''), QLatin1String("''"));
    return QLatin1Char('\'') + quoted + QLatin1Char('\'');
}

// The password as the server stores it (SCRAM or md5, as the server asks), hashed by libpq: the
// password itself appears in no statement and no log. At least 8 characters.
core::Result<QString> hashedPassword(Database &db, const QString &roleName,
                                     const QString &password) {
    if (password.size() < 8)
        return plain(db, QStringLiteral("пароль учётной записи «%1» слишком короткий: нужно не "
                                        "меньше 8 символов")
                             .arg(roleName));
    if (password.contains(QChar(0)))
        return plain(db, QStringLiteral("пароль не может содержать нулевой символ"));
    pg_conn *conn = PgCopyWriter::handleOf(db.connection());
    if (!conn)
        return plain(db, QStringLiteral("нет соединения с сервером базы данных"));
    const QByteArray user = roleName.toUtf8();
    const QByteArray secret = password.toUtf8();
    char *hashed = PQencryptPasswordConn(conn, secret.constData(), user.constData(), nullptr);
    if (!hashed) {
        core::Error e = plain(db, QStringLiteral("не удалось зашифровать пароль"));
        e.details = QString::fromUtf8(PQerrorMessage(conn)).trimmed();
        return e;
    }
    const QString hash = QString::fromUtf8(hashed);
    PQfreemem(hashed);
    return hash;
}

const QString kSelect = QStringLiteral(
    "SELECT a.role_name, a.role, a.organization_id, o.name, o.kind, o.municipality, "
    "a.display_name FROM server_accounts a JOIN organizations o ON o.id = a.organization_id");

ServerAccount accountFrom(const QSqlQuery &q) {
    ServerAccount a;
    a.roleName = q.value(0).toString();
    a.role = core::Roles::fromCode(q.value(1).toString()).value_or(core::Role::Deputy);
    a.organizationId = q.value(2).toLongLong();
    a.organizationName = q.value(3).toString();
    a.organizationKind = q.value(4).toString();
    a.municipality = q.value(5).toString();
    a.displayName = q.value(6).toString();
    return a;
}

} // namespace

QString ServerAccountRepository::roleNameProblem(const QString &name) {
    static const QRegularExpression valid(QStringLiteral("^[a-z][a-z0-9_]{0,62}$"));
    if (!valid.match(name).hasMatch())
        return QStringLiteral("имя учётной записи на сервере — латинские строчные буквы, цифры "
                              "и «_», начинается с буквы, не длиннее 63 символов (например, "
                              "school1_zam), а «%1» не подходит")
            .arg(name);
    if (name.startsWith(QLatin1String("objectivity_")) || name.startsWith(QLatin1String("pg_")) ||
        name == QLatin1String("postgres") || name == QLatin1String("public"))
        return QStringLiteral("имя «%1» занято сервером или группами программы: выберите другое")
            .arg(name);
    return {};
}

std::optional<ServerAccount> ServerAccountRepository::current(Database &db) {
    if (!db.isPostgres())
        return std::nullopt;
    QSqlQuery q(db.connection());
    // Before `server init` a person's role may read nothing: then the connection has no account.
    if (!q.exec(kSelect + QStringLiteral(" WHERE a.role_name = current_user")) || !q.next())
        return std::nullopt;
    return accountFrom(q);
}

Result<QList<ServerAccount>> ServerAccountRepository::list() const {
    if (!m_db.isPostgres())
        return notServer(m_db);
    QSqlQuery q(m_db.connection());
    if (!q.exec(kSelect + QStringLiteral(" ORDER BY a.role_name")))
        return sql::queryError(m_db, q, QStringLiteral("не удалось прочитать учётные записи"));
    QList<ServerAccount> accounts;
    while (q.next())
        accounts << accountFrom(q);
    return accounts;
}

Result<qint64> ServerAccountRepository::organizationFor(ServerAccount &account,
                                                        const Place &place) {
    const bool school = account.role == core::Role::Deputy || account.role == core::Role::Director;
    if (school) {
        if (place.schoolCode.trimmed().isEmpty())
            return plain(m_db, QStringLiteral("учётная запись роли «%1» работает в школе: "
                                              "укажите её код (--school КОД)")
                                   .arg(core::Roles::displayName(account.role)));
        auto found = SchoolRegistry(m_db).find({place.schoolCode});
        if (!found)
            return found.error();
        DistributionSchool s = found->first();
        return SchoolRegistry(m_db).ensureOrganization(s);
    }
    if (!place.schoolCode.isEmpty())
        return plain(m_db, QStringLiteral("учётная запись роли «%1» работает в управлении "
                                          "образованием: укажите --municipality НАЗВАНИЕ (или "
                                          "--region НАЗВАНИЕ), а не школу")
                               .arg(core::Roles::displayName(account.role)));
    const QString municipality = place.municipality.simplified();
    if (municipality.isEmpty())
        return plain(m_db, QStringLiteral("укажите муниципалитет управления образованием "
                                          "(--municipality НАЗВАНИЕ) или регион (--region "
                                          "НАЗВАНИЕ)"));
    const QString kind = place.regional ? QStringLiteral("regional") : QStringLiteral("municipal");
    const QString what = QStringLiteral("не удалось найти организацию «%1»").arg(municipality);
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral("SELECT id FROM organizations WHERE kind = ? AND municipality = ? "
                             "ORDER BY id LIMIT 1"));
    q.addBindValue(kind);
    q.addBindValue(municipality);
    if (!q.exec())
        return sql::queryError(m_db, q, what);
    if (q.next())
        return q.value(0).toLongLong();
    q.finish();
    q.prepare(QStringLiteral("INSERT INTO organizations (name, kind, municipality) VALUES (?, ?, "
                             "?) RETURNING id"));
    q.addBindValue(place.regional ? QStringLiteral("Региональный орган управления образованием")
                                  : QStringLiteral("Управление образования"));
    q.addBindValue(kind);
    q.addBindValue(municipality);
    qint64 id = 0;
    if (!sql::execReturningId(q, &id))
        return sql::queryError(m_db, q, what);
    return id;
}

Status ServerAccountRepository::add(ServerAccount &account, const Place &place,
                                    const QString &password) {
    if (!m_db.isPostgres())
        return notServer(m_db);
    account.roleName = account.roleName.trimmed();
    if (const QString why = roleNameProblem(account.roleName); !why.isEmpty())
        return plain(m_db, why);
    return m_db.transaction([&]() -> Status {
        // Plain statements, no prepared ones (the names are checked above): a prepared
        // statement still open when CREATE ROLE fails could not be released in the aborted
        // transaction.
        QSqlQuery q(m_db.connection());
        if (!q.exec(QStringLiteral("SELECT 1 FROM pg_roles WHERE rolname = '%1'")
                        .arg(account.roleName)))
            return sql::queryError(m_db, q, QStringLiteral("не удалось прочитать роли сервера"));
        if (q.next())
            return plain(m_db, QStringLiteral("роль «%1» на сервере уже есть: выберите другое "
                                              "имя")
                                   .arg(account.roleName));
        if (!q.exec(QStringLiteral("SELECT 1 FROM pg_roles WHERE rolname = '%1'")
                        .arg(ServerRoles::groupRole(account.role))))
            return sql::queryError(m_db, q, QStringLiteral("не удалось прочитать роли сервера"));
        if (!q.next())
            return plain(m_db, QStringLiteral("на сервере нет группы ролей «%1»: сначала "
                                              "владелец базы выполняет objectivity-cli server "
                                              "init")
                                   .arg(ServerRoles::groupRole(account.role)));
        q.finish();
        auto organization = organizationFor(account, place);
        if (!organization)
            return organization.error();
        account.organizationId = *organization;
        const auto hash = hashedPassword(m_db, account.roleName, password);
        if (!hash)
            return hash.error();
        const QString create =
            QStringLiteral("CREATE ROLE \"%1\" LOGIN PASSWORD %2 IN ROLE %3%4")
                .arg(account.roleName, literal(*hash), ServerRoles::groupRole(account.role),
                     account.role == core::Role::Admin ? QStringLiteral(" CREATEROLE") : QString());
        if (!q.exec(create))
            return sql::queryError(
                m_db, q,
                QStringLiteral("не удалось создать роль «%1» на сервере").arg(account.roleName));
        QSqlQuery row(m_db.connection());
        row.prepare(QStringLiteral("INSERT INTO server_accounts (role_name, role, "
                                   "organization_id, display_name) VALUES (?, ?, ?, ?)"));
        row.addBindValue(account.roleName);
        row.addBindValue(core::Roles::code(account.role));
        row.addBindValue(account.organizationId);
        row.addBindValue(sql::text(account.displayName.simplified()));
        if (!row.exec())
            return sql::queryError(
                m_db, q,
                QStringLiteral("не удалось добавить учётную запись «%1»").arg(account.roleName));
        q.prepare(
            QStringLiteral("SELECT name, kind, municipality FROM organizations WHERE id = ?"));
        q.addBindValue(account.organizationId);
        if (q.exec() && q.next()) {
            account.organizationName = q.value(0).toString();
            account.organizationKind = q.value(1).toString();
            account.municipality = q.value(2).toString();
        }
        return {};
    });
}

Status ServerAccountRepository::setPassword(const QString &roleName, const QString &password) {
    if (!m_db.isPostgres())
        return notServer(m_db);
    const QString name = roleName.trimmed();
    if (const QString why = roleNameProblem(name); !why.isEmpty())
        return plain(m_db, why);
    const auto hash = hashedPassword(m_db, name, password);
    if (!hash)
        return hash.error();
    // The server decides who may: a role its own password, a role with CREATEROLE (the
    // department's administrator) the others'.
    QSqlQuery q(m_db.connection());
    if (!q.exec(QStringLiteral("ALTER ROLE \"%1\" PASSWORD %2").arg(name, literal(*hash))))
        return sql::queryError(
            m_db, q, QStringLiteral("не удалось сменить пароль учётной записи «%1»").arg(name));
    return {};
}

Status ServerAccountRepository::remove(const QString &roleName) {
    if (!m_db.isPostgres())
        return notServer(m_db);
    const QString name = roleName.trimmed();
    if (const QString why = roleNameProblem(name); !why.isEmpty())
        return plain(m_db, why);
    return m_db.transaction([&]() -> Status {
        QSqlQuery q(m_db.connection());
        q.prepare(QStringLiteral("DELETE FROM server_accounts WHERE role_name = ?"));
        q.addBindValue(name);
        if (!q.exec())
            return sql::queryError(
                m_db, q, QStringLiteral("не удалось удалить учётную запись «%1»").arg(name));
        if (q.numRowsAffected() == 0)
            return plain(m_db, QStringLiteral("учётной записи «%1» в этой базе нет").arg(name));
        if (!q.exec(QStringLiteral("DROP ROLE IF EXISTS \"%1\"").arg(name)))
            return sql::queryError(
                m_db, q, QStringLiteral("не удалось удалить роль «%1» на сервере").arg(name));
        return {};
    });
}

} // namespace objectivity::storage
