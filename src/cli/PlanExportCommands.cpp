// `objectivity-cli plan export ID --pdf|--xlsx|--odt|--docx FILE [--report DD.MM.YYYY]
// [--portrait]`: the printed plan, or its execution report on a date, as PDF, Excel, ODT or Word
// files. Adds the command
// to the `plan` group (CliRegistry merges groups of the same name).
#include "CliContext.h"
#include "CliRegistry.h"

#include "objectivity/io/export/PlanDocxWriter.h"
#include "objectivity/io/export/PlanOdtWriter.h"
#include "objectivity/io/export/PlanPdfWriter.h"
#include "objectivity/io/export/PlanXlsxWriter.h"
#include "objectivity/storage/Database.h"
#include "objectivity/storage/plan/PlanRepository.h"

#include <QDate>

namespace objectivity::cli {
namespace {

using namespace Qt::StringLiterals;

const QString kGroup = u"plan"_s;

int runExport(CliContext &ctx, const QStringList &arguments) {
    QStringList args = arguments;
    bool missing = false;
    const auto pdf = CliContext::takeOption(args, u"--pdf"_s, &missing);
    const auto xlsx = CliContext::takeOption(args, u"--xlsx"_s, &missing);
    const auto odt = CliContext::takeOption(args, u"--odt"_s, &missing);
    const auto docx = CliContext::takeOption(args, u"--docx"_s, &missing);
    const auto reportDate = CliContext::takeOption(args, u"--report"_s, &missing);
    if (missing)
        return ctx.usageError(u"у параметра не указано значение"_s, kGroup);
    io::PlanExportOptions options;
    if (CliContext::takeFlag(args, u"--portrait"_s))
        options.orientation = io::PlanExportOptions::Orientation::Portrait;
    if (reportDate) {
        // ДД.ММ.ГГГГ as Russian users write dates; ГГГГ-ММ-ДД for scripts.
        options.reportDate = QDate::fromString(*reportDate, u"dd.MM.yyyy"_s);
        if (!options.reportDate.isValid())
            options.reportDate = QDate::fromString(*reportDate, Qt::ISODate);
        if (!options.reportDate.isValid())
            return ctx.usageError(u"дата отчёта «%1» не в формате ДД.ММ.ГГГГ"_s.arg(*reportDate),
                                  kGroup);
    }
    for (const QString &a : std::as_const(args))
        if (a.startsWith(u"--"_s))
            return ctx.usageError(u"неизвестный параметр «%1»"_s.arg(a), kGroup);
    if (args.size() != 1)
        return ctx.usageError(args.isEmpty() ? u"не указан номер плана (ID)"_s
                                             : u"лишний аргумент «%1»"_s.arg(args.at(1)),
                              kGroup);
    const qint64 id = CliContext::parseId(args.first());
    if (id == 0)
        return ctx.usageError(u"номер плана «%1» — не положительное число"_s.arg(args.first()),
                              kGroup);
    if (!pdf && !xlsx && !odt && !docx)
        return ctx.usageError(u"укажите хотя бы один файл: --pdf, --xlsx, --odt или --docx"_s,
                              kGroup);

    auto db = ctx.database();
    if (!db)
        return ctx.fail(db.error());
    auto plan = storage::PlanRepository(**db).load(id);
    if (!plan)
        return ctx.fail(plan.error());

    const auto write = [&](const std::optional<QString> &path, auto writer) -> core::Status {
        if (!path)
            return {};
        core::Status st = writer(*plan, *path, options);
        if (st)
            ctx.out() << *path << u'\n';
        return st;
    };
    for (const core::Status &st :
         {write(pdf, io::PlanPdfWriter::write), write(xlsx, io::PlanXlsxWriter::write),
          write(odt, io::PlanOdtWriter::write), write(docx, io::PlanDocxWriter::write)})
        if (!st)
            return ctx.fail(st.error());
    return CliContext::Ok;
}

CliGroup makePlanExportGroup() {
    return {kGroup,
            u"планы мероприятий по обеспечению объективности"_s,
            {{u"export"_s,
              u"ID [--pdf ФАЙЛ] [--xlsx ФАЙЛ] [--odt ФАЙЛ] [--docx ФАЙЛ] [--report ДД.ММ.ГГГГ] "
              "[--portrait]"_s,
              u"выгрузить план для печати в PDF, Excel, ODT или Word (А4, альбомная; --portrait — "
              "книжная); с --report — отчёт об исполнении на дату"_s,
              runExport}}};
}

const CliRegistrar registrar(makePlanExportGroup);

} // namespace
} // namespace objectivity::cli
