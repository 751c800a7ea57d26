#pragma once
#include "objectivity/core/analysis/AnalysisDataset.h"
#include "objectivity/core/common/Result.h"

#include <QSqlDatabase>

#include <atomic>

namespace objectivity::storage {

// Reads the results database into a core::AnalysisDataset in one pass over participants. On
// SQLite: the C API on the connection's own handle, stepped on a thread of its own while the
// caller's thread adds the rows of the previous chunk to the units (SqliteParticipantStream); on
// PostgreSQL: binary COPY (PgCopyReader). Schools, procedures (tasks JSON), mark scales and
// official lists are read first. The connection is not used by anyone else until this returns.
class AnalysisDataReader {
public:
    static core::Result<core::AnalysisDataset> read(const QSqlDatabase &db,
                                                    const std::atomic<bool> *cancel = nullptr);
};

} // namespace objectivity::storage
