#include "objectivity/gui/shell/ScreenshotRunner.h"

#include "objectivity/core/analysis/CriterionTitle.h"
#include "objectivity/gui/analysis/AnalysisFlagsModel.h"
#include "objectivity/gui/analysis/AnalysisView.h"
#include "objectivity/gui/analysis/UnitCard.h"
#include "objectivity/gui/plan/DueView.h"
#include "objectivity/gui/plan/ImportPreviewDialog.h"
#include "objectivity/gui/plan/MeasureDetailPanel.h"
#include "objectivity/gui/plan/PlanEditor.h"
#include "objectivity/gui/plan/PlanListModel.h"
#include "objectivity/gui/plan/PlanListView.h"
#include "objectivity/gui/plan/PlanView.h"
#include "objectivity/gui/results/ResultsBrowser.h"
#include "objectivity/gui/results/ResultsMenu.h"
#include "objectivity/gui/shell/MainWindow.h"
#include "objectivity/io/plan/PlanImporter.h"
#include "objectivity/storage/plan/PlanRepository.h"

#include <QApplication>
#include <QEventLoop>
#include <QPixmap>
#include <QSortFilterProxyModel>
#include <QTabWidget>
#include <QTableView>
#include <QTextStream>
#include <QTimer>

#include <algorithm>

namespace objectivity::gui {

namespace {
void settle() {
    for (int i = 0; i < 5; ++i)
        QApplication::processEvents();
}

int fail(const QString &message) {
    QTextStream(stderr) << message << Qt::endl;
    return 1;
}

int save(const QPixmap &pixmap, const QString &path) {
    if (pixmap.isNull() || !pixmap.save(path, "PNG"))
        return fail(QStringLiteral("Не удалось записать снимок экрана в «%1».").arg(path));
    QTextStream(stdout) << QStringLiteral("Снимок записан: %1 (%2×%3)")
                               .arg(path)
                               .arg(pixmap.width())
                               .arg(pixmap.height())
                        << Qt::endl;
    return 0;
}

// Runs `start` and waits (events processed) until `signal` of `sender` fires or 10 minutes pass.
template <typename Sender, typename Signal, typename Start>
bool waitFor(Sender *sender, Signal signal, Start start) {
    QEventLoop loop;
    bool ok = false;
    QObject::connect(sender, signal, &loop, [&](bool result) {
        ok = result;
        loop.quit();
    });
    QTimer::singleShot(10 * 60 * 1000, &loop, &QEventLoop::quit);
    start();
    loop.exec();
    return ok;
}

// "analysis", "analysis-flags" and "analysis-unit": the analysis run on every year and procedure,
// then its «Обзор» tab, its «Признаки» tab with a finding selected, or the card of the first
// flagged unit (issue 14).
int analysisShot(MainWindow &window, const ScreenshotOptions &o) {
    AnalysisView *view = window.results()->showAnalysis();
    if (!view)
        return fail(QStringLiteral("Окно анализа не открылось."));
    view->resize(o.width, o.height);
    settle();
    if (!waitFor(view, &AnalysisView::analysisFinished, [view] { view->startAnalysis(); }))
        return fail(QStringLiteral("Анализ не выполнен: ") + view->statusText());
    if (o.view == QLatin1String("analysis")) {
        view->tabs()->setCurrentIndex(view->tabs()->count() - 1);
        settle();
        return save(view->grab(), o.output);
    }
    if (o.view == QLatin1String("analysis-flags")) {
        // the «Признаки» tab with a finding selected, one with a part (a class, a boundary) when
        // there is one, so that the detail panel shows the part in its heading and its table;
        // OBJECTIVITY_SCREENSHOT_FINDING=<text>: the first finding whose title contains the text
        const AnalysisFlagsModel *flags = view->flagsModel();
        const QString wanted = qEnvironmentVariable("OBJECTIVITY_SCREENSHOT_FINDING");
        int row = 0;
        for (int r = 0; r < flags->rowCount(); ++r)
            if (wanted.isEmpty() ? !flags->findingAt(r)->label.isEmpty()
                                 : core::findingTitle(*flags->findingAt(r)).contains(wanted)) {
                row = r;
                break;
            }
        view->tabs()->setCurrentIndex(0);
        view->resize(o.width, std::max(o.height, 1100)); // room for the detail panel's table
        if (flags->rowCount() > 0) {
            QTableView *table = view->flagsView();
            const auto *proxy = qobject_cast<const QSortFilterProxyModel *>(table->model());
            const QModelIndex shown =
                proxy ? proxy->mapFromSource(flags->index(row, 0)) : table->model()->index(row, 0);
            table->setCurrentIndex(shown);
            table->scrollTo(shown);
        }
        settle();
        return save(view->grab(), o.output);
    }
    const core::UnitReport *unit = view->flagsModel()->unitAt(0);
    if (!unit)
        return fail(QStringLiteral("В базе нет единиц с признаками: карточку снять нельзя."));
    UnitCard *card = view->openUnitCard(*unit);
    card->resize(o.width, std::max(o.height, 1300));
    if (card->isLoading() && !waitFor(card, &UnitCard::loaded, [] {}))
        return fail(QStringLiteral("Данные карточки не прочитаны."));
    settle();
    return save(card->grab(), o.output);
}
} // namespace

int ScreenshotRunner::run(MainWindow &window, const ScreenshotOptions &o) {
    window.resize(o.width, o.height);
    window.show();
    settle();

    if (o.view == QLatin1String("import-preview")) {
        if (o.importFile.isEmpty())
            return fail(QStringLiteral("Для снимка import-preview укажите --import ФАЙЛ."));
        auto import = io::PlanImporter::importFile(o.importFile);
        if (!import)
            return fail(import.error().toString());
        ImportPreviewDialog dialog(import.value(), std::nullopt, &window);
        dialog.resize(1150, 760);
        dialog.show();
        settle();
        return save(dialog.grab(), o.output);
    }

    if (o.view == QLatin1String("start")) {
        if (!window.isStartPageShown())
            return fail(QStringLiteral("Стартовая страница показывается только для базы без "
                                       "планов: укажите --db с новым файлом."));
        return save(window.grab(), o.output);
    }
    if (o.view == QLatin1String("analysis") || o.view == QLatin1String("analysis-flags") ||
        o.view == QLatin1String("analysis-unit"))
        return analysisShot(window, o);
    if (o.view == QLatin1String("results")) {
        ResultsBrowser *browser = window.results()->showBrowser();
        if (!browser)
            return fail(QStringLiteral("Окно результатов не открылось."));
        browser->resize(o.width, o.height);
        settle();
        return save(browser->grab(), o.output);
    }

    qint64 planId = o.planId;
    if (planId == 0) // the newest plan
        for (const auto &summary : window.planList()->model()->plans())
            planId = std::max(planId, summary.id);
    if (planId > 0)
        window.openPlan(planId);
    window.planView()->selectFirstMeasure();
    settle();

    if (o.view == QLatin1String("due")) {
        DueView *due = window.dueView();
        window.showDueView();
        if (o.today.isValid())
            due->setToday(o.today);
        if (o.month.isValid())
            due->setMonth(o.month);
        if (o.mode == QLatin1String("overdue"))
            due->setMode(DueView::Mode::Overdue);
        else if (o.mode == QLatin1String("upcoming"))
            due->setMode(DueView::Mode::Upcoming);
        settle();
        return save(window.grab(), o.output);
    }
    if (o.view == QLatin1String("detail")) {
        QWidget *panel = window.detailPanel();
        settle();
        return save(panel->grab(), o.output);
    }
    if (o.view != QLatin1String("main"))
        return fail(QStringLiteral(
                        "Неизвестный вид снимка «%1»: main, detail, due, "
                        "import-preview, start, results, analysis, analysis-flags, analysis-unit.")
                        .arg(o.view));
    return save(window.grab(), o.output);
}

} // namespace objectivity::gui
