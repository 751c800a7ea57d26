#include "BenchScore.h"

#include "PlantPower.h"

#include "objectivity/core/analysis/CriterionKind.h"

#include <QHash>
#include <QStringList>

#include <cstdio>

using namespace objectivity;
using namespace objectivity::core;
using namespace objectivity::simulation;

namespace objectivity::bench {

namespace {

QString unitKey(int year, ProcedureKind kind, int grade, const QString &subject,
                const QString &school) {
    return QStringLiteral("%1|%2|%3|%4|%5")
        .arg(year)
        .arg(static_cast<int>(kind))
        .arg(grade)
        .arg(subject, school);
}

// Adds every count of FROM to the same key of INTO.
template <typename Key, typename Value>
void addInto(QMap<Key, Value> &into, const QMap<Key, Value> &from) {
    for (auto it = from.begin(); it != from.end(); ++it)
        into[it.key()] += it.value();
}

} // namespace

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

void Score::add(const Score &o) {
    addInto(planted, o.planted);
    addInto(found, o.found);
    addInto(foundExpected, o.foundExpected);
    addInto(plantedLarge, o.plantedLarge);
    addInto(foundLarge, o.foundLarge);
    addInto(foundLargeAnyResult, o.foundLargeAnyResult);
    honest += o.honest;
    honestFlagged += o.honestFlagged;
    honestResults += o.honestResults;
    honestJournal += o.honestJournal;
    honestUsual += o.honestUsual;
    honestUsualJournal += o.honestUsualJournal;
    addInto(honestJournalByStyle, o.honestJournalByStyle);
    addInto(honestUnitsByStyle, o.honestUnitsByStyle);
    addInto(honestJournalUnitsByStyle, o.honestJournalUnitsByStyle);
    honestJournalFalse += o.honestJournalFalse;
    honestMedalUnits += o.honestMedalUnits;
    honestMedalFlagged += o.honestMedalFlagged;
    pushPowerSum += o.pushPowerSum;
    pushIdealSum += o.pushIdealSum;
    pushIdealDetectable += o.pushIdealDetectable;
    pushDetectable += o.pushDetectable;
    pushDetectableFound += o.pushDetectableFound;
    addInto(planPowerSum, o.planPowerSum);
    addInto(planPowerUnits, o.planPowerUnits);
    addInto(planDetectable, o.planDetectable);
    addInto(planDetectableFound, o.planDetectableFound);
    strongOrdinaryUnits += o.strongOrdinaryUnits;
    strongOrdinaryHigh += o.strongOrdinaryHigh;
    addInto(variantPlanted, o.variantPlanted);
    addInto(variantFound, o.variantFound);
    addInto(variantPlantedLarge, o.variantPlantedLarge);
    addInto(variantFoundLarge, o.variantFoundLarge);
    addInto(variantPersonFitLarge, o.variantPersonFitLarge);
    addInto(variantEitherLarge, o.variantEitherLarge);
    addInto(honestByCriterion, o.honestByCriterion);
    addInto(variationUnits, o.variationUnits);
    addInto(variationResults, o.variationResults);
    addInto(variationByCriterion, o.variationByCriterion);
    strongUnits += o.strongUnits;
    strongFlagged += o.strongFlagged;
    strongHigh += o.strongHigh;
    strongHighNoGia += o.strongHighNoGia;
    addInto(strongByCriterion, o.strongByCriterion);
    addInto(strongJournalByStyle, o.strongJournalByStyle);
    strongJournalFalse += o.strongJournalFalse;
}

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

Score score(const SimulatedRegion &plan, const AnalysisReport &report, bool verbose,
            const AnalysisDataset &data, const AnalysisSettings &settings, double strength,
            const AnalysisReport *withoutPlants) {
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
    QHash<QString, QStringList> variations; // the school's honest variations
    QHash<QString, const GeneratedSchool *> schoolByCode;
    for (const GeneratedSchool &g : plan.schools()) {
        schoolByCode.insert(g.school.code, &g);
        ordinarySchool.insert(g.school.code, g.school.kind == SchoolKind::Sosh);
        styles.insert(g.school.code, g.journalStyle);
        if (g.trend != 0)
            variations[g.school.code] << QLatin1String(g.trend > 0 ? "improving" : "declining");
        if (g.bimodal)
            variations[g.school.code] << QStringLiteral("bimodal");
        if (g.spread < 0.8)
            variations[g.school.code] << QStringLiteral("narrow spread");
        if (g.spread > 1.25)
            variations[g.school.code] << QStringLiteral("wide spread");
        const double raterSd = plan.options().raterLeniencySd;
        if (raterSd > 0 && g.raterLeniency > raterSd)
            variations[g.school.code] << QStringLiteral("lenient checking");
        if (raterSd > 0 && g.raterLeniency < -raterSd)
            variations[g.school.code] << QStringLiteral("strict checking");
        if (g.streamed)
            variations[g.school.code] << QStringLiteral("streamed classes");
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
        // the comparison of the criterion's own family (high_results_unconfirmed: with ГИА, not the
        // part against the school's journal)
        for (const auto &f : u->findings)
            fp = f.correctionFamily() == code ? &f : fp;
        for (const auto &f : twin->findings)
            fh = f.correctionFamily() == code ? &f : fh;
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
                bool anyResult = false;
                for (const QString &c : unitFlags)
                    anyResult = anyResult || criterionKind(c) == CriterionKind::Results;
                s.foundLargeAnyResult[int(m)] += anyResult ? 1 : 0;
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
    // honest medal units of any size: one unsupported medallist is already a finding
    for (auto it = sizes.begin(); it != sizes.end(); ++it) {
        const UnitReport *u = byKey.value(it.key());
        if (!u || u->kind != ProcedureKind::EGE || !u->subject.isEmpty() ||
            planted.contains(it.key()))
            continue;
        ++s.honestMedalUnits;
        const bool flagged = flags.value(it.key()).contains(QStringLiteral("medals_unsupported"));
        s.honestMedalFlagged += flagged ? 1 : 0;
        if (verbose && flagged)
            for (const auto &f : u->findings)
                std::printf("    honest medallists flagged %s: %s\n", qPrintable(it.key()),
                            qPrintable(f.explanation));
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
        const QStringList schoolVariations =
            variations.value(it.key().section(QLatin1Char('|'), 4));
        for (const QString &v : schoolVariations) {
            s.variationUnits[v] += 1;
            bool results = false;
            for (const QString &c : unitFlags)
                if (criterionKind(c) == CriterionKind::Results) {
                    results = true;
                    s.variationByCriterion[v + QLatin1Char(' ') + c] += 1;
                }
            s.variationResults[v] += results ? 1 : 0;
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
        if (verbose && byResults) {
            // which honest unit a results criterion named, and the school's hidden parameters
            const GeneratedSchool *g = schoolByCode.value(it.key().section(QLatin1Char('|'), 4));
            std::printf("    honest unit with a results flag %s (n=%d): %s; school effect %.2f, "
                        "spread %.2f, checking %+.2f%s%s\n",
                        qPrintable(it.key()), int(it.value()),
                        qPrintable(unitFlags.join(QStringLiteral(", "))), g ? g->effect : 0.0,
                        g ? g->spread : 1.0, g ? g->raterLeniency : 0.0,
                        schoolVariations.isEmpty() ? "" : ", ",
                        qPrintable(schoolVariations.join(QStringLiteral(", "))));
        }
    }
    return s;
}

} // namespace objectivity::bench
