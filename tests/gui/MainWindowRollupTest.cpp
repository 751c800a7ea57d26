// «План → Свод по школам…» and «Разослать в планы школ…» in the main window: disabled on a
// school's plan (seed 000), enabled on a municipal plan; the action opens the roll-up dialog.
#include "MainWindowTest.h"
#include "objectivity/gui/plan/RollupDialog.h"
#include "objectivity/gui/plan/RollupModel.h"
#include "objectivity/gui/shell/MainActions.h"
#include "objectivity/storage/plan/PlanRepository.h"

#include <QAction>

using namespace objectivity;
using objectivity::test::MainWindowTest;

TEST_F(MainWindowTest, RollupActionsFollowThePlansOrganization) {
    gui::MainActions *a = window->actions();
    EXPECT_FALSE(a->rollup->isEnabled()); // seed 000 is a school's plan
    EXPECT_FALSE(a->distribute->isEnabled());

    core::Plan municipal;
    municipal.title = QStringLiteral("План управления образования");
    municipal.organization = {0, QStringLiteral("МКУ «Управление образования»"),
                              core::OrganizationKind::MunicipalDepartment, QString()};
    municipal.period = {2023, 2024};
    ASSERT_TRUE(db.session.plans()->save(municipal).ok());
    window->openPlan(municipal.id);
    EXPECT_TRUE(a->rollup->isEnabled());
    EXPECT_TRUE(a->distribute->isEnabled()); // no accounts: anyone may

    bool seen = false;
    test::onNextDialog<gui::RollupDialog>(
        [](gui::RollupDialog *dialog) {
            EXPECT_EQ(dialog->measuresModel()->rowCount(), 0); // not distributed yet
            dialog->reject();
        },
        &seen);
    a->rollup->trigger();
    EXPECT_TRUE(seen);
}
