#include "results/ResultsImportTask.h"

#include "objectivity/storage/Database.h"

#include <QFile>

namespace objectivity::gui {

namespace {
// Connects the importer's progress report and cancel check to the shared state.
void attachProgress(io::ResultsImporter::Options &options,
                    const std::shared_ptr<ResultsImportProgress> &progress) {
    options.progress = [progress](qint64 done, qint64 total) {
        progress->done = done;
        progress->total = total;
        return !progress->cancel.load();
    };
}
} // namespace

QString ResultsImportTask::contentHash(const QString &path) {
    return io::ResultsImporter::contentHash(path);
}

ResultsImportOutcome
ResultsImportTask::run(const storage::Database &db, const QString &path,
                       const io::ResultsImporter::Options &options,
                       const std::shared_ptr<ResultsImportProgress> &progress) {
    ResultsImportOutcome out;
    auto worker = db.openWorker();
    if (!worker) {
        out.error = worker.error().toString();
        out.errorDetails = worker.error().details;
        return out;
    }
    storage::Database &wdb = *worker.value();
    if (options.onRepeat == io::ResultsImporter::OnRepeat::Fail) {
        const QString hash = contentHash(path);
        if (!hash.isEmpty()) {
            storage::ResultsRepository repo(wdb);
            auto previous = repo.findImportByHash(hash);
            if (previous && previous->id > 0) {
                out.repeat = true;
                out.previous = previous.value();
                return out;
            }
        }
    }
    io::ResultsImporter::Options o = options;
    attachProgress(o, progress);
    io::ResultsImporter importer(wdb);
    auto result = importer.importFile(path, o);
    // A file finished before the cancel took effect stays imported (and is reported so).
    if (!result && progress->cancel.load()) {
        out.cancelled = true;
        return out;
    }
    if (!result) {
        out.error = result.error().toString();
        out.errorDetails = result.error().details;
        return out;
    }
    out.ok = true;
    out.summary = result.value();
    return out;
}

} // namespace objectivity::gui
