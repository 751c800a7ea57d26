// `objectivity-cli user ...`: accounts and their roles.
#include "CliContext.h"
#include "CliRegistry.h"

#include "objectivity/storage/AccountRepository.h"
#include "objectivity/storage/Database.h"

#include <algorithm>

namespace objectivity::cli {
namespace {

using namespace Qt::StringLiterals;

const QString kGroup = u"user"_s;

// The new password: OBJECTIVITY_NEW_PASSWORD when the one who signs in (--user) keeps their own
// in OBJECTIVITY_PASSWORD, else OBJECTIVITY_PASSWORD; empty when neither is set.
QString newPassword() {
    const QString password = qEnvironmentVariable("OBJECTIVITY_NEW_PASSWORD");
    return password.isEmpty() ? qEnvironmentVariable("OBJECTIVITY_PASSWORD") : password;
}

int runAdd(CliContext &ctx, const QStringList &arguments) {
    QStringList args = arguments;
    core::Role role = core::Role::Deputy;
    if (int code = ctx.takeRole(args, kGroup, &role))
        return code;
    if (int code = ctx.expectOneName(args, kGroup))
        return code;
    const QString password = newPassword();
    if (password.isEmpty())
        return ctx.fail(u"Не задан пароль новой учётной записи: укажите его в переменной окружения "
                        "OBJECTIVITY_PASSWORD."_s);
    auto db = ctx.databaseAsUser();
    if (!db)
        return ctx.fail(db.error());
    core::Account account;
    account.name = args.first();
    account.role = role;
    storage::AccountRepository accounts(**db);
    if (core::Status s = accounts.add(account, password); !s)
        return ctx.fail(s.error());
    ctx.out() << u"Добавлена учётная запись «%1»: %2.\n"_s.arg(
        account.name, core::Roles::displayName(account.role));
    if (auto admin = accounts.hasAdministrator(); admin && !*admin)
        ctx.out() << u"Внимание: в базе нет администратора — учётные записи может добавлять и "
                     "удалять любой. Добавьте администратора (--role admin).\n"_s;
    return CliContext::Ok;
}

int runList(CliContext &ctx, const QStringList &args) {
    if (!args.isEmpty())
        return ctx.usageError(u"лишний аргумент «%1»"_s.arg(args.first()), kGroup);
    auto db = ctx.database();
    if (!db)
        return ctx.fail(db.error());
    auto accounts = storage::AccountRepository(**db).list();
    if (!accounts)
        return ctx.fail(accounts.error());
    if (accounts->isEmpty()) {
        ctx.out() << u"Учётных записей нет: изменения планов не требуют входа.\n"_s;
        return CliContext::Ok;
    }
    qsizetype width = 3;
    for (const auto &a : *accounts)
        width = std::max(width, a.name.size());
    ctx.out() << u"Имя"_s.leftJustified(width) << u"  Роль\n"_s;
    for (const auto &a : *accounts)
        ctx.out() << a.name.leftJustified(width) << u"  "_s << core::Roles::code(a.role) << u" ("_s
                  << core::Roles::displayName(a.role) << u")\n"_s;
    return CliContext::Ok;
}

int runRemove(CliContext &ctx, const QStringList &args) {
    if (int code = ctx.expectOneName(args, kGroup))
        return code;
    auto db = ctx.databaseAsUser();
    if (!db)
        return ctx.fail(db.error());
    if (core::Status s = storage::AccountRepository(**db).remove(args.first()); !s)
        return ctx.fail(s.error());
    ctx.out() << u"Учётная запись «%1» удалена.\n"_s.arg(args.first());
    return CliContext::Ok;
}

int runPassword(CliContext &ctx, const QStringList &args) {
    if (int code = ctx.expectOneName(args, kGroup))
        return code;
    const QString password = newPassword();
    if (password.isEmpty())
        return ctx.fail(u"Не задан новый пароль: укажите его в переменной окружения "
                        "OBJECTIVITY_NEW_PASSWORD."_s);
    auto db = ctx.databaseAsUser();
    if (!db)
        return ctx.fail(db.error());
    if (core::Status s = storage::AccountRepository(**db).setPassword(args.first(), password); !s)
        return ctx.fail(s.error());
    ctx.out() << u"Пароль учётной записи «%1» изменён.\n"_s.arg(args.first());
    return CliContext::Ok;
}

int runRole(CliContext &ctx, const QStringList &arguments) {
    QStringList args = arguments;
    core::Role role = core::Role::Deputy;
    if (int code = ctx.takeRole(args, kGroup, &role))
        return code;
    if (int code = ctx.expectOneName(args, kGroup))
        return code;
    auto db = ctx.databaseAsUser();
    if (!db)
        return ctx.fail(db.error());
    if (core::Status s = storage::AccountRepository(**db).setRole(args.first(), role); !s)
        return ctx.fail(s.error());
    ctx.out() << u"Учётная запись «%1»: %2.\n"_s.arg(args.first(), core::Roles::displayName(role));
    return CliContext::Ok;
}

CliGroup makeUserGroup() {
    return {
        kGroup,
        u"учётные записи и роли (пароль — в переменной OBJECTIVITY_PASSWORD)"_s,
        {
            {u"add"_s, u"ИМЯ --role deputy|director|admin|municipal"_s,
             u"добавить учётную запись (пароль из OBJECTIVITY_PASSWORD); когда в базе есть "
             "администратор — только от его имени (--user)"_s,
             runAdd},
            {u"list"_s, QString(), u"учётные записи и их роли"_s, runList},
            {u"remove"_s, u"ИМЯ"_s, u"удалить учётную запись (администратор, --user)"_s, runRemove},
            {u"passwd"_s, u"ИМЯ"_s,
             u"сменить пароль (новый — в OBJECTIVITY_NEW_PASSWORD): администратор — любой, "
             "остальные — свой (--user ИМЯ)"_s,
             runPassword},
            {u"role"_s, u"ИМЯ --role deputy|director|admin|municipal"_s,
             u"сменить роль учётной записи (администратор, --user)"_s, runRole},
        }};
}

const CliRegistrar registrar(makeUserGroup);

} // namespace
} // namespace objectivity::cli
