#include "objectivity/core/analysis/CohortDropCriterion.h"

#include "objectivity/core/common/NumberText.h"
#include "objectivity/core/stats/NormalDistribution.h"

#include <cmath>

namespace objectivity::core {

CriterionFinding CohortDropCriterion::evaluate(const Side &g4, const Side &g5,
                                               const AnalysisSettings &settings) {
    CriterionFinding f;
    f.code = QString::fromUtf16(criterion::CohortDrop);
    f.threshold = settings.value(QStringLiteral("cohort.min_drop"));
    if (g4.n < 2 || g5.n < 2) {
        f.skip(reason::TooFew, QStringLiteral("не проверялось: в 4 или 5 классе меньше 2 "
                                              "участников"));
        return f;
    }
    const double drop = g4.position - g5.position;
    f.statistic = drop / std::sqrt(1.0 / g4.n + 1.0 / g5.n);
    f.effectSize = drop;
    f.pValue = NormalDistribution::sf(f.statistic);
    if (g4.position < settings.value(QStringLiteral("cohort.min_position")) ||
        drop < settings.value(QStringLiteral("cohort.min_drop")))
        return f;
    f.effect = true;
    f.explanation =
        QStringLiteral("В 4 классе (%1) средний процент выполнения %2% при %3% по региону "
                       "(+%4 ст. откл.), а те же обучающиеся в 5 классе (%5) — %6% при %7% "
                       "(%8 ст. откл.): высокий результат 4 класса не подтвердился.")
            .arg(QString::number(g4.year), NumberText::fixed(g4.meanPercent, 1),
                 NumberText::fixed(g4.regionPercent, 1), NumberText::fixed(g4.position, 2),
                 QString::number(g5.year), NumberText::fixed(g5.meanPercent, 1),
                 NumberText::fixed(g5.regionPercent, 1), NumberText::fixed(g5.position, 2));
    return f;
}

} // namespace objectivity::core
