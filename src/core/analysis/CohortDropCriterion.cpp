#include "objectivity/core/analysis/CohortDropCriterion.h"

#include "objectivity/core/common/NumberText.h"
#include "objectivity/core/stats/NormalDistribution.h"

#include <cmath>

namespace objectivity::core {

CriterionFinding CohortDropCriterion::evaluate(const Side &first, const Side &next,
                                               const AnalysisSettings &settings,
                                               const Linked *linked, const QString &unlinkedWhy,
                                               const EmpiricalNull *calibration) {
    CriterionFinding f;
    const bool grade4 = first.grade == 4;
    f.code = staticCode(grade4 ? criterion::CohortDrop : criterion::CohortUnconfirmed);
    f.threshold = settings.value(QStringLiteral("cohort.min_drop"));
    const int nextGrade = first.grade + 1;
    if (!grade4 && !linked) {
        // beyond grade 4 only the same pupils' own works are compared
        f.skip(reason::NotApplicable,
               QStringLiteral("не проверялось: работы учеников %1 и %2 классов не связаны кодом "
                              "участника")
                       .arg(first.grade)
                       .arg(nextGrade) +
                   (unlinkedWhy.isEmpty() ? QString() : QStringLiteral(": ") + unlinkedWhy));
        return f;
    }
    if (first.n < 2 || next.n < 2) {
        f.skip(reason::TooFew, QStringLiteral("не проверялось: в %1 или %2 классе меньше 2 "
                                              "участников")
                                   .arg(first.grade)
                                   .arg(nextGrade));
        return f;
    }
    const double drop = linked ? linked->drop : first.position - next.position;
    f.statistic = linked ? drop / linked->standardError
                         : drop / ((calibration ? calibration->scale : 1.0) *
                                   std::sqrt(1.0 / first.n + 1.0 / next.n));
    f.effectSize = drop;
    f.pValue = NormalDistribution::sf(f.statistic);
    if (drop < settings.value(QStringLiteral("cohort.min_drop")))
        return f;
    const double minPosition = settings.value(QStringLiteral("cohort.min_position"));
    if (first.position < minPosition) {
        // the drop is large enough: say what the criterion needs that this unit lacks
        f.belowThreshold(
            QStringLiteral("результат %1 класса в %2 году ниже "
                           "региона (%3 ст. откл., нужно не меньше %4) — критерий "
                           "ищет результат не ниже региона, не подтвердившийся через "
                           "год")
                .arg(first.grade)
                .arg(first.year)
                .arg(NumberText::fixed(first.position, 2), NumberText::fixed(minPosition, 1)));
        return f;
    }
    f.effect = true;
    f.explanation =
        QStringLiteral("В %9 классе (%1) средний процент выполнения %2 % при %3 % по региону "
                       "(%4 ст. откл.), а те же обучающиеся в %10 классе (%5) — %6 % при %7 % "
                       "(%8 ст. откл.): высокий результат %11 класса не подтвердился.")
            .arg(QString::number(first.year), NumberText::fixed(first.meanPercent, 1),
                 NumberText::fixed(first.regionPercent, 1),
                 (first.position > 0 ? QStringLiteral("+") : QString()) +
                     NumberText::fixed(first.position, 2),
                 QString::number(next.year), NumberText::fixed(next.meanPercent, 1),
                 NumberText::fixed(next.regionPercent, 1), NumberText::fixed(next.position, 2),
                 QString::number(first.grade))
            .arg(nextGrade)
            .arg(first.grade);
    if (!linked && calibration && calibration->schools > 0)
        f.explanation +=
            QStringLiteral(
                " Падение сравнено с тем, как меняется результат той же когорты от 4 к 5 "
                "классу в %1 школах региона (разброс — %2 от расчётного по числу "
                "учеников; z = %3).")
                .arg(calibration->schools)
                .arg(NumberText::fixed(calibration->scale, 2), NumberText::fixed(f.statistic, 1));
    if (linked)
        f.explanation +=
            QStringLiteral(" Сравнены работы одних и тех же учеников (%1 уч., связаны кодом "
                           "участника): их результат упал на %2 ст. откл. относительно региона "
                           "(ст. ошибка %3; по региону две работы ученика согласуются с "
                           "корреляцией %4).")
                .arg(linked->n)
                .arg(NumberText::fixed(drop, 2), NumberText::fixed(linked->standardError, 2),
                     NumberText::fixed(linked->correlation, 2));
    if (linked && linked->excessSd > 0) {
        f.explanation.chop(2); // «…0,71).» + the spread between schools
        f.explanation +=
            QStringLiteral("; в ошибке учтён и обычный для региона разброс таких падений между "
                           "школами сверх случайного, ±%1: учителя разных лет различаются).")
                .arg(NumberText::fixed(linked->excessSd, 2));
    }
    return f;
}

} // namespace objectivity::core
