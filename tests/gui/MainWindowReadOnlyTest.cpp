// A database opened read-only (here a write-protected folder, stood for by OBJECTIVITY_READ_ONLY:
// the tests run as root) is shown as such, and an edit says why it was not saved.
#include "MainWindowTest.h"
#include "objectivity/gui/shell/MainActions.h"

#include <QAction>
#include <QLabel>
#include <QMessageBox>

using namespace objectivity;
using objectivity::test::onNextDialog;

TEST(MainWindowReadOnly, ShowsReadOnlyAndAnEditSaysWhyItIsNotSaved) {
    test::TemporarySettings settings;
    test::SeedDatabase seeded;
    if (test::seedPath(QStringLiteral("000")).isEmpty())
        GTEST_SKIP() << "../shared is absent (seed 000 not found)";
    ASSERT_TRUE(seeded.load(QStringLiteral("000")));
    {
        gui::MainWindow writable(&seeded.session);
        EXPECT_EQ(writable.findChild<QLabel *>(QStringLiteral("readOnlyLabel")), nullptr);
    }

    qputenv("OBJECTIVITY_READ_ONLY", "folder");
    gui::AppSession session;
    const auto opened = session.open(seeded.session.path());
    qunsetenv("OBJECTIVITY_READ_ONLY");
    ASSERT_TRUE(opened.ok()) << opened.error().toString().toStdString();
    gui::MainWindow window(&session);
    window.show();
    auto *label = window.findChild<QLabel *>(QStringLiteral("readOnlyLabel"));
    ASSERT_NE(label, nullptr);
    EXPECT_EQ(label->text(), QStringLiteral("Только чтение"));
    EXPECT_TRUE(label->toolTip().contains(QStringLiteral("нет прав на запись в папку")))
        << label->toolTip().toStdString();

    window.openPlan(seeded.planId);
    QString warning;
    onNextDialog<QMessageBox>([&](QMessageBox *box) { warning = box->text(); });
    window.actions()->addSection->trigger();
    EXPECT_TRUE(warning.contains(QStringLiteral("открыта только для чтения: нет прав на запись в "
                                                "папку")))
        << warning.toStdString();
}
