#include "objectivity/gui/shell/MainWindow.h"
#include "objectivity/gui/analysis/FindingMeasures.h"
#include "objectivity/gui/plan/MeasureTemplatesDialog.h"

#include "objectivity/core/plan/PlanPermissions.h"
#include "objectivity/gui/plan/DueView.h"
#include "objectivity/gui/plan/MeasureDetailPanel.h"
#include "objectivity/gui/plan/PlanChangeWatcher.h"
#include "objectivity/gui/plan/PlanEditor.h"
#include "objectivity/gui/plan/PlanExportController.h"
#include "objectivity/gui/plan/PlanListModel.h"
#include "objectivity/gui/plan/PlanListView.h"
#include "objectivity/gui/plan/PlanView.h"
#include "objectivity/gui/plan/PlanWorkflow.h"
#include "objectivity/gui/plan/RollupDialog.h"
#include "objectivity/gui/plan/StaffDialog.h"
#include "objectivity/gui/plan/StaffModel.h"
#include "objectivity/gui/results/ResultsMenu.h"
#include "objectivity/gui/shell/AccountsDialog.h"
#include "objectivity/gui/shell/AppSession.h"
#include "objectivity/gui/shell/DatabaseWaitIndicator.h"
#include "objectivity/gui/shell/DemoBanner.h"
#include "objectivity/gui/shell/DemoDatabase.h"
#include "objectivity/gui/shell/ErrorMessage.h"
#include "objectivity/gui/shell/MainActions.h"
#include "objectivity/gui/shell/ServerConnectDialog.h"
#include "objectivity/gui/shell/StartPage.h"
#include "objectivity/io/results/DemoData.h"
#include "objectivity/storage/AccountRepository.h"
#include "objectivity/storage/Database.h"
#include "objectivity/storage/DatabaseMeta.h"
#include "objectivity/storage/PostgresUrl.h"
#include "objectivity/storage/plan/PlanRepository.h"
#include "objectivity/storage/plan/StaffOwners.h"
#include "objectivity/storage/results/LegacyDemoResults.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QLocale>
#include <QMenu>
#include <QMessageBox>
#include <QMimeData>
#include <QPushButton>
#include <QScrollArea>
#include <QSettings>
#include <QShortcut>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTabWidget>
#include <QTimer>
#include <QTreeView>
#include <QUndoStack>
#include <QVBoxLayout>

namespace objectivity::gui {

namespace {
const QString kRecentKey = QStringLiteral("recentDatabases");
}

MainWindow::MainWindow(AppSession *session, QWidget *parent)
    : QMainWindow(parent), m_session(session), m_editor(new PlanEditor(session->plans(), this)),
      m_actions(new MainActions(this)), m_planList(new PlanListView(this)),
      m_planView(new PlanView(m_editor, this)), m_detail(new MeasureDetailPanel(m_editor, this)),
      m_dueView(new DueView(this)), m_tabs(new QTabWidget(this)), m_startPage(new StartPage(this)),
      m_center(new QStackedWidget(this)), m_staffModel(new StaffModel(session->staff(), this)),
      m_export(new PlanExportController(this)),
      m_workflow(new PlanWorkflow(this, session, m_editor)), m_saveState(new QLabel(this)) {
    QString title = session->isDemo() ? QStringLiteral("Объективность — ДЕМО — планы мероприятий")
                                      : QStringLiteral("Объективность — планы мероприятий");
    // A server's database by «USER@HOST/DB».
    if (const storage::Database *db = session->database(); db && db->isPostgres())
        title += QStringLiteral(" — %1").arg(db->displayName());
    // Who is signed in (a database with accounts), e.g. «— Сазонова (директор)».
    if (const storage::Database *db = session->database(); db && db->actor())
        title += QStringLiteral(" — %1 (%2)")
                     .arg(db->actor()->name, core::Roles::displayName(db->actor()->role));
    setWindowTitle(title);
    setAcceptDrops(true);
    m_tabs->addTab(m_planView, QStringLiteral("План"));
    m_tabs->addTab(m_dueView, QStringLiteral("Сроки"));
    m_center->addWidget(m_startPage);
    m_center->addWidget(m_tabs);
    m_center->setCurrentWidget(m_tabs);
    auto *central = new QWidget(this);
    auto *centralLayout = new QVBoxLayout(central);
    centralLayout->setContentsMargins(0, 0, 0, 0);
    centralLayout->setSpacing(0);
    centralLayout->addWidget(m_center);
    if (session->isDemo())
        DemoBanner::install(central);
    setCentralWidget(central);

    auto *listDock = new QDockWidget(QStringLiteral("Планы"), this);
    listDock->setObjectName(QStringLiteral("plansDock"));
    listDock->setWidget(m_planList);
    listDock->setFeatures(QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetFloatable);
    addDockWidget(Qt::LeftDockWidgetArea, listDock);
    auto *detailDock = new QDockWidget(QStringLiteral("Мероприятие"), this);
    detailDock->setObjectName(QStringLiteral("detailDock"));
    // In a scroll area so the dock can be made low and the plan table keeps most of the height.
    auto *detailScroll = new QScrollArea(detailDock);
    detailScroll->setWidget(m_detail);
    detailScroll->setWidgetResizable(true);
    detailScroll->setFrameShape(QFrame::NoFrame);
    detailDock->setWidget(detailScroll);
    detailDock->setFeatures(QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetFloatable);
    addDockWidget(Qt::BottomDockWidgetArea, detailDock);
    resizeDocks({listDock}, {330}, Qt::Horizontal);
    resizeDocks({detailDock}, {300}, Qt::Vertical);

    QAction *undo = m_editor->undoStack()->createUndoAction(this, QStringLiteral("Отменить"));
    undo->setShortcut(QKeySequence::Undo);
    QAction *redo = m_editor->undoStack()->createRedoAction(this, QStringLiteral("Повторить"));
    redo->setShortcuts({QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z), QKeySequence::Redo});
    m_actions->buildMenus(this, undo, redo);
    m_results = new ResultsMenu(this, session->database());
    m_results->setDemo(session->isDemo());
    m_results->install();
    m_actions->openDemo->setEnabled(!session->isDemo());
    m_startPage->addEntry(QStringLiteral("startImportPlan"), QStringLiteral("Импортировать план…"),
                          QStringLiteral("Готовый план из Word (.docx), PDF, веб-страницы или "
                                         "текста: разделы, сроки и ответственные распознаются."),
                          m_actions->importFile);
    m_startPage->addEntry(QStringLiteral("startTemplatePlan"),
                          QStringLiteral("Создать план по шаблону…"),
                          QStringLiteral("Школьный или муниципальный шаблон на учебный год, "
                                         "дальше — правка в таблице."),
                          m_actions->newPlan);
    m_startPage->addEntry(QStringLiteral("startImportResults"),
                          QStringLiteral("Импортировать результаты…"),
                          QStringLiteral("Выгрузки ВПР, ОГЭ и ЕГЭ (CSV, Excel, формы ФИС ОКО) "
                                         "для анализа объективности."),
                          m_results->importResults);
    m_startPage->addEntry(QStringLiteral("startOpenDemo"),
                          QStringLiteral("Открыть демонстрационную базу"),
                          QStringLiteral("Отдельный файл с примером плана и вымышленными "
                                         "результатами 40 школ; ваша база не меняется."),
                          m_actions->openDemo);
    m_planView->addToolBarActions({m_actions->addSection, m_actions->addMeasure, m_actions->remove,
                                   m_actions->moveUp, m_actions->moveDown});
    auto *del = new QShortcut(QKeySequence::Delete, m_planView->treeView(), nullptr, nullptr,
                              Qt::WidgetShortcut);
    connect(del, &QShortcut::activated, m_actions->remove, &QAction::trigger);
    statusBar()->addPermanentWidget(m_saveState);
    new DatabaseWaitIndicator(statusBar());
    if (const storage::Database *db = session->database(); db && db->isReadOnly()) {
        auto *readOnly = new QLabel(QStringLiteral("Только чтение"), this);
        readOnly->setObjectName(QStringLiteral("readOnlyLabel"));
        readOnly->setToolTip(db->readOnlyError().message);
        statusBar()->addPermanentWidget(readOnly);
    }

    connectActions();
    installChangeWatcher();
    if (auto st = m_staffModel->reload(); !st)
        statusBar()->showMessage(st.error().toString());
    m_detail->setOwnerNames(m_staffModel->names());
    reloadLists();
    restoreSettings();
    updateStartPage();
    rememberDatabase(session->path());
    updateActions();
}

MainWindow::~MainWindow() = default;

void MainWindow::connectActions() {
    auto *a = m_actions;
    auto current = [this] { return m_planView->currentSourceIndex(); };
    auto select = [this](const QModelIndex &i) {
        if (i.isValid())
            m_planView->selectSourceIndex(i);
    };
    connect(a->newPlan, &QAction::triggered, m_workflow, &PlanWorkflow::newPlan);
    connect(a->importFile, &QAction::triggered, m_workflow, [this] { m_workflow->importFile(); });
    connect(a->pasteImport, &QAction::triggered, m_workflow, &PlanWorkflow::importClipboard);
    connect(a->openDatabase, &QAction::triggered, this, &MainWindow::chooseDatabase);
    connect(a->newDatabase, &QAction::triggered, this, &MainWindow::chooseNewDatabase);
    connect(a->connectServer, &QAction::triggered, this, &MainWindow::connectToServer);
    connect(a->openDemo, &QAction::triggered, this,
            [this] { openDatabase(DemoDatabase::defaultPath()); });
    connect(a->quit, &QAction::triggered, this, &QWidget::close);
    connect(a->print, &QAction::triggered, this,
            [this] { m_export->printPreview(m_editor->plan()); });
    connect(a->exportPdf, &QAction::triggered, this,
            [this] { m_export->exportPdf(m_editor->plan()); });
    connect(a->exportXlsx, &QAction::triggered, this,
            [this] { m_export->exportXlsx(m_editor->plan()); });
    connect(a->exportOdt, &QAction::triggered, this,
            [this] { m_export->exportOdt(m_editor->plan()); });
    connect(a->exportDocx, &QAction::triggered, this,
            [this] { m_export->exportDocx(m_editor->plan()); });
    connect(a->printReport, &QAction::triggered, this,
            [this] { m_export->printReport(m_editor->plan()); });
    connect(a->exportReportPdf, &QAction::triggered, this,
            [this] { m_export->exportReportPdf(m_editor->plan()); });
    connect(a->exportReportXlsx, &QAction::triggered, this,
            [this] { m_export->exportReportXlsx(m_editor->plan()); });

    connect(a->addSection, &QAction::triggered, this,
            [=, this] { select(m_editor->addSection(current())); });
    connect(a->addMeasure, &QAction::triggered, this,
            [=, this] { select(m_editor->addMeasure(current())); });
    connect(a->remove, &QAction::triggered, this, [=, this] { m_editor->removeItem(current()); });
    connect(a->moveUp, &QAction::triggered, this,
            [=, this] { select(m_editor->moveUp(current())); });
    connect(a->moveDown, &QAction::triggered, this,
            [=, this] { select(m_editor->moveDown(current())); });
    connect(a->find, &QAction::triggered, this, [this] {
        showPlanView();
        m_planView->focusFilter();
    });
    connect(a->columns, &QAction::triggered, m_workflow, &PlanWorkflow::editColumns);
    connect(a->submit, &QAction::triggered, m_workflow, &PlanWorkflow::submitForApproval);
    connect(a->approve, &QAction::triggered, m_workflow, &PlanWorkflow::approve);
    connect(a->revision, &QAction::triggered, m_workflow, &PlanWorkflow::makeRevision);
    connect(a->returnPlan, &QAction::triggered, m_workflow, &PlanWorkflow::returnPlan);
    connect(a->history, &QAction::triggered, m_workflow, &PlanWorkflow::showHistory);
    connect(a->compare, &QAction::triggered, m_workflow, &PlanWorkflow::compareRevisions);
    connect(a->copyNextYear, &QAction::triggered, m_workflow, &PlanWorkflow::copyToNextYear);
    connect(a->deletePlan, &QAction::triggered, m_workflow, &PlanWorkflow::deletePlan);
    connect(a->rollup, &QAction::triggered, this, [this] { showRollup(false); });
    connect(a->distribute, &QAction::triggered, this, [this] { showRollup(true); });
    connect(a->showPlan, &QAction::triggered, this, &MainWindow::showPlanView);
    connect(a->showDue, &QAction::triggered, this, &MainWindow::showDueView);
    connect(a->staff, &QAction::triggered, this, &MainWindow::showStaff);
    connect(a->accounts, &QAction::triggered, this, &MainWindow::showAccounts);
    connect(a->ownPassword, &QAction::triggered, this, [this] {
        if (storage::Database *db = m_session->database())
            AccountsDialog::changeOwnPassword(*db, this);
    });
    // From a sign to the plan: templates in «Справочники», a measure's source in the detail panel.
    connect(a->measureTemplates, &QAction::triggered, this, [this] {
        if (m_session->database()) {
            MeasureTemplatesDialog dialog(*m_session->database(), this);
            dialog.exec();
        }
    });
    m_detail->setBasisProvider([this](qint64 measureId) {
        return m_session->database() ? FindingMeasures::basisOf(*m_session->database(), measureId)
                                     : QString();
    });
    connect(a->about, &QAction::triggered, this, [this] {
        QMessageBox::about(this, QStringLiteral("О программе"),
                           QStringLiteral("«Объективность» — план мероприятий по обеспечению "
                                          "объективности оценочных процедур и анализ "
                                          "результатов.\nБаза данных: %1")
                               .arg(m_session->path()));
    });

    connect(m_workflow, &PlanWorkflow::plansChanged, this, &MainWindow::reloadLists);
    connect(m_workflow, &PlanWorkflow::openPlan, this, &MainWindow::openPlan);
    connect(m_workflow, &PlanWorkflow::message, this,
            [this](const QString &t) { statusBar()->showMessage(t, 10000); });
    connect(m_workflow, &PlanWorkflow::staffChanged, this, [this] {
        (void)m_staffModel->reload();
        m_detail->setOwnerNames(m_staffModel->names());
    });
    connect(m_planList, &PlanListView::planActivated, this, &MainWindow::openPlan);
    connect(m_planView, &PlanView::currentChanged, m_detail, &MeasureDetailPanel::setCurrent);
    connect(m_planView, &PlanView::currentChanged, this, &MainWindow::updateActions);
    connect(m_editor, &PlanEditor::message, this,
            [this](const QString &t) { statusBar()->showMessage(t, 15000); });
    connect(m_editor, &PlanEditor::saveFailed, this, [this](const core::Error &error) {
        m_saveState->setText(QStringLiteral("Не сохранено!"));
        ErrorMessage::show(this, QStringLiteral("Сохранение"), error,
                           QStringLiteral("Не удалось сохранить изменения."));
    });
    auto *listTimer = new QTimer(this);
    listTimer->setSingleShot(true);
    listTimer->setInterval(400);
    connect(listTimer, &QTimer::timeout, this, [this] { m_planList->reload(m_session->plans()); });
    connect(m_editor, &PlanEditor::saved, this, [this, listTimer] {
        m_saveState->setText(QStringLiteral("Сохранено %1")
                                 .arg(QTime::currentTime().toString(QStringLiteral("HH:mm:ss"))));
        listTimer->start();
    });
    connect(m_editor, &PlanEditor::headerChanged, this, [this] {
        reloadLists();
        updateActions();
    });
    connect(m_editor, &PlanEditor::planLoaded, this, &MainWindow::updateActions);
    connect(m_dueView, &DueView::openMeasure, this, [this](qint64 planId, qint64 measureId) {
        openPlan(planId);
        showPlanView();
        const auto *model = m_editor->model();
        for (int s = 0; s < model->rowCount(); ++s)
            for (int m = 0; m < model->rowCount(model->sectionIndex(s)); ++m)
                if (model->measureAt(model->measureIndex(s, m))->id == measureId)
                    m_planView->selectSourceIndex(model->measureIndex(s, m));
    });
    connect(m_tabs, &QTabWidget::currentChanged, this, [this](int i) {
        if (m_tabs->widget(i) == m_dueView)
            reloadDue();
    });
}

void MainWindow::installChangeWatcher() {
    if (!m_session->database())
        return;
    m_changes = new PlanChangeWatcher(*m_session->database(), m_editor, this);
    m_planView->addBanner(m_changes->banner());
    // No reload under the user's hands: a cell being edited, or typing in the measure panel.
    m_changes->setBusyProbe([this] {
        const QWidget *focus = QApplication::focusWidget();
        const QWidget *tree = m_planView->treeView();
        return focus &&
               ((focus != tree && tree->isAncestorOf(focus)) || m_detail->isAncestorOf(focus));
    });
    connect(m_changes, &PlanChangeWatcher::message, this,
            [this](const QString &t) { statusBar()->showMessage(t, 15000); });
    connect(m_changes, &PlanChangeWatcher::plansChanged, this,
            [this] { m_planList->reload(m_session->plans()); });
}

void MainWindow::updateActions() {
    const bool has = m_editor->hasPlan();
    const bool editable = has && !m_editor->isReadOnly();
    const auto status = has ? m_editor->plan().status : core::PlanStatus::Draft;
    auto *a = m_actions;
    for (QAction *act :
         {a->addSection, a->addMeasure, a->remove, a->moveUp, a->moveDown, a->columns})
        act->setEnabled(editable);
    for (QAction *act :
         {a->print, a->exportPdf, a->exportXlsx, a->exportOdt, a->printReport, a->exportReportPdf,
          a->exportReportXlsx, a->copyNextYear, a->deletePlan, a->exportDocx})
        act->setEnabled(has);
    // By role and plan state (core::PlanPermissions); no role while the database has no accounts.
    const storage::Database *db = m_session->database();
    const std::optional<core::Role> role =
        db && db->actor() ? std::optional<core::Role>(db->actor()->role) : std::nullopt;
    const auto kind = has ? m_editor->plan().organization.kind : core::OrganizationKind::School;
    const auto allowed = [&](core::PlanAction action) {
        return has && core::PlanPermissions::allowed(role, action, status, kind);
    };
    for (QAction *act :
         {a->addSection, a->addMeasure, a->remove, a->moveUp, a->moveDown, a->columns})
        act->setEnabled(editable && allowed(core::PlanAction::EditText));
    a->submit->setEnabled(allowed(core::PlanAction::Submit));
    a->approve->setEnabled(allowed(core::PlanAction::Approve));
    a->returnPlan->setEnabled(allowed(core::PlanAction::Return));
    a->revision->setEnabled(allowed(core::PlanAction::Revise));
    a->deletePlan->setEnabled(allowed(core::PlanAction::Remove) ||
                              allowed(core::PlanAction::ForceRemove));
    a->history->setEnabled(has);
    // Accounts: an administrator, or anyone while the database has none (AccountRepository).
    a->ownPassword->setVisible(db && db->actor());
    // Signed in with a server account, the accounts are the server's roles (objectivity-cli
    // account): the dialog of the file's accounts is not offered.
    a->accounts->setVisible(m_session->database() &&
                            m_session->database()->serverOrganizationId() == 0 &&
                            storage::AccountRepository(*m_session->database()).checkCanManage());
    a->compare->setEnabled(has);
    const bool department = has && kind != core::OrganizationKind::School;
    a->rollup->setEnabled(department);
    a->distribute->setEnabled(department && allowed(core::PlanAction::Distribute));
}

void MainWindow::showRollup(bool distributeFirst) {
    storage::Database *db = m_session->database();
    if (!db || !m_editor->hasPlan())
        return;
    auto plan = storage::PlanRepository(*db).load(m_editor->plan().id);
    if (!plan) {
        ErrorMessage::show(this, QStringLiteral("Свод по школам"), plan.error());
        return;
    }
    RollupDialog dialog(*db, *plan, this);
    connect(&dialog, &RollupDialog::distributed, this, &MainWindow::reloadLists);
    if (distributeFirst)
        QTimer::singleShot(0, &dialog, &RollupDialog::startDistribution);
    dialog.exec();
}

void MainWindow::openPlan(qint64 planId) {
    if (m_editor->hasPlan() && m_editor->plan().id == planId) {
        // Already open (e.g. a new revision the editor switched to): show it in the list.
        m_planList->selectPlan(planId);
        updateActions();
        return;
    }
    auto st = m_editor->loadPlan(planId);
    if (!st) {
        ErrorMessage::show(this, QStringLiteral("Открытие плана"), st.error());
        return;
    }
    m_planList->selectPlan(planId);
    m_planView->selectFirstMeasure();
    updateActions();
}

void MainWindow::showPlanView() {
    m_tabs->setCurrentWidget(m_planView);
}

void MainWindow::showDueView() {
    m_tabs->setCurrentWidget(m_dueView);
    reloadDue();
}

void MainWindow::reloadLists() {
    m_planList->reload(m_session->plans());
    updateStartPage();
    if (m_tabs->currentWidget() == m_dueView)
        reloadDue();
}

bool MainWindow::isStartPageShown() const {
    return m_center->currentWidget() == m_startPage;
}

void MainWindow::updateStartPage() {
    const bool empty = m_planList->model()->plans().isEmpty();
    m_center->setCurrentWidget(empty ? static_cast<QWidget *>(m_startPage) : m_tabs);
    // The plan list and the measure panel have nothing to show beside the start page.
    for (const char *dock : {"plansDock", "detailDock"})
        if (auto *w = findChild<QDockWidget *>(QLatin1String(dock)))
            w->setVisible(!empty);
}

void MainWindow::reloadDue() {
    QList<core::Plan> plans;
    if (auto list = m_session->plans()->list())
        for (const auto &summary : list.value())
            if (auto plan = m_session->plans()->load(summary.id))
                plans << plan.value();
    m_dueView->setPlans(plans);
}

void MainWindow::mergeOwners(QWidget *dialog, const QString &from, const QString &into) {
    // The open draft first, through its undo stack (Ctrl+Z gives the names back), then the other
    // drafts and the directory in one transaction.
    const int inOpenPlan = m_editor->hasPlan() ? m_editor->replaceOwner(from, into) : 0;
    auto merged = storage::StaffOwners(*m_session->database()).merge(from, into);
    if (!merged && inOpenPlan == 0) {
        ErrorMessage::show(dialog, QStringLiteral("Объединение имён"), merged.error());
        return;
    }
    (void)m_staffModel->reload();
    m_detail->setOwnerNames(m_staffModel->names());
    const int rows = merged ? merged->ownerRows : 0;
    QString text = QStringLiteral("«%1» заменено на «%2»: в открытом плане — %3, в других "
                                  "черновиках — %4.")
                       .arg(from, into)
                       .arg(inOpenPlan)
                       .arg(rows);
    if (merged && merged->keptInPlans > 0)
        text +=
            QStringLiteral(" В утверждённых планах имя не изменено (%1).").arg(merged->keptInPlans);
    if (inOpenPlan > 0)
        text += QStringLiteral(" Отменить в открытом плане: Правка → Отменить.");
    statusBar()->showMessage(text, 15000);
}

void MainWindow::showAccounts() {
    if (!m_session->database())
        return;
    AccountsDialog dialog(*m_session->database(), this);
    dialog.exec();
    updateActions();
}

void MainWindow::showStaff() {
    (void)m_staffModel->reload();
    bool renamed = false;
    auto c = connect(m_staffModel, &StaffModel::renamed, this, [&renamed] { renamed = true; });
    StaffDialog dialog(m_staffModel, this);
    auto duplicates = [this, &dialog] {
        if (!m_session->database())
            return;
        if (auto found = storage::StaffOwners(*m_session->database()).nearDuplicates())
            dialog.setDuplicates(found.value());
    };
    duplicates();
    connect(&dialog, &StaffDialog::mergeRequested, this,
            [this, &dialog, duplicates](const QString &from, const QString &into) {
                mergeOwners(&dialog, from, into);
                duplicates();
            });
    dialog.exec();
    disconnect(c);
    m_detail->setOwnerNames(m_staffModel->names());
    if (renamed && m_editor->hasPlan()) {
        // The owners changed in the database: show them (the undo history starts afresh).
        const qint64 id = m_editor->plan().id;
        const QModelIndex current = m_planView->currentSourceIndex();
        const int s = m_editor->model()->sectionRow(current),
                  m = m_editor->model()->measureRow(current);
        (void)m_editor->loadPlan(id);
        if (s >= 0)
            m_planView->selectSourceIndex(m >= 0 ? m_editor->model()->measureIndex(s, m)
                                                 : m_editor->model()->sectionIndex(s));
        statusBar()->showMessage(QStringLiteral("Имена ответственных обновлены во всех планах."),
                                 10000);
    }
}

void MainWindow::openDatabase(const QString &path) {
    // The application builds a new window on the new database (see app/main.cpp).
    if (!path.isEmpty() && path != m_session->path())
        emit databaseRequested(path);
}

bool MainWindow::offerLegacyDemoRemoval() {
    const QString keptKey = QStringLiteral("legacy_demo_kept");
    if (m_session->isDemo() || !m_session->database())
        return false;
    storage::Database &db = *m_session->database();
    storage::DatabaseMeta meta(db);
    const auto kept = meta.value(keptKey);
    if (!kept || *kept == QLatin1String("1"))
        return false;
    storage::LegacyDemoResults legacy(db);
    const auto found = legacy.find(io::DemoData::importName());
    if (!found || found->importId == 0)
        return false;
    const QString title = QStringLiteral("Демонстрационные результаты");
    QMessageBox box(QMessageBox::Question, title,
                    QStringLiteral("В этой базе есть демонстрационные результаты, которые прежняя "
                                   "версия программы добавила при её создании (строк: %1, "
                                   "вымышленных школ под названиями настоящих муниципалитетов: "
                                   "%2). "
                                   "Они смешиваются с вашими результатами и искажают сравнение с "
                                   "регионом.\n\nУдалить их? Ваши собственные результаты и планы "
                                   "не изменятся.")
                        .arg(QLocale().toString(found->rows))
                        .arg(found->schools),
                    QMessageBox::Yes | QMessageBox::No, this);
    box.setDefaultButton(QMessageBox::Yes);
    box.button(QMessageBox::Yes)->setText(QStringLiteral("Удалить"));
    box.button(QMessageBox::No)->setText(QStringLiteral("Оставить"));
    if (box.exec() != QMessageBox::Yes) {
        if (auto st = meta.setValue(keptKey, QStringLiteral("1")); !st)
            statusBar()->showMessage(st.error().toString());
        return false;
    }
    if (auto st = legacy.remove(found->importId); !st) {
        QMessageBox::warning(this, title, st.error().toString());
        return false;
    }
    emit m_results->imported(); // open results windows reread the data
    statusBar()->showMessage(QStringLiteral("Демонстрационные результаты удалены, строк: %1.")
                                 .arg(QLocale().toString(found->rows)),
                             15000);
    return true;
}

void MainWindow::chooseDatabase() {
    const QString path = QFileDialog::getSaveFileName(
        this, QStringLiteral("Открыть или создать базу"), QFileInfo(m_session->path()).path(),
        QStringLiteral("База «Объективность» (*.sqlite *.db);;Все файлы (*)"), nullptr,
        QFileDialog::DontConfirmOverwrite);
    if (!path.isEmpty())
        openDatabase(path);
}

void MainWindow::connectToServer() {
    ServerConnectDialog dialog(this);
    if (dialog.exec() == QDialog::Accepted)
        openDatabase(dialog.url()); // the password goes to the connection only
}

void MainWindow::chooseNewDatabase() {
    const QString folder = QFileInfo(AppSession::defaultDatabasePath()).path();
    QString suggested = AppSession::defaultDatabasePath();
    for (int n = 2; QFileInfo::exists(suggested); ++n)
        suggested = QDir(folder).filePath(QStringLiteral("objectivity-%1.sqlite").arg(n));
    const QString path =
        QFileDialog::getSaveFileName(this, QStringLiteral("Создать базу"), suggested,
                                     QStringLiteral("База «Объективность» (*.sqlite *.db)"),
                                     nullptr, QFileDialog::DontConfirmOverwrite);
    if (path.isEmpty())
        return;
    if (QFileInfo::exists(path)) {
        QMessageBox::warning(this, QStringLiteral("Создать базу"),
                             QStringLiteral("Файл «%1» уже существует. Новая база создаётся в "
                                            "новом файле; чтобы открыть этот, выберите «Файл → "
                                            "Открыть базу…».")
                                 .arg(QDir::toNativeSeparators(path)));
        return;
    }
    openDatabase(path);
}

void MainWindow::rememberDatabase(const QString &path) {
    if (path.isEmpty())
        return;
    QSettings settings;
    QStringList recent = settings.value(kRecentKey).toStringList();
    recent.removeAll(path);
    recent.prepend(path);
    while (recent.size() > 8)
        recent.removeLast();
    settings.setValue(kRecentKey, recent);
    rebuildRecentMenu();
}

void MainWindow::rebuildRecentMenu() {
    QMenu *menu = m_actions->recentMenu;
    menu->clear();
    for (const QString &path : QSettings().value(kRecentKey).toStringList()) {
        QAction *act = menu->addAction(path);
        act->setEnabled(path != m_session->path() &&
                        (storage::PostgresUrl::isUrl(path) || QFileInfo::exists(path)));
        connect(act, &QAction::triggered, this, [this, path] { openDatabase(path); });
    }
    menu->setEnabled(!menu->isEmpty());
}

void MainWindow::restoreSettings() {
    QSettings settings;
    if (!restoreGeometry(settings.value(QStringLiteral("mainWindow/geometry")).toByteArray()))
        resize(1400, 860);
    if (!restoreState(settings.value(QStringLiteral("mainWindow/state")).toByteArray()))
        // First start: once shown, give the table most of the height and the list its width.
        QTimer::singleShot(0, this, [this] {
            resizeDocks({findChild<QDockWidget *>(QStringLiteral("plansDock"))}, {380},
                        Qt::Horizontal);
            resizeDocks({findChild<QDockWidget *>(QStringLiteral("detailDock"))}, {260},
                        Qt::Vertical);
        });
}

void MainWindow::closeEvent(QCloseEvent *event) {
    QSettings settings;
    settings.setValue(QStringLiteral("mainWindow/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("mainWindow/state"), saveState());
    if (m_editor && m_editor->hasPlan())
        settings.setValue(QStringLiteral("lastPlan/") + m_session->path(), m_editor->plan().id);
    event->accept();
}

void MainWindow::dragEnterEvent(QDragEnterEvent *event) {
    if (event->mimeData()->hasUrls() && !event->mimeData()->urls().isEmpty() &&
        event->mimeData()->urls().first().isLocalFile())
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent *event) {
    const QString path = event->mimeData()->urls().first().toLocalFile();
    event->acceptProposedAction();
    // Let the drag finish before the modal preview opens.
    QTimer::singleShot(0, this, [this, path] { m_workflow->importFile(path); });
}

} // namespace objectivity::gui
