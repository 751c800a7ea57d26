#include "objectivity/core/analysis/JournalMismatchCriterion.h"

#include "objectivity/core/analysis/UnitMetrics.h"
#include "objectivity/core/common/NumberText.h"
#include "objectivity/core/stats/NormalDistribution.h"

#include <algorithm>
#include <cmath>

namespace objectivity::core {

namespace {

enum class Side { Lenient, Strict, Inflated };

const char16_t *codeOf(Side side) {
    switch (side) {
    case Side::Lenient:
        return criterion::JournalLenient;
    case Side::Strict:
        return criterion::JournalStrict;
    case Side::Inflated:
        break;
    }
    return criterion::JournalInflated;
}

QString signedText(double v, int decimals) {
    return (v > 0 ? QStringLiteral("+") : QString()) + NumberText::fixed(v, decimals);
}

// minZ < 0: the setting journal.min_robust_z
CriterionFinding evaluate(const CriterionInput &in, const JournalSpread &spread, double position,
                          Side side, double minZ = -1) {
    CriterionFinding f;
    f.code = staticCode(codeOf(side));
    const auto &m = in.metrics;
    const auto &r = in.regionMetrics;
    if (minZ < 0)
        minZ = in.settings.value(QStringLiteral("journal.min_robust_z"));
    const double highPosition = in.settings.value(QStringLiteral("journal.inflated_position"));
    f.threshold = minZ;
    if (JournalMismatchCriterion::skipWithoutPairs(in, f))
        return f;
    if (spread.schools < JournalMismatchCriterion::kMinSchools || r.journalPairs < 1) {
        f.skip(reason::NotApplicable,
               QStringLiteral("не проверялось: школ с отметками по журналу в процедуре %1, нужно "
                              "не меньше %2")
                   .arg(spread.schools)
                   .arg(JournalMismatchCriterion::kMinSchools));
        return f;
    }
    if (side == Side::Strict && position >= highPosition) {
        f.skip(reason::NotApplicable,
               QStringLiteral("не проверялось: результат выше региона — см. «повысили при "
                              "высоком результате»"));
        return f;
    }
    if (side == Side::Inflated && position < highPosition) {
        f.skip(reason::NotApplicable,
               QStringLiteral("не проверялось: результат не выше региона — см. «журнал строже "
                              "результата»"));
        return f;
    }
    const bool lenient = side == Side::Lenient;
    // every participant with both marks, and the level of the journal marks
    JournalSpread::Counts counts = JournalSpread::countsOf(in.unit);
    counts.position = position;
    const double z = spread.robustZ(counts, JournalMismatchCriterion::kMinSchools);
    const int x = lenient ? m.lowered : m.raised;
    // significance on the unit's own participants: its mean «отметка − журнал» against the mean
    // of the procedure's schools over the same marks, z = (d̄ − d̄₀)/√(s²/n), one-sided
    const double se = std::sqrt(spread.diffVar / counts.pairs);
    if (std::isnan(z) || !(se > 0)) {
        f.skip(reason::NotApplicable,
               QStringLiteral("не проверялось: разброс школ по журналу не определён"));
        return f;
    }
    const double t = (counts.shift() - spread.diffMean) / se * (lenient ? -1 : 1);
    f.pValue = NormalDistribution::sf(t);
    f.statistic = t;
    f.effectSize = lenient ? -z : z; // towards the criterion's side
    if (f.effectSize < minZ)
        return f;
    // Grading relative to the class gives a weak class the region's usual journal marks (many
    // «понизили») and a strong class the same (many «повысили»): the shift is explained by the
    // class's level. Lenient marks are named only when the journal marks are also above the
    // region's usual journal marks by journal.min_level_z standard errors; strict marks, and
    // «повысили» at a high result, only when they are below them by as many.
    const double level = spread.levelZ(counts);
    const double minLevel = in.settings.value(QStringLiteral("journal.min_level_z"));
    if (!std::isnan(level) && (lenient ? level : -level) < minLevel) {
        f.belowThreshold(
            QStringLiteral("сдвиг объясняется уровнем участников — средняя "
                           "отметка по "
                           "журналу %1 при %2 обычно по региону (отклонение %3 ст. ош., нужно %4 "
                           "%5), так бывает при оценивании относительно класса")
                .arg(NumberText::fixed(counts.journalMean(), 2),
                     NumberText::fixed(spread.journalMean, 2), signedText(level, 1),
                     lenient ? QStringLiteral("не меньше") : QStringLiteral("не больше"),
                     signedText(lenient ? minLevel : -minLevel, 2)));
        return f;
    }
    f.effect = true;
    const QString what =
        side == Side::Lenient
            ? QStringLiteral("Понизили (отметка за работу ниже отметки по журналу): %1 из %2 "
                             "(%3 %) при %4 % по региону.")
            : QStringLiteral("Повысили (отметка за работу выше отметки по журналу): %1 из %2 "
                             "(%3 %) при %4 % по региону.");
    const QString meaning =
        side == Side::Lenient ? QStringLiteral("Отметки в журнале мягче независимой оценки.")
        : side == Side::Strict
            ? QStringLiteral("Отметки в журнале строже независимой оценки; это признак "
                             "текущего оценивания, а не завышения результатов.")
            : QStringLiteral("Результат работы выше региона (%1 ст. откл.), а отметки "
                             "учителя в журнале ниже обычных по региону: результат выше, чем "
                             "подтверждает журнал. Что неверно — журнал или работа, — этот "
                             "признак не говорит.")
                  .arg(signedText(position, 2));
    f.explanation =
        what.arg(QString::number(x),
                 NumberText::counted(m.journalPairs, u"участника", u"участников", u"участников"),
                 NumberText::fixed(100.0 * x / m.journalPairs, 1),
                 NumberText::fixed(lenient ? r.loweredPct : r.raisedPct, 1)) +
        QStringLiteral(" Средняя разница «отметка за работу − отметка по журналу» %1 при %2, "
                       "обычной для школ региона того же уровня результатов (отклонение %3 с "
                       "учётом обычного разброса школ, порог %4). Подтвердили %5 %, взвешенная "
                       "каппа %6. ")
            .arg(
                signedText(counts.shift(), 2), signedText(spread.expected(position), 2),
                signedText(z, 1),
                NumberText::fixed(minZ, std::abs(minZ * 10 - std::round(minZ * 10)) < 1e-9 ? 1 : 2),
                NumberText::fixed(m.confirmedPct, 1),
                std::isnan(m.kappa) ? QStringLiteral("—") : NumberText::fixed(m.kappa, 2)) +
        (std::isnan(level)
             ? QString()
             : QStringLiteral("Средняя отметка по журналу %1 при %2 обычно по региону. ")
                   .arg(NumberText::fixed(counts.journalMean(), 2),
                        NumberText::fixed(spread.journalMean, 2))) +
        meaning;
    return f;
}

// «³», «¹²»: an exponent as printed text writes it (a caret reads as a typo in a справка).
QString superscript(int n) {
    static const char16_t digits[] = u"⁰¹²³⁴⁵⁶⁷⁸⁹";
    QString text;
    for (const QChar c : QString::number(n))
        text += c.isDigit() ? QChar(digits[c.digitValue()]) : c;
    return text;
}

// A class's explanation within its parallel's finding: whose it is and the Šidák correction.
QString ofTheClass(const JournalMismatchCriterion::ClassJournal &c, int pairs, const QString &text,
                   int k, double classZ, double minZ) {
    return QStringLiteral("В классе %1 (%2 из %3 с отметкой по журналу): ")
               .arg(c.name, QString::number(c.counts->journalPairs),
                    NumberText::counted(pairs, u"участника", u"участников", u"участников")) +
           text +
           (k == 1 // the only class tested: no choice to correct for, only the two looks
                ? QStringLiteral(" Класс проверялся один, p = 2·p₁ (поправка на проверку "
                                 "параллели и отдельно класса).")
                : QStringLiteral(" Класс выбран как самый отклоняющийся из %1: порог для класса "
                                 "%2 вместо %3 (поправка Шидака на число классов), p = 2·(1 − (1 "
                                 "− p₁)%4).")
                      .arg(QString::number(k), NumberText::fixed(classZ, 2),
                           NumberText::fixed(minZ, 1), superscript(k)));
}

// The words of the comparison with the unit's own other procedures: the parallel's with its
// school's, a class's with the same class's (ClassJournals).
struct InSchoolWords {
    const char16_t *level; // «выше обычной для …»
    const char16_t *usual; // «мягче, чем обычно …»
    const char16_t *peers; // «обычной для … региона того же уровня»
    const char16_t *others; // «… (N: …) журнал обычно …»
    const char16_t *which;  // what the N other procedures are
    const char16_t *spread; // «с учётом обычного разброса …»
    const char16_t *levelFrom; // «…; … она обычно отличается от обычной по региону»
    const char16_t *softerThan; // «мягче независимой оценки и мягче, чем …»
};
constexpr InSchoolWords kParallelWords{u"этой школы",
                                       u"в этой же школе",
                                       u"школ",
                                       u"В других процедурах этой школы",
                                       u"другие предметы, классы и годы",
                                       u"процедур внутри школ региона",
                                       u"в других процедурах школы",
                                       u"в других предметах и классах этой школы"};
constexpr InSchoolWords kClassWords{u"этого класса",
                                    u"у этого же класса",
                                    u"классов",
                                    u"У этого же класса в других процедурах",
                                    u"другие предметы и годы, те же ученики",
                                    u"таких разниц у классов региона",
                                    u"у этого же класса в других процедурах",
                                    u"у этого же класса в других предметах и годах"};

// The comparison with the school's other units (or, `ofClass`, the same class's other procedures)
// of the unit in `in`, whose entry in `baseline` has a baseline: statistic, p, effect and
// explanation into f (its code, label and threshold already set).
void inSchool(const CriterionInput &in, const JournalSpread &spread, double position,
              const JournalSchoolBaseline &baseline, std::size_t index, double minZ, bool ofClass,
              CriterionFinding &f) {
    const JournalSchoolBaseline::Within &w = baseline.within(index);
    const double z = baseline.z(index), t = baseline.t(index);
    if (std::isnan(z) || std::isnan(t)) {
        f.skip(reason::NotApplicable,
               QStringLiteral("не проверялось: разброс процедур внутри школ не определён"));
        return;
    }
    f.pValue = NormalDistribution::sf(t);
    f.statistic = t;
    f.effectSize = z;
    if (z < minZ)
        return;
    const auto &m = in.metrics;
    // «softer than the school» without more «понизили» than «повысили» is no lenient journal: a
    // strong class of a strict school with «5» for the work and in the journal (nothing to lower,
    // nothing to raise) differs from the school's usual «повысили» only by the scale's ceiling
    if (m.lowered <= m.raised) {
        f.belowThreshold(QStringLiteral("понизили %1 из %2 — не больше, чем повысили (%3): "
                                        "отметки по журналу не выше отметок за работу, разница "
                                        "со школой — от края шкалы, а не от мягкого журнала")
                             .arg(m.lowered)
                             .arg(m.journalPairs)
                             .arg(m.raised));
        return;
    }
    // grading relative to the class: the journal marks stay at the school's usual level whatever
    // the class's ability; lenient marks lift them above it
    const JournalSpread::Counts counts = JournalSpread::countsOf(in.unit);
    const double level = counts.journalMean() - spread.journalMean;
    const double levelSe =
        counts.journalCount > 0 ? spread.journalSd / std::sqrt(double(counts.journalCount)) : 0;
    const double minLevel = in.settings.value(QStringLiteral("journal.min_level_z"));
    const InSchoolWords &words = ofClass ? kClassWords : kParallelWords;
    auto text = [](const char16_t *t) { return QString::fromUtf16(t); };
    if (levelSe > 0 && (level - w.levelBaseline) / levelSe < minLevel) {
        f.belowThreshold(
            QStringLiteral(
                "сдвиг объясняется уровнем участников — средняя отметка по журналу "
                "%1, на %3 ст. ош. от обычной для %2 (нужно выше обычной не меньше чем на %4)")
                .arg(NumberText::fixed(counts.journalMean(), 2), text(words.level),
                     signedText((level - w.levelBaseline) / levelSe, 1),
                     NumberText::fixed(minLevel, 2)));
        return;
    }
    f.effect = true;
    auto side = [](double r) {
        return r >= 0 ? QStringLiteral("мягче") : QStringLiteral("строже");
    };
    const double residual = w.baseline + w.difference;
    f.explanation =
        QStringLiteral(
            "Отметки по журналу мягче, чем обычно %1. Средняя разница «отметка за "
            "работу − отметка по журналу» %2 при %3, обычной для %4 региона того же уровня "
            "результатов: журнал %5 их на %6 отметки. %7 (%8: %9) журнал обычно %10 на %11 "
            "отметки; ")
            .arg(text(words.usual), signedText(counts.shift(), 2),
                 signedText(spread.expected(position), 2), text(words.peers), side(residual),
                 NumberText::fixed(std::abs(residual), 2), text(words.others),
                 QString::number(w.others), text(words.which))
            .arg(side(w.baseline), NumberText::fixed(std::abs(w.baseline), 2)) +
        QStringLiteral(
            "разница %1 отметки (отклонение %2 с учётом обычного разброса %3, порог %4). "
            "Понизили (отметка за работу ниже отметки по журналу): %5 из %6 (%7 %) при %8 % по "
            "региону. Средняя отметка по журналу %9; %10 она обычно отличается от обычной по "
            "региону на %11. Отметки в журнале мягче независимой оценки и мягче, чем %12.")
            .arg(signedText(w.difference, 2), signedText(z, 1), text(words.spread),
                 NumberText::fixed(minZ, minZ == std::round(minZ * 10) / 10 ? 1 : 2),
                 QString::number(m.lowered),
                 NumberText::counted(m.journalPairs, u"участника", u"участников", u"участников"),
                 NumberText::fixed(100.0 * m.lowered / m.journalPairs, 1),
                 NumberText::fixed(in.regionMetrics.loweredPct, 1),
                 NumberText::fixed(counts.journalMean(), 2))
            .arg(text(words.levelFrom), signedText(w.levelBaseline, 2), text(words.softerThan));
}

// The parallel's finding without an effect, although a class was tested: its reason names the most
// extreme class, its deviation and its bar («почему 6Б не назван»), with the class's own reason
// when the deviation passed the bar but another condition did not.
// `against` says what the class was compared with when it is not what the parallel was.
void noteTheClass(CriterionFinding &whole, const QString &name, int k, double z, double bar,
                  const CriterionFinding &cls, const QString &against = {}) {
    if (whole.effect || std::isnan(z))
        return;
    QString text = QStringLiteral("самый отклоняющийся класс %1%2%3: отклонение %4 при пороге для "
                                  "класса %5")
                       .arg(name, k > 1 ? QStringLiteral(" (из %1)").arg(k) : QString(), against,
                            signedText(z, 1), NumberText::fixed(bar, 2));
    const QString below = QStringLiteral("эффект ниже порога: ");
    if (cls.reason == reason::BelowThreshold && cls.reasonText.startsWith(below))
        text += QStringLiteral(" (") + cls.reasonText.mid(below.size()) + QLatin1Char(')');
    if (whole.reason.isEmpty())
        whole.belowThreshold(text);
    else if (whole.reason == reason::BelowThreshold)
        whole.reasonText += QStringLiteral("; ") + text;
}

// The parallel and its most extreme class (see the header for the correction).
CriterionFinding
evaluateWithClasses(const CriterionInput &in, const JournalSpread &spread, double position,
                    const std::vector<JournalMismatchCriterion::ClassJournal> &classes,
                    const JournalSpread &classSpread, Side side) {
    CriterionFinding whole = evaluate(in, spread, position, side);
    if (!whole.tested())
        return whole;
    const int minN = in.settings.intValue(QStringLiteral("min_participants"));
    std::vector<const JournalMismatchCriterion::ClassJournal *> eligible;
    if (classSpread.schools >= JournalMismatchCriterion::kMinSchools)
        for (const auto &c : classes)
            if (c.counts && c.counts->journalPairs >= minN)
                eligible.push_back(&c);
    const int k = static_cast<int>(eligible.size());
    if (k < 2)
        return whole; // one class: the parallel is that class
    const double minZ = in.settings.value(QStringLiteral("journal.min_robust_z"));
    const double classZ = JournalMismatchCriterion::sidakThreshold(minZ, k);
    struct Tested {
        const JournalMismatchCriterion::ClassJournal *cls;
        CriterionFinding finding;
    };
    std::vector<Tested> tested;
    for (const auto *c : eligible) {
        const UnitMetrics metrics = UnitMetrics::compute(*c->counts, in.layout);
        const CriterionInput ci{in.procedure, in.school, in.layout,        *c->counts,
                                in.region,    metrics,   in.regionMetrics, in.settings};
        CriterionFinding f = evaluate(ci, classSpread, c->position, side, classZ);
        if (f.tested())
            tested.push_back({c, f});
    }
    whole.pValue = std::min(1.0, 2 * whole.pValue);
    const QString correction = QStringLiteral(
        " p умножено на 2 (поправка на проверку параллели и отдельно её %1 классов).");
    if (tested.empty()) {
        if (whole.effect)
            whole.explanation += correction.arg(k);
        return whole;
    }
    // the most extreme class: with the effect first, then the largest robust z towards the side
    std::size_t best = 0;
    for (std::size_t i = 1; i < tested.size(); ++i) {
        const CriterionFinding &a = tested[i].finding, &b = tested[best].finding;
        if (a.effect != b.effect ? a.effect : a.effectSize > b.effectSize)
            best = i;
    }
    CriterionFinding f = tested[best].finding;
    const double pClass = std::min(1.0, 2 * JournalMismatchCriterion::sidak(f.pValue, k));
    if (f.effect && (!whole.effect || pClass < whole.pValue)) {
        f.explanation
            .replace(QStringLiteral("обычной для школ региона"),
                     QStringLiteral("обычной для классов региона"))
            .replace(QStringLiteral("разброса школ"), QStringLiteral("разброса классов"));
        f.pValue = pClass;
        f.label = QStringLiteral("класс %1").arg(tested[best].cls->name);
        f.explanation =
            ofTheClass(*tested[best].cls, in.metrics.journalPairs, f.explanation, k, classZ, minZ);
        return f;
    }
    if (whole.effect)
        whole.explanation += correction.arg(k);
    noteTheClass(whole, tested[best].cls->name, k, f.effectSize, classZ, f);
    return whole;
}

} // namespace

CriterionFinding JournalMismatchCriterion::evaluateLenient(const CriterionInput &in,
                                                           const JournalSpread &spread,
                                                           double position) {
    return evaluate(in, spread, position, Side::Lenient);
}

CriterionFinding JournalMismatchCriterion::evaluateStrict(const CriterionInput &in,
                                                          const JournalSpread &spread,
                                                          double position) {
    return evaluate(in, spread, position, Side::Strict);
}

CriterionFinding JournalMismatchCriterion::evaluateInflated(const CriterionInput &in,
                                                            const JournalSpread &spread,
                                                            double position) {
    return evaluate(in, spread, position, Side::Inflated);
}

CriterionFinding JournalMismatchCriterion::evaluateLenient(const CriterionInput &in,
                                                           const JournalSpread &spread,
                                                           double position,
                                                           const std::vector<ClassJournal> &classes,
                                                           const JournalSpread &classSpread) {
    return evaluateWithClasses(in, spread, position, classes, classSpread, Side::Lenient);
}

CriterionFinding JournalMismatchCriterion::evaluateStrict(const CriterionInput &in,
                                                          const JournalSpread &spread,
                                                          double position,
                                                          const std::vector<ClassJournal> &classes,
                                                          const JournalSpread &classSpread) {
    return evaluateWithClasses(in, spread, position, classes, classSpread, Side::Strict);
}

CriterionFinding JournalMismatchCriterion::evaluateLenientInSchool(
    const CriterionInput &in, const JournalSpread &spread, double position,
    const JournalSchoolBaseline &baseline, int entry) {
    const CriterionFinding parallel = evaluate(in, spread, position, Side::Lenient);
    CriterionFinding f;
    f.code = parallel.code;
    f.label = QStringLiteral("по сравнению со школой");
    const double minZ = in.settings.value(QStringLiteral("journal.within_min_z"));
    f.threshold = minZ;
    if (!parallel.tested()) { // no journal marks, too few, no spread: as the parallel's
        f.reason = parallel.reason;
        f.reasonText = parallel.reasonText;
        return f;
    }
    const QString why = baseline.whyNotTested(
        entry, in.settings.intValue(QStringLiteral("journal.within_min_units")));
    if (!why.isEmpty()) {
        f.skip(reason::NotApplicable, why);
        return f;
    }
    inSchool(in, spread, position, baseline, static_cast<std::size_t>(entry), minZ, false, f);
    return f;
}

CriterionFinding JournalMismatchCriterion::evaluateLenientInSchool(
    const CriterionInput &in, const JournalSpread &spread, double position,
    const JournalSchoolBaseline &baseline, int entry, const std::vector<ClassJournal> &classes,
    const JournalSpread &classSpread, const JournalSchoolBaseline &classBaseline) {
    CriterionFinding whole = evaluateLenientInSchool(in, spread, position, baseline, entry);
    if (!whole.tested() || !classBaseline.valid())
        return whole;
    const int minN = in.settings.intValue(QStringLiteral("min_participants"));
    std::vector<const ClassJournal *> eligible;
    for (const auto &c : classes)
        if (c.counts && c.counts->journalPairs >= minN && c.inSchool >= 0 &&
            classBaseline.within(static_cast<std::size_t>(c.inSchool)).available)
            eligible.push_back(&c);
    // one class is compared too: against the same pupils' other procedures, not the school's
    const int k = static_cast<int>(eligible.size());
    if (k < 1)
        return whole;
    const double minZ = in.settings.value(QStringLiteral("journal.class_within_min_z"));
    const double classZ = sidakThreshold(minZ, k);
    // the most extreme class by its z against its own other procedures
    const ClassJournal *best = nullptr;
    double bestZ = -1e300;
    for (const ClassJournal *c : eligible) {
        const double z = classBaseline.z(static_cast<std::size_t>(c->inSchool));
        if (!std::isnan(z) && z > bestZ) {
            bestZ = z;
            best = c;
        }
    }
    whole.pValue = std::min(1.0, 2 * whole.pValue);
    const QString correction = QStringLiteral(
        " p умножено на 2 (поправка на проверку параллели и отдельно её %1 классов).");
    if (!best) {
        if (whole.effect)
            whole.explanation += correction.arg(k);
        return whole;
    }
    const UnitMetrics metrics = UnitMetrics::compute(*best->counts, in.layout);
    const CriterionInput ci{in.procedure, in.school, in.layout,        *best->counts,
                            in.region,    metrics,   in.regionMetrics, in.settings};
    CriterionFinding f;
    f.code = whole.code;
    f.threshold = classZ;
    inSchool(ci, classSpread, best->position, classBaseline,
             static_cast<std::size_t>(best->inSchool), classZ, true, f);
    const double pClass = std::min(1.0, 2 * sidak(f.pValue, k));
    if (f.effect && (!whole.effect || pClass < whole.pValue)) {
        f.pValue = pClass;
        f.label = QStringLiteral("класс %1, по сравнению с этим же классом").arg(best->name);
        f.explanation = ofTheClass(*best, in.metrics.journalPairs, f.explanation, k, classZ, minZ);
        return f;
    }
    if (whole.effect)
        whole.explanation += correction.arg(k);
    noteTheClass(whole, best->name, k, bestZ, classZ, f,
                 QStringLiteral(" по сравнению с этим же классом в других процедурах"));
    return whole;
}

bool JournalMismatchCriterion::skipWithoutPairs(const CriterionInput &in, CriterionFinding &f) {
    const int pairs = in.metrics.journalPairs;
    const int minN = in.settings.intValue(QStringLiteral("min_participants"));
    if (pairs == 0) {
        // journal marks without the work's mark: the data has no marks and no scale gives them
        const bool journalOnly =
            std::any_of(in.unit.primaryJournal.begin(), in.unit.primaryJournal.end(),
                        [](int c) { return c > 0; });
        f.skip(reason::NotApplicable,
               journalOnly ? QStringLiteral("не проверялось: отметок за работу в данных нет, а "
                                            "шкалы перевода баллов в отметку для процедуры нет")
                           : QStringLiteral("не проверялось: нет отметок по журналу"));
        return true;
    }
    if (pairs < minN) {
        f.skip(reason::TooFew,
               QStringLiteral("не проверялось: участников с отметкой по журналу %1, нужно не "
                              "меньше %2")
                   .arg(pairs)
                   .arg(minN));
        return true;
    }
    return false;
}

double JournalMismatchCriterion::sidak(double p, int k) {
    if (k <= 1 || std::isnan(p))
        return p;
    return std::min(1.0, -std::expm1(double(k) * std::log1p(-std::min(p, 1.0))));
}

double JournalMismatchCriterion::sidakThreshold(double minZ, int k) {
    if (k <= 1)
        return minZ;
    // the tail Φ̄(minZ) for the largest of k: 1 − (1 − Φ̄(z_k))^k = Φ̄(minZ)
    const double tail = -std::expm1(std::log1p(-NormalDistribution::sf(minZ)) / double(k));
    return -NormalDistribution::quantile(tail);
}

} // namespace objectivity::core
