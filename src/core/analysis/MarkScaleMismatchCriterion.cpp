#include "objectivity/core/analysis/MarkScaleMismatchCriterion.h"

#include "objectivity/core/common/NumberText.h"
#include "objectivity/core/stats/BinomialTest.h"

namespace objectivity::core {

CriterionFinding MarkScaleMismatchCriterion::evaluate(const CriterionInput &in,
                                                      const AnalysisDataset::ScaleAgreement &unit,
                                                      const AnalysisDataset::ScaleAgreement &region,
                                                      const QString &scaleNote) {
    CriterionFinding f;
    f.code = staticCode(criterion::MarkScaleMismatch);
    f.threshold = in.settings.value(QStringLiteral("scale_mismatch.min_share_pp"));
    if (in.procedure.kind == ProcedureKind::EGE) {
        f.skip(reason::NotApplicable, QStringLiteral("не проверялось: только для ВПР и ОГЭ"));
        return f;
    }
    if (unit.checked == 0) {
        f.skip(reason::NotApplicable,
               QStringLiteral("не проверялось: нет шкалы (ни сохранённой, ни выведенной из "
                              "данных) или нет отметок"));
        return f;
    }
    const int minN = in.settings.intValue(QStringLiteral("min_participants"));
    if (unit.checked < minN) {
        f.skip(reason::TooFew, QStringLiteral("не проверялось: работ с отметкой %1, нужно не "
                                              "меньше %2")
                                   .arg(unit.checked)
                                   .arg(minN));
        return f;
    }
    const double p0 = (region.above + 0.5) / (region.checked + 1.0);
    f.statistic = unit.above;
    f.pValue = BinomialTest::upperTail(unit.above, unit.checked, p0);
    const double pct = 100.0 * unit.above / unit.checked;
    const double refPct = region.checked > 0 ? 100.0 * region.above / region.checked : 0;
    f.effectSize = pct - refPct;
    const int minCount = in.settings.intValue(QStringLiteral("scale_mismatch.min_count"));
    if (unit.above < minCount || f.effectSize < f.threshold)
        return f;
    f.effect = true;
    f.explanation =
        QStringLiteral("У %1 из %2 (%3%) отметка выше той, что даёт шкала при их первичном "
                       "балле, в других школах региона — %4%; ниже шкалы — %5. Шкала: %6.")
            .arg(QString::number(unit.above),
                 NumberText::counted(unit.checked, u"работы", u"работ", u"работ"),
                 NumberText::fixed(pct, 1), NumberText::fixed(refPct, 1),
                 QString::number(unit.below),
                 scaleNote.isEmpty() ? QStringLiteral("не указана") : scaleNote);
    return f;
}

} // namespace objectivity::core
