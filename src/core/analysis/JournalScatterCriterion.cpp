#include "objectivity/core/analysis/JournalScatterCriterion.h"

#include "objectivity/core/analysis/CriterionTitle.h"
#include "objectivity/core/analysis/JournalMismatchCriterion.h"
#include "objectivity/core/common/NumberText.h"
#include "objectivity/core/stats/NormalDistribution.h"

#include <cmath>

namespace objectivity::core {

CriterionFinding JournalScatterCriterion::evaluate(const CriterionInput &in,
                                                   const JournalScatter &spread,
                                                   const JournalScatter::Counts &unit) {
    CriterionFinding f;
    f.code = staticCode(criterion::JournalScatter);
    const auto &m = in.metrics;
    const auto &r = in.regionMetrics;
    const double minZ = in.settings.value(QStringLiteral("journal.scatter_min_z"));
    f.threshold = minZ;
    if (JournalMismatchCriterion::skipWithoutPairs(in, f))
        return f;
    const double z = spread.robustZ(unit, kMinUnits), t = spread.t(unit);
    if (std::isnan(z) || std::isnan(t)) {
        f.skip(reason::NotApplicable,
               QStringLiteral("не проверялось: школ с отметками по журналу в процедуре %1, нужно "
                              "не меньше %2")
                   .arg(spread.units)
                   .arg(kMinUnits));
        return f;
    }
    f.statistic = t;
    f.pValue = NormalDistribution::sf(t);
    f.effectSize = z;
    if (z < minZ)
        return f;
    f.effect = true;
    const bool byClass = unit.classes >= 2;
    const QString within =
        byClass
            ? QStringLiteral("внутри классов (%1), каждый около своей средней").arg(unit.classes)
            : QStringLiteral("по всем участникам");
    f.explanation =
        QStringLiteral("Отметки по журналу не следуют отметкам за работу: ") +
        (byClass ? QStringLiteral("у учеников одного класса") : QStringLiteral("у учеников")) +
        QStringLiteral(" разница «отметка за работу − отметка по журналу» разная, а не одна "
                       "для всех; подтвердили %1 % (при %2 % по региону), понизили %3 %, повысили "
                       "%4 % из %5. Разброс этой разницы %6 — "
                       "стандартное отклонение %7 при %8, обычном для школ региона (отклонение "
                       "%9 с учётом обычного разброса школ, порог %10); взвешенная каппа %11 "
                       "при %12 по региону. ")
            .arg(NumberText::fixed(m.confirmedPct, 1), NumberText::fixed(r.confirmedPct, 1),
                 NumberText::fixed(m.loweredPct, 1), NumberText::fixed(m.raisedPct, 1),
                 NumberText::counted(m.journalPairs, u"участника", u"участников", u"участников"),
                 within, NumberText::fixed(std::sqrt(unit.variance()), 2),
                 NumberText::fixed(spread.usualSd(), 2),
                 (z > 0 ? QStringLiteral("+") : QString()) + NumberText::fixed(z, 1))
            .arg(NumberText::fixed(minZ, 1),
                 std::isnan(m.kappa) ? QStringLiteral("—") : NumberText::fixed(m.kappa, 2),
                 std::isnan(r.kappa) ? QStringLiteral("—") : NumberText::fixed(r.kappa, 2)) +
        QStringLiteral("Отметка в журнале мало говорит о том, что ученик показал на работе: "
                       "стоит проверить, за что ставятся текущие отметки. Что неверно — журнал "
                       "или отдельные работы, — этот признак не говорит.");
    return f;
}

void JournalScatterCriterion::yieldToTheWork(QList<CriterionFinding> &unitFindings) {
    const CriterionFinding *work = nullptr;
    for (const CriterionFinding &f : unitFindings)
        if (f.flagged && (f.code == QStringView(criterion::DifficultyInversion) ||
                          f.code == QStringView(criterion::PersonFit) ||
                          f.code == QStringView(criterion::BoundaryBunching) ||
                          f.code == QStringView(criterion::MarkScaleMismatch))) {
            work = &f;
            break;
        }
    if (!work)
        return;
    for (CriterionFinding &f : unitFindings)
        if (f.flagged && f.code == QStringView(criterion::JournalScatter)) {
            f.flagged = false;
            f.reason = staticCode(reason::ExplainedByWork);
            f.reasonText = QStringLiteral("не назван: под сомнением сама работа (признак «%1» "
                                          "этой единицы) — отметки по журналу могут не следовать "
                                          "ей из-за этого")
                               .arg(criterionTitle(work->code));
        }
}

} // namespace objectivity::core
