// «Объективность»: the desktop application. Opens the database (--db FILE, --demo or the default
// one; on the first start, when the default file does not exist yet, the demonstration database),
// shows the main window, or with --screenshot renders it to a PNG and exits.
#include "objectivity/core/common/HugePageMalloc.h"
#include "objectivity/gui/plan/LoginDialog.h"
#include "objectivity/gui/plan/PlanListModel.h"
#include "objectivity/gui/plan/PlanListView.h"
#include "objectivity/gui/shell/AppSession.h"
#include "objectivity/gui/shell/DemoDatabase.h"
#include "objectivity/gui/shell/ErrorMessage.h"
#include "objectivity/gui/shell/MainWindow.h"
#include "objectivity/gui/shell/QtTranslations.h"
#include "objectivity/gui/shell/ScreenshotRunner.h"
#include "objectivity/storage/Database.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QFileInfo>
#include <QIcon>
#include <QLocale>
#include <QMessageBox>
#include <QSettings>
#include <QStatusBar>
#include <QTextStream>
#include <QTimer>

#include <algorithm>
#include <functional>
#include <memory>

using namespace objectivity;

int main(int argc, char **argv) {
    // malloc on transparent huge pages: runs the program again, once, before anything else
    core::HugePageMalloc::reexec(argv);
    QApplication app(argc, argv);
    // Month names, dates and numbers in Russian whatever the system locale is.
    QLocale::setDefault(QLocale(QLocale::Russian, QLocale::Russia));
    gui::QtTranslations::install(app); // Qt's own buttons and dialogs in Russian
    QApplication::setApplicationName(QStringLiteral("Объективность"));
    QApplication::setOrganizationName(QStringLiteral("Objectivity"));
    QApplication::setApplicationVersion(QStringLiteral("0.1"));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/objectivity-256.png")));
    QApplication::setDesktopFileName(QStringLiteral("objectivity"));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("План мероприятий по обеспечению объективности оценочных процедур"));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption db(QStringLiteral("db"), QStringLiteral("Файл базы данных."),
                                QStringLiteral("ФАЙЛ"));
    const QCommandLineOption demo(
        QStringLiteral("demo"),
        QStringLiteral("Открыть демонстрационную базу (создаётся при первом открытии)."));
    const QCommandLineOption shot(QStringLiteral("screenshot"),
                                  QStringLiteral("Записать снимок окна в PNG и выйти."),
                                  QStringLiteral("PNG"));
    const QCommandLineOption view(
        QStringLiteral("screenshot-view"),
        QStringLiteral("Что снять: main, detail, due, import-preview, start, "
                       "results, analysis, analysis-flags, analysis-unit."),
        QStringLiteral("ВИД"), QStringLiteral("main"));
    const QCommandLineOption plan(QStringLiteral("plan"), QStringLiteral("Открыть план с этим id."),
                                  QStringLiteral("ID"));
    const QCommandLineOption import(QStringLiteral("import"),
                                    QStringLiteral("Документ для снимка import-preview."),
                                    QStringLiteral("ФАЙЛ"));
    const QCommandLineOption today(QStringLiteral("today"),
                                   QStringLiteral("Дата расчёта «Сроков» (ДД.ММ.ГГГГ)."),
                                   QStringLiteral("ДАТА"));
    const QCommandLineOption month(QStringLiteral("month"),
                                   QStringLiteral("Месяц «Сроков» (ММ.ГГГГ)."),
                                   QStringLiteral("МЕСЯЦ"));
    const QCommandLineOption mode(QStringLiteral("due-mode"),
                                  QStringLiteral("Список «Сроков»: month, overdue, upcoming."),
                                  QStringLiteral("РЕЖИМ"));
    parser.addOptions({db, demo, shot, view, plan, import, today, month, mode});
    parser.process(app);

    const QString demoPath = gui::DemoDatabase::defaultPath();
    QString path = parser.isSet(db) ? parser.value(db) : gui::AppSession::defaultDatabasePath();
    // First start (no database of the user's yet): show the demonstration database, so the
    // application is not empty; the user's own database is created from the menu.
    const bool firstStart = !parser.isSet(db) && !parser.isSet(demo) && !QFileInfo::exists(path);
    if (parser.isSet(demo) || firstStart)
        path = demoPath;
    std::unique_ptr<gui::AppSession> session;
    std::unique_ptr<gui::MainWindow> window;
    std::function<bool(const QString &)> openWindow = [&](const QString &file) -> bool {
        auto next = std::make_unique<gui::AppSession>();
        core::Status st;
        if (file == demoPath)
            st = gui::DemoDatabase::ensure(file, window.get());
        if (st)
            st = next->open(file);
        // A database with accounts asks who works (the window title shows it); cancelled: the
        // database is not opened.
        if (st && next->database() && !parser.isSet(shot) &&
            !gui::LoginDialog::signIn(*next->database(), window.get()))
            return false;
        if (!st) {
            if (parser.isSet(shot) || !window) {
                QTextStream err(stderr);
                err << QStringLiteral("Не удалось открыть базу: ") << st.error().toString()
                    << Qt::endl;
                if (!st.error().details.isEmpty())
                    err << QStringLiteral("Подробности: ") << st.error().details << Qt::endl;
            } else {
                gui::ErrorMessage::show(window.get(), QStringLiteral("Открытие базы"), st.error(),
                                        QStringLiteral("Не удалось открыть базу."));
            }
            return false;
        }
        const bool wasShown = window && window->isVisible();
        if (window) {
            // Closing saves the window layout; it must not end the application.
            QApplication::setQuitOnLastWindowClosed(false);
            window->close();
            QApplication::setQuitOnLastWindowClosed(true);
        }
        window.reset();
        session = std::move(next);
        window = std::make_unique<gui::MainWindow>(session.get());
        QObject::connect(window.get(), &gui::MainWindow::databaseRequested, &app,
                         [&](const QString &other) {
                             // Switch after the current event finishes.
                             QMetaObject::invokeMethod(
                                 &app, [&, other] { openWindow(other); }, Qt::QueuedConnection);
                         });
        if (wasShown)
            window->show();
        if (!parser.isSet(shot)) // once the window is up: demo rows of an older version
            QTimer::singleShot(0, window.get(),
                               [w = window.get()] { w->offerLegacyDemoRemoval(); });
        qint64 last = QSettings().value(QStringLiteral("lastPlan/") + session->path()).toLongLong();
        if (last <= 0 && session->isDemo()) // the demo opens on its plan
            for (const auto &summary : window->planList()->model()->plans())
                last = std::max(last, summary.id);
        if (last > 0 && !parser.isSet(shot))
            window->openPlan(last);
        return true;
    };
    if (!openWindow(path)) {
        // The demo was not created (cancelled, no space): start on the user's own new database.
        if (!firstStart || !openWindow(gui::AppSession::defaultDatabasePath()))
            return 1;
    } else if (firstStart) {
        window->statusBar()->showMessage(
            QStringLiteral("Это демонстрационная база: школы и результаты вымышлены. Свою базу "
                           "создайте командой «Файл → Создать базу…»."));
    }

    if (parser.isSet(shot)) {
        gui::ScreenshotOptions o;
        o.output = parser.value(shot);
        o.view = parser.value(view);
        o.planId = parser.value(plan).toLongLong();
        o.importFile = parser.value(import);
        o.today = QDate::fromString(parser.value(today), QStringLiteral("dd.MM.yyyy"));
        o.month = QDate::fromString(QStringLiteral("01.") + parser.value(month),
                                    QStringLiteral("dd.MM.yyyy"));
        o.mode = parser.value(mode);
        return gui::ScreenshotRunner::run(*window, o);
    }
    window->show();
    return app.exec();
}
