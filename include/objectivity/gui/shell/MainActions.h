#pragma once
#include <QKeySequence>
#include <QObject>

class QAction;
class QMenu;
class QMainWindow;

namespace objectivity::gui {

// Every action of the main window, with Russian texts and keyboard shortcuts, and the menus.
class MainActions : public QObject {
    Q_OBJECT
public:
    explicit MainActions(QMainWindow *window);
    void buildMenus(QMainWindow *window, QAction *undo, QAction *redo);

    // Файл
    QAction *newPlan, *importFile, *pasteImport, *newDatabase, *openDatabase, *openDemo, *print,
        *exportPdf, *exportXlsx, *exportOdt, *printReport, *exportReportPdf, *exportReportXlsx,
        *quit;
    QAction *exportDocx;
    QAction *connectServer; // «Подключиться к серверу…» (PostgreSQL)
    QMenu *recentMenu = nullptr;
    // Правка
    QAction *addSection, *addMeasure, *remove, *moveUp, *moveDown, *find, *columns;
    // План
    QAction *submit, *approve, *revision, *copyNextYear, *deletePlan;
    // Accounts and the approval workflow: return with a comment, history, comparison.
    QAction *returnPlan, *history, *compare;
    // A municipal or regional plan: «Свод по школам…», «Разослать в планы школ…».
    QAction *rollup = nullptr, *distribute = nullptr;
    // Вид / Справочники
    QAction *showPlan, *showDue, *staff, *about;
    QAction *accounts; // «Учётные записи…»: visible to whoever may manage accounts
    QAction *ownPassword = nullptr; // «Сменить свой пароль…»: visible to whoever is signed in
    QAction *measureTemplates = nullptr; // «Шаблоны мер по признакам…»

private:
    QAction *make(const QString &text, const QKeySequence &shortcut = {});
    QMainWindow *m_window;
};

} // namespace objectivity::gui
