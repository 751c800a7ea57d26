// `objectivity-cli server init` and `objectivity-cli account …`: the roles of a database on a
// PostgreSQL server, enforced by the server (ServerRoles, ServerAccountRepository).
#include "CliContext.h"
#include "CliRegistry.h"

#include "objectivity/storage/Database.h"
#include "objectivity/storage/ServerAccountRepository.h"
#include "objectivity/storage/ServerRoles.h"

#include <algorithm>

namespace objectivity::cli {
namespace {

using namespace Qt::StringLiterals;

const QString kServer = u"server"_s;
const QString kAccount = u"account"_s;

int runInit(CliContext &ctx, const QStringList &args) {
    if (int code = ctx.rejectUnknownOptions(args, kServer))
        return code;
    if (!args.isEmpty())
        return ctx.usageError(u"лишний аргумент «%1»"_s.arg(args.first()), kServer);
    auto db = ctx.database();
    if (!db)
        return ctx.fail(db.error());
    auto created = storage::ServerRoles::init(**db);
    if (!created)
        return ctx.fail(created.error());
    ctx.out() << (created->isEmpty()
                      ? u"Группы ролей objectivity_* уже были на сервере.\n"_s
                      : u"Созданы группы ролей: %1.\n"_s.arg(created->join(u", "_s)));
    ctx.out() << u"Права групп и защита строк (планы школы видны только её учётным записям) "
                 "настроены в базе «%1».\n"_s.arg((*db)->displayName());
    return CliContext::Ok;
}

QString placeText(const storage::ServerAccount &a) {
    if (a.organizationKind == u"school"_s)
        return a.organizationName;
    if (a.organizationKind == u"regional"_s)
        return u"регион «%1»"_s.arg(a.municipality);
    return u"муниципалитет «%1»"_s.arg(a.municipality);
}

int runAdd(CliContext &ctx, const QStringList &arguments) {
    QStringList args = arguments;
    core::Role role = core::Role::Deputy;
    if (int code = ctx.takeRole(args, kAccount, &role))
        return code;
    bool missing = false;
    storage::ServerAccountRepository::Place place;
    QString displayName;
    for (const QString &option : {u"--school"_s, u"--municipality"_s, u"--region"_s, u"--name"_s}) {
        const auto value = CliContext::takeOption(args, option, &missing);
        if (missing)
            return ctx.usageError(u"после %1 нужно значение"_s.arg(option), kAccount);
        if (!value)
            continue;
        if (option == u"--school"_s) {
            place.schoolCode = value->trimmed();
        } else if (option == u"--name"_s) {
            displayName = value->trimmed();
        } else {
            place.municipality = value->trimmed();
            place.regional = option == u"--region"_s;
        }
    }
    if (int code = ctx.expectOneName(args, kAccount))
        return code;
    const QString password = qEnvironmentVariable("OBJECTIVITY_NEW_PASSWORD");
    if (password.isEmpty())
        return ctx.fail(u"Не задан пароль новой учётной записи: укажите его в переменной окружения "
                        "OBJECTIVITY_NEW_PASSWORD (свой пароль для сервера — в PGPASSWORD или "
                        "~/.pgpass)."_s);
    auto db = ctx.database();
    if (!db)
        return ctx.fail(db.error());
    storage::ServerAccount account;
    account.roleName = args.first();
    account.role = role;
    account.displayName = displayName;
    if (core::Status s = storage::ServerAccountRepository(**db).add(account, place, password); !s)
        return ctx.fail(s.error());
    ctx.out() << u"Добавлена учётная запись «%1» на сервере: %2, %3 (группа %4).\n"_s.arg(
        account.roleName, core::Roles::displayName(account.role), placeText(account),
        storage::ServerRoles::groupRole(account.role));
    return CliContext::Ok;
}

int runList(CliContext &ctx, const QStringList &args) {
    if (!args.isEmpty())
        return ctx.usageError(u"лишний аргумент «%1»"_s.arg(args.first()), kAccount);
    auto db = ctx.database();
    if (!db)
        return ctx.fail(db.error());
    auto accounts = storage::ServerAccountRepository(**db).list();
    if (!accounts)
        return ctx.fail(accounts.error());
    if (accounts->isEmpty()) {
        ctx.out() << u"Учётных записей сервера нет (или эта роль их не видит).\n"_s;
        return CliContext::Ok;
    }
    qsizetype width = 3;
    for (const auto &a : *accounts)
        width = std::max(width, a.roleName.size());
    for (const auto &a : *accounts)
        ctx.out() << a.roleName.leftJustified(width) << u"  "_s << core::Roles::code(a.role)
                  << u"  "_s << placeText(a)
                  << (a.displayName.isEmpty() ? QString() : u"  "_s + a.displayName) << u"\n"_s;
    return CliContext::Ok;
}

int runRemove(CliContext &ctx, const QStringList &args) {
    if (int code = ctx.expectOneName(args, kAccount))
        return code;
    auto db = ctx.database();
    if (!db)
        return ctx.fail(db.error());
    if (core::Status s = storage::ServerAccountRepository(**db).remove(args.first()); !s)
        return ctx.fail(s.error());
    ctx.out() << u"Учётная запись «%1» и её роль на сервере удалены.\n"_s.arg(args.first());
    return CliContext::Ok;
}

int runPassword(CliContext &ctx, const QStringList &args) {
    if (int code = ctx.expectOneName(args, kAccount))
        return code;
    const QString password = qEnvironmentVariable("OBJECTIVITY_NEW_PASSWORD");
    if (password.isEmpty())
        return ctx.fail(u"Не задан новый пароль: укажите его в переменной окружения "
                        "OBJECTIVITY_NEW_PASSWORD (свой пароль для сервера — в PGPASSWORD или "
                        "~/.pgpass)."_s);
    auto db = ctx.database();
    if (!db)
        return ctx.fail(db.error());
    if (core::Status s = storage::ServerAccountRepository(**db).setPassword(args.first(), password);
        !s)
        return ctx.fail(s.error());
    ctx.out() << u"Пароль учётной записи «%1» на сервере изменён.\n"_s.arg(args.first());
    return CliContext::Ok;
}

CliGroup makeServerGroup() {
    return {kServer,
            u"права на сервере PostgreSQL: группы ролей, защита строк (владелец базы)"_s,
            {
                {u"init"_s, QString(),
                 u"создать группы ролей objectivity_*, выдать права и включить защиту строк "
                 "(повторный запуск безвреден; --db postgresql://ВЛАДЕЛЕЦ@…)"_s,
                 runInit},
            }};
}

CliGroup makeAccountGroup() {
    return {
        kAccount,
        u"учётные записи на сервере PostgreSQL (роли сервера; пароль новой — в "
        "OBJECTIVITY_NEW_PASSWORD)"_s,
        {
            {u"add"_s,
             u"ИМЯ --role deputy|director|admin|municipal --school КОД|--municipality "
             "НАЗВАНИЕ|--region НАЗВАНИЕ [--name ФИО]"_s,
             u"создать роль сервера для человека (нужно право CREATEROLE: владелец базы или "
             "администратор)"_s,
             runAdd},
            {u"list"_s, QString(), u"учётные записи сервера: роль, школа или управление"_s,
             runList},
            {u"remove"_s, u"ИМЯ"_s, u"удалить учётную запись и её роль на сервере"_s, runRemove},
            {u"passwd"_s, u"ИМЯ"_s,
             u"сменить пароль (новый — в OBJECTIVITY_NEW_PASSWORD): свой — любой, чужой — "
             "владелец базы или администратор"_s,
             runPassword},
        }};
}

const CliRegistrar serverRegistrar(makeServerGroup);
const CliRegistrar accountRegistrar(makeAccountGroup);

} // namespace
} // namespace objectivity::cli
