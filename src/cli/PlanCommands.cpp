// `objectivity-cli plan ...`: plans of measures — import a document, list, show, remove.
#include "CliContext.h"
#include "CliRegistry.h"
#include "PlanTextView.h"

#include "objectivity/core/plan/ApprovalWorkflow.h"
#include "objectivity/core/plan/PlanChangeLog.h"
#include "objectivity/io/plan/PlanImporter.h"
#include "objectivity/io/plan/PlanJson.h"
#include "objectivity/storage/Database.h"
#include "objectivity/storage/plan/PlanRepository.h"

#include <QFileInfo>

namespace objectivity::cli {
namespace {

using namespace Qt::StringLiterals;

const QString kGroup = u"plan"_s;

// The one positional argument of a command, or a usage error.
bool singleArgument(CliContext &ctx, const QStringList &args, const QString &what, QString *value,
                    int *code) {
    for (const QString &a : args)
        if (a.startsWith(u"--"_s)) {
            *code = ctx.usageError(u"неизвестный параметр «%1»"_s.arg(a), kGroup);
            return false;
        }
    if (args.size() != 1) {
        *code = ctx.usageError(args.isEmpty() ? u"не указан %1"_s.arg(what)
                                              : u"лишний аргумент «%1»"_s.arg(args.at(1)),
                               kGroup);
        return false;
    }
    *value = args.first();
    return true;
}

bool planId(CliContext &ctx, const QStringList &args, qint64 *id, int *code) {
    QString text;
    if (!singleArgument(ctx, args, u"номер плана (ID)"_s, &text, code))
        return false;
    *id = CliContext::parseId(text);
    if (*id == 0) {
        *code = ctx.usageError(u"«%1» — не номер плана; номера показывает `plan list`"_s.arg(text),
                               kGroup);
        return false;
    }
    return true;
}

int runImport(CliContext &ctx, const QStringList &arguments) {
    QStringList args = arguments;
    bool missingStatus = false;
    const auto statusText = CliContext::takeOption(args, u"--status"_s, &missingStatus);
    if (missingStatus || (statusText && *statusText != u"draft"_s && *statusText != u"approved"_s))
        return ctx.usageError(u"после --status укажите draft (черновик) или approved (утверждён)"_s,
                              kGroup);
    QString path;
    int code = 0;
    if (!singleArgument(ctx, args, u"файл документа с планом"_s, &path, &code))
        return code;
    // Read the document before touching the database: a failed import leaves it as it was.
    auto imported = io::PlanImporter::importFile(path);
    if (!imported) {
        core::Error error = imported.error();
        if (error.file.isEmpty() && !error.message.contains(path))
            error.file = path;
        return ctx.fail(error);
    }
    core::Plan plan = std::move(imported->plan);
    const QStringList warnings = imported->warnings;
    if (plan.warnings.isEmpty())
        plan.warnings = warnings;
    if (plan.sourceFile.isEmpty())
        plan.sourceFile = QFileInfo(path).absoluteFilePath();
    plan.id = 0;
    // An approved document stays approved (its order number and date), unless told otherwise.
    plan.status = statusText ? core::Plan::statusFromCode(*statusText)
                             : core::ApprovalWorkflow::statusFromDocument(plan.approval);

    if (plan.status == core::PlanStatus::Approved &&
        core::ApprovalWorkflow::statusFromDocument(plan.approval) != core::PlanStatus::Approved)
        plan.warnings << u"План сохранён как утверждённый, но номер и дата приказа в документе не "
                         "найдены."_s;

    auto db = ctx.signedInDatabase();
    if (!db)
        return ctx.fail(db.error());
    // A role that does not approve plans stores an approved document «на утверждении».
    const std::optional<core::Role> role =
        (*db)->actor() ? std::optional<core::Role>((*db)->actor()->role) : std::nullopt;
    const QString statusNote =
        core::ApprovalWorkflow::importStatusNote(role, plan.status, plan.organization.kind);
    plan.status = core::ApprovalWorkflow::importStatus(role, plan.status, plan.organization.kind);
    storage::PlanRepository repository(**db);
    if (core::Status saved = repository.save(plan); !saved)
        return ctx.fail(saved.error());

    QTextStream &out = ctx.out();
    if (!plan.warnings.isEmpty()) {
        out << u"Предупреждения (%1):\n"_s.arg(plan.warnings.size());
        for (const QString &w : plan.warnings)
            out << u"  - "_s << w << u'\n';
    }
    out << u"Импортирован план «%1»: %2, разделов %3, мероприятий %4.\n"_s
               .arg(plan.title.simplified(), plan.organization.name.isEmpty()
                                                 ? u"организация не указана"_s
                                                 : plan.organization.name)
               .arg(plan.sections.size())
               .arg(plan.measureCount());
    out << u"Статус: %1"_s.arg(core::Plan::statusDisplayName(plan.status));
    if (plan.status == core::PlanStatus::Approved) {
        const QString order = core::PlanChangeLog::orderText(plan.approval);
        if (!order.isEmpty())
            out << u" (приказ "_s << order << u')';
    }
    out << u".\n"_s;
    if (!statusNote.isEmpty())
        out << statusNote << u'\n';
    out << plan.id << Qt::endl; // the last line: the new plan's id, for scripts
    return CliContext::Ok;
}

int runList(CliContext &ctx, const QStringList &args) {
    if (!args.isEmpty())
        return ctx.usageError(u"лишний аргумент «%1»"_s.arg(args.first()), kGroup);
    auto db = ctx.database();
    if (!db)
        return ctx.fail(db.error());
    auto plans = storage::PlanRepository(**db).list();
    if (!plans)
        return ctx.fail(plans.error());
    ctx.out() << PlanTextView::table(*plans);
    return CliContext::Ok;
}

int runShow(CliContext &ctx, const QStringList &arguments) {
    QStringList args = arguments;
    const bool json = CliContext::takeFlag(args, u"--json"_s);
    qint64 id = 0;
    int code = 0;
    if (!planId(ctx, args, &id, &code))
        return code;
    auto db = ctx.database();
    if (!db)
        return ctx.fail(db.error());
    auto plan = storage::PlanRepository(**db).load(id);
    if (!plan)
        return ctx.fail(plan.error());
    if (json)
        ctx.out() << QString::fromUtf8(io::PlanJson::toBytes(*plan));
    else
        ctx.out() << PlanTextView::plan(*plan);
    return CliContext::Ok;
}

int runRemove(CliContext &ctx, const QStringList &arguments) {
    QStringList args = arguments;
    const bool force = CliContext::takeFlag(args, u"--force"_s);
    qint64 id = 0;
    int code = 0;
    if (!planId(ctx, args, &id, &code))
        return code;
    auto db = ctx.signedInDatabase();
    if (!db)
        return ctx.fail(db.error());
    if (core::Status s = storage::PlanRepository(**db).remove(id, force); !s) {
        const int failed = ctx.fail(s.error());
        if (!force && s.error().message.contains(u"подтвердив удаление"_s))
            ctx.err() << u"Подсказка: администратор удаляет такой план с --force.\n"_s;
        return failed;
    }
    ctx.out() << u"План №%1 удалён.\n"_s.arg(id);
    return CliContext::Ok;
}

CliGroup makePlanGroup() {
    return {
        kGroup,
        u"планы мероприятий по обеспечению объективности"_s,
        {
            {u"import"_s, u"ФАЙЛ [--status draft|approved]"_s,
             u"импортировать план из документа (текст, HTML, .docx, .odt, .pdf; .doc и .rtf — "
             u"через LibreOffice) и сохранить в базу; "
             u"статус — "
             "как в документе (с приказом об утверждении — «утверждён»), если не указан; "
             "печатает предупреждения, последняя строка — номер (ID) нового плана"_s,
             runImport},
            {u"list"_s, QString(),
             u"список планов: номер, организация, период, статус, название, мероприятия"_s,
             runList},
            {u"show"_s, u"ID [--json]"_s, u"показать план; с --json — в формате JSON"_s, runShow},
            {u"remove"_s, u"ID [--force]"_s,
             u"удалить план из базы; утверждённый — только администратор с --force"_s, runRemove},
        }};
}

const CliRegistrar registrar(makePlanGroup);

} // namespace
} // namespace objectivity::cli
