#pragma once
// Fixture of the main-window tests: a temporary database with seed 000 imported, the real
// MainWindow on it, shown and active (offscreen), and settings kept in a temporary folder.
#include "GuiTestSupport.h"
#include "objectivity/gui/shell/MainWindow.h"

#include <QApplication>
#include <QDialog>
#include <QSettings>
#include <QStandardPaths>
#include <QTest>
#include <QTimer>

#include <functional>
#include <memory>

namespace objectivity::test {

// Runs `act` on the next modal dialog of type T as soon as it is shown (exec() blocks the test)
// within `timeoutMs`. The dialog is accepted after `act` unless `act` closed it itself. (A dialog
// shown later would block the test for good: give work that may be slow, such as LibreOffice
// converting a document on a busy machine, the time it may take.)
template <typename T>
void onNextDialog(std::function<void(T *)> act, bool *seen = nullptr, int timeoutMs = 5'000) {
    auto attempt = std::make_shared<std::function<void(int)>>();
    *attempt = [act, seen, attempt](int left) {
        auto *dialog = qobject_cast<T *>(QApplication::activeModalWidget());
        if (!dialog) {
            if (left > 0)
                QTimer::singleShot(20, [attempt, left] { (*attempt)(left - 1); });
            return;
        }
        if (seen)
            *seen = true;
        act(dialog);
        if (dialog->isVisible())
            dialog->accept();
    };
    QTimer::singleShot(0, [attempt, timeoutMs] { (*attempt)(timeoutMs / 20); });
}

// Keeps QSettings of the test in a folder of its own.
struct TemporarySettings {
    QTemporaryDir dir;
    TemporarySettings() {
        QStandardPaths::setTestModeEnabled(true);
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, dir.path());
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, dir.path());
        QSettings().clear();
    }
};

class MainWindowTest : public ::testing::Test {
protected:
    void SetUp() override {
        if (seedPath(QStringLiteral("000")).isEmpty())
            GTEST_SKIP() << "../shared is absent (seed 000 not found)";
        ASSERT_TRUE(db.load(QStringLiteral("000")));
        window = std::make_unique<gui::MainWindow>(&db.session);
        window->resize(1300, 800);
        window->show();
        window->activateWindow();
        ASSERT_TRUE(QTest::qWaitForWindowActive(window.get()));
        window->openPlan(db.planId);
    }
    void TearDown() override { window.reset(); }

    TemporarySettings settings;
    SeedDatabase db;
    std::unique_ptr<gui::MainWindow> window;
};

} // namespace objectivity::test
