// `objectivity-cli analyze report --pdf OUT.pdf | --docx OUT.docx [--year Y] [--procedure P]
// [--municipality NAME] [--school LOGIN] [--organization NAME] [--number N] [--signer-position T]
// [--signer-name T]`: the «аналитическая справка» (docs/results.md).
#include "CliContext.h"
#include "CliRegistry.h"

#include "objectivity/core/analysis/AnalysisEngine.h"
#include "objectivity/core/results/SchoolLogin.h"
#include "objectivity/io/export/AnalysisReportBuilder.h"
#include "objectivity/io/export/ReportDocxWriter.h"
#include "objectivity/io/export/ReportPdfWriter.h"
#include "objectivity/storage/Database.h"
#include "objectivity/storage/results/AnalysisDataReader.h"
#include "objectivity/storage/results/AnalysisSettingsRepository.h"

#include <algorithm>

namespace objectivity::cli {
namespace {

const QString kGroup = QStringLiteral("analyze");

int runReport(CliContext &ctx, const QStringList &arguments) {
    QStringList args = arguments;
    bool missing = false;
    std::optional<QString> values[10];
    const char *names[] = {
        "--pdf",    "--docx",         "--year",   "--procedure",       "--municipality",
        "--school", "--organization", "--number", "--signer-position", "--signer-name"};
    for (int i = 0; i < 10; ++i) {
        values[i] = CliContext::takeOption(args, QString::fromLatin1(names[i]), &missing);
        if (missing)
            return ctx.usageError(
                QStringLiteral("после %1 нужно значение").arg(QString::fromLatin1(names[i])),
                kGroup);
    }
    const auto &[pdf, docx, year, procedure, municipality, school, organization, number, position,
                 signer] = values;
    if (!args.isEmpty())
        return ctx.usageError(QStringLiteral("лишний аргумент «%1»").arg(args.first()), kGroup);
    if (!pdf && !docx)
        return ctx.usageError(QStringLiteral("укажите файл справки: --pdf или --docx"), kGroup);

    io::AnalysisScope scope;
    core::AnalysisEngine::Options options;
    if (year) {
        bool ok = false;
        scope.year = options.yearFilter = year->toInt(&ok);
        if (!ok || scope.year < 2000)
            return ctx.usageError(QStringLiteral("неверный год «%1»").arg(*year), kGroup);
    }
    if (procedure) {
        core::ProcedureKind kind;
        if (!core::procedureKindFromText(*procedure, &kind))
            return ctx.usageError(
                QStringLiteral("неизвестная процедура «%1» (ВПР, ОГЭ или ЕГЭ)").arg(*procedure),
                kGroup);
        scope.kind = options.kindFilter = static_cast<int>(kind);
    }
    scope.municipality = municipality.value_or(QString()).trimmed();
    scope.schoolCode = core::canonicalSchoolLogin(school.value_or(QString()));
    scope.organization = organization.value_or(QString()).trimmed();
    scope.number = number.value_or(QString()).trimmed();
    scope.signerPosition = position.value_or(QString()).trimmed();
    scope.signerName = signer.value_or(QString()).trimmed();

    auto db = ctx.database(storage::Database::OpenFor::Reading);
    if (!db)
        return ctx.fail(db.error());
    storage::AnalysisSettingsRepository repo((*db)->connection());
    auto settings = repo.load();
    if (!settings)
        return ctx.fail(settings.error());
    auto data = storage::AnalysisDataReader::read((*db)->connection());
    if (!data)
        return ctx.fail(data.error());
    const core::AnalysisReport report = core::AnalysisEngine::run(*data, *settings, options);
    const auto has = [&](auto field, const QString &value) {
        return std::any_of(report.units.cbegin(), report.units.cend(),
                           [&](const core::UnitReport &u) { return u.*field == value; });
    };
    if (!scope.municipality.isEmpty() && !has(&core::UnitReport::municipality, scope.municipality))
        return ctx.fail(QStringLiteral("Муниципалитета «%1» в результатах за выбранный период нет")
                            .arg(scope.municipality));
    if (!scope.schoolCode.isEmpty() && !has(&core::UnitReport::schoolCode, scope.schoolCode))
        return ctx.fail(QStringLiteral("Школы с логином «%1» в результатах за выбранный период нет")
                            .arg(scope.schoolCode));

    if (!std::any_of(report.units.cbegin(), report.units.cend(),
                     [&](const core::UnitReport &u) { return scope.contains(u); }))
        return ctx.fail(QStringLiteral("Результатов за выбранный период в базе нет: справка не "
                                       "сформирована"));
    const io::ReportDocument document = io::AnalysisReportBuilder::build(report, scope);
    if (pdf) {
        if (core::Status s = io::ReportPdfWriter::write(document, *pdf); !s)
            return ctx.fail(s.error());
        ctx.out() << QStringLiteral("Справка сохранена: %1\n").arg(*pdf);
    }
    if (docx) {
        if (core::Status s = io::ReportDocxWriter::write(document, *docx); !s)
            return ctx.fail(s.error());
        ctx.out() << QStringLiteral("Справка сохранена: %1\n").arg(*docx);
    }
    return CliContext::Ok;
}

CliGroup makeReportGroup() {
    return {kGroup,
            QStringLiteral("признаки необъективных результатов ВПР, ОГЭ, ЕГЭ"),
            {{QStringLiteral("report"),
              QStringLiteral("--pdf ФАЙЛ.pdf | --docx ФАЙЛ.docx [--year ГОД] "
                             "[--procedure ВПР|ОГЭ|ЕГЭ] [--municipality НАЗВАНИЕ] [--school ЛОГИН] "
                             "[--organization НАЗВАНИЕ] [--number НОМЕР] [--signer-position "
                             "ДОЛЖНОСТЬ] [--signer-name ФИО]"),
              QStringLiteral("аналитическая справка по итогам анализа (PDF, DOCX)"), runReport}}};
}

const CliRegistrar registrar(makeReportGroup);

} // namespace
} // namespace objectivity::cli
