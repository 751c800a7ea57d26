// Who may change results data and the analysis: one expectation per role and action.
#include "objectivity/core/results/DataPermissions.h"

#include <gtest/gtest.h>

using namespace objectivity::core;
using namespace Qt::StringLiterals;

TEST(DataPermissionsTest, AdministratorChangesEverything) {
    for (DataAction a :
         {DataAction::ImportResults, DataAction::ImportFlagged, DataAction::RemoveResults,
          DataAction::EditMarkScales, DataAction::EditAnalysisSettings})
        EXPECT_TRUE(DataPermissions::check(Role::Admin, a).ok());
}

TEST(DataPermissionsTest, MunicipalLoadsAndTunesTheAnalysisButDoesNotRemoveOrEditScales) {
    EXPECT_TRUE(DataPermissions::roleAllows(Role::Municipal, DataAction::ImportResults));
    EXPECT_TRUE(DataPermissions::roleAllows(Role::Municipal, DataAction::ImportFlagged));
    EXPECT_TRUE(DataPermissions::roleAllows(Role::Municipal, DataAction::EditAnalysisSettings));
    EXPECT_FALSE(DataPermissions::roleAllows(Role::Municipal, DataAction::RemoveResults));
    EXPECT_FALSE(DataPermissions::roleAllows(Role::Municipal, DataAction::EditMarkScales));
}

TEST(DataPermissionsTest, SchoolRolesOnlyReadAndTheReasonNamesWhoMay) {
    for (Role r : {Role::Deputy, Role::Director}) {
        const Status s = DataPermissions::check(r, DataAction::ImportResults);
        ASSERT_FALSE(s.ok());
        EXPECT_TRUE(s.error().message.contains(u"не позволяет загрузить результаты"_s))
            << s.error().message.toStdString();
        EXPECT_TRUE(s.error().message.contains(u"администратор, специалист муниципалитета"_s))
            << s.error().message.toStdString();
        EXPECT_FALSE(DataPermissions::roleAllows(r, DataAction::EditAnalysisSettings));
    }
    const Status scales = DataPermissions::check(Role::Municipal, DataAction::EditMarkScales);
    ASSERT_FALSE(scales.ok());
    EXPECT_TRUE(scales.error().message.endsWith(u"это может администратор."_s))
        << scales.error().message.toStdString();
}

TEST(DataPermissionsTest, WithoutAccountsEverythingIsAllowed) {
    EXPECT_TRUE(DataPermissions::check(std::nullopt, DataAction::RemoveResults).ok());
    EXPECT_TRUE(DataPermissions::check(std::nullopt, DataAction::EditMarkScales).ok());
}
