// The results menu and the dialogs that change results data follow core::DataPermissions: a deputy
// director sees «Импорт результатов…» disabled (with the reason in the status tip), reads the mark
// scales and the analysis thresholds without a way to change them and is told who may; an
// administrator gets all of it. Storage refuses such writes anyway; the GUI no longer offers them.
#include "objectivity/gui/analysis/AnalysisSettingsDialog.h"
#include "objectivity/gui/results/MarkScaleDialog.h"
#include "objectivity/gui/results/ResultsMenu.h"
#include "objectivity/storage/AccountRepository.h"
#include "objectivity/storage/Database.h"

#include <QAction>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QMainWindow>
#include <QPushButton>
#include <QTableView>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace objectivity;
using namespace Qt::StringLiterals;

namespace {

void signIn(storage::Database &db, const QString &name, core::Role role) {
    storage::AccountRepository accounts(db);
    db.setActor(core::Account{0, u"admin"_s, core::Role::Admin, {}});
    core::Account account{0, name, role, {}};
    ASSERT_TRUE(accounts.add(account, u"пароль"_s));
    auto signedIn = accounts.authenticate(name, u"пароль"_s);
    ASSERT_TRUE(signedIn);
    db.setActor(signedIn.value());
}

bool visibleButton(const QWidget &w, const QString &text) {
    for (auto *b : w.findChildren<QPushButton *>())
        if (b->text().remove(u'&') == text && !b->isHidden())
            return true;
    return false;
}

} // namespace

TEST(DataRoleGating, DeputyReadsResultsDataButIsNotOfferedToChangeIt) {
    QTemporaryDir dir;
    auto opened = storage::Database::open(dir.filePath(u"roles.sqlite"_s));
    ASSERT_TRUE(opened.ok()) << opened.error().toString().toStdString();
    storage::Database &db = **opened;
    signIn(db, u"admin"_s, core::Role::Admin);
    signIn(db, u"zam"_s, core::Role::Deputy);
    ASSERT_EQ(db.actor()->role, core::Role::Deputy);

    QMainWindow window;
    gui::ResultsMenu menu(&window, &db);
    EXPECT_FALSE(menu.importResults->isEnabled());
    EXPECT_TRUE(menu.importResults->statusTip().contains(u"не позволяет"_s))
        << menu.importResults->statusTip().toStdString();
    EXPECT_TRUE(menu.browse->isEnabled());
    EXPECT_TRUE(menu.analysis->isEnabled());

    gui::MarkScaleDialog scales(db);
    EXPECT_EQ(scales.view()->editTriggers(), QAbstractItemView::NoEditTriggers);
    EXPECT_FALSE(visibleButton(scales, u"Сохранить"_s));
    EXPECT_FALSE(visibleButton(scales, u"Добавить"_s));
    auto *note = scales.findChild<QLabel *>(u"readOnlyNote"_s);
    ASSERT_TRUE(note);
    EXPECT_TRUE(note->text().contains(u"администратор"_s)) << note->text().toStdString();

    gui::AnalysisSettingsDialog settings(db);
    EXPECT_FALSE(visibleButton(settings, u"Сохранить"_s));
    EXPECT_TRUE(settings.errorText().contains(u"не позволяет"_s));
    const auto spins = settings.findChildren<QDoubleSpinBox *>();
    ASSERT_FALSE(spins.isEmpty());
    for (auto *spin : spins)
        EXPECT_TRUE(spin->isReadOnly()) << spin->objectName().toStdString();
}

TEST(DataRoleGating, AdministratorIsOfferedEverything) {
    QTemporaryDir dir;
    auto opened = storage::Database::open(dir.filePath(u"roles.sqlite"_s));
    ASSERT_TRUE(opened.ok()) << opened.error().toString().toStdString();
    storage::Database &db = **opened;
    signIn(db, u"admin"_s, core::Role::Admin);

    QMainWindow window;
    gui::ResultsMenu menu(&window, &db);
    EXPECT_TRUE(menu.importResults->isEnabled());
    gui::MarkScaleDialog scales(db);
    EXPECT_NE(scales.view()->editTriggers(), QAbstractItemView::NoEditTriggers);
    EXPECT_TRUE(visibleButton(scales, u"Сохранить"_s));
    EXPECT_FALSE(scales.findChild<QLabel *>(u"readOnlyNote"_s));
    gui::AnalysisSettingsDialog settings(db);
    EXPECT_TRUE(visibleButton(settings, u"Сохранить"_s));
    EXPECT_TRUE(settings.errorText().isEmpty());
}

// A picture of the thresholds window for the user guide (docs/images/analysis-settings.png).
TEST(DataRoleGating, SettingsSavedForDocsWhenAsked) {
    const QString out = qEnvironmentVariable("OBJECTIVITY_SCREENSHOT_DIR");
    if (out.isEmpty())
        GTEST_SKIP() << "OBJECTIVITY_SCREENSHOT_DIR not set";
    QTemporaryDir dir;
    auto opened = storage::Database::open(dir.filePath(u"roles.sqlite"_s));
    ASSERT_TRUE(opened.ok()) << opened.error().toString().toStdString();
    gui::AnalysisSettingsDialog settings(**opened);
    settings.show();
    EXPECT_TRUE(settings.grab().save(out + u"/analysis-settings.png"_s));
}
