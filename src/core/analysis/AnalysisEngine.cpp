#include "objectivity/core/analysis/AnalysisEngine.h"

#include "objectivity/core/analysis/BoundaryBunchingCriterion.h"
#include "objectivity/core/analysis/ClassJournals.h"
#include "objectivity/core/analysis/CohortDropCriterion.h"
#include "objectivity/core/analysis/CohortLinks.h"
#include "objectivity/core/analysis/CombinedConfirmation.h"
#include "objectivity/core/analysis/DifficultyInversionCriterion.h"
#include "objectivity/core/analysis/FindingCorrection.h"
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
#include "objectivity/core/analysis/RegionReferences.h"
#include "objectivity/core/analysis/TaskLevelInference.h"
#include "objectivity/core/analysis/YearsInRow.h"
#include "objectivity/core/common/NumberText.h"
#include "objectivity/core/common/RunOnThreads.h"
#include "objectivity/core/stats/ExcessSpreadGroups.h"

#include <QHash>
#include <QSet>

#include <algorithm>
#include <atomic>
#include <cmath>

namespace objectivity::core {

namespace {

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
    const RegionReferences refs(data, settings, options.threads);
    AnalysisReport report = runOnce(data, settings, options, refs);
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
            return runOnce(data, settings, past, refs);
        });
    }
    return report;
}

AnalysisReport AnalysisEngine::runOnce(const AnalysisDataset &data,
                                       const AnalysisSettings &settings, const Options &options,
                                       const RegionReferences &refs) {
    AnalysisReport report;
    report.settings = settings;
    const auto &units = data.units();
    const int minN = refs.minN;
    const std::vector<UnitAccumulator> &totals = refs.totals;

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

    const PersonFitIndex &personFit = *refs.personFit;
    const InversionSpread &inversion = refs.inversion;
    const RegionReferences::AnnualReference &annual = refs.annual;

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
            muni = *refs.municipal.constFind(
                refs.municipalKey[static_cast<std::size_t>(selected[static_cast<std::size_t>(k)])]);
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
            r.position = RegionReferences::positionOf(r.metrics, r.region);
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
                r.findings.append(personFitFinding(personFit, refs.fitSpread, settings, u,
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
    const ClassJournals &classJournals = *refs.classJournals;
    const JournalSchoolBaseline &schoolBaseline = refs.schoolBaseline;
    const std::vector<int> &schoolEntry = refs.schoolEntry;
    // each unit's journal criteria on the threads (a unit's work touches only its own findings)
    forEachIndexOnThreads(threads, selected.size(), [&](std::size_t index) {
        const auto k = static_cast<qsizetype>(index);
        UnitReport &r = report.units[k];
        if (r.insufficient)
            return;
        const auto unit = static_cast<std::size_t>(selected[static_cast<std::size_t>(k)]);
        const auto &u = units[unit];
        const JournalSpread &spread = refs.journalSpreads[static_cast<std::size_t>(u.procedure)];
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
            in, refs.scatters[static_cast<std::size_t>(u.procedure)], refs.unitScatter[unit]));
        if (u.marksFromScale > 0)
            for (CriterionFinding &f : r.findings)
                if (f.kind() == CriterionKind::CurrentAssessment && !f.explanation.isEmpty())
                    f.explanation += markSourceNote(r, u.acc.n);
    });

    const GiaEvidenceIndex &gia = *refs.gia;
    const CohortLinks &giaLinks = *refs.giaLinks, &gradeLinks = *refs.gradeLinks;
    const int window = settings.intValue(QStringLiteral("high_results.gia_years"));
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
            const int e = refs.laterByKey.value(
                RegionReferences::unitKey(r.schoolCode, r.kind, r.grade + 1, r.subject, r.year + 1),
                -1);
            if (e >= 0) {
                const CohortDropCriterion::Side first{
                    r.year, r.n, r.position, r.metrics.meanPercent, r.region.meanPercent, r.grade};
                const CohortDropCriterion::Side &second = refs.later[static_cast<std::size_t>(e)];
                const auto calibration = refs.cohortCalibration.constFind(u.procedure);
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
                    calibration != refs.cohortCalibration.cend() ? &*calibration : nullptr));
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
