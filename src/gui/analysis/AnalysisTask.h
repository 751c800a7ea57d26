#pragma once
// The analysis as it runs on a worker thread (private to gui): its own connection, thresholds,
// the dataset read from SQLite, the engine with progress and cancel.
#include "objectivity/core/analysis/AnalysisReport.h"

#include <QString>

#include <atomic>
#include <memory>

namespace objectivity::storage {
class Database;
}

namespace objectivity::gui {

struct AnalysisProgress {
    std::atomic<bool> cancel{false};
    std::atomic<bool> reading{true}; // still reading the database
    std::atomic<int> done{0};
    std::atomic<int> total{0};
    std::atomic<int> lookingBack{0}; // the earlier year analysed for «лет подряд» (0: none yet)
};

struct AnalysisOutcome {
    bool ok = false;
    bool cancelled = false;
    QString error;
    std::shared_ptr<core::AnalysisReport> report;
    qint64 participants = 0;
    int units = 0;
    qint64 elapsedMs = 0;
};

class AnalysisTask {
public:
    static AnalysisOutcome run(const storage::Database &db, int year, int kind,
                               const std::shared_ptr<AnalysisProgress> &progress);
};

} // namespace objectivity::gui
