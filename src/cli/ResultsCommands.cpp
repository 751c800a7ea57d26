// `objectivity-cli results ...`: import of individual results (ВПР, ОГЭ, ЕГЭ) and their counts.
#include "CliContext.h"
#include "CliRegistry.h"

#include "objectivity/io/results/ResultsImporter.h"
#include "objectivity/storage/Database.h"
#include "objectivity/storage/results/ResultsRepository.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>

#include <algorithm>

namespace objectivity::cli {
namespace {

using namespace Qt::StringLiterals;

const QString kGroup = u"results"_s;

// One file of `results import`: its summary on stdout, a refusal on stderr with the hint for this
// tool; CliContext::Ok or the exit code of the refusal.
int importOne(CliContext &ctx, storage::Database &db, const QString &path,
              const io::ResultsImporter::Options &options) {
    QElapsedTimer timer;
    timer.start();
    auto summary = io::ResultsImporter(db).importFile(path, options);
    if (!summary) {
        const int code = ctx.failImport(summary.error());
        // The importer's messages name no command-line options: the hint for this tool is here.
        const QString &m = summary.error().message;
        if (m.contains(u"не указан логин ОО"_s))
            ctx.err() << u"Подсказка: логин задаётся параметром --school ЛОГИН.\n"_s;
        else if (m.contains(u"уже загружен"_s))
            ctx.err() << u"Подсказка: --on-repeat replace заменит загрузку, --on-repeat skip "
                         u"пропустит файл.\n"_s;
        else if (m.contains(u"не найден обязательный столбец"_s) ||
                 m.contains(u"нераспознанные столбцы"_s))
            ctx.err() << u"Подсказка: столбец сопоставляется полю параметром --map "
                         u"\"ЗАГОЛОВОК=поле\".\n"_s;
        return code;
    }
    if (summary->skipped) {
        ctx.out() << u"Этот файл уже загружен (загрузка № %1); пропущен.\n"_s.arg(
            summary->importId);
        return CliContext::Ok;
    }
    ctx.out() << (summary->replaced ? u"Загрузка заменена.\n"_s : QString())
              << u"Загружено строк: %1 (процедур: %2, школ: %3; макет %4) за %5 с\n"_s
                     .arg(summary->rows)
                     .arg(summary->procedures)
                     .arg(summary->schools)
                     .arg(summary->layout)
                     .arg(double(timer.elapsed()) / 1000.0, 0, 'f', 1);
    ctx.out() << u"Предупреждений: %1\n"_s.arg(summary->warningCount);
    const int shown = std::min<int>(int(summary->warnings.size()), 20);
    for (int i = 0; i < shown; ++i)
        ctx.out() << u"  • "_s << summary->warnings.at(i) << u'\n';
    if (summary->warningCount > shown)
        ctx.out() << u"  … и ещё %1\n"_s.arg(summary->warningCount - shown);
    ctx.out() << u"Номер загрузки: %1\n"_s.arg(summary->importId);
    return CliContext::Ok;
}

int runImport(CliContext &ctx, const QStringList &arguments) {
    QStringList args = arguments;
    io::ResultsImporter::Options options;
    bool missing = false;
    if (auto layout = CliContext::takeOption(args, u"--layout"_s, &missing)) {
        if (*layout == u"flat"_s)
            options.layout = io::ResultsImporter::Layout::Flat;
        else if (*layout == u"fisoko"_s)
            options.layout = io::ResultsImporter::Layout::Fisoko;
        else if (*layout != u"auto"_s)
            return ctx.usageError(
                u"--layout: ожидается fisoko, flat или auto, а не «%1»"_s.arg(*layout), kGroup);
    }
    if (missing)
        return ctx.usageError(u"после --layout нужно указать fisoko или flat"_s, kGroup);
    options.schoolCode = CliContext::takeOption(args, u"--school"_s, &missing).value_or(QString());
    if (missing)
        return ctx.usageError(u"после --school нужно указать логин ОО (например, edu053001)"_s,
                              kGroup);
    options.tasksFile = CliContext::takeOption(args, u"--tasks"_s, &missing).value_or(QString());
    if (missing)
        return ctx.usageError(u"после --tasks нужно указать файл описания заданий"_s, kGroup);
    if (auto repeat = CliContext::takeOption(args, u"--on-repeat"_s, &missing)) {
        if (*repeat == u"skip"_s)
            options.onRepeat = io::ResultsImporter::OnRepeat::Skip;
        else if (*repeat == u"replace"_s)
            options.onRepeat = io::ResultsImporter::OnRepeat::Replace;
        else if (*repeat != u"fail"_s)
            return ctx.usageError(
                u"--on-repeat: ожидается skip, replace или fail, а не «%1»"_s.arg(*repeat), kGroup);
    }
    if (missing)
        return ctx.usageError(u"после --on-repeat нужно указать skip или replace"_s, kGroup);
    for (;;) {
        auto map = CliContext::takeOption(args, u"--map"_s, &missing);
        if (missing)
            return ctx.usageError(u"после --map нужно указать \"ЗАГОЛОВОК=поле\""_s, kGroup);
        if (!map)
            break;
        const qsizetype eq = map->lastIndexOf(u'=');
        if (eq <= 0 || eq + 1 >= map->size())
            return ctx.usageError(u"--map: ожидается \"ЗАГОЛОВОК=поле\", а не «%1»; поля: %2"_s.arg(
                                      *map, io::ResultsImporter::fieldNames().join(u", "_s)),
                                  kGroup);
        options.mappings.insert(map->left(eq).trimmed(), map->mid(eq + 1).trimmed());
    }
    if (int code = ctx.rejectUnknownOptions(args, kGroup))
        return code;
    if (args.isEmpty())
        return ctx.usageError(u"не указан файл"_s, kGroup);
    if (args.size() > 1 && !options.schoolCode.isEmpty())
        return ctx.usageError(u"--school задаёт логин ОО одного файла: у нескольких файлов логин "
                              u"берётся из заголовка каждого (иначе все они достались бы одной "
                              u"школе)"_s,
                              kGroup);
    auto db = ctx.signedInDatabase();
    if (!db)
        return ctx.fail(db.error());
    if (args.size() == 1)
        return importOne(ctx, **db, args.first(), options);
    // several files: each on its own, whole or not at all; one refused does not stop the rest
    int loaded = 0, firstRefusal = CliContext::Ok;
    for (const QString &path : std::as_const(args)) {
        ctx.out() << u"\n«%1»:\n"_s.arg(path); // a refusal names the file itself, on stderr
        const int code = importOne(ctx, **db, path, options);
        if (code == CliContext::Ok) {
            ++loaded;
            continue;
        }
        ctx.out() << u"Не загружен, база для него не изменилась (причина — в сообщении об "
                     u"ошибке).\n"_s;
        if (firstRefusal == CliContext::Ok)
            firstRefusal = code;
    }
    ctx.out() << u"\nЗагружено файлов: %1 из %2\n"_s.arg(loaded).arg(args.size());
    return firstRefusal;
}

int runStats(CliContext &ctx, const QStringList &arguments) {
    QStringList args = arguments;
    const bool json = CliContext::takeFlag(args, u"--json"_s);
    if (int code = ctx.rejectUnknownOptions(args, kGroup))
        return code;
    if (!args.isEmpty())
        return ctx.usageError(u"лишний аргумент «%1»"_s.arg(args.first()), kGroup);
    auto db = ctx.database();
    if (!db)
        return ctx.fail(db.error());
    storage::ResultsRepository repo(**db);
    auto counts = repo.counts();
    if (!counts)
        return ctx.fail(counts.error());
    auto total = repo.participantCount();
    if (!total)
        return ctx.fail(total.error());
    auto imports = repo.imports();
    if (!imports)
        return ctx.fail(imports.error());
    if (json) {
        QJsonArray rows;
        QMap<int, qint64> perYear;
        QMap<QString, qint64> perKind;
        for (const auto &c : *counts) {
            rows.append(QJsonObject{{u"year"_s, c.year},
                                    {u"procedure"_s, c.kind},
                                    {u"grade"_s, c.grade},
                                    {u"subject"_s, c.subject},
                                    {u"participants"_s, c.participants},
                                    {u"schools"_s, c.schools}});
            perYear[c.year] += c.participants;
            perKind[c.kind] += c.participants;
        }
        QJsonObject years, kinds;
        for (auto it = perYear.cbegin(); it != perYear.cend(); ++it)
            years.insert(QString::number(it.key()), it.value());
        for (auto it = perKind.cbegin(); it != perKind.cend(); ++it)
            kinds.insert(it.key(), it.value());
        const QJsonObject o{{u"participants"_s, *total},
                            {u"procedures"_s, qint64(counts->size())},
                            {u"imports"_s, qint64(imports->size())},
                            {u"by_year"_s, years},
                            {u"by_procedure"_s, kinds},
                            {u"rows"_s, rows}};
        ctx.out() << QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Indented));
        return CliContext::Ok;
    }
    if (counts->isEmpty()) {
        ctx.out() << u"В базе нет результатов.\n"_s;
        return CliContext::Ok;
    }
    QList<QStringList> rows{
        {u"Год"_s, u"Процедура"_s, u"Класс"_s, u"Предмет"_s, u"Участников"_s, u"Школ"_s}};
    for (const auto &c : *counts)
        rows << QStringList{QString::number(c.year),         c.kind,
                            QString::number(c.grade),        c.subject,
                            QString::number(c.participants), QString::number(c.schools)};
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
    ctx.out() << u"Всего участников: %1, процедур: %2, загрузок: %3\n"_s.arg(*total)
                     .arg(counts->size())
                     .arg(imports->size());
    return CliContext::Ok;
}

int runImports(CliContext &ctx, const QStringList &args) {
    if (int code = ctx.rejectUnknownOptions(args, kGroup))
        return code;
    if (!args.isEmpty())
        return ctx.usageError(u"лишний аргумент «%1»"_s.arg(args.first()), kGroup);
    auto db = ctx.database();
    if (!db)
        return ctx.fail(db.error());
    auto imports = storage::ResultsRepository(**db).imports();
    if (!imports)
        return ctx.fail(imports.error());
    if (imports->isEmpty()) {
        ctx.out() << u"Загрузок не было.\n"_s;
        return CliContext::Ok;
    }
    for (const auto &i : *imports)
        ctx.out() << u"№%1  %2  %3  %4  строк: %5  предупреждений: %6\n"_s.arg(i.id)
                         .arg(i.importedAt, i.layout, i.fileName)
                         .arg(i.rowCount)
                         .arg(i.warnings.size());
    return CliContext::Ok;
}

CliGroup makeResultsGroup() {
    return {kGroup,
            u"результаты ВПР, ОГЭ и ЕГЭ: загрузка и сводка"_s,
            {
                {u"import"_s,
                 u"ФАЙЛ [--layout fisoko|flat] [--school ЛОГИН] [--tasks ФАЙЛ] "
                 u"[--map \"ЗАГОЛОВОК=поле\" ...] [--on-repeat skip|replace]"_s,
                 u"загрузить файл результатов (CSV или XLSX) целиком или не загружать вовсе; "
                 u"при ошибке код возврата 1 и база не меняется"_s,
                 runImport},
                {u"stats"_s, u"[--json]"_s,
                 u"число участников по годам, процедурам, классам и предметам"_s, runStats},
                {u"imports"_s, QString(), u"журнал загрузок"_s, runImports},
            }};
}

const CliRegistrar registrar(makeResultsGroup);

} // namespace
} // namespace objectivity::cli
