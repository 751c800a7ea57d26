#pragma once
#include "objectivity/core/common/Result.h"
#include "objectivity/core/results/ParticipantResult.h"

#include <QList>

namespace objectivity::storage {

class Database;

// Read access to the participants table for browsing a million rows without loading them: the
// units (school, procedure) with their row counts from one pass over the covering index
// participants_school, and the rows of one unit by offset (that index again, in import order).
class ParticipantQuery {
public:
    struct Unit {
        qint64 schoolId = 0;
        qint64 procedureId = 0;
        int count = 0;
    };

    explicit ParticipantQuery(Database &db) : m_db(db) {}

    core::Result<QList<Unit>> units() const;
    // Up to `limit` participants of one unit starting at `offset` (in the order they were stored).
    core::Result<QList<core::ParticipantResult>> rows(qint64 schoolId, qint64 procedureId,
                                                      int offset, int limit) const;

private:
    Database &m_db;
};

} // namespace objectivity::storage
