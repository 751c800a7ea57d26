#include "objectivity/core/analysis/CriterionKind.h"

#include "objectivity/core/analysis/CriterionFinding.h"

namespace objectivity::core {

CriterionKind criterionKind(const QString &code) {
    // the teachers' own marks against the external ones: the journal on a ВПР and the annual marks
    // on the ОГЭ/ЕГЭ (conducted and checked outside the school, so gia_vs_annual doubts the annual
    // marks, not the ГИА); every other criterion doubts the results themselves
    for (const char16_t *current :
         {criterion::JournalLenient, criterion::JournalStrict, criterion::JournalInflated,
          criterion::JournalScatter, criterion::GiaVsAnnual})
        if (code == QStringView(current))
            return CriterionKind::CurrentAssessment;
    return CriterionKind::Results;
}

QString criterionKindCode(CriterionKind kind) {
    return kind == CriterionKind::CurrentAssessment ? QStringLiteral("current_assessment")
                                                    : QStringLiteral("results");
}

QString criterionKindTitle(CriterionKind kind) {
    return kind == CriterionKind::CurrentAssessment
               ? QStringLiteral("Признаки необъективности текущего оценивания")
               : QStringLiteral("Признаки необъективности результатов");
}

QString criterionKindMeaning(CriterionKind kind) {
    return kind == CriterionKind::CurrentAssessment
               ? QStringLiteral("Отметки учителей школы — по журналу и годовые — расходятся с "
                                "независимой оценкой (ВПР, ОГЭ, ЕГЭ) заметно сильнее, чем в "
                                "других школах региона: стоит проверить систему текущего и "
                                "итогового оценивания; сами результаты ВПР/ГИА этим не ставятся "
                                "под сомнение.")
               : QStringLiteral("Сами результаты ВПР/ГИА школы выглядят необъективными (помощь "
                                "при выполнении, завышение при проверке, неподтверждение другими "
                                "процедурами): повод проверить проведение и проверку работ.");
}

} // namespace objectivity::core
