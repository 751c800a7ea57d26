#pragma once
#include "objectivity/core/common/Organization.h"
#include "objectivity/core/common/Result.h"
#include "objectivity/core/plan/Plan.h"
#include "objectivity/core/plan/PlanAction.h"
#include "objectivity/core/plan/Role.h"

#include <optional>

namespace objectivity::core {

// Who may do what with a plan in which state: the only place with these rules (the CLI, the GUI
// and storage all ask here; a server mode maps the same matrix onto database roles).
//
// `role` is std::nullopt for a database without accounts: then only the rules of the plan's state
// apply (an approved plan is still read-only), as before accounts existed.
//
// Roles: заместитель директора — creates, imports, edits drafts, submits, marks execution, removes
// drafts, keeps the staff directory; директор — the same plus approve, return, new revision;
// администратор — accounts and the removal of approved plans (results, analysis and exports need
// no plan rights); специалист муниципалитета — the director's rights on plans of a municipal or
// regional body, none on a school's plan (reads it).
class PlanPermissions {
public:
    static Status check(std::optional<Role> role, PlanAction action, PlanStatus status,
                        OrganizationKind organization = OrganizationKind::School);
    static Status check(std::optional<Role> role, PlanAction action, const Plan &plan) {
        return check(role, action, plan.status, plan.organization.kind);
    }
    static bool allowed(std::optional<Role> role, PlanAction action, PlanStatus status,
                        OrganizationKind organization = OrganizationKind::School) {
        return check(role, action, status, organization).ok();
    }

    // The role alone (any plan state).
    static bool roleAllows(Role role, PlanAction action, OrganizationKind organization);
    // The plan's state alone (any role); the reason when refused, else empty.
    static QString stateRefusal(PlanAction action, PlanStatus status);
};

} // namespace objectivity::core
