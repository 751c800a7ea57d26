#include "objectivity/core/analysis/AnalysisEngine.h"

#include "objectivity/core/analysis/BoundaryBunchingCriterion.h"
#include "objectivity/core/analysis/ClassJournals.h"
#include "objectivity/core/analysis/CohortDropCriterion.h"
#include "objectivity/core/analysis/CohortLinks.h"
#include "objectivity/core/analysis/CombinedConfirmation.h"
#include "objectivity/core/analysis/DifficultyInversionCriterion.h"
#include "objectivity/core/analysis/FindingCorrection.h"
#include "objectivity/core/analysis/GiaAnnualLevel.h"
#include "objectivity/core/analysis/GiaEvidenceIndex.h"
#include "objectivity/core/analysis/GiaVsAnnualCriterion.h"
#include "objectivity/core/analysis/HighResultsCriterion.h"
#include "objectivity/core/analysis/InversionSpread.h"
#include "objectivity/core/analysis/JournalMismatchCriterion.h"
#include "objectivity/core/analysis/JournalScatterCriterion.h"
#include "objectivity/core/analysis/JournalSchoolBaseline.h"
#include "objectivity/core/analysis/JournalSpread.h"
#include "objectivity/core/analysis/MarkScaleMismatchCriterion.h"
#include "objectivity/core/analysis/MedalsCriterion.h"
#include "objectivity/core/analysis/PersonFitCriterion.h"
#include "objectivity/core/analysis/PersonFitIndex.h"
#include "objectivity/core/analysis/PersonFitSpread.h"
#include "objectivity/core/analysis/TaskLevelInference.h"
#include "objectivity/core/analysis/YearsInRow.h"
#include "objectivity/core/common/NumberText.h"
#include "objectivity/core/common/RunOnThreads.h"
#include "objectivity/core/stats/EmpiricalNull.h"
#include "objectivity/core/stats/ExcessSpreadGroups.h"
#include "objectivity/core/stats/ShareSpread.h"

#include <QHash>
#include <QSet>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <optional>
#include <thread>

namespace objectivity::core {

namespace {

double positionOf(const UnitMetrics &m, const UnitMetrics &r) {
    if (m.meanTestScore >= 0 && r.meanTestScore >= 0 && r.sdTestScore > 0)
        return (m.meanTestScore - r.meanTestScore) / r.sdTestScore;
    return r.sdPercent > 0 ? (m.meanPercent - r.meanPercent) / r.sdPercent : 0;
}

// The most findings a tested unit gets (every criterion, four of boundary_bunching, two of
// journal_mismatch_lenient, three of high_results_unconfirmed): the report's lists are reserved at
// once instead of growing by doubling (a third of them empty at the end, 30 MB on 1M participants).
// A hint only: a unit with more findings grows its list.
constexpr qsizetype kFindingsPerUnit = 17;

// A unit below the minimum: every criterion that would have looked at it, not tested.
void listNotTested(UnitReport &r, int minN) {
    QList<const char16_t *> codes;
    if (r.kind == ProcedureKind::VPR) {
        codes = {criterion::DifficultyInversion, criterion::BoundaryBunching,
                 criterion::JournalLenient,      criterion::JournalStrict,
                 criterion::JournalInflated,     criterion::JournalScatter,
                 criterion::HighResults};
        if (r.grade == 4)
            codes << criterion::CohortDrop;
        else if (r.grade >= 5 && r.grade <= 7)
            codes << criterion::CohortUnconfirmed;
    } else {
        codes = {criterion::DifficultyInversion, criterion::BoundaryBunching,
                 criterion::GiaVsAnnual};
    }
    if (r.kind != ProcedureKind::EGE)
        codes << criterion::MarkScaleMismatch;
    codes << criterion::PersonFit;
    const QString text =
        QStringLiteral("не проверялось: участников %1, нужно не меньше %2").arg(r.n).arg(minN);
    r.findings.reserve(codes.size());
    for (const char16_t *c : codes) {
        CriterionFinding f;
        f.code = staticCode(c);
        f.skip(reason::TooFew, text);
        r.findings.append(f);
    }
}

// Person-fit: bands of total scores hold at least this many works of the region, and a procedure
// needs this many works for its cut-offs (docs/methodology.md, «Согласованность ответов»).
constexpr int kPersonFitBand = 400;
constexpr int kPersonFitRegion = 1000;

CriterionFinding personFitFinding(const PersonFitIndex &index, const PersonFitSpread &spread,
                                  const AnalysisSettings &settings, const AnalysisDataset::Unit &u,
                                  int unitIndex) {
    if (index.percentile() <= 0) {
        CriterionFinding f;
        f.code = staticCode(criterion::PersonFit);
        f.skip(reason::NotApplicable,
               QStringLiteral("не проверялось: критерий отключён (person_fit.percentile = 0)"));
        return f;
    }
    const PersonFitIndex::ProcedureFit &pf = index.procedure(u.procedure);
    if (!pf.usable)
        return PersonFitCriterion::notApplicable();
    const PersonFitIndex::UnitFit &uf = index.unit(unitIndex);
    const PersonFitIndex::Counts region{pf.all.works - uf.all.works,
                                        pf.all.aberrant - uf.all.aberrant};
    std::vector<PersonFitCriterion::ClassCounts> classes;
    for (std::size_t c = 0; c < uf.classes.size() && c < u.classNames.size(); ++c)
        classes.push_back({QString::fromUtf8(u.classNames[c]), uf.classes[c]});
    const std::size_t p = static_cast<std::size_t>(u.procedure);
    return PersonFitCriterion::evaluate(settings, uf.all, region, classes, spread.units[p],
                                        spread.classes[p]);
}

// The rest of a unit's procedure: only what positionOf needs, without copying its counts.
UnitMetrics restOf(const AnalysisDataset &data, const std::vector<UnitAccumulator> &totals,
                   const AnalysisDataset::Unit &u) {
    const UnitAccumulator &total = totals[static_cast<std::size_t>(u.procedure)];
    UnitMetrics rest;
    rest.n = total.n - u.acc.n;
    rest.setScores(total.primaryHist, &u.acc.primaryHist, data.layout(u.procedure).maxPrimary);
    return rest;
}

// A unit's position by its primary scores alone (its mean against the rest of its procedure),
// for the references computed before or apart from phase 1.
double scorePosition(const AnalysisDataset &data, const std::vector<UnitAccumulator> &totals,
                     const AnalysisDataset::Unit &u) {
    UnitMetrics own;
    own.n = u.acc.n;
    own.setScores(u.acc.primaryHist, nullptr, data.layout(u.procedure).maxPrimary);
    return positionOf(own, restOf(data, totals, u));
}

// What gia_vs_annual compares a unit with: the share expected of a school at the unit's level of
// ГИА results (GiaAnnualLevel, per ОГЭ/ЕГЭ procedure; −1 for the other units) at its position, and
// the region's spread of the discordant share between schools beyond their graduates' chance
// around that expectation, per procedure (ShareSpread::ofGroups); a procedure of fewer than
// ShareSpread::kMinSchools schools takes the spread of all the procedures of its kind.
struct AnnualReference {
    std::vector<double> spread;             // per procedure
    std::vector<double> expected, position; // per unit of data.units()
};

AnnualReference annualReference(const AnalysisDataset &data,
                                const std::vector<UnitAccumulator> &totals, int minN,
                                int egeLowScore) {
    using Criterion = GiaVsAnnualCriterion;
    const std::size_t procedures = static_cast<std::size_t>(data.procedures().size());
    const auto &units = data.units();
    AnnualReference out;
    out.spread.assign(procedures, 0.0);
    out.expected.assign(units.size(), -1.0);
    out.position.assign(units.size(), 0.0);
    std::vector<Criterion::Counts> region(procedures);
    for (std::size_t p = 0; p < procedures; ++p)
        if (data.procedures()[int(p)].kind != ProcedureKind::VPR)
            region[p] = Criterion::count(totals[p], data.layout(int(p)), egeLowScore);
    // the units compared, with their counts and positions (own mean score against the rest)
    std::vector<std::vector<std::size_t>> members(procedures);
    std::vector<std::vector<GiaAnnualLevel::School>> schools(procedures);
    for (std::size_t i = 0; i < units.size(); ++i) {
        const auto &u = units[i];
        const std::size_t p = static_cast<std::size_t>(u.procedure);
        if (data.procedures()[u.procedure].kind == ProcedureKind::VPR || region[p].base < 1)
            continue;
        const Criterion::Counts c = Criterion::count(u.acc, data.layout(u.procedure), egeLowScore);
        if (c.base < minN)
            continue;
        out.position[i] = scorePosition(data, totals, u);
        members[p].push_back(i);
        schools[p].push_back({out.position[i], c.base, c.discordant});
    }
    std::vector<std::vector<Criterion::Deviation>> byProcedure(procedures);
    for (std::size_t p = 0; p < procedures; ++p) {
        if (members[p].empty())
            continue;
        // flat at the region's share when too few schools to fit
        const GiaAnnualLevel line =
            GiaAnnualLevel::fit(schools[p], Criterion::regionShare(region[p]));
        for (std::size_t j = 0; j < members[p].size(); ++j) {
            const GiaAnnualLevel::School &s = schools[p][j];
            const double expected = line.expected(s.position);
            out.expected[members[p][j]] = expected;
            byProcedure[p].push_back({s.discordant, s.base, expected});
        }
    }
    std::vector<int> poolOf(procedures); // the ОГЭ procedures' pool and the ЕГЭ ones'
    for (std::size_t p = 0; p < procedures; ++p)
        poolOf[p] = data.layout(int(p)).ege ? 1 : 0;
    out.spread = ShareSpread::ofGroups(byProcedure, poolOf);
    return out;
}

// A unit that is one class: the rows name the class of at least half of its works, and one class
// holds at least 80 % of those. A one-class parallel has one teacher per subject and year, so its
// cohorts differ by a whole teacher's and class's effect; in a parallel of several classes these
// average (high_results_unconfirmed's spread of gaps).
bool isOneClass(const AnalysisDataset::Unit &u) {
    int named = 0, largest = 0;
    for (const UnitAccumulator &c : u.classes) {
        named += c.n;
        largest = std::max(largest, c.n);
    }
    return named > 0 && 2 * named >= u.acc.n && 5 * largest >= 4 * named;
}

// The sentence a journal finding ends with when the works' marks were not in the data.
QString markSourceNote(const UnitReport &r, int n) {
    if (r.journalScale.isEmpty())
        return QStringLiteral(" Отметки за работу в данных нет у %1 из %2 участников: взята "
                              "отметка по шкале перевода для их первичного балла.")
            .arg(r.marksFromScale)
            .arg(n);
    return QStringLiteral(" Отметок за работу и шкалы перевода в данных нет: за отметку у %1 из %2 "
                          "участников взята та, которую при таком первичном балле ставят по "
                          "журналу большинство школ региона (%3), — то есть отметки по журналу "
                          "школы сравниваются с обычными для региона при тех же баллах.")
        .arg(r.marksFromScale)
        .arg(n)
        .arg(r.journalScale);
}

} // namespace

AnalysisReport AnalysisEngine::run(const AnalysisDataset &data, const AnalysisSettings &settings,
                                   const Options &options) {
    AnalysisReport report = runOnce(data, settings, options);
    if (options.yearFilter && options.history && !report.cancelled) {
        QSet<int> years;
        for (const Procedure &p : data.procedures())
            if (options.kindFilter < 0 || static_cast<int>(p.kind) == options.kindFilter)
                years.insert(p.year);
        Options past = options;
        past.history = false;
        YearsInRow::countBack(report, options.yearFilter, years, [&](int year) {
            if (options.lookingBack)
                options.lookingBack(year);
            past.yearFilter = year;
            return runOnce(data, settings, past);
        });
    }
    return report;
}

AnalysisReport AnalysisEngine::runOnce(const AnalysisDataset &data,
                                       const AnalysisSettings &settings, const Options &options) {
    AnalysisReport report;
    report.settings = settings;
    const auto &units = data.units();
    const int minN = settings.intValue(QStringLiteral("min_participants"));

    // totals per procedure and per (procedure, municipality)
    std::vector<UnitAccumulator> totals(static_cast<std::size_t>(data.procedures().size()));
    for (int p = 0; p < data.procedures().size(); ++p)
        totals[static_cast<std::size_t>(p)].init(data.layout(p));
    QHash<QString, UnitAccumulator> municipal;
    auto muniKey = [&](const AnalysisDataset::Unit &u) -> QString {
        return QString::number(u.procedure) + QLatin1Char('|') +
               data.schools()[u.school].municipality;
    };
    std::vector<QString> muniKeys(units.size());
    for (std::size_t i = 0; i < units.size(); ++i) {
        const auto &u = units[i];
        totals[static_cast<std::size_t>(u.procedure)].addAll(u.acc);
        muniKeys[i] = muniKey(u);
        auto it = municipal.find(muniKeys[i]);
        if (it == municipal.end()) {
            it = municipal.insert(muniKeys[i], UnitAccumulator());
            it->init(data.layout(u.procedure));
        }
        it->addAll(u.acc);
    }

    // which units are reported
    std::vector<int> selected;
    for (std::size_t i = 0; i < units.size(); ++i) {
        const Procedure &p = data.procedures()[units[i].procedure];
        if (options.yearFilter && p.year != options.yearFilter)
            continue;
        if (options.kindFilter >= 0 && static_cast<int>(p.kind) != options.kindFilter)
            continue;
        selected.push_back(static_cast<int>(i));
    }
    report.units.resize(static_cast<qsizetype>(selected.size()));

    // person-fit of every work against its procedure's region (before the units: the cut-offs
    // come from the whole region)
    const PersonFitIndex personFit(data, settings.value(QStringLiteral("person_fit.percentile")),
                                   kPersonFitBand, kPersonFitRegion, std::max(1, options.threads));

    const PersonFitSpread fitSpread = PersonFitSpread::of(personFit, data, minN);
    const InversionSpread inversion =
        InversionSpread::of(data, totals, minN, std::max(1, options.threads));
    const AnnualReference annual = annualReference(
        data, totals, minN, settings.intValue(QStringLiteral("gia_annual.ege_low_score")));

    // phase 1, parallel: references, metrics, the criteria that need only the unit and its region
    std::atomic<int> next{0}, done{0};
    auto worker = [&]() {
        // the rest of the region and of the municipality, assigned per unit: copy-assignment
        // reuses the vectors' storage instead of allocating two accumulators per unit
        UnitAccumulator region;
        UnitAccumulator muni;
        for (;;) {
            if (options.cancel && options.cancel->load())
                return;
            const int k = next.fetch_add(1);
            if (k >= static_cast<int>(selected.size()))
                return;
            const auto &u = units[static_cast<std::size_t>(selected[static_cast<std::size_t>(k)])];
            const Procedure &proc = data.procedures()[u.procedure];
            const School &school = data.schools()[u.school];
            const ProcedureLayout &layout = data.layout(u.procedure);
            region = totals[static_cast<std::size_t>(u.procedure)];
            region.subtract(u.acc);
            muni = *municipal.constFind(
                muniKeys[static_cast<std::size_t>(selected[static_cast<std::size_t>(k)])]);
            muni.subtract(u.acc);
            UnitReport &r = report.units[k];
            r.year = proc.year;
            r.kind = proc.kind;
            r.grade = proc.grade;
            r.subject = proc.subject;
            r.schoolCode = school.code;
            r.schoolName = school.name;
            r.municipality = school.municipality;
            r.n = u.acc.n;
            r.metrics = UnitMetrics::compute(u.acc, layout);
            r.region = UnitMetrics::compute(region, layout);
            r.municipal = UnitMetrics::compute(muni, layout);
            r.position = positionOf(r.metrics, r.region);
            r.insufficient = r.n < minN;
            r.scale = data.scaleNote(u.procedure);
            r.scaleSource = data.scaleSource(u.procedure);
            r.taskLevels = layout.levelsInferred ? TaskLevelSource::Inferred
                           : layout.hasLevels()  ? TaskLevelSource::Given
                                                 : TaskLevelSource::Absent;
            r.hardTasks = TaskLevelInference::hardTaskLabels(proc, layout);
            r.maximaFromData = data.maximaFromData(u.procedure);
            r.marksFromScale = u.marksFromScale;
            r.marksMissing = layout.ege ? 0 : u.acc.marks[0];
            if (u.marksFromScale > 0)
                r.journalScale = data.journalScale(u.procedure);
            if (!r.insufficient) {
                const CriterionInput in{proc,   school,    layout,   u.acc,
                                        region, r.metrics, r.region, settings};
                std::vector<DifficultyInversionCriterion::ClassCounts> classes;
                for (std::size_t c = 0; c < u.classes.size(); ++c)
                    classes.push_back({QString::fromUtf8(u.classNames[c]), &u.classes[c]});
                r.findings.reserve(kFindingsPerUnit);
                r.findings.append(DifficultyInversionCriterion::evaluate(
                    in, classes, inversion.units[static_cast<std::size_t>(u.procedure)],
                    inversion.classes[static_cast<std::size_t>(u.procedure)]));
                r.findings.append(personFitFinding(personFit, fitSpread, settings, u,
                                                   selected[static_cast<std::size_t>(k)]));
                r.findings.append(BoundaryBunchingCriterion::evaluate(in));
                const std::size_t index =
                    static_cast<std::size_t>(selected[static_cast<std::size_t>(k)]);
                r.findings.append(GiaVsAnnualCriterion::evaluate(
                    in, annual.spread[static_cast<std::size_t>(u.procedure)],
                    annual.expected[index], annual.position[index]));
                AnalysisDataset::ScaleAgreement others = data.scaleTotal(u.procedure);
                others.checked -= u.scale.checked;
                others.above -= u.scale.above;
                others.below -= u.scale.below;
                r.findings.append(MarkScaleMismatchCriterion::evaluate(
                    in, u.scale, others, data.scaleNote(u.procedure), u.primaryMarks));
            } else {
                listNotTested(r, minN);
            }
            const int d = done.fetch_add(1) + 1;
            if (options.progress && (d % 256 == 0 || d == static_cast<int>(selected.size())))
                options.progress(d, static_cast<int>(selected.size()));
        }
    };
    const int threads = std::max(1, options.threads);
    runOnThreads(threads, worker);
    if (options.cancel && options.cancel->load()) {
        report.cancelled = true;
        report.units.clear();
        return report;
    }

    // phase 2: criteria across units (journal against the spread of schools, ГИА confirmation,
    // cohorts)
    std::vector<std::vector<JournalSpread::Counts>> journalCounts(totals.size());
    std::vector<JournalSpread::Counts> unitJournal(units.size()); // pairs 0: none
    std::vector<std::vector<JournalScatter::Counts>> scatterCounts(totals.size());
    std::vector<JournalScatter::Counts> unitScatter(units.size()); // df 0: none
    {
        std::vector<int> reported(units.size(), -1);
        for (std::size_t k = 0; k < selected.size(); ++k)
            reported[static_cast<std::size_t>(selected[k])] = static_cast<int>(k);
        for (std::size_t i = 0; i < units.size(); ++i) {
            const auto &u = units[i];
            if (u.acc.journalPairs < minN || u.acc.journalPairs == 0)
                continue;
            JournalSpread::Counts c = JournalSpread::countsOf(u.acc);
            if (reported[i] >= 0) {
                c.position = report.units[reported[i]].position;
            } else { // outside the year/kind filter: its position computed here
                UnitAccumulator region = totals[static_cast<std::size_t>(u.procedure)];
                region.subtract(u.acc);
                const ProcedureLayout &layout = data.layout(u.procedure);
                c.position = positionOf(UnitMetrics::compute(u.acc, layout),
                                        UnitMetrics::compute(region, layout));
            }
            if (c.pairs > 0)
                journalCounts[static_cast<std::size_t>(u.procedure)].push_back(c);
            unitJournal[i] = c;
            unitScatter[i] = JournalScatter::countsOf(u.acc, u.classes);
            scatterCounts[static_cast<std::size_t>(u.procedure)].push_back(unitScatter[i]);
        }
    }
    std::vector<JournalSpread> spreads;
    for (const auto &c : journalCounts)
        spreads.push_back(JournalSpread::of(c));
    std::vector<JournalScatter> scatters;
    for (const auto &c : scatterCounts)
        scatters.push_back(JournalScatter::of(c));
    // each unit's journal against its own school's other units (every year and kind)
    std::vector<int> schoolEntry(units.size(), -1);
    JournalSchoolBaseline schoolBaseline;
    {
        std::vector<JournalSchoolBaseline::Entry> entries;
        for (std::size_t i = 0; i < units.size(); ++i) {
            const JournalSpread::Counts &c = unitJournal[i];
            const JournalSpread &spread = spreads[static_cast<std::size_t>(units[i].procedure)];
            if (c.pairs <= 0 || spread.schools < JournalMismatchCriterion::kMinSchools)
                continue;
            schoolEntry[i] = static_cast<int>(entries.size());
            entries.push_back(JournalSchoolBaseline::entryOf(units[i].school, c, spread));
            // the same pupils: the school's units of one year, kind and grade
            const Procedure &p = data.procedures()[units[i].procedure];
            entries.back().cohort = p.year * 1000 + static_cast<int>(p.kind) * 100 + p.grade;
        }
        schoolBaseline = JournalSchoolBaseline::of(
            entries, settings.intValue(QStringLiteral("journal.within_min_units")));
    }
    // journal by class: every class with its own position, their spread, their school's classes
    const ClassJournals classJournals(data, totals, settings);
    // each unit's journal criteria on the threads (a unit's work touches only its own findings)
    forEachIndexOnThreads(threads, selected.size(), [&](std::size_t index) {
        const auto k = static_cast<qsizetype>(index);
        UnitReport &r = report.units[k];
        if (r.insufficient)
            return;
        const auto unit = static_cast<std::size_t>(selected[static_cast<std::size_t>(k)]);
        const auto &u = units[unit];
        const JournalSpread &spread = spreads[static_cast<std::size_t>(u.procedure)];
        UnitAccumulator empty;
        const CriterionInput in{data.procedures()[u.procedure],
                                data.schools()[u.school],
                                data.layout(u.procedure),
                                u.acc,
                                empty,
                                r.metrics,
                                r.region,
                                settings};
        const auto &classes = classJournals.of(unit);
        const JournalSpread &classSpread = classJournals.spread(u.procedure);
        r.findings.append(JournalMismatchCriterion::evaluateLenient(in, spread, r.position, classes,
                                                                    classSpread));
        r.findings.append(JournalMismatchCriterion::evaluateLenientInSchool(
            in, spread, r.position, schoolBaseline, schoolEntry[unit], classes, classSpread,
            classJournals.baseline()));
        r.findings.append(
            JournalMismatchCriterion::evaluateStrict(in, spread, r.position, classes, classSpread));
        r.findings.append(JournalMismatchCriterion::evaluateInflated(in, spread, r.position));
        r.findings.append(JournalScatterCriterion::evaluate(
            in, scatters[static_cast<std::size_t>(u.procedure)], unitScatter[unit]));
        if (u.marksFromScale > 0)
            for (CriterionFinding &f : r.findings)
                if (f.kind() == CriterionKind::CurrentAssessment && !f.explanation.isEmpty())
                    f.explanation += markSourceNote(r, u.acc.n);
    });

    QHash<QString, int> byKey; // school|kind|grade|subject|year -> index into `later`
    auto key = [](const QString &school, ProcedureKind kind, int grade, const QString &subject,
                  int year) -> QString {
        return school + QLatin1Char('|') + QString::number(static_cast<int>(kind)) +
               QLatin1Char('|') + QString::number(grade) + QLatin1Char('|') + subject +
               QLatin1Char('|') + QString::number(year);
    };
    // all units (not only the selected ones) can be the later side of a cohort comparison: only
    // what CohortDropCriterion reads of them
    std::vector<CohortDropCriterion::Side> later;
    for (std::size_t i = 0; i < units.size(); ++i) {
        const auto &u = units[i];
        const Procedure &p = data.procedures()[u.procedure];
        if (p.kind != ProcedureKind::VPR || p.grade < 5 || p.grade > 8)
            continue;
        if (u.acc.n < minN)
            continue;
        // the unit's position by its scores (as phase 1 computes it for a ВПР unit)
        UnitMetrics own;
        own.setScores(u.acc.primaryHist, nullptr, data.layout(u.procedure).maxPrimary);
        const UnitMetrics rest = restOf(data, totals, u);
        const QString &code = data.schools()[u.school].code;
        byKey.insert(key(code, p.kind, p.grade, p.subject, p.year), static_cast<int>(later.size()));
        later.push_back(
            {p.year, u.acc.n, positionOf(own, rest), own.meanPercent, rest.meanPercent, p.grade});
    }
    // cohort_drop without linked pupils: the region's drops calibrate the comparison (the same
    // cohort's two parallels share most pupils, and schools change between the years)
    QHash<int, EmpiricalNull> cohortCalibration; // by grade-4 procedure
    {
        QHash<int, std::vector<double>> drops;
        for (const auto &u : units) {
            const Procedure &p = data.procedures()[u.procedure];
            if (p.kind != ProcedureKind::VPR || p.grade != 4 || u.acc.n < minN)
                continue;
            const int e = byKey.value(
                key(data.schools()[u.school].code, p.kind, 5, p.subject, p.year + 1), -1);
            if (e < 0)
                continue;
            const CohortDropCriterion::Side &next = later[static_cast<std::size_t>(e)];
            drops[u.procedure].push_back((scorePosition(data, totals, u) - next.position) /
                                         std::sqrt(1.0 / u.acc.n + 1.0 / next.n));
        }
        for (auto it = drops.cbegin(); it != drops.cend(); ++it)
            cohortCalibration.insert(it.key(), EmpiricalNull::of(it.value()));
    }
    // the school's own ГИА level (with standard errors) for high_results_unconfirmed, built on a
    // second thread while this one links the pupils
    std::optional<GiaEvidenceIndex> giaIndex;
    std::thread giaBuilder;
    if (threads > 1)
        giaBuilder = std::thread([&] { giaIndex.emplace(data, totals, minN); });
    else
        giaIndex.emplace(data, totals, minN);
    const int window = settings.intValue(QStringLiteral("high_results.gia_years"));
    // the same pupils in the ВПР and their cohort's ОГЭ, in grade 4 and grade 5 (PupilLink)
    const CohortLinks giaLinks(data, totals, [&data](int p) {
        const Procedure &proc = data.procedures()[p];
        if (proc.kind != ProcedureKind::VPR || proc.grade > 8 || proc.grade < 1 ||
            !GiaEvidenceIndex::compulsory(proc.subject))
            return -1;
        return CohortLinks::findProcedure(data, ProcedureKind::OGE, 9, proc.subject,
                                          proc.year + 9 - proc.grade);
    });
    const CohortLinks gradeLinks(data, totals, [&data](int p) {
        const Procedure &proc = data.procedures()[p];
        if (proc.kind != ProcedureKind::VPR || proc.grade < 4 || proc.grade > 7)
            return -1;
        return CohortLinks::findProcedure(data, ProcedureKind::VPR, proc.grade + 1, proc.subject,
                                          proc.year + 1);
    });
    if (giaBuilder.joinable())
        giaBuilder.join();
    const GiaEvidenceIndex &gia = *giaIndex;
    // Every comparison first, then the part of the region's spread of schools that their standard
    // errors do not explain (a strong teacher of one year, a cohort that learned more:
    // ExcessSpread) is added to each school's error of that kind of comparison.
    struct LinkedDifference {
        const CohortLinks::Link *link = nullptr;
        PupilLink::Difference d;
    };
    const auto count = static_cast<std::size_t>(report.units.size());
    std::vector<LinkedDifference> gradeLinked(count);
    std::vector<GiaEvidence> evidence(count);
    std::vector<qint64> giaPair(count, -1); // the linked ВПР → ОГЭ pair of a unit (pairOf)
    // groups: a pair of linked procedures (its PupilLink) or a ВПР procedure × same cohort or not;
    // a group of fewer than 30 schools (a municipality's own database) takes its pool's spread:
    // all ВПР → ОГЭ pairs, all ВПР g → g+1 pairs, all ВПР procedures of the same cohort or not
    // and of the same basis (the subject's own ГИА or the compulsory ОГЭ).
    // oneClassSpread: the one-class units (isOneClass) of all ВПР procedures, same cohort or not;
    // a one-class unit's spread is at least theirs (its one teacher is not averaged with others;
    // pooled, as a procedure's one-class units are too few for a stable estimate)
    ExcessSpreadGroups linkedSpread, giaSpread, oneClassSpread;
    // the pool of a comparison: same cohort or not × the ВПР subject's own ГИА or the school's
    // level on the compulsory ОГЭ (GiaEvidence::otherSubjects)
    auto giaPool = [](const GiaEvidence &ev) {
        return 2 * qint64(ev.otherSubjects) + ev.sameCohort;
    };
    constexpr qint64 kGiaLinks = 0, kGradeLinks = 1;
    QHash<const PupilLink *, qint64> pairId;
    auto pairOf = [&pairId](const PupilLink *region) {
        return pairId.insert(region, pairId.value(region, pairId.size())).value();
    };
    for (int k = 0; k < report.units.size(); ++k) {
        const UnitReport &r = report.units[k];
        if (r.insufficient || r.kind != ProcedureKind::VPR)
            continue;
        const int unitIndex = selected[static_cast<std::size_t>(k)];
        const auto &u = units[static_cast<std::size_t>(unitIndex)];
        GiaEvidence &ev = evidence[static_cast<std::size_t>(k)];
        ev = gia.find(r.schoolCode, u.procedure, window);
        if (const CohortLinks::Link *l = ev.found ? giaLinks.usable(unitIndex, minN) : nullptr) {
            const int target = units[static_cast<std::size_t>(l->targetUnit)].procedure;
            const PupilLink::Difference d = l->region->difference(
                l->sample, 1.0 / gia.spread(u.procedure), 1.0 / gia.spread(target));
            if (d.valid) {
                ev.linkedPupils = l->sample.n;
                ev.linkedGap = d.value;
                ev.linkedSe = d.standardError;
                ev.linkCorrelation = l->region->correlation();
                giaPair[static_cast<std::size_t>(k)] = pairOf(l->region);
                linkedSpread.add(giaPair[static_cast<std::size_t>(k)], kGiaLinks, d.value,
                                 d.standardError);
            }
        }
        if (ev.found && ev.linkedPupils == 0 && ev.vprSpread > 0) {
            const auto [position, se] =
                GiaEvidenceIndex::vprPosition(r.metrics, r.region, ev.vprWithin);
            if (std::isfinite(se)) {
                const double gap = (position - ev.position * ev.vprSpread) / ev.vprSpread;
                const double gapSe = std::hypot(se / ev.vprSpread, ev.standardError);
                giaSpread.add(2 * qint64(u.procedure) + ev.sameCohort, giaPool(ev), gap, gapSe);
                if (isOneClass(u))
                    oneClassSpread.add(giaPool(ev), -1, gap, gapSe);
            }
        }
        if (r.grade >= 4 && r.grade <= 7)
            if (const CohortLinks::Link *l = gradeLinks.usable(unitIndex, minN)) {
                const PupilLink::Difference d = l->region->difference(l->sample);
                if (d.valid) {
                    gradeLinked[static_cast<std::size_t>(k)] = {l, d};
                    linkedSpread.add(pairOf(l->region), kGradeLinks, d.value, d.standardError);
                }
            }
    }
    linkedSpread.estimate();
    giaSpread.estimate();
    oneClassSpread.estimate();
    // each unit's comparisons on the threads: the shared tables are only read from here on
    // (pairId.value, not pairOf, which inserts)
    std::vector<CombinedConfirmation::Parts> confirmation(count);
    forEachIndexOnThreads(threads, selected.size(), [&](std::size_t index) {
        const auto k = static_cast<qsizetype>(index);
        UnitReport &r = report.units[k];
        if (r.insufficient || r.kind != ProcedureKind::VPR)
            return;
        const auto &u = units[static_cast<std::size_t>(selected[static_cast<std::size_t>(k)])];
        const Procedure &proc = data.procedures()[u.procedure];
        const School &school = data.schools()[u.school];
        const int unitIndex = selected[static_cast<std::size_t>(k)];
        GiaEvidence &ev = evidence[static_cast<std::size_t>(k)];
        if (ev.linkedPupils > 0) {
            ev.excessVariance = linkedSpread.variance(giaPair[static_cast<std::size_t>(k)]);
            ev.linkedSe = std::sqrt(ev.linkedSe * ev.linkedSe + ev.excessVariance);
        } else if (ev.found) {
            ev.excessVariance = giaSpread.variance(2 * qint64(u.procedure) + ev.sameCohort);
            const double oneClass = isOneClass(u) ? oneClassSpread.variance(giaPool(ev)) : 0;
            ev.oneClass = oneClass > ev.excessVariance; // the explanation names whose spread
            ev.excessVariance = std::max(ev.excessVariance, oneClass);
        }
        UnitAccumulator empty;
        const CriterionInput in{
            proc, school, data.layout(u.procedure), u.acc, empty, r.metrics, r.region, settings};
        CriterionFinding gia = HighResultsCriterion::evaluate(in, ev);
        // the same criterion against the school's own journal (its other units, the same pupils)
        CriterionFinding journal = HighResultsCriterion::evaluateAgainstJournal(
            in, schoolBaseline, schoolEntry[static_cast<std::size_t>(unitIndex)]);
        // what the two comparisons gave, for their combination with the cohort's (below)
        CombinedConfirmation::Parts &combined = confirmation[index];
        combined.exempt = HighResultsCriterion::exempt(school, proc.subject);
        combined.giaAbove = HighResultsCriterion::confirmedAbove(ev);
        if (combined.exempt)
            combined.skipText = gia.reasonText; // «не проверялось: гимназия, лицей …»
        else if (combined.giaAbove)
            combined.skipText = HighResultsCriterion::confirmedAboveText(ev);
        if (ev.found && gia.tested())
            combined.z[CombinedConfirmation::Gia] = gia.statistic;
        if (journal.tested())
            combined.z[CombinedConfirmation::Journal] = journal.effectSize;
        r.findings.append(std::move(gia));
        r.findings.append(std::move(journal));
        if (r.grade >= 4 && r.grade <= 7) {
            // the same cohort a year later: cohort_drop (grade 4), cohort_unconfirmed (5–7)
            const int e =
                byKey.value(key(r.schoolCode, r.kind, r.grade + 1, r.subject, r.year + 1), -1);
            if (e >= 0) {
                const CohortDropCriterion::Side first{
                    r.year, r.n, r.position, r.metrics.meanPercent, r.region.meanPercent, r.grade};
                const CohortDropCriterion::Side &second = later[static_cast<std::size_t>(e)];
                const auto calibration = cohortCalibration.constFind(u.procedure);
                CohortDropCriterion::Linked linked;
                if (const LinkedDifference &l = gradeLinked[static_cast<std::size_t>(k)]; l.link) {
                    const double extra = linkedSpread.variance(pairId.value(l.link->region));
                    linked = {l.link->sample.n, l.d.value,
                              std::sqrt(l.d.standardError * l.d.standardError + extra),
                              l.link->region->correlation(), std::sqrt(extra)};
                }
                r.findings.append(CohortDropCriterion::evaluate(
                    first, second, settings, linked.n > 0 ? &linked : nullptr,
                    linked.n > 0 ? QString() : gradeLinks.whyNotUsable(unitIndex, minN),
                    calibration != cohortCalibration.cend() ? &*calibration : nullptr));
                if (const CriterionFinding &c = r.findings.back(); c.tested())
                    combined.z[CombinedConfirmation::Cohort] = c.statistic;
            } else {
                CriterionFinding f;
                f.code =
                    staticCode(r.grade == 4 ? criterion::CohortDrop : criterion::CohortUnconfirmed);
                f.skip(reason::NotApplicable,
                       QStringLiteral("не проверялось: нет результатов %1 класса %2 года (или в "
                                      "них меньше %3)")
                           .arg(r.grade + 1)
                           .arg(r.year + 1)
                           .arg(NumberText::counted(minN, u"участника", u"участников",
                                                    u"участников")));
                r.findings.append(f);
            }
        }
    });

    // the three comparisons together, with their correlation over the run's ВПР units
    const CombinedConfirmation::Correlation correlation =
        CombinedConfirmation::correlationOf(confirmation);
    for (std::size_t k = 0; k < count; ++k) {
        UnitReport &r = report.units[static_cast<qsizetype>(k)];
        if (!r.insufficient && r.kind == ProcedureKind::VPR)
            r.findings.append(
                CombinedConfirmation::evaluate(confirmation[k], correlation, settings));
    }

    // medals: one unit per school and year (ЕГЭ, grade 11, no subject)
    MedalsCriterion::appendUnits(data, settings, options.yearFilter,
                                 options.kindFilter < 0 ||
                                     options.kindFilter == static_cast<int>(ProcedureKind::EGE),
                                 report.units);

    const double alpha = settings.value(QStringLiteral("fdr_alpha"));
    FindingCorrection::apply(report.units, alpha, threads);
    forEachIndexOnThreads(
        threads, static_cast<std::size_t>(report.units.size()), [&](std::size_t k) {
            JournalScatterCriterion::yieldToTheWork(
                report.units[static_cast<qsizetype>(k)].findings);
            for (auto &f : report.units[static_cast<qsizetype>(k)].findings) {
                f.explainOutcome(alpha);
                if (f.reason.isEmpty())
                    f.skip(reason::NotApplicable, QStringLiteral("не проверялось"));
            }
        });

    // school summaries
    QHash<QString, int> schoolIndex;
    for (const auto &s : data.schools()) {
        SchoolSummary sum;
        sum.schoolCode = s.code;
        sum.schoolName = s.name;
        sum.municipality = s.municipality;
        schoolIndex.insert(s.code, static_cast<int>(report.schools.size()));
        report.schools.append(sum);
    }
    for (const auto &u : report.units) {
        bool results = false, current = false;
        for (const auto &f : u.findings)
            if (f.flagged)
                (f.kind() == CriterionKind::Results ? results : current) = true;
        if (!results && !current)
            continue;
        SchoolSummary &s = report.schools[schoolIndex.value(u.schoolCode)];
        if (results) {
            s.markers += 1;
            s.markersByYear[u.year] += 1;
        }
        if (current)
            s.currentAssessment += 1;
    }
    for (const auto &f : data.officialFlags()) {
        const int i = schoolIndex.value(f.schoolCode, -1);
        if (i >= 0)
            report.schools[i].officialByYear[f.year] += f.markerCount;
    }
    for (auto &s : report.schools)
        s.yearsInRow = YearsInRow::longest(s.markersByYear.keys());
    std::stable_sort(report.schools.begin(), report.schools.end(),
                     [](const SchoolSummary &a, const SchoolSummary &b) {
                         return a.markers != b.markers ? a.markers > b.markers
                                                       : a.currentAssessment > b.currentAssessment;
                     });
    return report;
}

} // namespace objectivity::core
