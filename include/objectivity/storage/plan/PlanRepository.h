#pragma once
#include "objectivity/core/common/Result.h"
#include "objectivity/core/plan/Plan.h"
#include "objectivity/core/plan/PlanAction.h"
#include "objectivity/core/plan/PlanChange.h"
#include "objectivity/storage/plan/PlanSummary.h"

#include <QList>

#include <functional>
#include <optional>

namespace objectivity::storage {

class Database;

// Plans in the database. Every call that writes is one transaction: it all lands or nothing does,
// together with its rows in the plan's history (who: Database::actor()). Every call that changes a
// plan asks core::PlanPermissions first (role of the signed-in account, state of the plan) and
// changes nothing when refused: only a draft's text changes; execution marks change in any state.
//
// Optimistic locking: every such call raises the plan's version (plans.version) by one. A write
// that carries the version its caller loaded (Plan::version, `expectedVersion`) is refused as a
// whole when the stored plan has moved on meanwhile — error code core::ErrorCode::PlanChanged,
// «План изменён другим пользователем (кто, когда). Ваши изменения не сохранены; загружен текущий
// план.» — and nothing is written: a change is never overwritten silently.
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
    // A stored plan is saved only while its stored version is still `plan.version` (when > 0);
    // on success `plan.version` is the new one. On a conflict (ErrorCode::PlanChanged) `plan` is
    // left as it was and `current`, when given, receives the plan as stored now.
    core::Status save(core::Plan &plan, core::Plan *current = nullptr);

    // Quick path for tracking the year on an approved plan: status, completion date, note of one
    // measure. `planVersion`, when given and > 0, is the version of the plan the caller holds:
    // refused (ErrorCode::PlanChanged) when the stored plan moved on; on success it receives the
    // new version.
    core::Status updateMeasureExecution(const core::Measure &measure, int *planVersion = nullptr);

    // The approval workflow (core::ApprovalWorkflow), each a transaction with its history row.
    // `expectedVersion` > 0: refused (ErrorCode::PlanChanged) when the stored plan is no longer
    // the version the caller showed to the user.
    core::Status submit(qint64 planId, int expectedVersion = 0);
    // Approving a revision marks the approved plan it was made from «заменён».
    core::Status approve(qint64 planId, const core::Approval &approval, int expectedVersion = 0);
    core::Status returnToDraft(qint64 planId, const QString &comment, int expectedVersion = 0);
    // A new draft revision of an approved plan, saved; its id. Refused while an earlier new
    // revision of the same plan is still a draft or on approval.
    core::Result<qint64> revise(qint64 planId);

    // An approved or superseded plan only with `force` (an administrator, or anyone while the
    // database has no accounts). The history rows stay, the removal is the last one.
    core::Status remove(qint64 planId, bool force = false);

    core::Result<QList<core::PlanChange>> history(qint64 planId) const;
    // The comment of the last return to draft, empty when none.
    core::Result<QString> lastReturnComment(qint64 planId) const;
    // The stored version of a plan (0 when it is not there): cheap, for change notifications.
    core::Result<int> version(qint64 planId) const;
    // The last row of the plan's history (who changed it last, when), nullopt when none.
    core::Result<std::optional<core::PlanChange>> lastChange(qint64 planId) const;

private:
    core::Status transition(qint64 planId, core::PlanAction action,
                            const std::function<core::Status(core::Plan &)> &change,
                            const QString &historyAction, const QString &comment,
                            int expectedVersion);

    Database &m_db;
};

} // namespace objectivity::storage
