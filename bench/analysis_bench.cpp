// Analysis benchmark. For each seed: generates a region (simulation::RegionGenerator, default
// strength), writes it into a SQLite database through storage (GeneratedRegionWriter), reads it
// back and runs the analysis as `objectivity-cli analyze` does, and scores the flags against the
// generator's ground truth (recall per manipulation, honest units flagged, strong honest schools
// flagged). Each seed's region is also written without manipulations (strength 0, the same
// draws: SETTING-seedN-honest.sqlite) for the power of cohort_drop and high_results_unconfirmed on
// each planted unit (comparisonPower). Then writes a ~1,000,000-participant database and times
// `analyze` on it (open, settings, read, criteria, JSON) in a child process, reporting its peak
// memory (VmHWM).
//
//   analysis_bench [--schools N] [--rows N] [--seeds 1,2,3 | --seeds 1 2 3]
//                  [--setting base|wide|narrow|guess]
//                  [--keep-db FILE] [--work-dir DIR [--reuse-db]] [--verbose]
//                  [--set key=value ...] [--journal-variants SHARE] [--strength X]
//                  [--one-class SHARE]
// --setting changes the generator's measurement model (task spread, test reliability, class
// sizes) so that the figures are not those of one data model only; --journal-variants sets the
// share of honest schools with each of the two other journal styles, --strength the strength of
// the planted manipulations, --one-class the share of help_hard_tasks and lenient_journal plants
// made in one class of the parallel (default 0.5; 0 = the plan of the earlier figures).
//   analysis_bench --analyze-only FILE      (the child: read the database and analyse it)
#include "objectivity/core/analysis/AnalysisEngine.h"
#include "objectivity/core/analysis/BoundaryBunchingCriterion.h"
#include "objectivity/core/analysis/CriterionKind.h"
#include "objectivity/core/stats/NormalDistribution.h"
#include "objectivity/core/stats/TrinomialSumTail.h"
#include "objectivity/simulation/GeneratorSetting.h"
#include "objectivity/simulation/RegionGenerator.h"
#include "objectivity/storage/Database.h"
#include "objectivity/storage/results/AnalysisDataReader.h"
#include "objectivity/storage/results/AnalysisSettingsRepository.h"
#include "objectivity/storage/results/GeneratedRegionWriter.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QHash>
#include <QJsonDocument>
#include <QMap>
#include <QProcess>
#include <QTemporaryDir>

#include <cmath>
#include <cstdio>
#include <optional>
#include <random>

using namespace objectivity;
using namespace objectivity::core;
using namespace objectivity::simulation;

namespace {

QString vmHwm() {
    QFile f(QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly))
        return QStringLiteral("?");
    for (const QByteArray &line : f.readAll().split('\n'))
        if (line.startsWith("VmHWM:"))
            return QString::fromLatin1(line.mid(6).trimmed());
    return QStringLiteral("?");
}

QString unitKey(int year, ProcedureKind kind, int grade, const QString &subject,
                const QString &school) {
    return QStringLiteral("%1|%2|%3|%4|%5")
        .arg(year)
        .arg(static_cast<int>(kind))
        .arg(grade)
        .arg(subject, school);
}

// --set key=value, as `analyze --set` (for trying thresholds)
QStringList &settingOverrides() {
    static QStringList list;
    return list;
}

// The criterion meant to catch each planted manipulation (others may flag the unit too).
QString expectedCriterion(Manipulation m) {
    switch (m) {
    case Manipulation::HelpHardTasks:
        return QStringLiteral("difficulty_inversion");
    case Manipulation::BoundaryPush:
        return QStringLiteral("boundary_bunching");
    case Manipulation::LenientJournal:
        return QStringLiteral("journal_mismatch_lenient");
    case Manipulation::Grade4NotConfirmed:
        return QStringLiteral("cohort_drop");
    case Manipulation::MedalsUnsupported:
        return QStringLiteral("medals_unsupported");
    case Manipulation::InflatedToGood:
        return QStringLiteral("high_results_unconfirmed");
    case Manipulation::StrongSchoolHonest:
        break;
    }
    return QString();
}

// Recall is also printed for the planted units with at least this many participants (the target
// of issue 12: recall ≥ 0.9 in units of 20+).
constexpr int kLargeUnit = 20;

// The variant of a planted manipulation, for recall by variant: «boundary_push «3» d=2».
QString variantOf(const PlantedManipulation &m) {
    if (m.manipulation == Manipulation::BoundaryPush)
        return QStringLiteral("boundary_push %1 d=%2")
            .arg(m.boundary ? QStringLiteral("«%1»").arg(m.boundary) : QStringLiteral("all"))
            .arg(m.distance);
    if (m.manipulation == Manipulation::MedalsUnsupported)
        return QStringLiteral("medals_unsupported count=%1")
            .arg(m.count ? QString::number(m.count) : QStringLiteral("12%"));
    if (m.manipulation == Manipulation::HelpHardTasks ||
        m.manipulation == Manipulation::LenientJournal)
        return manipulationCode(m.manipulation) +
               (m.classIndex >= 0 ? QStringLiteral(" one class") : QStringLiteral(" parallel"));
    return QString();
}

struct Score {
    QMap<int, int> planted, found, foundExpected; // by manipulation
    QMap<int, int> plantedLarge, foundLarge;      // in units of kLargeUnit+ participants
    int honest = 0, honestFlagged = 0;            // units with 20+ participants
    int honestResults = 0, honestJournal = 0;     // flagged by result / by journal criteria
    // journal flags of honest units by the school's journal style (JournalStyle): a strict but
    // fair journal flagged journal_mismatch_strict is what the model made it (a true sign of
    // strict current marks); the flags of usual journals are false alarms
    int honestUsual = 0, honestUsualJournal = 0;
    QMap<QString, int> honestJournalByStyle;
    // per journal style: honest units 20+ and those with any journal flag; and the journal flags
    // counted against the ≤ 5 % target (falseJournalFlag): every flag at a usual or class-relative
    // journal, a lenient or inflated one at a strict but fair journal
    QMap<QString, int> honestUnitsByStyle, honestJournalUnitsByStyle;
    int honestJournalFalse = 0;
    // boundary_push in units of 20+: the oracle power of the test (pushPower), summed, and the
    // plants it finds with power ≥ 0.5 (detectable) and how many of those were found
    double pushPowerSum = 0, pushIdealSum = 0;
    int pushIdealDetectable = 0;
    int pushDetectable = 0, pushDetectableFound = 0;
    // cohort_drop and high_results_unconfirmed plants in units of 20+ (comparisonPower), by
    // manipulation: the power summed, the units with a power, detectable (≥ 0.5), found of those
    QMap<int, double> planPowerSum;
    QMap<int, int> planPowerUnits, planDetectable, planDetectableFound;
    QMap<QString, int> honestByCriterion;
    QMap<QString, int> variantPlanted, variantFound, variantPlantedLarge, variantFoundLarge;
    // help_hard_tasks in units of 20+ found by person_fit alone and by either of its two criteria
    QMap<QString, int> variantPersonFitLarge, variantEitherLarge;
    int strongOrdinaryUnits = 0, strongOrdinaryHigh = 0; // strong СОШ (no exemption)
    int strongUnits = 0, strongFlagged = 0, strongHigh = 0;
    int strongHighNoGia = 0; // of strongHigh: the school's ГИА in the subject was not in the data
    QMap<QString, int> strongByCriterion;
    QMap<QString, int> strongJournalByStyle; // journal flags of strong honest units by style
    int strongJournalFalse = 0; // strong honest units with a false journal flag (falseJournalFlag)

    void add(const Score &o) {
        for (auto it = o.planted.begin(); it != o.planted.end(); ++it)
            planted[it.key()] += it.value();
        for (auto it = o.found.begin(); it != o.found.end(); ++it)
            found[it.key()] += it.value();
        for (auto it = o.foundExpected.begin(); it != o.foundExpected.end(); ++it)
            foundExpected[it.key()] += it.value();
        for (auto it = o.plantedLarge.begin(); it != o.plantedLarge.end(); ++it)
            plantedLarge[it.key()] += it.value();
        for (auto it = o.foundLarge.begin(); it != o.foundLarge.end(); ++it)
            foundLarge[it.key()] += it.value();
        honest += o.honest;
        honestFlagged += o.honestFlagged;
        honestResults += o.honestResults;
        honestJournal += o.honestJournal;
        honestUsual += o.honestUsual;
        honestUsualJournal += o.honestUsualJournal;
        for (auto it = o.honestJournalByStyle.begin(); it != o.honestJournalByStyle.end(); ++it)
            honestJournalByStyle[it.key()] += it.value();
        for (auto it = o.honestUnitsByStyle.begin(); it != o.honestUnitsByStyle.end(); ++it)
            honestUnitsByStyle[it.key()] += it.value();
        for (auto it = o.honestJournalUnitsByStyle.begin(); it != o.honestJournalUnitsByStyle.end();
             ++it)
            honestJournalUnitsByStyle[it.key()] += it.value();
        honestJournalFalse += o.honestJournalFalse;
        pushPowerSum += o.pushPowerSum;
        pushIdealSum += o.pushIdealSum;
        pushIdealDetectable += o.pushIdealDetectable;
        pushDetectable += o.pushDetectable;
        pushDetectableFound += o.pushDetectableFound;
        for (auto it = o.planPowerSum.begin(); it != o.planPowerSum.end(); ++it)
            planPowerSum[it.key()] += it.value();
        for (auto it = o.planPowerUnits.begin(); it != o.planPowerUnits.end(); ++it)
            planPowerUnits[it.key()] += it.value();
        for (auto it = o.planDetectable.begin(); it != o.planDetectable.end(); ++it)
            planDetectable[it.key()] += it.value();
        for (auto it = o.planDetectableFound.begin(); it != o.planDetectableFound.end(); ++it)
            planDetectableFound[it.key()] += it.value();
        strongOrdinaryUnits += o.strongOrdinaryUnits;
        strongOrdinaryHigh += o.strongOrdinaryHigh;
        for (auto it = o.variantPlanted.begin(); it != o.variantPlanted.end(); ++it)
            variantPlanted[it.key()] += it.value();
        for (auto it = o.variantFound.begin(); it != o.variantFound.end(); ++it)
            variantFound[it.key()] += it.value();
        for (auto it = o.variantPlantedLarge.begin(); it != o.variantPlantedLarge.end(); ++it)
            variantPlantedLarge[it.key()] += it.value();
        for (auto it = o.variantFoundLarge.begin(); it != o.variantFoundLarge.end(); ++it)
            variantFoundLarge[it.key()] += it.value();
        for (auto it = o.variantPersonFitLarge.begin(); it != o.variantPersonFitLarge.end(); ++it)
            variantPersonFitLarge[it.key()] += it.value();
        for (auto it = o.variantEitherLarge.begin(); it != o.variantEitherLarge.end(); ++it)
            variantEitherLarge[it.key()] += it.value();
        for (auto it = o.honestByCriterion.begin(); it != o.honestByCriterion.end(); ++it)
            honestByCriterion[it.key()] += it.value();
        strongUnits += o.strongUnits;
        strongFlagged += o.strongFlagged;
        strongHigh += o.strongHigh;
        strongHighNoGia += o.strongHighNoGia;
        for (auto it = o.strongByCriterion.begin(); it != o.strongByCriterion.end(); ++it)
            strongByCriterion[it.key()] += it.value();
        for (auto it = o.strongJournalByStyle.begin(); it != o.strongJournalByStyle.end(); ++it)
            strongJournalByStyle[it.key()] += it.value();
        strongJournalFalse += o.strongJournalFalse;
    }
};

const char *styleName(JournalStyle style) {
    switch (style) {
    case JournalStyle::StrictFair:
        return "strict_fair";
    case JournalStyle::RankInClass:
        return "rank_in_class";
    case JournalStyle::Usual:
        break;
    }
    return "usual";
}

// Is a journal flag on an honest unit a false alarm (counted against the ≤ 5 % target)? The model's
// strict but fair teacher marks below the pupils' level: «строже внешнего» (strict) and «результат
// выше отметок учителя» (inflated) describe it truly, only «мягче» (lenient) is false. A usual
// journal and grading relative to the class (an honest practice: the order within the class is
// right, the class's level is not graded) deserve no journal sign at all.
bool falseJournalFlag(JournalStyle style, const QString &code) {
    if (style == JournalStyle::StrictFair)
        return code == QStringLiteral("journal_mismatch_lenient");
    return true;
}

// The p that one more finding of a criterion had to reach in this run: the Benjamini–Hochberg
// threshold of the next discovery, α·(k + 1)/m (k findings kept of m tested).
double nextDiscoveryCutoff(const AnalysisReport &report, const QString &code, double alpha) {
    int tests = 0, kept = 0;
    for (const auto &u : report.units)
        for (const auto &f : u.findings)
            if (f.code == code && f.tested()) {
                ++tests;
                kept += f.qValue <= alpha ? 1 : 0;
            }
    return alpha * (kept + 1) / std::max(1, tests);
}

double bunchingCutoff(const AnalysisReport &report, double alpha) {
    return nextDiscoveryCutoff(report, QStringLiteral("boundary_bunching"), alpha);
}

// The power of a comparison criterion (cohort_drop, high_results_unconfirmed) on one planted unit
// (a power calculation, not a detection). The planted shift of the criterion's effect is the unit's
// effect minus the effect of the same pupils in the region generated without manipulations (same
// seed, strength 0: the same draws, only the manipulation removed), so the sampling noise of the
// unit cancels; its standard error is effect / statistic. With the estimate X ~ N(shift, se), the
// power is P(X ≥ threshold and X / se ≥ z), z the normal quantile of the run's cut-off. The premise
// of the criterion (grade 4 or the ВПР above the region) is not part of it.
struct PlantPower {
    bool valid = false;
    double shift = 0, se = 0, power = 0;
};

PlantPower comparisonPower(const CriterionFinding &planted, const CriterionFinding &honest,
                           double cutoff) {
    PlantPower p;
    auto seOf = [](const CriterionFinding &f) {
        return std::isfinite(f.effectSize) && std::isfinite(f.statistic) &&
                       std::abs(f.statistic) > 1e-9
                   ? f.effectSize / f.statistic
                   : std::nan("");
    };
    double se = seOf(planted);
    if (!(se > 0))
        se = seOf(honest);
    if (!(se > 0) || !std::isfinite(planted.effectSize) || !std::isfinite(honest.effectSize) ||
        !std::isfinite(planted.threshold))
        return p;
    p.valid = true;
    p.se = se;
    p.shift = planted.effectSize - honest.effectSize;
    const double needed =
        std::max(planted.threshold, NormalDistribution::quantile(1 - cutoff) * se);
    p.power = NormalDistribution::sf((needed - p.shift) / se);
    return p;
}

// The oracle power of boundary_bunching on one planted push (a power calculation, not a
// detection): `draws` honest units of the planted unit's size drawn from the region's score
// distribution (the region without the unit), pushed as the generator pushes (a score 1…d below
// the pushed boundary raised to it with probability min(1, 0.9·strength)), and tested by the
// criterion against the region. The share of draws in which a pushed boundary shows the effect with
// p ≤ cutoff. *moved gets the mean number of works moved. ideal: the power of the most powerful
// test of this very push instead (an upper bound for any test at the same cut-off).
double pushPower(const AnalysisDataset &data, std::size_t unitIndex, const PlantedManipulation &m,
                 double cutoff, const AnalysisSettings &settings, double strength, double *moved,
                 bool ideal = false, int draws = 200) {
    const auto &unit = data.units()[unitIndex];
    const ProcedureLayout &layout = data.layout(unit.procedure);
    UnitAccumulator region;
    region.init(layout, true);
    for (const auto &u : data.units())
        if (u.procedure == unit.procedure && &u != &unit)
            region.addAll(u.acc);
    std::mt19937_64 rng(0x5eed + unitIndex);
    std::discrete_distribution<int> score(region.primaryHist.begin(), region.primaryHist.end());
    std::bernoulli_distribution pushed(std::min(1.0, 0.9 * strength));
    const UnitMetrics metrics, regionMetrics;
    int found = 0;
    long long movedTotal = 0;
    for (int d = 0; d < draws; ++d) {
        UnitAccumulator drawn;
        drawn.init(layout, true);
        drawn.n = unit.acc.n;
        for (int i = 0; i < drawn.n; ++i) {
            int x = score(rng);
            int target = 0;
            for (int mark = 3; mark <= 5; ++mark) {
                const int b = layout.minFor[mark];
                if ((m.boundary == 0 || m.boundary == mark) && b > 0 && x < b &&
                    x >= b - m.distance)
                    target = b;
            }
            if (target > 0 && pushed(rng)) {
                x = target;
                ++movedTotal;
            }
            ++drawn.primaryHist[static_cast<std::size_t>(x)];
        }
        if (ideal) {
            // the most powerful test of the planted push (Neyman–Pearson, conditional on each
            // pushed boundary's window total): it knows the boundary, the distance and the share
            std::vector<TrinomialSumTail::Component> parts;
            long long u = 0;
            for (int mark = 3; mark <= 5; ++mark) {
                const int b = layout.minFor[mark];
                if ((m.boundary != 0 && m.boundary != mark) || b <= 0 || b - m.distance < 0)
                    continue;
                double pB = 0.5, pA = 0.5;
                int nB = 0;
                for (int x = b - m.distance; x < b; ++x) {
                    pB += region.primaryHist[static_cast<std::size_t>(x)];
                    nB += drawn.primaryHist[static_cast<std::size_t>(x)];
                }
                pA += region.primaryHist[static_cast<std::size_t>(b)];
                const int nA = drawn.primaryHist[static_cast<std::size_t>(b)];
                const double share = std::min(0.99, 0.9 * strength);
                const double a = std::log1p(share * pB / pA), c = std::log1p(-share);
                const double scale = 20 / (a - c);
                TrinomialSumTail::Component comp{nA + nB, pA / (pA + pB), pB / (pA + pB),
                                                 std::max(1, int(std::lround(a * scale))),
                                                 std::min(-1, int(std::lround(c * scale)))};
                u += static_cast<long long>(comp.wA) * nA + static_cast<long long>(comp.wB) * nB;
                if (comp.m > 0)
                    parts.push_back(comp);
            }
            found += !parts.empty() && TrinomialSumTail::exact(parts, u) <= cutoff ? 1 : 0;
            continue;
        }
        const CriterionInput in{data.procedures()[unit.procedure],
                                data.schools()[unit.school],
                                layout,
                                drawn,
                                region,
                                metrics,
                                regionMetrics,
                                settings};
        bool hit = false;
        for (const CriterionFinding &f : BoundaryBunchingCriterion::evaluate(in))
            if (f.effect && f.pValue <= cutoff &&
                (m.boundary == 0 || f.label.contains(QString::number(m.boundary))))
                hit = true;
        found += hit ? 1 : 0;
    }
    *moved = double(movedTotal) / draws;
    return double(found) / draws;
}

Score score(const SimulatedRegion &plan, const AnalysisReport &report, bool verbose,
            const AnalysisDataset &data, const AnalysisSettings &settings, double strength,
            const AnalysisReport *withoutPlants = nullptr) {
    QHash<QString, QStringList> flags; // unit -> criteria
    QHash<QString, int> sizes;
    QHash<QString, const UnitReport *> byKey;
    for (const auto &u : report.units) {
        const QString k = unitKey(u.year, u.kind, u.grade, u.subject, u.schoolCode);
        sizes.insert(k, u.n);
        byKey.insert(k, &u);
        for (const auto &f : u.flags())
            flags[k] << f.code;
    }
    QHash<QString, QList<Manipulation>> planted;
    QHash<QString, bool> ordinarySchool;
    QHash<QString, JournalStyle> styles;
    for (const GeneratedSchool &g : plan.schools()) {
        ordinarySchool.insert(g.school.code, g.school.kind == SchoolKind::Sosh);
        styles.insert(g.school.code, g.journalStyle);
    }
    QHash<QString, std::size_t> dataUnit;
    for (std::size_t i = 0; i < data.units().size(); ++i) {
        const Procedure &p = data.procedures()[data.units()[i].procedure];
        dataUnit.insert(unitKey(p.year, p.kind, p.grade, p.subject,
                                data.schools()[data.units()[i].school].code),
                        i);
    }
    const double cutoff = bunchingCutoff(report, settings.value(QStringLiteral("fdr_alpha")));
    // the same units in the region generated without manipulations (comparisonPower)
    QHash<QString, const UnitReport *> honestTwin;
    if (withoutPlants)
        for (const auto &u : withoutPlants->units)
            honestTwin.insert(unitKey(u.year, u.kind, u.grade, u.subject, u.schoolCode), &u);
    Score s;
    for (const PlantedManipulation &m : plan.planted()) {
        if (m.manipulation != Manipulation::Grade4NotConfirmed &&
            m.manipulation != Manipulation::InflatedToGood)
            continue;
        const QString k = unitKey(m.year, m.kind, m.grade, m.subject, m.schoolCode);
        const UnitReport *u = byKey.value(k), *twin = honestTwin.value(k);
        if (!u || !twin || u->n < kLargeUnit)
            continue;
        const QString code = expectedCriterion(m.manipulation);
        const CriterionFinding *fp = nullptr, *fh = nullptr;
        for (const auto &f : u->findings)
            fp = f.code == code ? &f : fp;
        for (const auto &f : twin->findings)
            fh = f.code == code ? &f : fh;
        if (!fp || !fh)
            continue;
        const double cut =
            nextDiscoveryCutoff(report, code, settings.value(QStringLiteral("fdr_alpha")));
        const PlantPower pw = comparisonPower(*fp, *fh, cut);
        if (!pw.valid)
            continue;
        const bool found = flags.value(k).contains(code);
        const int mi = int(m.manipulation);
        s.planPowerSum[mi] += pw.power;
        s.planPowerUnits[mi] += 1;
        if (pw.power >= 0.5) {
            s.planDetectable[mi] += 1;
            s.planDetectableFound[mi] += found ? 1 : 0;
        }
        if (verbose)
            std::printf("    power %s in %s (n=%d): planted shift %.2f (unit %.2f, without the "
                        "manipulation %.2f), se %.2f, threshold %.2f, power %.2f at p <= %.2g, "
                        "%s\n",
                        qPrintable(manipulationCode(m.manipulation)), qPrintable(k), u->n, pw.shift,
                        fp->effectSize, fh->effectSize, pw.se, fp->threshold, pw.power, cut,
                        found ? "found" : "missed");
    }
    for (const PlantedManipulation &m : plan.planted()) {
        const QString k = unitKey(m.year, m.kind, m.grade, m.subject, m.schoolCode);
        planted[k] << m.manipulation;
        const QString v = variantOf(m);
        if (v.isEmpty())
            continue;
        const bool found = flags.value(k).contains(expectedCriterion(m.manipulation));
        if (m.manipulation == Manipulation::BoundaryPush && sizes.value(k) >= kLargeUnit &&
            dataUnit.contains(k)) {
            double moved = 0;
            const double power =
                pushPower(data, dataUnit.value(k), m, cutoff, settings, strength, &moved);
            double unused = 0;
            const double idealPower =
                pushPower(data, dataUnit.value(k), m, cutoff, settings, strength, &unused, true);
            s.pushIdealSum += idealPower;
            s.pushIdealDetectable += idealPower >= 0.5 ? 1 : 0;
            s.pushPowerSum += power;
            if (power >= 0.5) {
                ++s.pushDetectable;
                s.pushDetectableFound += found ? 1 : 0;
            }
            if (verbose)
                std::printf("    push %s in %s (n=%d): %.1f works moved on average, oracle power "
                            "%.2f (most powerful test %.2f) at p <= %.2g, %s\n",
                            qPrintable(v), qPrintable(k), sizes.value(k), moved, power, idealPower,
                            cutoff, found ? "found" : "missed");
        }
        s.variantPlanted[v] += 1;
        s.variantFound[v] += found ? 1 : 0;
        if (sizes.value(k) >= kLargeUnit) {
            s.variantPlantedLarge[v] += 1;
            s.variantFoundLarge[v] += found ? 1 : 0;
            if (m.manipulation == Manipulation::HelpHardTasks) {
                const bool byFit = flags.value(k).contains(QStringLiteral("person_fit"));
                if (verbose)
                    for (const auto &f :
                         byKey.value(k) ? byKey.value(k)->findings : QList<CriterionFinding>())
                        if (f.code == QStringLiteral("person_fit"))
                            std::printf("    help %s in %s (n=%d): person_fit %s k=%g excess "
                                        "%.1f p.p. p=%.3g q=%.3g %s\n",
                                        qPrintable(v), qPrintable(k), sizes.value(k),
                                        qPrintable(f.label), f.statistic, f.effectSize, f.pValue,
                                        f.qValue, byFit ? "found" : "missed");
                s.variantPersonFitLarge[v] += byFit ? 1 : 0;
                s.variantEitherLarge[v] += byFit || found ? 1 : 0;
            }
        }
    }
    for (auto it = planted.begin(); it != planted.end(); ++it)
        for (Manipulation m : it.value()) {
            const QStringList unitFlags = flags.value(it.key());
            if (m == Manipulation::StrongSchoolHonest) {
                ++s.strongUnits;
                s.strongFlagged += unitFlags.isEmpty() ? 0 : 1;
                if (ordinarySchool.value(it.key().section(QLatin1Char('|'), 4))) {
                    ++s.strongOrdinaryUnits;
                    s.strongOrdinaryHigh +=
                        unitFlags.contains(QStringLiteral("high_results_unconfirmed"));
                }
                s.strongHigh += unitFlags.contains(QStringLiteral("high_results_unconfirmed"));
                if (const UnitReport *u = byKey.value(it.key()))
                    for (const auto &f : u->flags())
                        if (f.code == QStringLiteral("high_results_unconfirmed") &&
                            f.explanation.contains(QStringLiteral("в базе нет")))
                            ++s.strongHighNoGia;
                for (const QString &c : unitFlags)
                    s.strongByCriterion[c] += 1;
                const JournalStyle style = styles.value(it.key().section(QLatin1Char('|'), 4));
                bool falseFlag = false;
                for (const QString &c : unitFlags)
                    falseFlag = falseFlag || (criterionKind(c) != CriterionKind::Results &&
                                              falseJournalFlag(style, c));
                s.strongJournalFalse += falseFlag ? 1 : 0;
                for (const QString &c : unitFlags)
                    if (criterionKind(c) != CriterionKind::Results)
                        s.strongJournalByStyle[QStringLiteral("%1 %2").arg(
                            QLatin1String(styleName(style)), c)] += 1;
                continue;
            }
            s.planted[int(m)] += 1;
            s.found[int(m)] += unitFlags.isEmpty() ? 0 : 1;
            s.foundExpected[int(m)] += unitFlags.contains(expectedCriterion(m)) ? 1 : 0;
            if (sizes.value(it.key()) >= kLargeUnit) {
                s.plantedLarge[int(m)] += 1;
                s.foundLarge[int(m)] += unitFlags.contains(expectedCriterion(m)) ? 1 : 0;
            }
            if (verbose && !unitFlags.contains(expectedCriterion(m))) {
                const UnitReport *u = byKey.value(it.key());
                std::printf("    missed %s in %s (n=%d, journal %s)\n",
                            qPrintable(manipulationCode(m)), qPrintable(it.key()), u ? u->n : -1,
                            styleName(styles.value(it.key().section(QLatin1Char('|'), 4))));
                for (const auto &f : u ? u->findings : QList<CriterionFinding>())
                    std::printf(
                        "      %s %s p=%.3g q=%.3g effect=%d (%.2f, threshold %.2f) %s %s\n",
                        qPrintable(f.code), qPrintable(f.label), f.pValue, f.qValue,
                        f.effect ? 1 : 0, f.effectSize, f.threshold, qPrintable(f.reasonText),
                        qPrintable(f.explanation));
            }
        }
    // honest: units with 20+ participants and no planted manipulation (medal units included)
    for (auto it = sizes.begin(); it != sizes.end(); ++it) {
        if (it.value() < 20 || planted.contains(it.key()))
            continue;
        ++s.honest;
        const QStringList unitFlags = flags.value(it.key());
        const JournalStyle style = styles.value(it.key().section(QLatin1Char('|'), 4));
        bool journalFlag = false, falseFlag = false;
        for (const QString &c : unitFlags)
            if (criterionKind(c) != CriterionKind::Results) {
                journalFlag = true;
                falseFlag = falseFlag || falseJournalFlag(style, c);
                s.honestJournalByStyle[QStringLiteral("%1 %2").arg(QLatin1String(styleName(style)),
                                                                   c)] += 1;
            }
        s.honestUnitsByStyle[QLatin1String(styleName(style))] += 1;
        s.honestJournalUnitsByStyle[QLatin1String(styleName(style))] += journalFlag ? 1 : 0;
        s.honestJournalFalse += falseFlag ? 1 : 0;
        if (style == JournalStyle::Usual) {
            ++s.honestUsual;
            s.honestUsualJournal += journalFlag ? 1 : 0;
        }
        if (unitFlags.isEmpty())
            continue;
        ++s.honestFlagged;
        bool byResults = false, byJournal = false;
        for (const QString &c : unitFlags) {
            s.honestByCriterion[c] += 1;
            (criterionKind(c) == CriterionKind::Results ? byResults : byJournal) = true;
        }
        s.honestResults += byResults;
        s.honestJournal += byJournal;
    }
    return s;
}

// year,kind,grade,subject,school,manipulation — for looking at the units outside the benchmark
void writePlanted(const SimulatedRegion &plan, const QString &path) {
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return;
    for (const PlantedManipulation &m : plan.planted())
        f.write(QStringLiteral("%1,%2,%3,%4,%5,%6\n")
                    .arg(m.year)
                    .arg(procedureKindCode(m.kind), QString::number(m.grade), m.subject,
                         m.schoolCode, manipulationCode(m.manipulation))
                    .toUtf8());
}

void printScore(const Score &s) {
    std::printf(
        "  | manipulation           | planted | flagged | recall | by its criterion          "
        "  | units of %d+: by its criterion |\n",
        kLargeUnit);
    std::printf("  |------------------------|--------:|--------:|-------:|------------------------"
                "------|-------------------------------:|\n");
    for (Manipulation m : allManipulations()) {
        if (m == Manipulation::StrongSchoolHonest)
            continue;
        const int n = s.planted.value(int(m)), f = s.found.value(int(m)),
                  e = s.foundExpected.value(int(m));
        const int ln = s.plantedLarge.value(int(m)), lf = s.foundLarge.value(int(m));
        const QString large = ln ? QStringLiteral("%1 / %2 = %3")
                                       .arg(lf, 3)
                                       .arg(ln, 3)
                                       .arg(double(lf) / ln, 4, 'f', 2)
                                 : QStringLiteral("—");
        std::printf("  | %-22s | %7d | %7d | %6.2f | %-24s %3d | %30s |\n",
                    qPrintable(manipulationCode(m)), n, f, n ? double(f) / n : 0.0,
                    qPrintable(expectedCriterion(m)), e, qPrintable(large));
    }
    for (auto it = s.variantPlanted.begin(); it != s.variantPlanted.end(); ++it) {
        const int ln = s.variantPlantedLarge.value(it.key());
        std::printf("      %-36s by its criterion %3d / %3d; units of %d+: %3d / %3d\n",
                    qPrintable(it.key()), s.variantFound.value(it.key()), it.value(), kLargeUnit,
                    s.variantFoundLarge.value(it.key()), ln);
        if (it.key().startsWith(QStringLiteral("help_hard_tasks")))
            std::printf("      %-36s units of %d+: person_fit %3d / %3d, difficulty_inversion or "
                        "person_fit %3d / %3d\n",
                        "", kLargeUnit, s.variantPersonFitLarge.value(it.key()), ln,
                        s.variantEitherLarge.value(it.key()), ln);
    }
    std::printf("  honest units (20+ participants) flagged: %d / %d = %.2f%% (result criteria "
                "%d = %.2f%%, journal criteria %d = %.2f%%)\n",
                s.honestFlagged, s.honest, s.honest ? 100.0 * s.honestFlagged / s.honest : 0.0,
                s.honestResults, s.honest ? 100.0 * s.honestResults / s.honest : 0.0,
                s.honestJournal, s.honest ? 100.0 * s.honestJournal / s.honest : 0.0);
    for (auto it = s.honestByCriterion.begin(); it != s.honestByCriterion.end(); ++it)
        std::printf("      %-26s %d\n", qPrintable(it.key()), it.value());
    std::printf("  honest units (20+) of schools with a usual journal: %d, flagged by journal "
                "criteria %d = %.2f%%; journal flags of honest units by journal style:\n",
                s.honestUsual, s.honestUsualJournal,
                s.honestUsual ? 100.0 * s.honestUsualJournal / s.honestUsual : 0.0);
    for (auto it = s.honestUnitsByStyle.begin(); it != s.honestUnitsByStyle.end(); ++it) {
        const int flagged = s.honestJournalUnitsByStyle.value(it.key());
        std::printf("      %-14s honest units %5d, with a journal flag %4d = %5.2f%%\n",
                    qPrintable(it.key()), it.value(), flagged,
                    it.value() ? 100.0 * flagged / it.value() : 0.0);
    }
    std::printf("  honest units (20+) with a FALSE journal flag (counted against the <= 5 %% "
                "target: any at usual and class-relative journals, lenient at strict-fair): "
                "%d / %d = %.2f%%\n",
                s.honestJournalFalse, s.honest,
                s.honest ? 100.0 * s.honestJournalFalse / s.honest : 0.0);
    for (auto it = s.honestJournalByStyle.begin(); it != s.honestJournalByStyle.end(); ++it)
        std::printf("      %-40s %d\n", qPrintable(it.key()), it.value());
    const int pushes = s.plantedLarge.value(int(Manipulation::BoundaryPush));
    std::printf("  boundary_push in units of 20+: expected recall of the test at the run's cut-off "
                "(mean oracle power) %.2f; detectable (power >= 0.5) %d of %d, found %d; most "
                "powerful test of each push: mean power %.2f, detectable %d\n",
                pushes ? s.pushPowerSum / pushes : 0.0, s.pushDetectable, pushes,
                s.pushDetectableFound, pushes ? s.pushIdealSum / pushes : 0.0,
                s.pushIdealDetectable);
    for (auto it = s.planPowerUnits.begin(); it != s.planPowerUnits.end(); ++it)
        std::printf("  %s in units of 20+ (power of %s at the run's cut-off, from the planted "
                    "shift): mean power %.2f; detectable (power >= 0.5) %d of %d, found %d\n",
                    qPrintable(manipulationCode(Manipulation(it.key()))),
                    qPrintable(expectedCriterion(Manipulation(it.key()))),
                    it.value() ? s.planPowerSum.value(it.key()) / it.value() : 0.0,
                    s.planDetectable.value(it.key()), it.value(),
                    s.planDetectableFound.value(it.key()));
    std::printf("  strong_school_honest units flagged: %d / %d = %.2f%% "
                "(high_results_unconfirmed: %d)\n",
                s.strongFlagged, s.strongUnits,
                s.strongUnits ? 100.0 * s.strongFlagged / s.strongUnits : 0.0, s.strongHigh);
    for (auto it = s.strongByCriterion.begin(); it != s.strongByCriterion.end(); ++it)
        std::printf("      %-26s %d\n", qPrintable(it.key()), it.value());
    std::printf("  strong honest units with a FALSE journal flag: %d / %d = %.2f%%; with the other "
                "honest units: %d / %d = %.2f%%\n",
                s.strongJournalFalse, s.strongUnits,
                s.strongUnits ? 100.0 * s.strongJournalFalse / s.strongUnits : 0.0,
                s.strongJournalFalse + s.honestJournalFalse, s.strongUnits + s.honest,
                s.strongUnits + s.honest ? 100.0 * (s.strongJournalFalse + s.honestJournalFalse) /
                                               (s.strongUnits + s.honest)
                                         : 0.0);
    std::printf("  journal flags of strong honest units by journal style:\n");
    for (auto it = s.strongJournalByStyle.begin(); it != s.strongJournalByStyle.end(); ++it)
        std::printf("      %-40s %d\n", qPrintable(it.key()), it.value());
    std::printf("  of them strong ordinary СОШ units: %d, high_results_unconfirmed: %d\n",
                s.strongOrdinaryUnits, s.strongOrdinaryHigh);
}

// Passes the region on with the strong honest schools recorded as ordinary СОШ: then only their
// own ГИА can keep high_results_unconfirmed off them (the гимназия/лицей exemption does not apply).
class StrongAsOrdinarySink : public RegionSink {
public:
    explicit StrongAsOrdinarySink(RegionSink &inner) : m_inner(inner) {}
    void unit(const GeneratedSchool &school, const GeneratedProcedure &procedure,
              const QList<ParticipantResult> &rows) override {
        GeneratedSchool copy = school;
        if (copy.strong)
            copy.school.kind = SchoolKind::Sosh;
        m_inner.unit(copy, procedure, rows);
    }
    bool cancelled() const override { return m_inner.cancelled(); }

private:
    RegionSink &m_inner;
};

// Writes the region into a new database at `path` through storage, as one transaction.
bool writeDatabase(const GeneratorOptions &o, const QString &path, qint64 *rows,
                   bool strongAsOrdinary = false) {
    QFile::remove(path);
    auto db = storage::Database::open(path);
    if (!db) {
        std::fprintf(stderr, "%s\n", qPrintable(db.error().toString()));
        return false;
    }
    storage::GeneratedRegionWriter writer(**db, QStringLiteral("generated seed %1").arg(o.seed));
    const core::Status s = (*db)->transaction([&]() -> core::Status {
        StrongAsOrdinarySink disguised(writer);
        if (strongAsOrdinary)
            RegionGenerator(o).run(disguised);
        else
            RegionGenerator(o).run(writer);
        return writer.finish();
    });
    if (!s) {
        std::fprintf(stderr, "%s\n", qPrintable(s.error().toString()));
        return false;
    }
    *rows = writer.rows();
    return true;
}

// What `objectivity-cli analyze` does: open the database, load the thresholds, read, analyse.
std::optional<AnalysisReport> analyze(const QString &path, qint64 *participants, qint64 *readMs,
                                      qint64 *totalMs,
                                      std::optional<AnalysisDataset> *keepData = nullptr,
                                      AnalysisSettings *keepSettings = nullptr) {
    QElapsedTimer t;
    t.start();
    auto db = storage::Database::open(path, storage::Database::OpenFor::Reading);
    if (!db) {
        std::fprintf(stderr, "%s\n", qPrintable(db.error().toString()));
        return std::nullopt;
    }
    auto settings = storage::AnalysisSettingsRepository((*db)->connection()).load();
    for (const QString &s : settingOverrides())
        if (settings)
            settings->setFromText(s, nullptr);
    auto data = storage::AnalysisDataReader::read((*db)->connection());
    if (!settings || !data) {
        std::fprintf(stderr, "%s\n",
                     qPrintable((!settings ? settings.error() : data.error()).toString()));
        return std::nullopt;
    }
    *readMs = t.elapsed();
    *participants = data->participantCount();
    AnalysisReport report = AnalysisEngine::run(*data, *settings);
    *totalMs = t.elapsed();
    if (keepData)
        *keepData = std::move(*data);
    if (keepSettings)
        *keepSettings = *settings;
    return report;
}

int analyzeOnly(const QString &path) {
    qint64 participants = 0, readMs = 0, totalMs = 0;
    QElapsedTimer t;
    t.start();
    const auto report = analyze(path, &participants, &readMs, &totalMs);
    if (!report)
        return 1;
    // as `analyze --json` prints it
    const QByteArray json = QJsonDocument(report->toJson(true)).toJson(QJsonDocument::Indented);
    const qint64 allMs = t.elapsed();
    std::printf("  participants %lld, units %lld, flagged units %lld, JSON %lld KB\n",
                static_cast<long long>(participants), static_cast<long long>(report->units.size()),
                static_cast<long long>(report->flaggedUnits().size()),
                static_cast<long long>(json.size() / 1024));
    std::printf(
        "  | open + settings + read SQLite | analyse | JSON | total | peak RSS (VmHWM) |\n");
    std::printf("  | %26lld ms | %4lld ms | %2lld ms | %lld ms | %s |\n",
                static_cast<long long>(readMs), static_cast<long long>(totalMs - readMs),
                static_cast<long long>(allMs - totalMs), static_cast<long long>(allMs),
                qPrintable(vmHwm()));
    return 0;
}

} // namespace

int main(int argc, char **argv) {
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    auto option = [&](const QString &name, const QString &def) {
        const int i = args.indexOf(name);
        return i >= 0 && i + 1 < args.size() ? args.at(i + 1) : def;
    };
    for (int i = 1; i + 1 < args.size(); ++i)
        if (args.at(i) == QStringLiteral("--set"))
            settingOverrides() << args.at(i + 1);
    if (args.contains(QStringLiteral("--analyze-only")))
        return analyzeOnly(option(QStringLiteral("--analyze-only"), QString()));

    const int schools = option(QStringLiteral("--schools"), QStringLiteral("150")).toInt();
    const qint64 targetRows =
        option(QStringLiteral("--rows"), QStringLiteral("1000000")).toLongLong();
    // --seeds 1,2,3 or --seeds 1 2 3 (every argument up to the next option); a seed that is not a
    // number is refused rather than read as 0
    QStringList seeds;
    if (const int at = args.indexOf(QStringLiteral("--seeds")); at >= 0)
        for (int i = at + 1; i < args.size() && !args.at(i).startsWith(QStringLiteral("--")); ++i)
            for (const QString &s : args.at(i).split(u',', Qt::SkipEmptyParts))
                seeds << s.trimmed();
    if (!args.contains(QStringLiteral("--seeds")))
        seeds = {QStringLiteral("1"), QStringLiteral("2"), QStringLiteral("3")};
    for (const QString &s : seeds) {
        bool ok = false;
        s.toULongLong(&ok);
        if (!ok) {
            std::fprintf(stderr, "--seeds: «%s» is not a seed number\n", qPrintable(s));
            return 2;
        }
    }
    if (seeds.isEmpty()) {
        std::fprintf(stderr, "--seeds: no seed given\n");
        return 2;
    }
    std::printf("seeds: %s\n", qPrintable(seeds.join(QStringLiteral(", "))));
    // the generator's setting: the share of honest journal variants, the manipulations' strength
    GeneratorOptions variant;
    variant.journalVariantShare =
        option(QStringLiteral("--journal-variants"), QString::number(variant.journalVariantShare))
            .toDouble();
    variant.strength =
        option(QStringLiteral("--strength"), QString::number(variant.strength)).toDouble();
    // help and lenient marks in one class of the parallel in half of their plants
    variant.oneClassShare = option(QStringLiteral("--one-class"), QStringLiteral("0.5")).toDouble();
    std::printf("generator: journal variants %.2f + %.2f, strength %.2f, one class %.2f\n",
                variant.journalVariantShare, variant.journalVariantShare, variant.strength,
                variant.oneClassShare);
    QTemporaryDir tmp;
    // --work-dir DIR keeps each seed's database and its planted units (seedN-planted.csv)
    const QDir dir(option(QStringLiteral("--work-dir"), tmp.path()));
    const QString setting = option(QStringLiteral("--setting"), QStringLiteral("base"));
    {
        GeneratorOptions probe;
        if (!GeneratorSetting::apply(setting, probe)) {
            std::fprintf(stderr, "unknown --setting %s (base, wide, narrow, guess)\n",
                         qPrintable(setting));
            return 2;
        }
    }
    std::printf("generator setting: %s\n", qPrintable(setting));
    Score total;
    qint64 rowsPerSchool = 0;
    for (const QString &seedText : seeds) {
        GeneratorOptions o = variant;
        o.seed = seedText.toULongLong();
        o.schools = schools;
        o.municipalities = 8;
        o.firstYear = 2023;
        o.lastYear = 2025;
        GeneratorSetting::apply(setting, o);
        const QString path =
            dir.filePath(QStringLiteral("%1-seed%2.sqlite").arg(setting, seedText));
        QElapsedTimer t;
        t.start();
        qint64 rows = 0;
        // --reuse-db: a database kept by an earlier run with the same --work-dir is read as it is
        if (!(args.contains(QStringLiteral("--reuse-db")) && QFile::exists(path)) &&
            !writeDatabase(o, path, &rows))
            return 1;
        const qint64 writeMs = t.elapsed();
        if (dir.path() != tmp.path())
            writePlanted(RegionGenerator(o).plan(),
                         dir.filePath(QStringLiteral("seed%1-planted.csv").arg(seedText)));
        qint64 participants = 0, readMs = 0, totalMs = 0;
        std::optional<AnalysisDataset> data;
        AnalysisSettings settings;
        const auto report = analyze(path, &participants, &readMs, &totalMs, &data, &settings);
        if (!report)
            return 1;
        std::printf("seed %s: %d schools, %lld participants, %lld units (written in %lld ms, "
                    "read and analysed in %lld ms)\n",
                    qPrintable(seedText), schools, static_cast<long long>(rows),
                    static_cast<long long>(report->units.size()), static_cast<long long>(writeMs),
                    static_cast<long long>(totalMs));
        // the same region without manipulations: the planted shift of the comparison criteria
        std::optional<AnalysisReport> twin;
        if (o.strength > 0) {
            GeneratorOptions honest = o;
            honest.strength = 0;
            const QString twinPath =
                dir.filePath(QStringLiteral("%1-seed%2-honest.sqlite").arg(setting, seedText));
            qint64 twinRows = 0, p2 = 0, r2 = 0, t2 = 0;
            if (!(args.contains(QStringLiteral("--reuse-db")) && QFile::exists(twinPath)) &&
                !writeDatabase(honest, twinPath, &twinRows))
                return 1;
            twin = analyze(twinPath, &p2, &r2, &t2);
            if (!twin)
                return 1;
        }
        const Score s =
            score(RegionGenerator(o).plan(), *report, args.contains(QStringLiteral("--verbose")),
                  *data, settings, o.strength, twin ? &*twin : nullptr);
        printScore(s);
        total.add(s);
        rowsPerSchool = std::max<qint64>(rowsPerSchool, rows / std::max(1, schools));
    }
    if (seeds.size() > 1) {
        std::printf("all seeds:\n");
        printScore(total);
    }
    {
        // the strong honest schools written as ordinary schools: does their ГИА protect them?
        GeneratorOptions o = variant;
        o.seed = seeds.first().toULongLong();
        o.schools = schools;
        o.municipalities = 8;
        o.firstYear = 2023;
        o.lastYear = 2025;
        GeneratorSetting::apply(setting, o);
        const QString path = dir.filePath(QStringLiteral("%1-strong.sqlite").arg(setting));
        qint64 rows = 0, participants = 0, readMs = 0, totalMs = 0;
        if (!(args.contains(QStringLiteral("--reuse-db")) && QFile::exists(path)) &&
            !writeDatabase(o, path, &rows, true))
            return 1;
        std::optional<AnalysisDataset> data;
        AnalysisSettings settings;
        const auto report = analyze(path, &participants, &readMs, &totalMs, &data, &settings);
        if (!report)
            return 1;
        const Score s =
            score(RegionGenerator(o).plan(), *report, false, *data, settings, o.strength);
        std::printf("seed %s with the strong honest schools recorded as ordinary СОШ "
                    "(no гимназия/лицей exemption):\n",
                    qPrintable(seeds.first()));
        std::printf("  strong_school_honest units flagged: %d / %d (high_results_unconfirmed: "
                    "%d, of them without ГИА data in the subject: %d)\n",
                    s.strongFlagged, s.strongUnits, s.strongHigh, s.strongHighNoGia);
    }
    if (targetRows <= 0 || rowsPerSchool <= 0)
        return 0;
    // the large database: enough schools to reach the target row count
    GeneratorOptions big;
    big.seed = 7;
    big.municipalities = 30;
    big.firstYear = 2023;
    big.lastYear = 2025;
    big.schools =
        static_cast<int>(1.1 * double(targetRows) / double(rowsPerSchool)) + 1; // seeds vary
    const QString path =
        option(QStringLiteral("--keep-db"), dir.filePath(QStringLiteral("big.sqlite")));
    QElapsedTimer t;
    t.start();
    qint64 rows = 0;
    if (!writeDatabase(big, path, &rows))
        return 1;
    std::printf("large database: %d schools, %lld participants written in %lld ms\n", big.schools,
                static_cast<long long>(rows), static_cast<long long>(t.elapsed()));
    QProcess child;
    child.setProcessChannelMode(QProcess::ForwardedChannels);
    child.start(app.applicationFilePath(), {QStringLiteral("--analyze-only"), path});
    child.waitForFinished(-1);
    return child.exitCode();
}
