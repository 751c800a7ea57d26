// `objectivity-cli staff ...`: the staff directory («Справочник ответственных»).
#include "CliContext.h"
#include "CliRegistry.h"

#include "objectivity/storage/Database.h"
#include "objectivity/storage/plan/StaffOwners.h"
#include "objectivity/storage/plan/StaffRepository.h"

#include <algorithm>

namespace objectivity::cli {
namespace {

using namespace Qt::StringLiterals;

const QString kGroup = u"staff"_s;

int runList(CliContext &ctx, const QStringList &args) {
    if (!args.isEmpty())
        return ctx.usageError(u"лишний аргумент «%1»"_s.arg(args.first()), kGroup);
    auto db = ctx.database();
    if (!db)
        return ctx.fail(db.error());
    auto people = storage::StaffRepository(**db).list();
    if (!people)
        return ctx.fail(people.error());
    if (people->isEmpty()) {
        ctx.out() << u"Справочник ответственных пуст.\n"_s;
        return CliContext::Ok;
    }
    QList<QStringList> rows{
        {u"ID"_s, u"Имя или роль"_s, u"Должность"_s, u"Тип"_s, u"В мероприятиях"_s}};
    for (const auto &p : *people)
        rows << QStringList{QString::number(p.id), p.name, p.position,
                            p.isRole ? u"роль"_s : u"сотрудник"_s, QString::number(p.ownerCount)};
    QList<qsizetype> widths(rows.first().size(), 0);
    for (const auto &row : rows)
        for (qsizetype i = 0; i < row.size(); ++i)
            widths[i] = std::max(widths[i], row[i].size());
    for (const auto &row : rows) {
        QStringList cells;
        for (qsizetype i = 0; i < row.size(); ++i)
            cells << (i + 1 == row.size() ? row[i] : row[i].leftJustified(widths[i]));
        ctx.out() << cells.join(u"  "_s) << u'\n';
    }
    return CliContext::Ok;
}

int runAdd(CliContext &ctx, const QStringList &arguments) {
    QStringList args = arguments;
    storage::Person person;
    person.isRole = CliContext::takeFlag(args, u"--role"_s);
    bool missing = false;
    person.position = CliContext::takeOption(args, u"--position"_s, &missing).value_or(QString());
    if (missing)
        return ctx.usageError(u"после --position нужно указать должность"_s, kGroup);
    if (int code = ctx.rejectUnknownOptions(args, kGroup))
        return code;
    if (args.size() != 1)
        return ctx.usageError(
            args.isEmpty()
                ? u"не указано имя"_s
                : u"имя с пробелами заключите в кавычки: лишний аргумент «%1»"_s.arg(args.at(1)),
            kGroup);
    person.name = args.first().simplified();
    auto db = ctx.database();
    if (!db)
        return ctx.fail(db.error());
    if (core::Status s = storage::StaffRepository(**db).add(person); !s)
        return ctx.fail(s.error());
    ctx.out() << u"Добавлено в справочник: «%1»\n"_s.arg(person.name) << person.id << Qt::endl;
    return CliContext::Ok;
}

int runRename(CliContext &ctx, const QStringList &args) {
    if (int code = ctx.rejectUnknownOptions(args, kGroup))
        return code;
    if (args.size() != 2)
        return ctx.usageError(u"нужно два аргумента: номер записи (ID) и новое имя в кавычках"_s,
                              kGroup);
    const qint64 id = CliContext::parseId(args.at(0));
    if (id == 0)
        return ctx.usageError(
            u"«%1» — не номер записи; номера показывает `staff list`"_s.arg(args.at(0)), kGroup);
    auto db = ctx.databaseAsUser(); // a rename reaches draft plans
    if (!db)
        return ctx.fail(db.error());
    const QString name = args.at(1).simplified();
    if (core::Status s = storage::StaffRepository(**db).rename(id, name); !s)
        return ctx.fail(s.error());
    ctx.out() << u"Запись №%1 переименована в «%2» во всех мероприятиях.\n"_s.arg(id).arg(name);
    return CliContext::Ok;
}

int runRemove(CliContext &ctx, const QStringList &args) {
    if (int code = ctx.rejectUnknownOptions(args, kGroup))
        return code;
    if (args.size() != 1 || CliContext::parseId(args.first()) == 0)
        return ctx.usageError(u"укажите номер записи (ID); номера показывает `staff list`"_s,
                              kGroup);
    auto db = ctx.database();
    if (!db)
        return ctx.fail(db.error());
    const qint64 id = CliContext::parseId(args.first());
    if (core::Status s = storage::StaffRepository(**db).remove(id); !s)
        return ctx.fail(s.error());
    ctx.out() << u"Запись №%1 удалена из справочника; в мероприятиях имя осталось.\n"_s.arg(id);
    return CliContext::Ok;
}

// `staff import-owners PLAN_ID [--dry-run]`: the owners of a plan missing from the directory,
// printed and (without --dry-run) added.
int runImportOwners(CliContext &ctx, const QStringList &arguments) {
    QStringList args = arguments;
    const bool dryRun = CliContext::takeFlag(args, u"--dry-run"_s);
    if (int code = ctx.rejectUnknownOptions(args, kGroup))
        return code;
    if (args.size() != 1 || CliContext::parseId(args.first()) == 0)
        return ctx.usageError(u"укажите номер плана (ID); номера показывает `plan list`"_s, kGroup);
    auto db = ctx.database();
    if (!db)
        return ctx.fail(db.error());
    storage::StaffOwners owners(**db);
    auto found = owners.newOwners(CliContext::parseId(args.first()));
    if (!found)
        return ctx.fail(found.error());
    if (found->isEmpty()) {
        ctx.out() << u"Все ответственные плана уже есть в справочнике.\n"_s;
        return CliContext::Ok;
    }
    for (const storage::Person &p : *found) {
        QString line = p.name;
        if (!p.position.isEmpty())
            line += u" — "_s + p.position;
        if (p.isRole)
            line += u" (роль)"_s;
        ctx.out() << line << u'\n';
    }
    if (dryRun) {
        ctx.out() << u"Новых имён: %1 (не добавлены: --dry-run).\n"_s.arg(found->size());
        return CliContext::Ok;
    }
    auto added = owners.add(*found);
    if (!added)
        return ctx.fail(added.error());
    ctx.out() << u"Добавлено в справочник: %1.\n"_s.arg(*added);
    return CliContext::Ok;
}

int runDuplicates(CliContext &ctx, const QStringList &args) {
    if (!args.isEmpty())
        return ctx.usageError(u"лишний аргумент «%1»"_s.arg(args.first()), kGroup);
    auto db = ctx.database();
    if (!db)
        return ctx.fail(db.error());
    auto found = storage::StaffOwners(**db).nearDuplicates();
    if (!found)
        return ctx.fail(found.error());
    if (found->isEmpty()) {
        ctx.out() << u"Похожих имён не найдено.\n"_s;
        return CliContext::Ok;
    }
    for (const auto &d : *found)
        ctx.out() << u"«%1» и «%2»: %3\n"_s.arg(d.first, d.second, d.reason);
    ctx.out() << u"Объединить: staff merge \"ИМЯ\" \"ВЕРНОЕ ИМЯ\"\n"_s;
    return CliContext::Ok;
}

int runMerge(CliContext &ctx, const QStringList &args) {
    if (int code = ctx.rejectUnknownOptions(args, kGroup))
        return code;
    if (args.size() != 2)
        return ctx.usageError(
            u"нужно два имени в кавычках: какое заменить и на какое (staff merge \"Михайлок "
            u"Е.И.\" \"Михайлюк Е.И.\")"_s,
            kGroup);
    auto db = ctx.database();
    if (!db)
        return ctx.fail(db.error());
    auto merged = storage::StaffOwners(**db).merge(args.at(0), args.at(1));
    if (!merged)
        return ctx.fail(merged.error());
    ctx.out() << u"«%1» объединено с «%2»: исправлено ответственных — %3, в черновиках — %4.\n"_s
                     .arg(args.at(0).simplified(), args.at(1).simplified())
                     .arg(merged->ownerRows)
                     .arg(merged->draftPlans);
    if (merged->keptInPlans > 0)
        ctx.out() << u"В планах, которые нельзя менять (утверждённые, на утверждении, в архиве), "
                     u"имя осталось как было: %1.\n"_s.arg(merged->keptInPlans);
    return CliContext::Ok;
}

CliGroup makeStaffGroup() {
    return {kGroup,
            u"справочник ответственных: сотрудники и роли"_s,
            {
                {u"list"_s, QString(),
                 u"записи справочника и в скольких мероприятиях каждая указана"_s, runList},
                {u"add"_s, u"\"ИМЯ\" [--position ДОЛЖНОСТЬ] [--role]"_s,
                 u"добавить сотрудника (или роль с --role); связывает мероприятия, где указано это "
                 u"имя; "
                 "последняя строка — номер (ID) записи"_s,
                 runAdd},
                {u"rename"_s, u"ID \"НОВОЕ ИМЯ\""_s,
                 u"переименовать запись и её имя во всех мероприятиях"_s, runRename},
                {u"remove"_s, u"ID"_s, u"удалить запись (мероприятия сохраняют имя)"_s, runRemove},
                {u"import-owners"_s, u"PLAN_ID [--dry-run]"_s,
                 u"добавить в справочник ответственных плана, которых в нём нет (с должностью, "
                 u"если она написана перед именем)"_s,
                 runImportOwners},
                {u"duplicates"_s, QString(),
                 u"похожие имена в справочнике и в планах (Михайлок / Михайлюк, «Иванова И.И.» / "
                 u"«И.И. Иванова»)"_s,
                 runDuplicates},
                {u"merge"_s, u"\"ИМЯ\" \"ВЕРНОЕ ИМЯ\""_s,
                 u"заменить имя верным в черновиках планов и в справочнике (утверждённые планы не "
                 u"меняются)"_s,
                 runMerge},
            }};
}

const CliRegistrar registrar(makeStaffGroup);

} // namespace
} // namespace objectivity::cli
