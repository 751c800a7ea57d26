#include "plan/PlanAccess.h"

#include "SqlSupport.h"
#include "objectivity/storage/AccountRepository.h"
#include "plan/PlanVersion.h"

namespace objectivity::storage {

using core::Status;

Status PlanAccess::check(Database &db, core::PlanAction action, core::PlanStatus status,
                         core::OrganizationKind organization) {
    if (const auto &actor = db.actor())
        return core::PlanPermissions::check(actor->role, action, status, organization);
    auto accounts = AccountRepository(db).count();
    if (!accounts)
        return accounts.error();
    if (*accounts > 0) {
        core::Error e;
        e.message = QStringLiteral("В базе есть учётные записи: чтобы %1, войдите под своей "
                                   "учётной записью.")
                        .arg(core::PlanActions::displayName(action));
        return e;
    }
    return core::PlanPermissions::check(std::nullopt, action, status, organization);
}

Status PlanAccess::record(Database &db, qint64 planId, QList<core::PlanChange> changes) {
    if (changes.isEmpty())
        return {};
    const QString at = sql::dateTimeText(sql::nowToSecond());
    const QString user = db.actor() ? db.actor()->name : QString();
    QSqlQuery q(db.connection());
    q.prepare(QStringLiteral("INSERT INTO plan_history (plan_id, at, user_name, action, target, "
                             "field, old_value, new_value, comment) VALUES (?, ?, ?, ?, ?, ?, ?, "
                             "?, ?)"));
    for (const core::PlanChange &c : changes) {
        q.addBindValue(planId);
        q.addBindValue(at);
        q.addBindValue(sql::text(user));
        q.addBindValue(sql::text(c.action));
        q.addBindValue(sql::text(c.target));
        q.addBindValue(sql::text(c.field));
        q.addBindValue(sql::text(c.oldValue));
        q.addBindValue(sql::text(c.newValue));
        q.addBindValue(sql::text(c.comment));
        if (!q.exec())
            return sql::queryError(db, q, QStringLiteral("не удалось записать историю плана"));
    }
    return {};
}

Status PlanAccess::record(Database &db, qint64 planId, const QString &action,
                          const QString &comment, const QString &field, const QString &oldValue,
                          const QString &newValue) {
    core::PlanChange c;
    c.action = action;
    c.comment = comment;
    c.field = field;
    c.oldValue = oldValue;
    c.newValue = newValue;
    return record(db, planId, QList<core::PlanChange>{c});
}

Status PlanAccess::ownerRenamed(Database &db, const QList<std::pair<qint64, QString>> &touched,
                                const QString &oldName, const QString &newName,
                                const QString &comment) {
    if (touched.isEmpty())
        return {};
    if (Status c = check(db, core::PlanAction::EditText, core::PlanStatus::Draft,
                         core::OrganizationKind::School);
        !c)
        return c;
    // Each plan it reaches is changed: its version moves on (an editor holding it reloads).
    QList<qint64> plans;
    for (const auto &t : touched)
        plans << t.first;
    if (Status v = PlanVersion::raise(db, plans); !v)
        return v;
    for (const auto &[planId, number] : touched) {
        core::PlanChange c;
        c.action = QStringLiteral("edit");
        c.target = QStringLiteral("мероприятие %1").arg(number);
        c.field = QStringLiteral("owners");
        c.oldValue = oldName;
        c.newValue = newName;
        c.comment = comment;
        if (Status r = record(db, planId, {c}); !r)
            return r;
    }
    return {};
}

} // namespace objectivity::storage
