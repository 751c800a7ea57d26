#pragma once
// The results import as it runs on a worker thread (private to gui): its own Database connection,
// the check for a file imported before, the import itself with progress and cancel.
#include "objectivity/io/results/ResultsImporter.h"
#include "objectivity/storage/results/ResultsRepository.h"

#include <QString>

#include <atomic>
#include <memory>

namespace objectivity::storage {
class Database;
}

namespace objectivity::gui {

struct ResultsImportProgress {
    std::atomic<bool> cancel{false};
    std::atomic<qint64> done{0}; // bytes of a CSV or rows of a sheet, as the importer reports
    std::atomic<qint64> total{0};
};

struct ResultsImportOutcome {
    bool ok = false;
    bool repeat = false; // imported before and Options::onRepeat was Fail: ask the user
    bool cancelled = false;
    storage::ResultsRepository::ImportRecord previous; // when repeat
    io::ResultsImporter::Summary summary;
    QString error;        // Russian, when !ok and !repeat and !cancelled
    QString errorDetails; // the original text of the failure (Qt, SQLite), may be empty
};

class ResultsImportTask {
public:
    // Runs on the calling (worker) thread; `db` only gives the file (a new connection is opened
    // and closed here).
    static ResultsImportOutcome run(const storage::Database &db, const QString &path,
                                    const io::ResultsImporter::Options &options,
                                    const std::shared_ptr<ResultsImportProgress> &progress);
    // The content hash of a file as the importer computes it (SHA-1 hex); empty when unreadable.
    static QString contentHash(const QString &path);
};

} // namespace objectivity::gui
