#pragma once
#include "objectivity/core/common/Result.h"
#include "objectivity/core/plan/Plan.h"
#include "objectivity/core/plan/PlanAction.h"
#include "objectivity/core/plan/PlanChange.h"
#include "objectivity/storage/plan/PlanSummary.h"

#include <QList>

#include <functional>

namespace objectivity::storage {

class Database;

// Plans in the database. Every call that writes is one transaction: it all lands or nothing does,
// together with its rows in the plan's history (who: Database::actor()). Every call that changes a
// plan asks core::PlanPermissions first (role of the signed-in account, state of the plan) and
// changes nothing when refused: only a draft's text changes; execution marks change in any state.
class PlanRepository {
public:
    explicit PlanRepository(Database &db) : m_db(db) {}

    core::Result<QList<PlanSummary>> list() const;
    core::Result<core::Plan> load(qint64 planId) const;

    // Inserts a new plan (plan.id == 0) or brings the stored one to exactly this state: the plan's
    // fields, columns, sections, measures and owners; rows no longer present are deleted. New
    // sections and measures get their ids written back into `plan`. The organization is found by
    // name (and municipality) or created. A new plan may be saved in any status (an imported
    // approved document); a stored plan's status changes only through the workflow calls below.
    core::Status save(core::Plan &plan);

    // Quick path for tracking the year on an approved plan: status, completion date, note of one
    // measure.
    core::Status updateMeasureExecution(const core::Measure &measure);

    // The approval workflow (core::ApprovalWorkflow), each a transaction with its history row.
    core::Status submit(qint64 planId);
    // Approving a revision marks the approved plan it was made from «заменён».
    core::Status approve(qint64 planId, const core::Approval &approval);
    core::Status returnToDraft(qint64 planId, const QString &comment);
    // A new draft revision of an approved plan, saved; its id. Refused while an earlier new
    // revision of the same plan is still a draft or on approval.
    core::Result<qint64> revise(qint64 planId);

    // An approved or superseded plan only with `force` (an administrator, or anyone while the
    // database has no accounts). The history rows stay, the removal is the last one.
    core::Status remove(qint64 planId, bool force = false);

    core::Result<QList<core::PlanChange>> history(qint64 planId) const;
    // The comment of the last return to draft, empty when none.
    core::Result<QString> lastReturnComment(qint64 planId) const;

private:
    core::Status transition(qint64 planId, core::PlanAction action,
                            const std::function<core::Status(core::Plan &)> &change,
                            const QString &historyAction, const QString &comment);

    Database &m_db;
};

} // namespace objectivity::storage
