#pragma once
#include <QString>

namespace objectivity::core {

// The two kinds of sign (docs/methodology.md, «Два вида признаков»):
// Results — the ВПР/ГИА results themselves are doubtful (help on hard tasks, pushes to the
// boundaries, results not confirmed, cohort drop, person fit, marks against the scale, medals);
// only these name a school «с признаками необъективных результатов».
// CurrentAssessment — the teachers' marks disagree with the external marks far more than in other
// schools: the journal against the ВПР (journal_mismatch_*) and the annual marks against the
// ОГЭ/ЕГЭ (gia_vs_annual, since 06.12.2026): a sign about the school's own marks, never about its
// results.
enum class CriterionKind { Results, CurrentAssessment };

// The kind of a criterion by its code: the journal codes (journal_mismatch_*) and gia_vs_annual
// are CurrentAssessment, every other code is Results.
CriterionKind criterionKind(const QString &code);
// «results» / «current_assessment» (JSON).
QString criterionKindCode(CriterionKind kind);
// «Признаки необъективности результатов» / «Признаки необъективности текущего оценивания».
QString criterionKindTitle(CriterionKind kind);
// One sentence for a director: what a sign of this kind means for the school.
QString criterionKindMeaning(CriterionKind kind);

} // namespace objectivity::core
