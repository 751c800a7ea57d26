#pragma once
#include "objectivity/core/common/Result.h"

#include <QSqlDatabase>
#include <QStringList>

namespace objectivity::storage {

// The bulk path of PostgreSQL for tables loaded from empty (`db copy` into a new server database,
// a first import of a large region): a COPY into a table with foreign keys, unique keys and
// indexes checks each row against each of them; built after the COPY, each is checked in one pass
// over all rows — 1M participants 4–6 times faster (docs/benchmarks.md). drop() removes the foreign
// keys, unique constraints and indexes (primary keys stay) of the given tables, remembering their
// definitions from the catalog; restore() builds them again, failing in Russian on a row that
// breaks one (a repeat, a dangling reference). Both run in the caller's transaction: a failure
// rolls everything back, the keys included (DDL is transactional in PostgreSQL). Takes an
// exclusive lock on the tables until the commit; needs the tables' owner.
class PgDeferredKeys {
public:
    static core::Result<PgDeferredKeys> drop(QSqlDatabase db, const QStringList &tables);
    core::Status restore();
    int count() const { return int(m_create.size()); }

private:
    QSqlDatabase m_db;
    QStringList m_create; // statements that rebuild, in order: unique, indexes, foreign keys
};

} // namespace objectivity::storage
