// «Объективность»: the desktop application. Opens the database (--db FILE or the default one),
// shows the main window, or with --screenshot renders it to a PNG and exits.
#include "objectivity/gui/shell/AppSession.h"
#include "objectivity/gui/results/DemoResultsLoader.h"
#include "objectivity/gui/shell/MainWindow.h"
#include "objectivity/gui/shell/ScreenshotRunner.h"
#include "objectivity/storage/Database.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>
#include <QLocale>
#include <QMessageBox>
#include <QSettings>
#include <QTextStream>

#include <functional>
#include <memory>

using namespace objectivity;

int main(int argc, char **argv) {
    QApplication app(argc, argv);
    // Month names, dates and numbers in Russian whatever the system locale is.
    QLocale::setDefault(QLocale(QLocale::Russian, QLocale::Russia));
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
    const QCommandLineOption shot(QStringLiteral("screenshot"),
                                  QStringLiteral("Записать снимок окна в PNG и выйти."),
                                  QStringLiteral("PNG"));
    const QCommandLineOption view(QStringLiteral("screenshot-view"),
                                  QStringLiteral("Что снять: main, detail, due, import-preview."),
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
    parser.addOptions({db, shot, view, plan, import, today, month, mode});
    parser.process(app);

    QString path = parser.isSet(db) ? parser.value(db) : gui::AppSession::defaultDatabasePath();
    std::unique_ptr<gui::AppSession> session;
    std::unique_ptr<gui::MainWindow> window;
    std::function<bool(const QString &)> openWindow = [&](const QString &file) -> bool {
        auto next = std::make_unique<gui::AppSession>();
        if (auto st = next->open(file); !st) {
            const QString text =
                QStringLiteral("Не удалось открыть базу: ") + st.error().toString();
            if (parser.isSet(shot) || !window)
                QTextStream(stderr) << text << Qt::endl;
            else
                QMessageBox::warning(window.get(), QStringLiteral("Открытие базы"), text);
            return false;
        }
        if (next->database()->isNew()) {
            // First start on this file: a demo region of results beside the demo plan. A failure
            // is reported and the (empty) results tables stay usable for real imports.
            if (auto st = gui::DemoResultsLoader::run(*next->database(), window.get()); !st)
                QTextStream(stderr) << QStringLiteral("Демонстрационные результаты не созданы: ")
                                    << st.error().toString() << Qt::endl;
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
        const qint64 last =
            QSettings().value(QStringLiteral("lastPlan/") + session->path()).toLongLong();
        if (session->demoPlanId() > 0)
            window->openPlan(session->demoPlanId());
        else if (last > 0 && !parser.isSet(shot))
            window->openPlan(last);
        return true;
    };
    if (!openWindow(path))
        return 1;

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
