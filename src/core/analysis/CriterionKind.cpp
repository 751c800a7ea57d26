#include "objectivity/core/analysis/CriterionKind.h"

namespace objectivity::core {

CriterionKind criterionKind(const QString &code) {
    return code.startsWith(QStringLiteral("journal_mismatch")) ? CriterionKind::CurrentAssessment
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
               ? QStringLiteral("Отметки школы в журнале расходятся с независимой оценкой "
                                "заметно сильнее, чем в других школах региона: стоит проверить "
                                "систему текущего оценивания; сами результаты ВПР/ГИА этим не "
                                "ставятся под сомнение.")
               : QStringLiteral("Сами результаты ВПР/ГИА школы выглядят необъективными (помощь "
                                "при выполнении, завышение при проверке, неподтверждение другими "
                                "процедурами): повод проверить проведение и проверку работ.");
}

} // namespace objectivity::core
