#include "analysis/AnalysisTask.h"

#include "objectivity/core/analysis/AnalysisEngine.h"
#include "objectivity/storage/Database.h"
#include "objectivity/storage/results/AnalysisDataReader.h"
#include "objectivity/storage/results/AnalysisSettingsRepository.h"

#include <QElapsedTimer>
#include <QSqlDatabase>
#include <QThread>

namespace objectivity::gui {

AnalysisOutcome AnalysisTask::run(const storage::Database &db, int year, int kind,
                                  const std::shared_ptr<AnalysisProgress> &progress) {
    AnalysisOutcome out;
    QElapsedTimer timer;
    timer.start();
    auto name = db.openWorkerConnection();
    if (!name) {
        out.error = name.error().toString();
        return out;
    }
    {
        QSqlDatabase connection = QSqlDatabase::database(name.value(), false);
        auto settings = storage::AnalysisSettingsRepository(connection).load();
        if (!settings) {
            out.error = settings.error().toString();
        } else if (auto data = storage::AnalysisDataReader::read(connection, &progress->cancel);
                   !data) {
            out.cancelled = progress->cancel.load();
            out.error = data.error().toString();
        } else if (progress->cancel.load()) {
            out.cancelled = true;
        } else {
            progress->reading = false;
            core::AnalysisEngine::Options options;
            options.threads = std::max(1, QThread::idealThreadCount());
            options.yearFilter = year;
            options.kindFilter = kind;
            options.cancel = &progress->cancel;
            options.progress = [progress](int done, int total) {
                progress->done = done;
                progress->total = total;
            };
            options.lookingBack = [progress](int earlier) {
                progress->done = 0;
                progress->lookingBack = earlier;
            };
            out.participants = data->participantCount();
            out.report = std::make_shared<core::AnalysisReport>(
                core::AnalysisEngine::run(data.value(), settings.value(), options));
            out.cancelled = out.report->cancelled;
            out.ok = !out.cancelled;
            out.units = int(out.report->units.size());
        }
    }
    QSqlDatabase::removeDatabase(name.value());
    out.elapsedMs = timer.elapsed();
    return out;
}

} // namespace objectivity::gui
