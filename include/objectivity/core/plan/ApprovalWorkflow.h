#pragma once
#include "objectivity/core/common/Result.h"
#include "objectivity/core/plan/Plan.h"
#include "objectivity/core/plan/Role.h"

#include <optional>

namespace objectivity::core {

// The approval workflow as pure transitions of a Plan value:
//   черновик → (submit) на утверждении → (approve: order number and date) утверждён
//   на утверждении → (returnToDraft, with a comment) черновик
//   утверждён → (revise) a new draft revision; when that revision is approved, the old one becomes
//   «заменён» (supersede).
// Each refuses a transition the plan's state does not allow (PlanPermissions::stateRefusal) and
// leaves the plan unchanged then. Roles are checked by the caller through PlanPermissions.
class ApprovalWorkflow {
public:
    static Status submit(Plan &plan);
    // The approval must name the order (number and date); the approver's name and position are
    // taken from `approval` when given, else kept.
    static Status approve(Plan &plan, const Approval &approval);
    static Status returnToDraft(Plan &plan, const QString &comment);
    static Result<Plan> revise(const Plan &approved);
    static Status supersede(Plan &plan);

    // What looks wrong with an order's date, as a remark for the person approving (empty when
    // nothing does): a date still to come (after `today`), after the end of the plan's period, or
    // more than a year before its start — usually a mistyped year. A remark, not a refusal: an
    // old plan is entered with its old order.
    static QString orderDateRemark(const QDate &orderDate, const AcademicPeriod &period,
                                   const QDate &today);

    // The status an imported document asks for: «утверждён» when its approval block names an order
    // (a number or a date), else «черновик».
    static PlanStatus statusFromDocument(const Approval &approval);
    // The status `role` stores an imported plan with when it asks for `wanted`: «утверждён» only
    // for a role that approves such a plan (PlanAction::ImportApproved: the school's director,
    // the department for its own plans, anyone in a database without accounts). For anyone
    // else an approved document waits for the approver — «на утверждении», the order's number
    // and date kept —, so that no role records an approval it could not give.
    static PlanStatus importStatus(std::optional<Role> role, PlanStatus wanted,
                                   OrganizationKind organization);
    // The note an import shows when importStatus lowered the status (empty when it did not).
    static QString importStatusNote(std::optional<Role> role, PlanStatus wanted,
                                    OrganizationKind organization);
};

} // namespace objectivity::core
