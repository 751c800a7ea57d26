// `objectivity-cli staff ...`: the staff directory («Справочник ответственных»).
#include "CliContext.h"
#include "CliRegistry.h"

#include "objectivity/storage/Database.h"
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
            }};
}

const CliRegistrar registrar(makeStaffGroup);

} // namespace
} // namespace objectivity::cli
