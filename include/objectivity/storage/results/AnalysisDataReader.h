#pragma once
#include "objectivity/core/analysis/AnalysisDataset.h"
#include "objectivity/core/common/Result.h"

#include <QSqlDatabase>

#include <atomic>

namespace objectivity::storage {

// Reads the results database into a core::AnalysisDataset in one pass over participants: the
// SQLite C API on the connection's own handle, task_points BLOBs read in place (no allocation per
// row), counts accumulated per unit as the rows stream by. Schools, procedures (tasks JSON), mark
// scales and official lists are read first.
class AnalysisDataReader {
public:
    static core::Result<core::AnalysisDataset> read(const QSqlDatabase &db,
                                                    const std::atomic<bool> *cancel = nullptr);
};

} // namespace objectivity::storage
