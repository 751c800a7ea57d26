#pragma once
// Optimistic locking of plans (private to storage): plans.version is raised by one in every
// transaction that changes a plan. A writer that carries the version it loaded raises it only when
// the stored one is still that version; otherwise its transaction is refused with
// core::ErrorCode::PlanChanged. Plain SQL that SQLite and PostgreSQL both accept.
#include "objectivity/core/common/Result.h"

#include <QList>

namespace objectivity::storage {

class Database;

class PlanVersion {
public:
    // Inside the caller's transaction: version + 1 of plan `planId`, only while it is still
    // `expected` when `expected` > 0 (0: no check). Returns the new version, or conflict().
    static core::Result<int> raise(Database &db, qint64 planId, int expected);
    // The same for several plans, without a check (a directory rename reaching their measures, a
    // superseded revision).
    static core::Status raise(Database &db, const QList<qint64> &planIds);
    // «План изменён другим пользователем (Иванова И.И., 30.11.2026 19:40). Ваши изменения не
    // сохранены; загружен текущий план.» — who and when from plan_history when known; «План №N
    // удалён …» when it is gone. Code PlanChanged.
    static core::Error conflict(Database &db, qint64 planId);
    // The stored version, 0 when the plan is absent.
    static core::Result<int> stored(Database &db, qint64 planId);
};

} // namespace objectivity::storage
