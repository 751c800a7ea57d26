#pragma once
#include "objectivity/core/analysis/AnalysisReport.h"
#include "objectivity/core/common/Result.h"
#include "objectivity/core/plan/MeasureProposal.h"
#include "objectivity/core/plan/Plan.h"

#include <QString>

class QWidget;

namespace objectivity::storage {
class Database;
}

namespace objectivity::gui {

class PlanEditor;

// From a sign to the plan in the GUI: proposes the measures for a school (or one finding), asks
// with AddMeasuresDialog and writes them. Into the plan open in `editor`: through its undo stack
// (one macro «Меры по результатам анализа», undone at once); into another plan or a new one: one
// transaction (storage::FindingLinkRepository::addToPlan). Each measure is linked to its finding.
class FindingMeasures {
public:
    // Runs the dialog; returns the id of the plan changed (0 when nothing was added) or an error.
    // `finding` with an empty criterion means every flagged finding of the school in its year.
    static core::Result<qint64> addFromAnalysis(storage::Database &db,
                                                const core::AnalysisReport &report,
                                                const QString &schoolCode,
                                                const core::FindingRef &finding, PlanEditor *editor,
                                                QWidget *parent);

    // Writes the chosen measures (no dialog) into plan `planId` (0: `newPlan`, stored); returns
    // the measures added and sets *changedPlanId to the plan's id.
    static core::Result<QList<core::MeasureProposal>>
    apply(storage::Database &db, PlanEditor *editor, qint64 planId, int sectionIndex,
          const QString &newSectionTitle, const core::Plan &newPlan,
          const QList<core::MeasureProposal> &chosen, qint64 *changedPlanId = nullptr);

    // «Основание: признак «…», ВПР 2024, математика, 5 класс» for every finding of a measure,
    // empty when it answers none.
    static QString basisOf(storage::Database &db, qint64 measureId);
    // The plans' measures answering a finding, as HTML lines («План №3, 2.1. Перепроверка …»).
    static QString measuresHtml(storage::Database &db, const core::FindingRef &finding);
};

} // namespace objectivity::gui
