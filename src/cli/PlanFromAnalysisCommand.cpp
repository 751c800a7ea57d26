// `objectivity-cli plan add-from-analysis`: measures for a school's plan from the signs the
// analysis finds for it (docs/cli.md, issue 14 item 5).
#include "CliContext.h"
#include "CliRegistry.h"

#include "objectivity/core/analysis/AnalysisEngine.h"
#include "objectivity/core/plan/MeasureProposer.h"
#include "objectivity/core/results/SchoolLogin.h"
#include "objectivity/storage/Database.h"
#include "objectivity/storage/plan/FindingLinkRepository.h"
#include "objectivity/storage/plan/PlanRepository.h"
#include "objectivity/storage/results/AnalysisDataReader.h"
#include "objectivity/storage/results/AnalysisSettingsRepository.h"

namespace objectivity::cli {
namespace {

using namespace Qt::StringLiterals;

const QString kGroup = u"plan"_s;

int runAddFromAnalysis(CliContext &ctx, const QStringList &arguments) {
    QStringList args = arguments;
    const bool createNew = CliContext::takeFlag(args, u"--new"_s);
    bool missing = false;
    const auto typedSchool = CliContext::takeOption(args, u"--school"_s, &missing);
    const std::optional<QString> school =
        typedSchool ? std::optional(core::canonicalSchoolLogin(*typedSchool)) : std::nullopt;
    if (missing || !school || school->isEmpty())
        return ctx.usageError(u"нужен --school ЛОГИН (код школы в результатах)"_s, kGroup);
    const auto yearText = CliContext::takeOption(args, u"--year"_s, &missing);
    if (missing)
        return ctx.usageError(u"после --year нужен год"_s, kGroup);
    const auto sectionText = CliContext::takeOption(args, u"--section"_s, &missing);
    if (missing)
        return ctx.usageError(u"после --section нужен номер раздела"_s, kGroup);
    if (int code = ctx.rejectUnknownOptions(args, kGroup); code != 0)
        return code;
    qint64 planId = 0;
    if (createNew) {
        if (!args.isEmpty())
            return ctx.usageError(u"укажите номер плана или --new, не оба"_s, kGroup);
        if (sectionText)
            return ctx.usageError(u"--section — для существующего плана, не для --new"_s, kGroup);
    } else {
        if (args.size() != 1)
            return ctx.usageError(args.isEmpty() ? u"не указан номер плана (ID) или --new"_s
                                                 : u"лишний аргумент «%1»"_s.arg(args.at(1)),
                                  kGroup);
        planId = CliContext::parseId(args.first());
        if (planId == 0)
            return ctx.usageError(
                u"«%1» — не номер плана; номера показывает `plan list`"_s.arg(args.first()),
                kGroup);
    }
    int year = 0;
    if (yearText) {
        bool ok = false;
        year = yearText->toInt(&ok);
        if (!ok || year < 2000)
            return ctx.usageError(u"неверный год «%1»"_s.arg(*yearText), kGroup);
    }
    int sectionIndex = -1;
    if (sectionText) {
        bool ok = false;
        sectionIndex = sectionText->toInt(&ok) - 1;
        if (!ok || sectionIndex < 0)
            return ctx.usageError(u"неверный номер раздела «%1»"_s.arg(*sectionText), kGroup);
    }

    auto db = ctx.database();
    if (!db)
        return ctx.fail(db.error());
    core::Plan plan;
    if (planId > 0) {
        auto stored = storage::PlanRepository(**db).load(planId);
        if (!stored)
            return ctx.fail(stored.error());
        plan = std::move(*stored);
        if (plan.isReadOnly())
            return ctx.fail(u"план №%1 %2 и не изменяется; меры можно добавить в его новую "
                            "редакцию (черновик). База не изменена."_s.arg(plan.id)
                                .arg(core::Plan::statusDisplayName(plan.status)));
        if (sectionIndex >= plan.sections.size())
            return ctx.fail(u"в плане №%1 нет раздела %2 (разделов: %3)"_s.arg(plan.id)
                                .arg(sectionIndex + 1)
                                .arg(plan.sections.size()));
    }

    storage::FindingLinkRepository links(**db);
    auto templates = links.templates();
    if (!templates)
        return ctx.fail(templates.error());
    auto settings = storage::AnalysisSettingsRepository((*db)->connection()).load();
    if (!settings)
        return ctx.fail(settings.error());
    auto data = storage::AnalysisDataReader::read((*db)->connection());
    if (!data)
        return ctx.fail(data.error());
    const core::AnalysisReport report = core::AnalysisEngine::run(*data, *settings, {});

    const core::UnitReport *schoolUnit = nullptr;
    for (const core::UnitReport &u : report.units)
        if (u.schoolCode == *school && (year == 0 || u.year == year) &&
            (!schoolUnit || u.year > schoolUnit->year))
            schoolUnit = &u;
    if (!schoolUnit)
        return ctx.fail(year == 0
                            ? u"школы «%1» нет в результатах"_s.arg(*school)
                            : u"у школы «%1» нет результатов %2 года"_s.arg(*school).arg(year));
    if (year == 0)
        year = schoolUnit->year; // the school's latest year with results
    const core::AcademicPeriod period = planId > 0 && plan.period.isValid()
                                            ? plan.period
                                            : core::MeasureProposer::periodAfter(year);
    const QList<core::MeasureProposal> proposals =
        core::MeasureProposer::propose(report, *school, *templates, year, period);
    QTextStream &out = ctx.out();
    if (proposals.isEmpty()) {
        out << u"У школы %1 (%2) нет признаков необъективности за %3 год: мер не предложено."_s
                   .arg(*school, schoolUnit->schoolName)
                   .arg(year)
            << (createNew ? u" План не создан.\n"_s : u"\n"_s);
        if (planId > 0)
            out << planId << Qt::endl;
        return CliContext::Ok;
    }
    if (createNew) {
        plan.title = u"План мероприятий по обеспечению объективности оценочных процедур на "
                     "%1 учебный год"_s.arg(period.toDisplayString());
        plan.organization.name =
            schoolUnit->schoolName.isEmpty() ? *school : schoolUnit->schoolName;
        plan.organization.municipality = schoolUnit->municipality;
        plan.period = period;
    }
    const QString sectionTitle = core::MeasureProposer::sectionTitle(year);
    auto added = links.addToPlan(plan, sectionIndex, sectionTitle, proposals);
    if (!added)
        return ctx.fail(added.error());
    const qsizetype skipped = proposals.size() - added->size();
    if (added->isEmpty()) {
        out << u"Все предложенные меры (%1) уже есть в плане №%2: ничего не добавлено.\n"_s
                   .arg(proposals.size())
                   .arg(plan.id);
    } else {
        const core::Section *target = nullptr;
        for (const core::Section &s : plan.sections)
            for (const core::Measure &m : s.measures)
                if (m.id == added->first().measure.id)
                    target = &s;
        out << u"Добавлено мер: %1 в раздел %2 «%3» плана №%4"_s.arg(added->size())
                   .arg(target ? target->number : QString(), target ? target->title : QString())
                   .arg(plan.id)
            << (skipped > 0 ? u"; уже были в плане: %1"_s.arg(skipped) : QString()) << u".\n"_s;
        for (const core::MeasureProposal &p : *added)
            out << u"  %1 %2\n      Срок: %3; ответственные: %4\n      Основание: признак «%5»\n"_s
                       .arg(p.measure.number, p.measure.text, p.measure.deadline.text,
                            p.measure.owners.join(u", "_s), p.finding.describe());
    }
    out << plan.id << Qt::endl; // the last line: the plan's id, for scripts
    return CliContext::Ok;
}

CliGroup makeGroup() {
    return {kGroup,
            QString(),
            {{u"add-from-analysis"_s, u"ID|--new --school ЛОГИН [--year ГОД] [--section N]"_s,
              u"добавить в план школы меры по признакам необъективности, найденным анализом "
              "(раздел «Меры по результатам анализа объективности ГОД»); повторный запуск не "
              "добавляет те же меры; последняя строка — номер (ID) плана"_s,
              runAddFromAnalysis}}};
}

const CliRegistrar registrar(makeGroup);

} // namespace
} // namespace objectivity::cli
