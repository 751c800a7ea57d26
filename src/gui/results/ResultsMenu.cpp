#include "objectivity/gui/results/ResultsMenu.h"

#include "objectivity/core/results/DataPermissions.h"
#include "objectivity/gui/analysis/AnalysisView.h"
#include "objectivity/gui/results/MarkScaleDialog.h"
#include "objectivity/gui/results/ResultsBrowser.h"
#include "objectivity/gui/results/ResultsImportDialog.h"
#include "objectivity/gui/shell/DemoBanner.h"
#include "objectivity/storage/Database.h"

#include <QAction>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>

namespace objectivity::gui {

ResultsMenu::ResultsMenu(QMainWindow *window, storage::Database *db)
    : QObject(window), m_window(window), m_db(db) {
    importResults = new QAction(QStringLiteral("&Импорт результатов…"), window);
    importResults->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_I));
    browse = new QAction(QStringLiteral("&Результаты…"), window);
    browse->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_3));
    scales = new QAction(QStringLiteral("&Шкалы отметок…"), window);
    analysis = new QAction(QStringLiteral("&Анализ…"), window);
    analysis->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_4));
    for (QAction *a : {importResults, browse, scales, analysis}) {
        a->setEnabled(m_db != nullptr);
        window->addAction(a);
    }
    // Loading results is for the roles core::DataPermissions allows (the others read them).
    if (m_db && m_db->actor()) {
        const core::Status allowed =
            core::DataPermissions::check(m_db->actor()->role, core::DataAction::ImportResults);
        importResults->setEnabled(allowed.ok());
        if (!allowed)
            importResults->setStatusTip(allowed.error().message);
    }
    connect(importResults, &QAction::triggered, this, [this] { showImport(); });
    connect(browse, &QAction::triggered, this, &ResultsMenu::showBrowser);
    connect(scales, &QAction::triggered, this, &ResultsMenu::showScales);
    connect(analysis, &QAction::triggered, this, &ResultsMenu::showAnalysis);
    connect(this, &ResultsMenu::imported, this, [this] {
        if (m_browser)
            m_browser->reload();
        if (m_analysis)
            m_analysis->reloadFilters();
    });
}

QMenu *ResultsMenu::install() {
    auto *menu = new QMenu(QStringLiteral("Ре&зультаты"), m_window);
    menu->addAction(importResults);
    menu->addAction(browse);
    menu->addSeparator();
    menu->addAction(scales);
    menu->addSeparator();
    menu->addAction(analysis);
    const QList<QAction *> menus = m_window->menuBar()->actions();
    if (menus.isEmpty())
        m_window->menuBar()->addMenu(menu);
    else
        m_window->menuBar()->insertMenu(menus.last(), menu);
    return menu;
}

void ResultsMenu::showImport(const QString &path) {
    if (!m_db)
        return;
    ResultsImportDialog dialog(*m_db, m_window);
    connect(&dialog, &ResultsImportDialog::imported, this, &ResultsMenu::imported);
    if (!path.isEmpty())
        dialog.setFile(path);
    dialog.exec();
}

ResultsBrowser *ResultsMenu::showBrowser() {
    if (!m_db)
        return nullptr;
    if (!m_browser) {
        m_browser = new ResultsBrowser(*m_db, m_window);
        m_browser->setWindowFlag(Qt::Window);
        m_browser->setAttribute(Qt::WA_DeleteOnClose);
        m_browser->resize(1300, 760);
        if (m_demo)
            DemoBanner::install(m_browser);
    }
    m_browser->show();
    m_browser->raise();
    m_browser->activateWindow();
    return m_browser;
}

void ResultsMenu::showScales() {
    if (!m_db)
        return;
    MarkScaleDialog dialog(*m_db, m_window);
    dialog.exec();
}

AnalysisView *ResultsMenu::showAnalysis() {
    if (!m_db)
        return nullptr;
    if (!m_analysis) {
        m_analysis = new AnalysisView(*m_db, m_window);
        m_analysis->setWindowFlag(Qt::Window);
        m_analysis->setAttribute(Qt::WA_DeleteOnClose);
        m_analysis->resize(1350, 780);
        if (m_demo)
            DemoBanner::install(m_analysis);
    }
    m_analysis->show();
    m_analysis->raise();
    m_analysis->activateWindow();
    return m_analysis;
}

} // namespace objectivity::gui
