#pragma once
#include "objectivity/core/common/Result.h"
#include "objectivity/core/results/MarkScale.h"

#include <QList>

#include <optional>

namespace objectivity::storage {

class Database;

// Mark scales (table mark_scales: the official rows shipped by migrations 002 and 012, and the
// user's). add, update and remove are core::DataAction::EditMarkScales (administrator once
// accounts exist); a row added or changed through them is the user's («изменена пользователем»,
// listed in mark_scale_user_rows) and later versions never overwrite it. add and update write two
// statements: call them inside Database::transaction. The scales of a generated region are
// written as part of its load.
class MarkScaleRepository {
public:
    explicit MarkScaleRepository(Database &db) : m_db(db) {}

    core::Result<QList<core::MarkScale>> list() const;
    core::Result<qint64> add(const core::MarkScale &scale);
    core::Status update(const core::MarkScale &scale);
    core::Status remove(qint64 id);
    // The scale for exactly this year, else the one for year 0 ("any year"); nullopt when none.
    core::Result<std::optional<core::MarkScale>> find(core::ProcedureKind kind, int year, int grade,
                                                      const QString &subject) const;

private:
    friend class GeneratedRegionWriter;
    core::Result<qint64> insert(const core::MarkScale &scale);
    core::Status write(const core::MarkScale &scale);
    Database &m_db;
};

} // namespace objectivity::storage
