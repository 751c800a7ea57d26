#include "objectivity/core/analysis/RegionReferences.h"

#include "objectivity/core/analysis/GiaAnnualLevel.h"
#include "objectivity/core/analysis/GiaVsAnnualCriterion.h"
#include "objectivity/core/analysis/JournalMismatchCriterion.h"
#include "objectivity/core/analysis/UnitMetrics.h"
#include "objectivity/core/stats/ShareSpread.h"

#include <cmath>
#include <thread>

namespace objectivity::core {

namespace {

// Person-fit: bands of total scores hold at least this many works of the region, and a procedure
// needs this many works for its cut-offs (docs/methodology.md, «Согласованность ответов»).
constexpr int kPersonFitBand = 400;
constexpr int kPersonFitRegion = 1000;

// The rest of a unit's procedure: only what a position needs, without copying its counts.
UnitMetrics restOf(const AnalysisDataset &data, const std::vector<UnitAccumulator> &totals,
                   const AnalysisDataset::Unit &u) {
    const UnitAccumulator &total = totals[static_cast<std::size_t>(u.procedure)];
    UnitMetrics rest;
    rest.n = total.n - u.acc.n;
    rest.setScores(total.primaryHist, &u.acc.primaryHist, data.layout(u.procedure).maxPrimary);
    return rest;
}

double scorePositionOf(const AnalysisDataset &data, const std::vector<UnitAccumulator> &totals,
                       const AnalysisDataset::Unit &u) {
    UnitMetrics own;
    own.n = u.acc.n;
    own.setScores(u.acc.primaryHist, nullptr, data.layout(u.procedure).maxPrimary);
    return RegionReferences::positionOf(own, restOf(data, totals, u));
}

} // namespace

std::vector<UnitAccumulator> RegionReferences::totalsOf(const AnalysisDataset &data) {
    std::vector<UnitAccumulator> totals(static_cast<std::size_t>(data.procedures().size()));
    for (int p = 0; p < data.procedures().size(); ++p)
        totals[static_cast<std::size_t>(p)].init(data.layout(p));
    for (const auto &u : data.units())
        totals[static_cast<std::size_t>(u.procedure)].addAll(u.acc);
    return totals;
}

QString RegionReferences::unitKey(const QString &school, ProcedureKind kind, int grade,
                                  const QString &subject, int year) {
    return school + QLatin1Char('|') + QString::number(static_cast<int>(kind)) + QLatin1Char('|') +
           QString::number(grade) + QLatin1Char('|') + subject + QLatin1Char('|') +
           QString::number(year);
}

double RegionReferences::positionOf(const UnitMetrics &m, const UnitMetrics &r) {
    if (m.meanTestScore >= 0 && r.meanTestScore >= 0 && r.sdTestScore > 0)
        return (m.meanTestScore - r.meanTestScore) / r.sdTestScore;
    return r.sdPercent > 0 ? (m.meanPercent - r.meanPercent) / r.sdPercent : 0;
}

double RegionReferences::position(const AnalysisDataset::Unit &u) const {
    const UnitAccumulator &total = totals[static_cast<std::size_t>(u.procedure)];
    const int max = m_data.layout(u.procedure).maxPrimary;
    return positionOf(UnitMetrics::scoresOf(u.acc, nullptr, max),
                      UnitMetrics::scoresOf(total, &u.acc, max));
}

RegionReferences::RegionReferences(const AnalysisDataset &data, const AnalysisSettings &settings,
                                   int threads)
    : minN(settings.intValue(QStringLiteral("min_participants"))), totals(totalsOf(data)),
      m_data(data) {
    threads = std::max(1, threads);
    const auto &units = data.units();
    municipalKey.resize(units.size());
    for (std::size_t i = 0; i < units.size(); ++i) {
        const auto &u = units[i];
        municipalKey[i] =
            QString::number(u.procedure) + QLatin1Char('|') + data.schools()[u.school].municipality;
        auto it = municipal.find(municipalKey[i]);
        if (it == municipal.end()) {
            it = municipal.insert(municipalKey[i], UnitAccumulator());
            it->init(data.layout(u.procedure));
        }
        it->addAll(u.acc);
    }
    // person-fit of every work against its procedure's region (the cut-offs come from the whole
    // region)
    personFit.emplace(data, settings.value(QStringLiteral("person_fit.percentile")), kPersonFitBand,
                      kPersonFitRegion, threads);
    fitSpread = PersonFitSpread::of(*personFit, data, minN);
    inversion = InversionSpread::of(data, totals, minN, threads);
    // the school's own ГИА level (with standard errors) for high_results_unconfirmed, built on a
    // second thread while this one builds the rest
    std::thread giaBuilder;
    if (threads > 1)
        giaBuilder = std::thread([&] { gia.emplace(data, totals, minN); });
    else
        gia.emplace(data, totals, minN);
    annual = annualReferenceOf(data, settings);
    buildJournal(data, settings);
    buildCohorts(data);
    if (giaBuilder.joinable())
        giaBuilder.join();
}

RegionReferences::AnnualReference
RegionReferences::annualReferenceOf(const AnalysisDataset &data,
                                    const AnalysisSettings &settings) const {
    using Criterion = GiaVsAnnualCriterion;
    const int egeLowScore = settings.intValue(QStringLiteral("gia_annual.ege_low_score"));
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
        out.position[i] = scorePositionOf(data, totals, u);
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

void RegionReferences::buildJournal(const AnalysisDataset &data, const AnalysisSettings &settings) {
    const auto &units = data.units();
    std::vector<std::vector<JournalSpread::Counts>> journalCounts(totals.size());
    std::vector<std::vector<JournalScatter::Counts>> scatterCounts(totals.size());
    unitJournal.assign(units.size(), {});
    unitScatter.assign(units.size(), {});
    for (std::size_t i = 0; i < units.size(); ++i) {
        const auto &u = units[i];
        if (u.acc.journalPairs < minN || u.acc.journalPairs == 0)
            continue;
        JournalSpread::Counts c = JournalSpread::countsOf(u.acc);
        c.position = position(u);
        if (c.pairs > 0)
            journalCounts[static_cast<std::size_t>(u.procedure)].push_back(c);
        unitJournal[i] = c;
        unitScatter[i] = JournalScatter::countsOf(u.acc, u.classes);
        scatterCounts[static_cast<std::size_t>(u.procedure)].push_back(unitScatter[i]);
    }
    for (const auto &c : journalCounts)
        journalSpreads.push_back(JournalSpread::of(c));
    for (const auto &c : scatterCounts)
        scatters.push_back(JournalScatter::of(c));
    // each unit's journal against its own school's other units (every year and kind)
    schoolEntry.assign(units.size(), -1);
    std::vector<JournalSchoolBaseline::Entry> entries;
    for (std::size_t i = 0; i < units.size(); ++i) {
        const JournalSpread::Counts &c = unitJournal[i];
        const JournalSpread &spread = journalSpreads[static_cast<std::size_t>(units[i].procedure)];
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
    // journal by class: every class with its own position, their spread, their school's classes
    classJournals.emplace(data, totals, settings);
}

void RegionReferences::buildCohorts(const AnalysisDataset &data) {
    const auto &units = data.units();
    // all units (not only a run's) can be the later side of a cohort comparison: only what
    // CohortDropCriterion reads of them
    for (std::size_t i = 0; i < units.size(); ++i) {
        const auto &u = units[i];
        const Procedure &p = data.procedures()[u.procedure];
        if (p.kind != ProcedureKind::VPR || p.grade < 5 || p.grade > 8)
            continue;
        if (u.acc.n < minN)
            continue;
        // the unit's position by its scores (as a run computes it for a ВПР unit)
        UnitMetrics own;
        own.setScores(u.acc.primaryHist, nullptr, data.layout(u.procedure).maxPrimary);
        const UnitMetrics rest = restOf(data, totals, u);
        const QString &code = data.schools()[u.school].code;
        laterByKey.insert(unitKey(code, p.kind, p.grade, p.subject, p.year),
                          static_cast<int>(later.size()));
        later.push_back(
            {p.year, u.acc.n, positionOf(own, rest), own.meanPercent, rest.meanPercent, p.grade});
    }
    // cohort_drop without linked pupils: the region's drops calibrate the comparison (the same
    // cohort's two parallels share most pupils, and schools change between the years)
    QHash<int, std::vector<double>> drops;
    for (const auto &u : units) {
        const Procedure &p = data.procedures()[u.procedure];
        if (p.kind != ProcedureKind::VPR || p.grade != 4 || u.acc.n < minN)
            continue;
        const int e = laterByKey.value(
            unitKey(data.schools()[u.school].code, p.kind, 5, p.subject, p.year + 1), -1);
        if (e < 0)
            continue;
        const CohortDropCriterion::Side &next = later[static_cast<std::size_t>(e)];
        drops[u.procedure].push_back((scorePositionOf(data, totals, u) - next.position) /
                                     std::sqrt(1.0 / u.acc.n + 1.0 / next.n));
    }
    for (auto it = drops.cbegin(); it != drops.cend(); ++it)
        cohortCalibration.insert(it.key(), EmpiricalNull::of(it.value()));
    // the same pupils in the ВПР and their cohort's ОГЭ, in grade 4 and grade 5 (PupilLink)
    giaLinks.emplace(data, totals, [&data](int p) {
        const Procedure &proc = data.procedures()[p];
        if (proc.kind != ProcedureKind::VPR || proc.grade > 8 || proc.grade < 1 ||
            !GiaEvidenceIndex::compulsory(proc.subject))
            return -1;
        return CohortLinks::findProcedure(data, ProcedureKind::OGE, 9, proc.subject,
                                          proc.year + 9 - proc.grade);
    });
    gradeLinks.emplace(data, totals, [&data](int p) {
        const Procedure &proc = data.procedures()[p];
        if (proc.kind != ProcedureKind::VPR || proc.grade < 4 || proc.grade > 7)
            return -1;
        return CohortLinks::findProcedure(data, ProcedureKind::VPR, proc.grade + 1, proc.subject,
                                          proc.year + 1);
    });
}

} // namespace objectivity::core
