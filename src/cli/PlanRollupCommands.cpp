// `objectivity-cli plan distribute|address|rollup`: a municipal plan's measures addressed to the
// schools copied, linked, into the schools' plans, and the department's roll-up of their
// execution (text, JSON, Excel, PDF). Adds the commands to the `plan` group.
#include "CliContext.h"
#include "CliRegistry.h"

#include "objectivity/core/common/MessageText.h"
#include "objectivity/core/plan/PlanRollup.h"
#include "objectivity/core/plan/SchoolAddressees.h"
#include "objectivity/io/export/PlanRollupReport.h"
#include "objectivity/io/export/PlanRollupXlsxWriter.h"
#include "objectivity/storage/Database.h"
#include "objectivity/storage/plan/PlanDistributor.h"
#include "objectivity/storage/plan/PlanRepository.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cmath>

namespace objectivity::cli {
namespace {

using namespace Qt::StringLiterals;

const QString kGroup = u"plan"_s;

// The one plan id left in `args`, or 0 after printing a usage error into *code.
qint64 onePlanId(CliContext &ctx, const QStringList &args, int *code) {
    if ((*code = ctx.rejectUnknownOptions(args, kGroup)))
        return 0;
    if (args.size() != 1) {
        *code = ctx.usageError(args.isEmpty() ? u"не указан номер плана (ID)"_s
                                              : u"лишний аргумент «%1»"_s.arg(args.at(1)),
                               kGroup);
        return 0;
    }
    const qint64 id = CliContext::parseId(args[0]);
    if (id == 0)
        *code = ctx.usageError(
            u"«%1» — не номер плана; номера показывает `plan list`"_s.arg(args[0]), kGroup);
    return id;
}

QString numbers(const QStringList &list) {
    return list.join(u" "_s);
}

int runDistribute(CliContext &ctx, const QStringList &arguments) {
    QStringList args = arguments;
    bool missing = false;
    const auto schoolList = CliContext::takeOption(args, u"--schools"_s, &missing);
    if (missing || (schoolList && schoolList->trimmed().isEmpty()))
        return ctx.usageError(u"укажите школы: --schools ЛОГИН,ЛОГИН,… (или названия)"_s, kGroup);
    int code = 0;
    const qint64 planId = onePlanId(ctx, args, &code);
    if (planId == 0)
        return code;
    auto db = ctx.signedInDatabase();
    if (!db)
        return ctx.fail(db.error());
    storage::PlanDistributor distributor(**db);
    auto schools = schoolList ? distributor.schools(planId, schoolList->split(u','))
                              : distributor.schools(planId);
    if (!schools) {
        core::Error e = schools.error();
        if (!schoolList && e.message.contains(u"укажите школы"_s))
            e.message += u" Например: plan distribute %1 --schools ЛОГИН,ЛОГИН,…"_s.arg(planId);
        return ctx.fail(e);
    }
    std::optional<storage::DistributionScope> scope;
    if (!schoolList)
        if (auto s = distributor.scope(planId); s && s->guessed)
            scope = *s;
    auto outcomes = distributor.distribute(planId, *schools);
    if (!outcomes)
        return ctx.fail(outcomes.error());
    auto addressed = distributor.addressedMeasures(planId);
    QTextStream &out = ctx.out();
    out << u"План №%1 разослан в планы школ: мероприятий для школ %2, школ %3.\n"_s.arg(planId)
               .arg(addressed ? addressed->size() : 0)
               .arg(outcomes->size());
    if (scope)
        out << u"Школы муниципалитета «%1» (он назван в плане; другие школы — через --schools).\n"_s
                   .arg(scope->municipality);
    for (const storage::DistributionOutcome &o : *outcomes) {
        out << o.school.label() << u": "_s
            << (o.planCreated ? u"новый план №%1 (черновик)"_s.arg(o.planId)
                              : u"план №%1"_s.arg(o.planId));
        QStringList parts;
        parts << (o.added.isEmpty()
                      ? u"добавлено 0"_s
                      : u"добавлено %1 (%2)"_s.arg(o.added.size()).arg(numbers(o.added)));
        parts << (o.updated.isEmpty()
                      ? u"обновлено 0"_s
                      : u"обновлено %1 (%2)"_s.arg(o.updated.size()).arg(numbers(o.updated)));
        parts << u"без изменений %1"_s.arg(o.unchanged);
        out << u" — "_s << parts.join(u", "_s) << u".\n"_s;
    }
    return CliContext::Ok;
}

int runAddress(CliContext &ctx, const QStringList &arguments) {
    QStringList args = arguments;
    const bool yes = CliContext::takeFlag(args, u"--to-schools"_s);
    const bool no = CliContext::takeFlag(args, u"--not-to-schools"_s);
    const bool automatic = CliContext::takeFlag(args, u"--auto"_s);
    const bool list = !yes && !no && !automatic;
    if (int(yes) + int(no) + int(automatic) > 1)
        return ctx.usageError(u"укажите одно: --to-schools, --not-to-schools или --auto"_s, kGroup);
    if (int c = ctx.rejectUnknownOptions(args, kGroup))
        return c;
    if (args.size() != (list ? 1 : 2))
        return ctx.usageError(list ? u"укажите номер плана (ID)"_s
                                   : u"укажите номер плана (ID) и номер мероприятия"_s,
                              kGroup);
    const qint64 planId = CliContext::parseId(args[0]);
    if (planId == 0)
        return ctx.usageError(
            u"«%1» — не номер плана; номера показывает `plan list`"_s.arg(args[0]), kGroup);
    auto db = ctx.signedInDatabase();
    if (!db)
        return ctx.fail(db.error());
    storage::PlanDistributor distributor(**db);
    if (!list) {
        const std::optional<bool> value = automatic ? std::nullopt : std::optional<bool>(yes);
        if (core::Status s = distributor.setAddressing(planId, args[1], value); !s)
            return ctx.fail(s.error());
    }
    auto addressed = distributor.addressedMeasures(planId);
    if (!addressed)
        return ctx.fail(addressed.error());
    ctx.out() << u"Школам адресовано мероприятий: %1.\n"_s.arg(addressed->size());
    for (const core::Measure &m : *addressed)
        ctx.out() << m.number << u" "_s << core::shortenAtWord(m.text, 90) << u" — "_s
                  << core::SchoolAddressees::schoolOwners(m).join(u", "_s) << u"\n"_s;
    return CliContext::Ok;
}

QJsonObject countsJson(const core::RollupCounts &c) {
    return {{u"total"_s, c.total},
            {u"done"_s, c.done},
            {u"in_progress"_s, c.inProgress},
            {u"overdue"_s, c.overdue},
            {u"not_started"_s, c.notStarted},
            {u"done_share"_s, std::round(c.doneShare() * 10000) / 10000}};
}

QByteArray rollupJson(qint64 planId, const core::PlanRollup &r) {
    QJsonArray measures;
    for (const auto &m : r.measures) {
        QJsonObject o = countsJson(m.counts);
        o.insert(u"measure_id"_s, m.measureId);
        o.insert(u"number"_s, m.number);
        o.insert(u"text"_s, m.text);
        o.insert(u"deadline"_s, m.deadline);
        o.insert(u"overdue_schools"_s, QJsonArray::fromStringList(m.overdueSchools));
        measures.append(o);
    }
    QJsonArray schools;
    for (const auto &s : r.schools) {
        QJsonObject o = countsJson(s.counts);
        o.insert(u"organization_id"_s, s.schoolId);
        o.insert(u"name"_s, s.name);
        o.insert(u"code"_s, s.code);
        o.insert(u"plan_id"_s, s.planId);
        o.insert(u"overdue_measures"_s, QJsonArray::fromStringList(s.overdueMeasures));
        schools.append(o);
    }
    return QJsonDocument(QJsonObject{{u"plan_id"_s, planId},
                                     {u"date"_s, r.date.toString(Qt::ISODate)},
                                     {u"totals"_s, countsJson(r.totals)},
                                     {u"measures"_s, measures},
                                     {u"schools"_s, schools}})
        .toJson();
}

QString percent(double share) {
    return u"%1 %"_s.arg(std::lround(share * 100));
}

void printRollup(QTextStream &out, const core::Plan &plan, const core::PlanRollup &r) {
    out << u"Свод по школам: план №%1 «%2», исполнение на %3.\n"_s.arg(plan.id).arg(
        core::shortenForMessage(plan.title.simplified(), 160), r.date.toString(u"dd.MM.yyyy"_s));
    if (r.totals.total == 0) {
        out << u"План ещё не разослан в планы школ: связанных мероприятий нет "
               "(`plan distribute %1`).\n"_s.arg(plan.id);
        return;
    }
    out << u"Итого: школ %1, мероприятий в их планах %2, выполнено %3 (%4), в работе %5, "
           "просрочено %6, не начато %7.\n"_s.arg(r.schools.size())
               .arg(r.totals.total)
               .arg(r.totals.done)
               .arg(percent(r.totals.doneShare()))
               .arg(r.totals.inProgress)
               .arg(r.totals.overdue)
               .arg(r.totals.notStarted);
    out << u"\nПо мероприятиям (школ / выполнено / в работе / просрочено / не начато):\n"_s;
    for (const auto &m : r.measures) {
        out << u"%1 %2 — %3 / %4 / %5 / %6 / %7"_s.arg(m.number, core::shortenAtWord(m.text, 70))
                   .arg(m.counts.total)
                   .arg(m.counts.done)
                   .arg(m.counts.inProgress)
                   .arg(m.counts.overdue)
                   .arg(m.counts.notStarted);
        if (!m.overdueSchools.isEmpty())
            out << u"; просрочили: "_s << m.overdueSchoolsText();
        out << u"\n"_s;
    }
    out << u"\nПо школам (мероприятий / выполнено / просрочено, доля выполненных):\n"_s;
    for (const auto &s : r.schools) {
        out << u"%1 (план №%2) — %3 / %4 / %5, %6"_s
                   .arg(s.code.isEmpty() ? s.name : s.code + u" — "_s + s.name)
                   .arg(s.planId)
                   .arg(s.counts.total)
                   .arg(s.counts.done)
                   .arg(s.counts.overdue)
                   .arg(percent(s.counts.doneShare()));
        if (!s.overdueMeasures.isEmpty())
            out << u"; просрочены: "_s << s.overdueMeasures.join(u" "_s);
        out << u"\n"_s;
    }
}

int runRollup(CliContext &ctx, const QStringList &arguments) {
    QStringList args = arguments;
    bool missing = false;
    const bool json = CliContext::takeFlag(args, u"--json"_s);
    const auto xlsx = CliContext::takeOption(args, u"--xlsx"_s, &missing);
    const auto pdf = CliContext::takeOption(args, u"--pdf"_s, &missing);
    const auto dateText = CliContext::takeOption(args, u"--date"_s, &missing);
    if (missing)
        return ctx.usageError(u"у параметра не указано значение"_s, kGroup);
    QDate date = QDate::currentDate();
    if (dateText) {
        date = QDate::fromString(dateText->trimmed(), Qt::ISODate);
        if (!date.isValid())
            date = QDate::fromString(dateText->trimmed(), u"dd.MM.yyyy"_s);
        if (!date.isValid())
            return ctx.usageError(u"«%1» — не дата; укажите ГГГГ-ММ-ДД"_s.arg(*dateText), kGroup);
    }
    int code = 0;
    const qint64 planId = onePlanId(ctx, args, &code);
    if (planId == 0)
        return code;
    auto db = ctx.database();
    if (!db)
        return ctx.fail(db.error());
    auto plan = storage::PlanRepository(**db).load(planId);
    if (!plan)
        return ctx.fail(plan.error());
    auto copies = storage::PlanDistributor(**db).copies(planId);
    if (!copies)
        return ctx.fail(copies.error());
    const core::PlanRollup rollup = core::PlanRollup::build(*plan, *copies, date);
    if (xlsx)
        if (core::Status s = io::PlanRollupXlsxWriter::write(*plan, rollup, *xlsx); !s)
            return ctx.fail(s.error());
    if (pdf)
        if (core::Status s = io::PlanRollupReport::writePdf(*plan, rollup, *pdf); !s)
            return ctx.fail(s.error());
    if (json)
        ctx.out() << QString::fromUtf8(rollupJson(planId, rollup));
    else
        printRollup(ctx.out(), *plan, rollup);
    return CliContext::Ok;
}

CliGroup makePlanRollupGroup() {
    return {kGroup,
            u"планы мероприятий по обеспечению объективности"_s,
            {{u"distribute"_s, u"ID [--schools ЛОГИН,…]"_s,
              u"разослать мероприятия муниципального плана, адресованные школам, в планы школ "
              "муниципалитета (или перечисленных), со связью; повторно — только недостающие и "
              "изменённые"_s,
              runDistribute},
             {u"address"_s, u"ID [МЕРОПРИЯТИЕ --to-schools|--not-to-schools|--auto]"_s,
              u"какие мероприятия муниципального плана адресованы школам; поправить для одного "
              "мероприятия"_s,
              runAddress},
             {u"rollup"_s, u"ID [--json] [--xlsx ФАЙЛ] [--pdf ФАЙЛ] [--date ГГГГ-ММ-ДД]"_s,
              u"свод по школам: по мероприятиям — сколько школ выполнили, просрочили; по школам — "
              "доля выполненных (на сегодня или на дату)"_s,
              runRollup}}};
}

const CliRegistrar registrar(makePlanRollupGroup);

} // namespace
} // namespace objectivity::cli
