#pragma once
#include <QString>

namespace objectivity::core {

// The two kinds of sign (docs/methodology.md, «Два вида признаков»):
// Results — the ВПР/ГИА results themselves are doubtful (help on hard tasks, pushes to the
// boundaries, results not confirmed, cohort drop, ГИА vs annual marks, medals); only these name a
// school «с признаками необъективных результатов».
// CurrentAssessment — the school's journal marks disagree with the external marks far more than
// in other schools: a sign about its current marks, never about its results.
enum class CriterionKind { Results, CurrentAssessment };

// The kind of a criterion by its code (every code not of the journal family is Results).
CriterionKind criterionKind(const QString &code);
// «results» / «current_assessment» (JSON).
QString criterionKindCode(CriterionKind kind);
// «Признаки необъективности результатов» / «Признаки необъективности текущего оценивания».
QString criterionKindTitle(CriterionKind kind);
// One sentence for a director: what a sign of this kind means for the school.
QString criterionKindMeaning(CriterionKind kind);

} // namespace objectivity::core
