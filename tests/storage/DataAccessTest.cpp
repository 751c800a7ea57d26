// Results data in storage once accounts exist: mark scales and analysis settings are refused to a
// school role and to a bare worker connection, and nothing is written; the administrator may.
#include "TestDatabase.h"
#include "objectivity/storage/AccountRepository.h"
#include "objectivity/storage/Database.h"
#include "objectivity/storage/results/AnalysisSettingsRepository.h"
#include "objectivity/storage/results/MarkScaleRepository.h"

#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace objectivity;
using namespace Qt::StringLiterals;

TEST(DataAccess, ScalesAndSettingsFollowTheRoleOnceAccountsExist) {
    QTemporaryDir dir;
    OBJ_TEST_DATABASE(testDb, location, dir, u"a.sqlite"_s);
    auto opened = storage::Database::open(location);
    ASSERT_TRUE(opened.ok()) << opened.error().toString().toStdString();
    storage::Database &db = **opened;
    storage::AccountRepository accounts(db);
    core::Account admin{0, u"admin"_s, core::Role::Admin, {}};
    ASSERT_TRUE(accounts.add(admin, u"секрет"_s).ok());
    db.setActor(admin);
    core::Account deputy{0, u"zam"_s, core::Role::Deputy, {}};
    ASSERT_TRUE(accounts.add(deputy, u"секрет"_s).ok());

    auto scales = storage::MarkScaleRepository(db).list();
    ASSERT_TRUE(scales.ok());
    ASSERT_FALSE(scales->isEmpty());
    core::MarkScale changed = scales->first();
    changed.minFor3 += 1;

    db.setActor(deputy);
    const core::Status refused = storage::MarkScaleRepository(db).update(changed);
    ASSERT_FALSE(refused.ok());
    EXPECT_TRUE(refused.error().message.contains(
        u"«заместитель директора» не позволяет изменить шкалы перевода баллов в отметки"_s))
        << refused.error().message.toStdString();
    EXPECT_FALSE(storage::MarkScaleRepository(db).remove(changed.id).ok());
    EXPECT_EQ(storage::MarkScaleRepository(db).list()->first(), scales->first());
    EXPECT_FALSE(storage::AnalysisSettingsRepository(db).setValue(u"fdr_alpha"_s, 0.01).ok());
    // a worker's bare connection cannot tell who works: refused while accounts exist
    const core::Status bare =
        storage::AnalysisSettingsRepository(db.connection()).setValue(u"fdr_alpha"_s, 0.01);
    ASSERT_FALSE(bare.ok());
    EXPECT_TRUE(bare.error().message.contains(u"войдите под своей учётной записью"_s));
    EXPECT_DOUBLE_EQ(storage::AnalysisSettingsRepository(db).load()->value(u"fdr_alpha"_s), 0.05);

    db.setActor(admin);
    EXPECT_TRUE(storage::MarkScaleRepository(db).update(changed).ok());
    EXPECT_EQ(storage::MarkScaleRepository(db).list()->first().minFor3, changed.minFor3);
    EXPECT_TRUE(storage::AnalysisSettingsRepository(db).setValue(u"fdr_alpha"_s, 0.01).ok());
}
