#pragma once
#include <QObject>
#include <QPointer>

class QAction;
class QMainWindow;
class QMenu;

namespace objectivity::storage {
class Database;
}

namespace objectivity::gui {

class AnalysisView;
class ResultsBrowser;

// The «Результаты» menu of the main window: «Импорт результатов…», «Результаты…», «Шкалы
// отметок…», «Анализ…». The browser and the analysis open as windows of their own (one each,
// reused); the import dialog and the scales dialog are modal. After an import the open windows
// reread the data.
class ResultsMenu : public QObject {
    Q_OBJECT
public:
    ResultsMenu(QMainWindow *window, storage::Database *db);

    // Adds the menu to the window's menu bar, before its last menu («Справка»).
    QMenu *install();
    // The database is the demonstration one: the browser and the analysis carry a banner.
    void setDemo(bool demo) { m_demo = demo; }

    QAction *importResults, *browse, *scales, *analysis;

    void showImport(const QString &path = {});
    ResultsBrowser *showBrowser();
    void showScales();
    AnalysisView *showAnalysis();

signals:
    void imported();

private:
    QMainWindow *m_window;
    storage::Database *m_db;
    QPointer<ResultsBrowser> m_browser;
    QPointer<AnalysisView> m_analysis;
    bool m_demo = false;
};

} // namespace objectivity::gui
