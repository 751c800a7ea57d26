#include "objectivity/core/analysis/MarkScaleMismatchCriterion.h"

#include "objectivity/core/common/NumberText.h"
#include "objectivity/core/stats/BinomialTest.h"

#include <QStringList>

#include <algorithm>

namespace objectivity::core {

QString MarkScaleMismatchCriterion::aboveScaleDetail(const std::vector<std::uint16_t> &primaryMarks,
                                                     const ProcedureLayout &layout) {
    QStringList parts;
    for (int mark = 3; mark <= 5; ++mark) {
        const int from = layout.minFor[mark];
        if (from <= 0)
            continue;
        int count = 0, lo = 0, hi = 0;
        for (const std::uint16_t pm : primaryMarks) {
            const int score = pm >> 3;
            if ((pm & 7) != mark || score >= from)
                continue;
            lo = count == 0 ? score : std::min(lo, score);
            hi = count == 0 ? score : std::max(hi, score);
            ++count;
        }
        if (count == 0)
            continue;
        const QString scores = lo == hi ? NumberText::counted(hi, u"балл", u"балла", u"баллов")
                                        : QStringLiteral("%1–%2").arg(lo).arg(NumberText::counted(
                                              hi, u"балл", u"балла", u"баллов"));
        parts << QStringLiteral("«%1» за %2 (по шкале — с %3) — %4")
                     .arg(mark)
                     .arg(scores)
                     .arg(from)
                     .arg(NumberText::counted(count, u"работа", u"работы", u"работ"));
    }
    return parts.join(QStringLiteral(", "));
}

CriterionFinding MarkScaleMismatchCriterion::evaluate(
    const CriterionInput &in, const AnalysisDataset::ScaleAgreement &unit,
    const AnalysisDataset::ScaleAgreement &region, const QString &scaleNote,
    const std::vector<std::uint16_t> &primaryMarks) {
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
    const QString detail = aboveScaleDetail(primaryMarks, in.layout);
    f.explanation =
        QStringLiteral("У %1 из %2 (%3 %) отметка выше той, что даёт шкала при их первичном "
                       "балле%4 в других школах региона — %5 %; ниже шкалы — %6. Шкала: %7.")
            .arg(QString::number(unit.above),
                 NumberText::counted(unit.checked, u"работы", u"работ", u"работ"),
                 NumberText::fixed(pct, 1),
                 detail.isEmpty() ? QStringLiteral(",") : QStringLiteral(": ") + detail + u';',
                 NumberText::fixed(refPct, 1), QString::number(unit.below),
                 scaleNote.isEmpty() ? QStringLiteral("не указана") : scaleNote);
    return f;
}

} // namespace objectivity::core
