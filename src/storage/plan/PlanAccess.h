#pragma once
// Access checks and history rows for the plan repositories (private to storage).
#include "objectivity/core/common/Result.h"
#include "objectivity/core/plan/PlanChange.h"
#include "objectivity/core/plan/PlanPermissions.h"

namespace objectivity::storage {

class Database;

class PlanAccess {
public:
    // core::PlanPermissions with the signed-in account's role; with nobody signed in, allowed only
    // while the database has no accounts.
    static core::Status check(Database &db, core::PlanAction action, core::PlanStatus status,
                              core::OrganizationKind organization);
    static core::Status check(Database &db, core::PlanAction action, const core::Plan &plan) {
        return check(db, action, plan.status, plan.organization.kind);
    }
    // Appends rows to plan_history inside the caller's transaction: time now, the signed-in name.
    static core::Status record(Database &db, qint64 planId, QList<core::PlanChange> changes);
    static core::Status record(Database &db, qint64 planId, const QString &action,
                               const QString &comment, const QString &field = {},
                               const QString &oldValue = {}, const QString &newValue = {});
    // An owner renamed in the measures of draft plans (staff rename, merge of near-duplicate
    // names): the edit permission when any measure is touched, the version of each plan raised,
    // then a history row per measure.
    // `touched`: (plan id, measure number).
    static core::Status ownerRenamed(Database &db, const QList<std::pair<qint64, QString>> &touched,
                                     const QString &oldName, const QString &newName,
                                     const QString &comment);
};

} // namespace objectivity::storage
