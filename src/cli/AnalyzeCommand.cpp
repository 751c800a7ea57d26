// `objectivity-cli analyze ...`: signs of non-objective results (docs/methodology.md).
#include "CliContext.h"
#include "CliRegistry.h"

#include "objectivity/core/analysis/AnalysisEngine.h"
#include "objectivity/core/analysis/CriterionKind.h"
#include "objectivity/core/analysis/CriterionTitle.h"
#include "objectivity/io/export/AnalysisXlsxWriter.h"
#include "objectivity/storage/Database.h"
#include "objectivity/storage/results/AnalysisDataReader.h"
#include "objectivity/storage/results/AnalysisSettingsRepository.h"

#include <algorithm>

namespace objectivity::cli {
namespace {

const QString kGroup = QStringLiteral("analyze");

void printTable(CliContext &ctx, const core::AnalysisReport &report) {
    const auto flagged = report.flaggedUnits();
    int insufficient = 0;
    for (const auto &u : report.units)
        insufficient += u.insufficient ? 1 : 0;
    ctx.out() << QStringLiteral("Единиц анализа: %1, с признаками: %2, недостаточно данных: %3\n")
                     .arg(report.units.size())
                     .arg(flagged.size())
                     .arg(insufficient);
    if (flagged.isEmpty()) {
        ctx.out() << QStringLiteral("Признаков необъективности не найдено.\n");
        return;
    }
    for (const core::CriterionKind kind :
         {core::CriterionKind::Results, core::CriterionKind::CurrentAssessment}) {
        QString rows;
        for (const core::UnitReport *u : flagged)
            for (const auto &f : u->flags()) {
                if (f.kind() != kind)
                    continue;
                rows +=
                    QStringLiteral("%1 | %2 | %3 | %4 | %5 %6 (%7) | %8 | %9 | %10\n    %11\n")
                        .arg(QString::number(u->year), core::procedureKindCode(u->kind),
                             QString::number(u->grade),
                             u->subject.isEmpty() ? QStringLiteral("—") : u->subject, u->schoolCode,
                             u->schoolName, u->municipality, QString::number(u->n),
                             QStringLiteral("%1 (%2)").arg(core::findingTitle(f), f.code))
                        .arg(core::probabilityText(f, f.qValue), f.explanation);
            }
        if (rows.isEmpty()) { // said in words: «none of the results kind» is the news
            ctx.out() << QStringLiteral("\n%1: не выявлены.\n").arg(core::criterionKindTitle(kind));
            continue;
        }
        ctx.out() << QStringLiteral("\n%1. %2\nГод | Процедура | Класс | Предмет | Школа | "
                                    "Участников | Признак | p (после поправки)\n")
                         .arg(core::criterionKindTitle(kind), core::criterionKindMeaning(kind))
                  << rows;
    }
    const bool anyResults = std::any_of(report.schools.cbegin(), report.schools.cend(),
                                        [](const core::SchoolSummary &s) { return s.markers > 0; });
    // a run for one year counted the years before it (AnalysisEngine::Options::history)
    int year = 0;
    for (const auto &u : report.units)
        year = std::max(year, u.year);
    ctx.out() << QStringLiteral("\nШколы с признаками необъективных результатов (число "
                                "признаков, лет подряд%1):%2\n")
                     .arg(report.yearsInRowOverHistory
                              ? QStringLiteral(" по %1 год, прежние годы — по их анализу").arg(year)
                              : QString(),
                          anyResults ? QString() : QStringLiteral(" нет"));
    for (const auto &s : report.schools) {
        if (s.markers == 0)
            continue;
        ctx.out() << QStringLiteral("  %1 %2: %3, %4")
                         .arg(s.schoolCode, s.schoolName, QString::number(s.markers),
                              QString::number(s.yearsInRow));
        if (!s.officialByYear.isEmpty()) {
            QStringList off;
            for (auto it = s.officialByYear.begin(); it != s.officialByYear.end(); ++it)
                off << QStringLiteral("%1: %2").arg(it.key()).arg(it.value());
            ctx.out() << QStringLiteral("; в официальных списках — ")
                      << off.join(QStringLiteral(", "));
        }
        ctx.out() << '\n';
    }
    QStringList current;
    for (const auto &s : report.schools)
        if (s.currentAssessment > 0)
            current << QStringLiteral("  %1 %2: %3")
                           .arg(s.schoolCode, s.schoolName, QString::number(s.currentAssessment));
    if (!current.isEmpty())
        ctx.out() << QStringLiteral("\nШколы с признаками необъективности текущего оценивания "
                                    "(число признаков):\n")
                  << current.join(QLatin1Char('\n')) << '\n';
    ctx.out() << QStringLiteral("\nПризнак — повод для проверки, а не вывод о нарушении.\n");
}

int runAnalyze(CliContext &ctx, const QStringList &arguments) {
    QStringList args = arguments;
    const bool json = CliContext::takeFlag(args, QStringLiteral("--json"));
    const bool all = CliContext::takeFlag(args, QStringLiteral("--all-units"));
    bool missing = false;
    const auto year = CliContext::takeOption(args, QStringLiteral("--year"), &missing);
    if (missing)
        return ctx.usageError(QStringLiteral("после --year нужен год"), kGroup);
    const auto procedure = CliContext::takeOption(args, QStringLiteral("--procedure"), &missing);
    if (missing)
        return ctx.usageError(QStringLiteral("после --procedure нужна процедура"), kGroup);
    const auto xlsx = CliContext::takeOption(args, QStringLiteral("--xlsx"), &missing);
    if (missing)
        return ctx.usageError(QStringLiteral("после --xlsx нужен файл"), kGroup);
    QStringList sets;
    for (;;) {
        const auto s = CliContext::takeOption(args, QStringLiteral("--set"), &missing);
        if (missing)
            return ctx.usageError(QStringLiteral("после --set нужно ключ=значение"), kGroup);
        if (!s)
            break;
        sets << *s;
    }
    if (!args.isEmpty())
        return ctx.usageError(QStringLiteral("лишний аргумент «%1»").arg(args.first()), kGroup);

    core::AnalysisEngine::Options options;
    if (year) {
        bool ok = false;
        options.yearFilter = year->toInt(&ok);
        if (!ok || options.yearFilter < 2000)
            return ctx.usageError(QStringLiteral("неверный год «%1»").arg(*year), kGroup);
    }
    if (procedure) {
        core::ProcedureKind kind;
        if (!core::procedureKindFromText(*procedure, &kind))
            return ctx.usageError(
                QStringLiteral("неизвестная процедура «%1» (ВПР, ОГЭ или ЕГЭ)").arg(*procedure),
                kGroup);
        options.kindFilter = static_cast<int>(kind);
    }
    auto db = ctx.database(storage::Database::OpenFor::Reading);
    if (!db)
        return ctx.fail(db.error());
    storage::AnalysisSettingsRepository repo((*db)->connection());
    auto settings = repo.load();
    if (!settings)
        return ctx.fail(settings.error());
    for (const QString &s : sets) {
        QString error;
        if (!settings->setFromText(s, &error))
            return ctx.usageError(error, kGroup);
    }
    auto data = storage::AnalysisDataReader::read((*db)->connection());
    if (!data)
        return ctx.fail(data.error());
    const core::AnalysisReport report = core::AnalysisEngine::run(*data, *settings, options);
    if (xlsx) {
        io::AnalysisScope scope;
        scope.year = options.yearFilter;
        scope.kind = options.kindFilter;
        if (core::Status s = io::AnalysisXlsxWriter::write(report, *xlsx, scope); !s)
            return ctx.fail(s.error());
    }
    if (json)
        report.writeJson(ctx.out(), !all);
    else
        printTable(ctx, report);
    if (xlsx && !json)
        ctx.out() << QStringLiteral("Отчёт сохранён: %1\n").arg(*xlsx);
    return CliContext::Ok;
}

int runSettings(CliContext &ctx, const QStringList &arguments) {
    QStringList args = arguments;
    // a change needs a role that may change the settings (core::DataPermissions); a look does not
    auto db = args.isEmpty() ? ctx.databaseAsUser() : ctx.signedInDatabase();
    if (!db)
        return ctx.fail(db.error());
    storage::AnalysisSettingsRepository repo(**db);
    QList<std::pair<QString, double>> changes;
    for (const QString &a : args) {
        core::AnalysisSettings probe;
        QString error;
        if (!probe.setFromText(a, &error))
            return ctx.usageError(error, kGroup);
        const QString key = a.section(QLatin1Char('='), 0, 0).trimmed();
        changes.append({key, probe.value(key)});
    }
    // all of them or none, and a read-only or busy database says so (Database::transaction)
    if (!changes.isEmpty()) {
        const core::Status s = (*db)->transaction([&]() -> core::Status {
            for (const auto &[key, value] : changes)
                if (core::Status st = repo.setValue(key, value); !st)
                    return st;
            return {};
        });
        if (!s)
            return ctx.fail(s.error());
    }
    auto settings = repo.load();
    if (!settings)
        return ctx.fail(settings.error());
    for (const auto &d : core::AnalysisSettings::definitions())
        ctx.out() << QStringLiteral("%1 = %2 (по умолчанию %3) — %4\n")
                         .arg(d.key, QString::number(settings->value(d.key)),
                              QString::number(d.defaultValue), d.description);
    return CliContext::Ok;
}

CliGroup makeAnalyzeGroup() {
    return {
        kGroup,
        QStringLiteral("признаки необъективных результатов ВПР, ОГЭ, ЕГЭ"),
        {{QString(),
          QStringLiteral("[--year ГОД] [--procedure ВПР|ОГЭ|ЕГЭ] [--set ключ=значение ...] "
                         "[--json [--all-units]] [--xlsx ФАЙЛ.xlsx]"),
          QStringLiteral("анализ результатов: единицы с признаками, пояснения, школы"), runAnalyze},
         {QStringLiteral("settings"), QStringLiteral("[ключ=значение ...]"),
          QStringLiteral("пороговые значения критериев: показать или изменить"), runSettings}}};
}

const CliRegistrar registrar(makeAnalyzeGroup);

} // namespace
} // namespace objectivity::cli
