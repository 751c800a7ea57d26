#include "objectivity/gui/shell/MainActions.h"

#include <QAction>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>

namespace objectivity::gui {

MainActions::MainActions(QMainWindow *window) : QObject(window), m_window(window) {
    using QKS = QKeySequence;
    newPlan = make(QStringLiteral("&Новый план…"), QKS::New);
    importFile = make(QStringLiteral("&Импорт документа…"), QKS(Qt::CTRL | Qt::Key_I));
    pasteImport =
        make(QStringLiteral("Вставить план из &буфера"), QKS(Qt::CTRL | Qt::SHIFT | Qt::Key_V));
    newDatabase = make(QStringLiteral("Созд&ать базу…"));
    openDatabase = make(QStringLiteral("&Открыть базу…"), QKS::Open);
    openDemo = make(QStringLiteral("Открыть &демонстрационную базу"));
    connectServer = make(QStringLiteral("Подключиться к &серверу…"));
    print = make(QStringLiteral("&Печать…"), QKS::Print);
    exportPdf = make(QStringLiteral("Экспорт в PDF…"), QKS(Qt::CTRL | Qt::SHIFT | Qt::Key_P));
    exportXlsx = make(QStringLiteral("Экспорт в Excel…"), QKS(Qt::CTRL | Qt::SHIFT | Qt::Key_E));
    exportOdt = make(QStringLiteral("Экспорт в ODT…"));
    exportDocx = make(QStringLiteral("Экспорт в Word (.docx)…"));
    printReport = make(QStringLiteral("Печать отчёта об исполнении…"));
    exportReportPdf = make(QStringLiteral("Отчёт об исполнении в PDF…"));
    exportReportXlsx = make(QStringLiteral("Отчёт об исполнении в Excel…"));
    quit = make(QStringLiteral("В&ыход"), QKS::Quit);

    addSection =
        make(QStringLiteral("Добавить раздел"), QKS(Qt::CTRL | Qt::SHIFT | Qt::Key_Insert));
    addMeasure = make(QStringLiteral("Добавить мероприятие"), QKS(Qt::Key_Insert));
    remove = make(QStringLiteral("Удалить"), QKS(Qt::CTRL | Qt::Key_Delete));
    moveUp = make(QStringLiteral("Переместить вверх"), QKS(Qt::CTRL | Qt::Key_Up));
    moveDown = make(QStringLiteral("Переместить вниз"), QKS(Qt::CTRL | Qt::Key_Down));
    find = make(QStringLiteral("Поиск…"), QKS::Find);
    columns = make(QStringLiteral("Столбцы плана…"));

    submit = make(QStringLiteral("Отправить на утверждение"));
    approve = make(QStringLiteral("Утвердить…"));
    revision = make(QStringLiteral("Создать новую редакцию"));
    returnPlan = make(QStringLiteral("Вернуть на доработку…"));
    history = make(QStringLiteral("История изменений…"), QKS(Qt::CTRL | Qt::Key_H));
    compare = make(QStringLiteral("Сравнить редакции…"));
    rollup = make(QStringLiteral("Свод по школам…"));
    distribute = make(QStringLiteral("Разослать в планы школ…"));
    copyNextYear = make(QStringLiteral("Копия на следующий учебный год"));
    deletePlan = make(QStringLiteral("Удалить план…"));

    showPlan = make(QStringLiteral("План"), QKS(Qt::CTRL | Qt::Key_1));
    showDue = make(QStringLiteral("Сроки"), QKS(Qt::CTRL | Qt::Key_2));
    staff = make(QStringLiteral("Справочник ответственных…"), QKS(Qt::CTRL | Qt::Key_R));
    about = make(QStringLiteral("О программе"));
    accounts = make(QStringLiteral("Учётные записи…"));
    ownPassword = make(QStringLiteral("Сменить свой пароль…"));
    measureTemplates = make(QStringLiteral("Шаблоны мер по признакам…"));
    quit->setMenuRole(QAction::QuitRole);
    // Delete works in the plan table only (text fields keep their own Delete).
    remove->setShortcutContext(Qt::WindowShortcut);
}

QAction *MainActions::make(const QString &text, const QKeySequence &shortcut) {
    auto *a = new QAction(text, m_window);
    if (!shortcut.isEmpty())
        a->setShortcut(shortcut);
    m_window->addAction(a);
    return a;
}

void MainActions::buildMenus(QMainWindow *window, QAction *undo, QAction *redo) {
    QMenuBar *bar = window->menuBar();
    QMenu *file = bar->addMenu(QStringLiteral("&Файл"));
    file->addAction(newPlan);
    file->addAction(importFile);
    file->addAction(pasteImport);
    file->addSeparator();
    file->addAction(newDatabase);
    file->addAction(openDatabase);
    file->addAction(connectServer);
    file->addAction(openDemo);
    recentMenu = file->addMenu(QStringLiteral("Недавние базы"));
    file->addSeparator();
    file->addAction(print);
    QMenu *exp = file->addMenu(QStringLiteral("Экспорт"));
    exp->addAction(exportPdf);
    exp->addAction(exportXlsx);
    exp->addAction(exportOdt);
    exp->addAction(exportDocx);
    QMenu *report = file->addMenu(QStringLiteral("Отчёт об исполнении"));
    report->addAction(printReport);
    report->addAction(exportReportPdf);
    report->addAction(exportReportXlsx);
    file->addSeparator();
    file->addAction(quit);

    QMenu *edit = bar->addMenu(QStringLiteral("&Правка"));
    edit->addAction(undo);
    edit->addAction(redo);
    edit->addSeparator();
    edit->addAction(addSection);
    edit->addAction(addMeasure);
    edit->addAction(remove);
    edit->addAction(moveUp);
    edit->addAction(moveDown);
    edit->addSeparator();
    edit->addAction(find);
    edit->addAction(columns);

    QMenu *plan = bar->addMenu(QStringLiteral("П&лан"));
    plan->addAction(submit);
    plan->addAction(approve);
    plan->addAction(returnPlan);
    plan->addAction(revision);
    plan->addSeparator();
    plan->addAction(history);
    plan->addAction(compare);
    plan->addSeparator();
    plan->addAction(rollup);
    plan->addAction(distribute);
    plan->addSeparator();
    plan->addAction(copyNextYear);
    plan->addAction(deletePlan);

    QMenu *view = bar->addMenu(QStringLiteral("&Вид"));
    view->addAction(showPlan);
    view->addAction(showDue);
    QMenu *refs = bar->addMenu(QStringLiteral("&Справочники"));
    refs->addAction(staff);
    refs->addAction(measureTemplates);
    refs->addAction(accounts);
    refs->addAction(ownPassword);
    QMenu *help = bar->addMenu(QStringLiteral("Спр&авка"));
    help->addAction(about);
}

} // namespace objectivity::gui
