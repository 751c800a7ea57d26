#pragma once
#include <QMainWindow>

class QTabWidget;
class QLabel;
class QStackedWidget;

namespace objectivity::gui {

class AppSession;
class DueView;
class MainActions;
class MeasureDetailPanel;
class PlanChangeWatcher;
class PlanEditor;
class PlanExportController;
class PlanListView;
class PlanView;
class PlanWorkflow;
class ResultsMenu;
class StaffModel;
class StartPage;

// The main window: composes the plan list, the plan view, the detail panel and the «Сроки» view,
// and wires the menus to them. While the database has no plan it shows the start page instead.
// On the demonstration database the title says «ДЕМО» and a banner sits over the views.
// Remembers its geometry and the recent databases (QSettings).
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(AppSession *session, QWidget *parent = nullptr);
    ~MainWindow() override;

    void openPlan(qint64 planId);
    void showDueView();
    void showPlanView();
    // Asks the application to switch to another database file (databaseRequested).
    void openDatabase(const QString &path);
    // A database made by a version before issue 11 carries demo results in among the user's:
    // offers to remove them (storage::LegacyDemoResults). «Оставить» is remembered in the file.
    // Returns true when they were removed.
    bool offerLegacyDemoRemoval();

    PlanEditor *editor() const { return m_editor; }
    PlanView *planView() const { return m_planView; }
    PlanListView *planList() const { return m_planList; }
    MeasureDetailPanel *detailPanel() const { return m_detail; }
    DueView *dueView() const { return m_dueView; }
    MainActions *actions() const { return m_actions; }
    PlanWorkflow *workflow() const { return m_workflow; }
    StaffModel *staffModel() const { return m_staffModel; }
    ResultsMenu *results() const { return m_results; }
    StartPage *startPage() const { return m_startPage; }
    // «План» and «Сроки» (inside the central widget, beside the start page).
    QTabWidget *tabs() const { return m_tabs; }
    // True while the start page stands in for the plan views (the database has no plan).
    bool isStartPageShown() const;

signals:
    void databaseRequested(const QString &path);

protected:
    void closeEvent(QCloseEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void connectActions();
    void updateActions();
    void installChangeWatcher();
    void reloadLists();
    void reloadDue();
    void showStaff();
    void showAccounts();
    // A municipal plan: «Свод по школам» (RollupDialog), «Разослать в планы школ»
    // (DistributeDialog).
    void showRollup(bool distributeFirst);
    void mergeOwners(QWidget *dialog, const QString &from, const QString &into);
    void chooseDatabase();
    void chooseNewDatabase();
    void connectToServer();
    void updateStartPage();
    void rememberDatabase(const QString &path);
    void rebuildRecentMenu();
    void restoreSettings();

    AppSession *m_session;
    PlanEditor *m_editor;
    MainActions *m_actions;
    PlanListView *m_planList;
    PlanView *m_planView;
    MeasureDetailPanel *m_detail;
    DueView *m_dueView;
    QTabWidget *m_tabs;
    StartPage *m_startPage;
    QStackedWidget *m_center;
    ResultsMenu *m_results = nullptr;
    StaffModel *m_staffModel;
    PlanExportController *m_export;
    PlanWorkflow *m_workflow;
    QLabel *m_saveState;
    PlanChangeWatcher *m_changes = nullptr; // plans changed by other windows and users
};

} // namespace objectivity::gui
