#include "plan/PlanVersion.h"

#include "SqlSupport.h"

#include <QSet>

namespace objectivity::storage {

using core::Result;
using core::Status;

Result<int> PlanVersion::raise(Database &db, qint64 planId, int expected) {
    QSqlQuery q(db.connection());
    // RETURNING: SQLite 3.35+ and PostgreSQL; the conditional UPDATE is the atomic test (in
    // PostgreSQL it waits for a concurrent writer of the row and then sees its new version).
    if (expected > 0) {
        q.prepare(QStringLiteral("UPDATE plans SET version = version + 1 WHERE id = ? AND version "
                                 "= ? RETURNING version"));
        q.addBindValue(planId);
        q.addBindValue(expected);
    } else {
        q.prepare(QStringLiteral(
            "UPDATE plans SET version = version + 1 WHERE id = ? RETURNING version"));
        q.addBindValue(planId);
    }
    if (!q.exec())
        return sql::queryError(db, q, QStringLiteral("не удалось сохранить план №%1").arg(planId));
    if (!q.next()) {
        q.finish();
        return conflict(db, planId);
    }
    const int version = q.value(0).toInt();
    q.finish();
    return version;
}

Status PlanVersion::raise(Database &db, const QList<qint64> &planIds) {
    QSet<qint64> done;
    for (qint64 id : planIds) {
        if (done.contains(id))
            continue;
        done.insert(id);
        if (auto v = raise(db, id, 0); !v)
            return v.error();
    }
    return {};
}

core::Error PlanVersion::conflict(Database &db, qint64 planId) {
    QString who;
    QSqlQuery q(db.connection());
    q.prepare(QStringLiteral("SELECT user_name, at, action FROM plan_history WHERE plan_id = ? "
                             "ORDER BY id DESC LIMIT 1"));
    q.addBindValue(planId);
    bool removed = false;
    if (q.exec() && q.next()) {
        const QString user = q.value(0).toString();
        const QDateTime at = sql::dateTimeFrom(q.value(1));
        removed = q.value(2).toString() == QLatin1String("delete");
        QStringList parts;
        if (!user.isEmpty())
            parts << user;
        if (at.isValid())
            parts << at.toString(QStringLiteral("dd.MM.yyyy HH:mm"));
        if (!parts.isEmpty())
            who = QStringLiteral(" (") + parts.join(QStringLiteral(", ")) + QStringLiteral(")");
    }
    q.finish();
    if (!removed) {
        auto version = stored(db, planId);
        removed = version && *version == 0;
    }
    core::Error e;
    e.code = core::ErrorCode::PlanChanged;
    e.message = removed ? QStringLiteral("План №%1 удалён другим пользователем%2. Ваши изменения "
                                         "не сохранены.")
                              .arg(planId)
                              .arg(who)
                        : QStringLiteral("План изменён другим пользователем%1. Ваши изменения не "
                                         "сохранены; загружен текущий план.")
                              .arg(who);
    return e;
}

Result<int> PlanVersion::stored(Database &db, qint64 planId) {
    QSqlQuery q(db.connection());
    q.prepare(QStringLiteral("SELECT version FROM plans WHERE id = ?"));
    q.addBindValue(planId);
    if (!q.exec())
        return sql::queryError(db, q, QStringLiteral("не удалось прочитать план №%1").arg(planId));
    return q.next() ? q.value(0).toInt() : 0;
}

} // namespace objectivity::storage
