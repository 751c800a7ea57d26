#pragma once
#include "objectivity/core/analysis/CriterionFinding.h"
#include "objectivity/core/analysis/CriterionInput.h"
#include "objectivity/core/analysis/JournalScatter.h"

#include <QList>

namespace objectivity::core {

// journal_mismatch_scatter (kind CurrentAssessment): the journal marks do not follow the marks for
// the work — «отметка − журнал» differs from pupil to pupil of one class far more than at the
// region's schools (few «подтвердили»), whatever the mean shift that journal_mismatch_lenient /
// _strict test. The statistic is the variance of «отметка − журнал» inside the unit's classes
// against the procedure's schools (JournalScatter): the effect needs robustZ ≥
// journal.scatter_min_z, the p-value is one-sided on the unit's own participants, Φ̄((log V −
// centre)/√((κ − 1)/df)). It cannot tell whether the journal or the work is wrong (help on some
// works scatters d too): the explanation says so.
class JournalScatterCriterion {
public:
    // Fewer units with journal marks in the procedure: the spread is not estimated.
    static constexpr int kMinUnits = 5;

    static CriterionFinding evaluate(const CriterionInput &in, const JournalScatter &spread,
                                     const JournalScatter::Counts &unit);
    // After the correction: a unit whose works are themselves flagged (help on hard tasks,
    // aberrant works, bunching at a boundary, marks above the scale) is not named for a journal
    // that does not follow those works — the scatter is the work's, not the teacher's. The
    // finding keeps its statistic, p and q; flagged becomes false with reason explained_by_work.
    static void yieldToTheWork(QList<CriterionFinding> &unitFindings);
};

} // namespace objectivity::core
