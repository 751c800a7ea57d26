#include "objectivity/gui/results/DemoResultsLoader.h"

#include "objectivity/io/results/DemoData.h"
#include "objectivity/storage/Database.h"

#include <QEventLoop>
#include <QFutureWatcher>
#include <QPointer>
#include <QProgressDialog>
#include <QtConcurrent>

#include <atomic>

namespace objectivity::gui {

core::Status DemoResultsLoader::run(const storage::Database &db, QWidget *parent) {
    QProgressDialog dialog(QStringLiteral("Создаётся демонстрационная база: вымышленные результаты "
                                          "ВПР, ОГЭ и ЕГЭ (40 школ, 2 года)…"),
                           QStringLiteral("Отмена"), 0, 100, parent);
    dialog.setWindowTitle(QStringLiteral("Демонстрационная база"));
    dialog.setWindowModality(Qt::WindowModal);
    dialog.setMinimumDuration(300);
    dialog.setValue(0);
    std::atomic_bool cancelled{false};
    QObject::connect(&dialog, &QProgressDialog::canceled, &dialog, [&] { cancelled = true; });
    QPointer<QProgressDialog> guard(&dialog);

    QFutureWatcher<core::Status> watcher;
    QEventLoop loop;
    QObject::connect(&watcher, &QFutureWatcher<core::Status>::finished, &loop, &QEventLoop::quit);
    watcher.setFuture(QtConcurrent::run([&db, &cancelled, guard]() -> core::Status {
        // A Qt SQL connection belongs to the thread that opened it: open and close it here.
        auto worker = db.openWorker();
        if (!worker)
            return worker.error();
        auto result = io::DemoData::populate(**worker, [&](int percent) {
            QMetaObject::invokeMethod(
                guard.data(),
                [guard, percent] {
                    if (guard)
                        guard->setValue(percent);
                },
                Qt::QueuedConnection);
            return !cancelled.load();
        });
        if (!result)
            return result.error();
        return {};
    }));
    loop.exec();
    dialog.reset();
    return watcher.result();
}

} // namespace objectivity::gui
