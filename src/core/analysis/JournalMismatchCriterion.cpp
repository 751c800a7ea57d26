#include "objectivity/core/analysis/JournalMismatchCriterion.h"

#include "objectivity/core/common/NumberText.h"
#include "objectivity/core/stats/ZTest.h"

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

CriterionFinding evaluate(const CriterionInput &in, const JournalSpread &spread, double position,
                          Side side) {
    CriterionFinding f;
    f.code = QString::fromUtf16(codeOf(side));
    const auto &m = in.metrics;
    const auto &r = in.regionMetrics;
    const int minN = in.settings.intValue(QStringLiteral("min_participants"));
    const double minZ = in.settings.value(QStringLiteral("journal.min_robust_z"));
    const double highPosition = in.settings.value(QStringLiteral("journal.inflated_position"));
    f.threshold = minZ;
    if (m.journalPairs == 0) {
        f.skip(reason::NotApplicable, QStringLiteral("не проверялось: нет отметок по журналу"));
        return f;
    }
    if (m.journalPairs < minN) {
        f.skip(reason::TooFew,
               QStringLiteral("не проверялось: участников с отметкой по журналу %1, нужно не "
                              "меньше %2")
                   .arg(m.journalPairs)
                   .arg(minN));
        return f;
    }
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
    const JournalSpread::Counts counts{m.raised, m.lowered, m.journalPairs, position};
    const double z = spread.robustZ(counts, r.raisedPct / 100, r.loweredPct / 100,
                                    JournalMismatchCriterion::kMinSchools);
    const int x = lenient ? m.lowered : m.raised;
    const int rx = lenient ? r.lowered : r.raised;
    const TestResult t = ZTest::proportionsGreater(x, m.journalPairs, rx, r.journalPairs);
    if (!t.valid || std::isnan(z)) {
        f.skip(reason::NotApplicable,
               QStringLiteral("не проверялось: разброс школ по журналу не определён"));
        return f;
    }
    f.pValue = t.pValue;
    f.statistic = t.statistic;
    f.effectSize = lenient ? -z : z; // towards the criterion's side
    if (f.effectSize < minZ)
        return f;
    f.effect = true;
    const QString what =
        side == Side::Lenient
            ? QStringLiteral("Понизили (отметка за работу ниже отметки по журналу): %1 из %2 "
                             "участников (%3%) при %4% по региону.")
            : QStringLiteral("Повысили (отметка за работу выше отметки по журналу): %1 из %2 "
                             "участников (%3%) при %4% по региону.");
    const QString meaning =
        side == Side::Lenient ? QStringLiteral("Отметки в журнале мягче независимой оценки.")
        : side == Side::Strict
            ? QStringLiteral("Отметки в журнале строже независимой оценки; это признак "
                             "текущего оценивания, а не завышения результатов.")
            : QStringLiteral("Результат работы выше региона (%1 ст. откл.) и выше, чем "
                             "подтверждают отметки учителя в журнале.")
                  .arg(signedText(position, 2));
    f.explanation =
        what.arg(QString::number(x), QString::number(m.journalPairs),
                 NumberText::fixed(100.0 * x / m.journalPairs, 1),
                 NumberText::fixed(lenient ? r.loweredPct : r.raisedPct, 1)) +
        QStringLiteral(" Разность «повысили − понизили» %1 п. п. при %2 п. п., обычных для школ "
                       "региона того же уровня результатов (отклонение %3 с учётом обычного "
                       "разброса школ, порог %4). Подтвердили "
                       "%5%, средняя разница «журнал − отметка» %6, взвешенная каппа %7. ")
            .arg(signedText(100 * counts.shift(), 1),
                 signedText(100 * spread.expected(position), 1), signedText(z, 1),
                 NumberText::fixed(minZ, 1), NumberText::fixed(m.confirmedPct, 1),
                 NumberText::fixed(m.meanJournalMinusMark, 2),
                 std::isnan(m.kappa) ? QStringLiteral("—") : NumberText::fixed(m.kappa, 2)) +
        meaning;
    return f;
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

} // namespace objectivity::core
