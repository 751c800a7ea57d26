// `objectivity-cli plan submit|approve|return|revise|history|diff`: the approval workflow, the
// history of a plan and the comparison of two revisions.
#include "CliContext.h"
#include "CliRegistry.h"

#include "objectivity/core/common/MessageText.h"
#include "objectivity/core/plan/PlanChangeLog.h"
#include "objectivity/core/plan/PlanDiff.h"
#include "objectivity/storage/Database.h"
#include "objectivity/storage/plan/PlanRepository.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace objectivity::cli {
namespace {

using namespace Qt::StringLiterals;

const QString kGroup = u"plan"_s;

// The plan ids among `args` (exactly `count` of them), or a usage error in *code.
bool planIds(CliContext &ctx, const QStringList &args, int count, QList<qint64> *ids, int *code) {
    if (int c = ctx.rejectUnknownOptions(args, kGroup)) {
        *code = c;
        return false;
    }
    if (args.size() != count) {
        *code = ctx.usageError(args.size() < count ? u"не указан номер плана (ID)"_s
                                                   : u"лишний аргумент «%1»"_s.arg(args.at(count)),
                               kGroup);
        return false;
    }
    for (const QString &a : args) {
        const qint64 id = CliContext::parseId(a);
        if (id == 0) {
            *code = ctx.usageError(u"«%1» — не номер плана; номера показывает `plan list`"_s.arg(a),
                                   kGroup);
            return false;
        }
        ids->append(id);
    }
    return true;
}

int runSubmit(CliContext &ctx, const QStringList &args) {
    QList<qint64> ids;
    int code = 0;
    if (!planIds(ctx, args, 1, &ids, &code))
        return code;
    auto db = ctx.signedInDatabase();
    if (!db)
        return ctx.fail(db.error());
    if (core::Status s = storage::PlanRepository(**db).submit(ids[0]); !s)
        return ctx.fail(s.error());
    ctx.out() << u"План №%1 отправлен на утверждение.\n"_s.arg(ids[0]);
    return CliContext::Ok;
}

int runApprove(CliContext &ctx, const QStringList &arguments) {
    QStringList args = arguments;
    bool missing = false;
    const auto order = CliContext::takeOption(args, u"--order"_s, &missing);
    if (missing || !order || order->trimmed().isEmpty())
        return ctx.usageError(u"укажите номер приказа: --order N"_s, kGroup);
    const auto dateText = CliContext::takeOption(args, u"--date"_s, &missing);
    if (missing || !dateText)
        return ctx.usageError(u"укажите дату приказа: --date ДД.ММ.ГГГГ"_s, kGroup);
    QDate date = QDate::fromString(dateText->trimmed(), u"dd.MM.yyyy"_s);
    if (!date.isValid())
        date = QDate::fromString(dateText->trimmed(), Qt::ISODate);
    if (!date.isValid())
        return ctx.usageError(u"«%1» — не дата; укажите ДД.ММ.ГГГГ"_s.arg(*dateText), kGroup);
    QList<qint64> ids;
    int code = 0;
    if (!planIds(ctx, args, 1, &ids, &code))
        return code;
    auto db = ctx.signedInDatabase();
    if (!db)
        return ctx.fail(db.error());
    core::Approval approval;
    approval.orderNumber = order->trimmed();
    approval.orderDate = date;
    if (core::Status s = storage::PlanRepository(**db).approve(ids[0], approval); !s)
        return ctx.fail(s.error());
    ctx.out() << u"План №%1 утверждён: приказ %2.\n"_s.arg(ids[0]).arg(
        core::PlanChangeLog::orderText(approval));
    return CliContext::Ok;
}

int runReturn(CliContext &ctx, const QStringList &arguments) {
    QStringList args = arguments;
    bool missing = false;
    const auto comment = CliContext::takeOption(args, u"--comment"_s, &missing);
    if (missing || !comment || comment->trimmed().isEmpty())
        return ctx.usageError(u"укажите, что доработать: --comment ТЕКСТ"_s, kGroup);
    QList<qint64> ids;
    int code = 0;
    if (!planIds(ctx, args, 1, &ids, &code))
        return code;
    auto db = ctx.signedInDatabase();
    if (!db)
        return ctx.fail(db.error());
    if (core::Status s = storage::PlanRepository(**db).returnToDraft(ids[0], *comment); !s)
        return ctx.fail(s.error());
    ctx.out() << u"План №%1 возвращён на доработку: %2\n"_s.arg(ids[0]).arg(comment->trimmed());
    return CliContext::Ok;
}

int runRevise(CliContext &ctx, const QStringList &args) {
    QList<qint64> ids;
    int code = 0;
    if (!planIds(ctx, args, 1, &ids, &code))
        return code;
    auto db = ctx.signedInDatabase();
    if (!db)
        return ctx.fail(db.error());
    auto id = storage::PlanRepository(**db).revise(ids[0]);
    if (!id)
        return ctx.fail(id.error());
    ctx.out() << u"Создана новая редакция плана №%1 — черновик; утверждённая редакция действует, "
                 "пока новая не утверждена.\n"_s.arg(ids[0]);
    ctx.out() << *id << Qt::endl; // the last line: the new draft's id, for scripts
    return CliContext::Ok;
}

QString quoted(const QString &text) {
    return text.isEmpty() ? u"—"_s : u"«"_s + text.simplified() + u"»"_s;
}

int runHistory(CliContext &ctx, const QStringList &arguments) {
    QStringList args = arguments;
    const bool json = CliContext::takeFlag(args, u"--json"_s);
    QList<qint64> ids;
    int code = 0;
    if (!planIds(ctx, args, 1, &ids, &code))
        return code;
    auto db = ctx.database();
    if (!db)
        return ctx.fail(db.error());
    auto rows = storage::PlanRepository(**db).history(ids[0]);
    if (!rows)
        return ctx.fail(rows.error());
    if (json) {
        QJsonArray array;
        for (const core::PlanChange &c : *rows)
            array.append(QJsonObject{
                {u"at"_s, c.at.toString(Qt::ISODate)},
                {u"user"_s, c.user},
                {u"action"_s, c.action},
                {u"action_name"_s, core::PlanChange::actionDisplayName(c.action)},
                {u"target"_s, c.target},
                {u"field"_s, c.field},
                {u"field_name"_s,
                 c.field.isEmpty() ? QString() : core::PlanChange::fieldDisplayName(c.field)},
                {u"old"_s, c.oldValue},
                {u"new"_s, c.newValue},
                {u"comment"_s, c.comment},
            });
        ctx.out() << QString::fromUtf8(
            QJsonDocument(QJsonObject{{u"plan_id"_s, ids[0]}, {u"history"_s, array}}).toJson());
        return CliContext::Ok;
    }
    if (rows->isEmpty()) {
        ctx.out() << u"У плана №%1 нет записей в истории.\n"_s.arg(ids[0]);
        return CliContext::Ok;
    }
    for (const core::PlanChange &c : *rows) {
        QStringList parts{c.at.toString(u"dd.MM.yyyy HH:mm"_s),
                          c.user.isEmpty() ? u"(без учётной записи)"_s : c.user,
                          core::PlanChange::actionDisplayName(c.action)};
        if (!c.target.isEmpty())
            parts << c.target;
        if (!c.field.isEmpty())
            parts << core::PlanChange::fieldDisplayName(c.field) + u": "_s + quoted(c.oldValue) +
                         u" → "_s + quoted(c.newValue);
        if (!c.comment.isEmpty())
            parts << u"комментарий: "_s + c.comment;
        ctx.out() << parts.join(u" | "_s) << u'\n';
    }
    return CliContext::Ok;
}

QJsonObject measureJson(const core::Measure &m, const QString &section) {
    return {{u"number"_s, m.number},
            {u"text"_s, m.text},
            {u"deadline"_s, m.deadline.text},
            {u"owners"_s, QJsonArray::fromStringList(m.owners)},
            {u"expected_result"_s, m.expectedResult},
            {u"status"_s, core::Measure::statusCode(m.status)},
            {u"section"_s, section}};
}

QString fieldValue(const core::Measure &m, const QString &section, const QString &field) {
    if (field == u"text"_s)
        return m.text;
    if (field == u"deadline"_s)
        return m.deadline.text;
    if (field == u"owners"_s)
        return core::PlanChangeLog::ownersText(m.owners);
    if (field == u"expected_result"_s)
        return m.expectedResult;
    if (field == u"status"_s)
        return core::Measure::statusDisplayName(m.status);
    if (field == u"completion_date"_s)
        return core::PlanChangeLog::dateText(m.completionDate);
    if (field == u"note"_s)
        return m.note;
    if (field == u"section"_s)
        return section;
    return {};
}

int runDiff(CliContext &ctx, const QStringList &arguments) {
    QStringList args = arguments;
    const bool json = CliContext::takeFlag(args, u"--json"_s);
    QList<qint64> ids;
    int code = 0;
    if (!planIds(ctx, args, 2, &ids, &code))
        return code;
    auto db = ctx.database();
    if (!db)
        return ctx.fail(db.error());
    storage::PlanRepository plans(**db);
    auto before = plans.load(ids[0]);
    if (!before)
        return ctx.fail(before.error());
    auto after = plans.load(ids[1]);
    if (!after)
        return ctx.fail(after.error());
    const core::PlanDiff diff = core::PlanDiff::compare(*before, *after);
    using Kind = core::PlanDiffEntry::Kind;
    if (json) {
        QJsonArray added, removed, changed;
        for (const auto &e : diff.entries) {
            if (e.kind == Kind::Added) {
                added.append(measureJson(e.after, e.sectionAfter));
            } else if (e.kind == Kind::Removed) {
                removed.append(measureJson(e.before, e.sectionBefore));
            } else {
                QJsonArray fields;
                for (const QString &f : e.fields)
                    fields.append(
                        QJsonObject{{u"field"_s, f},
                                    {u"field_name"_s, core::PlanChange::fieldDisplayName(f)},
                                    {u"old"_s, fieldValue(e.before, e.sectionBefore, f)},
                                    {u"new"_s, fieldValue(e.after, e.sectionAfter, f)}});
                changed.append(QJsonObject{{u"before"_s, measureJson(e.before, e.sectionBefore)},
                                           {u"after"_s, measureJson(e.after, e.sectionAfter)},
                                           {u"similarity"_s, e.similarity},
                                           {u"fields"_s, fields}});
            }
        }
        ctx.out() << QString::fromUtf8(QJsonDocument(QJsonObject{{u"before"_s, ids[0]},
                                                                 {u"after"_s, ids[1]},
                                                                 {u"added"_s, added},
                                                                 {u"removed"_s, removed},
                                                                 {u"changed"_s, changed}})
                                           .toJson());
        return CliContext::Ok;
    }
    QTextStream &out = ctx.out();
    out << u"План №%1 (редакция %2) → план №%3 (редакция %4): добавлено %5, удалено %6, изменено "
           "%7.\n"_s.arg(ids[0])
               .arg(before->revision)
               .arg(ids[1])
               .arg(after->revision)
               .arg(diff.count(Kind::Added))
               .arg(diff.count(Kind::Removed))
               .arg(diff.count(Kind::Changed));
    for (const auto &e : diff.entries) {
        if (e.kind == Kind::Added) {
            out << u"+ "_s << e.after.number << u' ' << e.after.text.simplified() << u'\n';
        } else if (e.kind == Kind::Removed) {
            out << u"- "_s << e.before.number << u' ' << e.before.text.simplified() << u'\n';
        } else {
            out << u"~ "_s << e.after.number << u' ' << core::shortenAtWord(e.after.text, 100)
                << u'\n';
            for (const QString &f : e.fields)
                out << u"    "_s << core::PlanChange::fieldDisplayName(f) << u": "_s
                    << quoted(fieldValue(e.before, e.sectionBefore, f)) << u" → "_s
                    << quoted(fieldValue(e.after, e.sectionAfter, f)) << u'\n';
        }
    }
    return CliContext::Ok;
}

CliGroup makePlanWorkflowGroup() {
    return {
        kGroup,
        QString(),
        {
            {u"submit"_s, u"ID"_s, u"отправить черновик на утверждение"_s, runSubmit},
            {u"approve"_s, u"ID --order N --date ДД.ММ.ГГГГ"_s,
             u"утвердить план на утверждении приказом (директор); утверждённая новая редакция "
             "заменяет прежнюю"_s,
             runApprove},
            {u"return"_s, u"ID --comment ТЕКСТ"_s,
             u"вернуть план с утверждения на доработку с комментарием (директор)"_s, runReturn},
            {u"revise"_s, u"ID"_s,
             u"новая редакция утверждённого плана (директор); последняя строка — номер (ID) "
             "нового черновика"_s,
             runRevise},
            {u"history"_s, u"ID [--json]"_s, u"история изменений плана: кто, когда, что"_s,
             runHistory},
            {u"diff"_s, u"ID1 ID2 [--json]"_s,
             u"сравнить две редакции: добавленные, удалённые и изменённые мероприятия"_s, runDiff},
        }};
}

const CliRegistrar registrar(makePlanWorkflowGroup);

} // namespace
} // namespace objectivity::cli
