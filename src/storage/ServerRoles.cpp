#include "objectivity/storage/ServerRoles.h"
#include "objectivity/storage/plan/FindingLinkRepository.h"

#include "Migrations.h"
#include "SqlSupport.h"
#include "objectivity/storage/Database.h"

#include <QFile>

namespace objectivity::storage {

namespace {

core::Error plain(const Database &db, const QString &message) {
    core::Error e;
    e.file = db.path();
    e.message = message;
    return e;
}

core::Result<QStringList> existingGroups(Database &db) {
    QSqlQuery q(db.connection());
    if (!q.exec(QStringLiteral("SELECT rolname FROM pg_roles WHERE rolname IN "
                               "('objectivity_deputy', 'objectivity_director', "
                               "'objectivity_admin', 'objectivity_municipal') ORDER BY 1")))
        return sql::queryError(db, q, QStringLiteral("не удалось прочитать роли сервера"));
    QStringList groups;
    while (q.next())
        groups << q.value(0).toString();
    return groups;
}

} // namespace

QString ServerRoles::groupRole(core::Role role) {
    return QStringLiteral("objectivity_") + core::Roles::code(role);
}

core::Result<QStringList> ServerRoles::init(Database &db) {
    if (!db.isPostgres())
        return plain(db, QStringLiteral("права на сервере настраиваются только в базе на сервере "
                                        "PostgreSQL (--db postgresql://…), а «%1» — файл")
                             .arg(db.path()));
    QSqlQuery q(db.connection());
    if (!q.exec(QStringLiteral(
            "SELECT r.rolsuper, r.rolcreaterole, pg_get_userbyid(d.datdba) = current_user, "
            "current_user, current_database() FROM pg_roles r, pg_database d WHERE r.rolname = "
            "current_user AND d.datname = current_database()")) ||
        !q.next())
        return sql::queryError(db, q, QStringLiteral("не удалось прочитать права роли"));
    const bool super = q.value(0).toBool();
    const bool createRole = q.value(1).toBool();
    const bool owner = q.value(2).toBool();
    const QString user = q.value(3).toString();
    const QString database = q.value(4).toString();
    q.finish();
    if (!super && !owner)
        return plain(db, QStringLiteral("права на сервере настраивает владелец базы данных «%1», "
                                        "а подключена роль «%2»: укажите в адресе владельца базы")
                             .arg(database, user));
    auto before = existingGroups(db);
    if (!before)
        return before.error();
    if (before->size() < 4 && !super && !createRole)
        return plain(db,
                     QStringLiteral("чтобы создать группы ролей objectivity_*, владельцу базы «%1» "
                                    "нужно право CREATEROLE (sudo -u postgres psql -c 'ALTER ROLE "
                                    "%2 CREATEROLE')")
                         .arg(database, user));
    QFile f(QStringLiteral(":/sql/postgresql/server/roles.sql"));
    if (!f.open(QIODevice::ReadOnly))
        return plain(db, QStringLiteral("программа собрана без сценария прав сервера; "
                                        "переустановите программу"));
    const QStringList statements = Migrations::statements(QString::fromUtf8(f.readAll()), true);
    core::Status s = db.transaction([&]() -> core::Status {
        QSqlQuery step(db.connection());
        for (const QString &sql : statements)
            if (!step.exec(sql))
                return sql::queryError(db, step,
                                       QStringLiteral("не удалось настроить права на "
                                                      "сервере"));
        return {};
    });
    if (!s)
        return s.error();
    // The templates of measures, stored now by the owner: a school's account may not store them.
    if (auto templates = FindingLinkRepository(db).templates(); !templates)
        return templates.error();
    auto after = existingGroups(db);
    if (!after)
        return after.error();
    QStringList created;
    for (const QString &g : *after)
        if (!before->contains(g))
            created << g;
    return created;
}

} // namespace objectivity::storage
