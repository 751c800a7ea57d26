// `objectivity-cli flagged ...`: official lists of schools with signs of non-objective results.
#include "CliContext.h"
#include "CliRegistry.h"

#include "objectivity/io/results/FlaggedListImporter.h"
#include "objectivity/storage/Database.h"
#include "objectivity/storage/results/ResultsRepository.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QSet>

namespace objectivity::cli {
namespace {

using namespace Qt::StringLiterals;

const QString kGroup = u"flagged"_s;

int runImport(CliContext &ctx, const QStringList &arguments) {
    QStringList args = arguments;
    bool missing = false;
    auto onRepeat = io::ResultsImporter::OnRepeat::Fail;
    if (auto repeat = CliContext::takeOption(args, u"--on-repeat"_s, &missing)) {
        if (*repeat == u"skip"_s)
            onRepeat = io::ResultsImporter::OnRepeat::Skip;
        else if (*repeat == u"replace"_s)
            onRepeat = io::ResultsImporter::OnRepeat::Replace;
        else if (*repeat != u"fail"_s)
            return ctx.usageError(
                u"--on-repeat: ожидается skip, replace или fail, а не «%1»"_s.arg(*repeat), kGroup);
    }
    if (missing)
        return ctx.usageError(u"после --on-repeat нужно указать skip или replace"_s, kGroup);
    const bool verbose = CliContext::takeFlag(args, u"--verbose"_s);
    if (int code = ctx.rejectUnknownOptions(args, kGroup))
        return code;
    if (int code = ctx.expectOneFile(args, kGroup))
        return code;
    auto db = ctx.signedInDatabase();
    if (!db)
        return ctx.fail(db.error());
    auto summary = io::FlaggedListImporter(**db).importFile(args.first(), onRepeat);
    if (!summary)
        return ctx.failImport(summary.error());
    if (summary->skipped) {
        ctx.out() << u"Этот список уже загружен (загрузка № %1); пропущен.\n"_s.arg(
            summary->importId);
        return CliContext::Ok;
    }
    ctx.out() << (summary->replaced ? u"Загрузка заменена.\n"_s : QString())
              << u"Строк в списке: %1; записано: %2; точных повторов: %3 (записаны один раз)\n"_s
                     .arg(summary->rows)
                     .arg(summary->stored)
                     .arg(summary->repeats);
    for (auto it = summary->rowsPerYear.cbegin(); it != summary->rowsPerYear.cend(); ++it)
        ctx.out() << u"  %1: строк %2, школ %3\n"_s.arg(it.key())
                         .arg(it.value())
                         .arg(summary->schoolsPerYear.value(it.key()));
    ctx.out() << u"Школ всего: %1; во всех годах списка: %2\n"_s.arg(summary->distinctSchools)
                     .arg(summary->inAllYears);
    const qsizetype other = summary->warnings.size() - summary->repeats;
    if (verbose) {
        for (const QString &w : std::as_const(summary->warnings))
            ctx.out() << u"  • "_s << w << u'\n';
    } else if (other > 0 || summary->repeats > 0) {
        for (const QString &w : std::as_const(summary->warnings))
            if (!w.contains(u"повторяет"_s) && !w.contains(u"уже есть"_s))
                ctx.out() << u"  • "_s << w << u'\n';
        if (summary->repeats > 0)
            ctx.out() << u"Повторы строк перечислены с --verbose.\n"_s;
    }
    ctx.out() << u"Номер загрузки: %1\n"_s.arg(summary->importId);
    return CliContext::Ok;
}

int runList(CliContext &ctx, const QStringList &arguments) {
    QStringList args = arguments;
    bool missing = false;
    int year = 0;
    if (auto y = CliContext::takeOption(args, u"--year"_s, &missing)) {
        bool ok = false;
        year = y->toInt(&ok);
        if (!ok || year < 2000 || year > 2100)
            return ctx.usageError(u"--year: ожидается год, например 2024, а не «%1»"_s.arg(*y),
                                  kGroup);
    }
    if (missing)
        return ctx.usageError(u"после --year нужно указать год"_s, kGroup);
    const bool json = CliContext::takeFlag(args, u"--json"_s);
    if (int code = ctx.rejectUnknownOptions(args, kGroup))
        return code;
    if (!args.isEmpty())
        return ctx.usageError(u"лишний аргумент «%1»"_s.arg(args.first()), kGroup);
    auto db = ctx.database();
    if (!db)
        return ctx.fail(db.error());
    auto flags = storage::ResultsRepository(**db).flags(year);
    if (!flags)
        return ctx.fail(flags.error());
    if (json) {
        QJsonArray a;
        for (const auto &f : *flags) {
            QJsonObject markers;
            for (auto it = f.markers.cbegin(); it != f.markers.cend(); ++it)
                markers.insert(it.key(), it.value());
            a.append(QJsonObject{{u"year"_s, f.year},
                                 {u"school_code"_s, f.schoolCode},
                                 {u"municipality"_s, f.municipality},
                                 {u"school_name"_s, f.schoolName},
                                 {u"markers"_s, markers},
                                 {u"marker_count"_s, f.markerCount}});
        }
        ctx.out() << QString::fromUtf8(QJsonDocument(a).toJson(QJsonDocument::Indented));
        return CliContext::Ok;
    }
    if (flags->isEmpty()) {
        ctx.out() << (year > 0 ? u"За %1 год школ в списках нет.\n"_s.arg(year)
                               : u"Списки школ с признаками необъективности не загружены.\n"_s);
        return CliContext::Ok;
    }
    QSet<QString> schools;
    for (const auto &f : *flags) {
        QStringList markers;
        for (auto it = f.markers.cbegin(); it != f.markers.cend(); ++it)
            markers << it.key();
        ctx.out() << u"%1  %2  %3  %4  признаки: %5\n"_s.arg(f.year).arg(
            f.schoolCode, f.municipality, f.schoolName.simplified(), markers.join(u", "_s));
        schools.insert(f.schoolCode);
    }
    ctx.out() << u"Строк: %1, школ: %2\n"_s.arg(flags->size()).arg(schools.size());
    return CliContext::Ok;
}

CliGroup makeFlaggedGroup() {
    return {
        kGroup,
        u"официальные списки школ с признаками необъективных результатов"_s,
        {
            {u"import"_s, u"ФАЙЛ [--on-repeat skip|replace] [--verbose]"_s,
             u"загрузить список (XLSX или CSV: Год, Логин, Муниципалитет, ОО, признаки «4 РУ»…, "
             u"Количество маркеров); точные повторы строк записываются один раз"_s,
             runImport},
            {u"list"_s, u"[--year ГОД] [--json]"_s, u"школы из загруженных списков"_s, runList},
        }};
}

const CliRegistrar registrar(makeFlaggedGroup);

} // namespace
} // namespace objectivity::cli
