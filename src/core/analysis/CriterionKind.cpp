#include "objectivity/core/analysis/CriterionKind.h"

#include "objectivity/core/analysis/CriterionFinding.h"

namespace objectivity::core {

CriterionKind criterionKind(const QString &code) {
    // gia_vs_annual doubts the annual marks, not the ГИА: the ОГЭ/ЕГЭ of a school is conducted and
    // checked outside it, and the annual mark is the teacher's, like the journal mark on a ВПР
    return code.startsWith(QStringLiteral("journal_mismatch")) ||
                   code == QStringView(criterion::GiaVsAnnual)
               ? CriterionKind::CurrentAssessment
               : CriterionKind::Results;
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
