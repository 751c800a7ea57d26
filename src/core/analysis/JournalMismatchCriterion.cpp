#include "objectivity/core/analysis/JournalMismatchCriterion.h"

#include "objectivity/core/common/NumberText.h"
#include "objectivity/core/stats/ZTest.h"

namespace objectivity::core {

namespace {
CriterionFinding evaluate(const CriterionInput &in, bool lenient) {
    CriterionFinding f;
    f.code = QString::fromUtf16(lenient ? criterion::JournalLenient : criterion::JournalInflated);
    const auto &m = in.metrics;
    const auto &r = in.regionMetrics;
    if (m.journalPairs < in.settings.value(QStringLiteral("min_participants")) ||
        r.journalPairs < 1)
        return f;
    const int x = lenient ? m.lowered : m.raised;
    const int rx = lenient ? r.lowered : r.raised;
    const TestResult t = ZTest::proportionsGreater(x, m.journalPairs, rx, r.journalPairs);
    if (!t.valid)
        return f;
    f.pValue = t.pValue;
    const double pct = lenient ? m.loweredPct : m.raisedPct;
    const double refPct = lenient ? r.loweredPct : r.raisedPct;
    if (pct - refPct < in.settings.value(QStringLiteral("journal.min_diff_pp")))
        return f;
    f.effect = true;
    f.explanation =
        QStringLiteral("%1 %2 из %3 участников (%4%) при %5% по региону; подтвердили %6%, "
                       "средняя разница «журнал − отметка» %7, взвешенная каппа %8.")
            .arg(lenient ? QStringLiteral("Понизили (отметка за работу ниже отметки по журналу):")
                         : QStringLiteral("Повысили (отметка за работу выше отметки по журналу):"),
                 QString::number(x), QString::number(m.journalPairs), NumberText::fixed(pct, 1),
                 NumberText::fixed(refPct, 1), NumberText::fixed(m.confirmedPct, 1),
                 NumberText::fixed(m.meanJournalMinusMark, 2),
                 std::isnan(m.kappa) ? QStringLiteral("—") : NumberText::fixed(m.kappa, 2));
    return f;
}
} // namespace

CriterionFinding JournalMismatchCriterion::evaluateLenient(const CriterionInput &in) {
    return evaluate(in, true);
}

CriterionFinding JournalMismatchCriterion::evaluateInflated(const CriterionInput &in) {
    return evaluate(in, false);
}

} // namespace objectivity::core
