// The meta table (005_meta.sql): the demo marker is written once and read back by whoever opens
// the file, also after an upgrade from a version-4 database.
#include "objectivity/storage/DatabaseMeta.h"
#include "SamplePlans.h"
#include "TestDatabase.h"
#include "TestSupport.h"
#include "objectivity/storage/Database.h"

#include <QSqlQuery>

using objectivity::storage::Database;
using objectivity::storage::DatabaseMeta;

TEST(DatabaseMeta, DemoMarkSurvivesReopeningByPath) {
    QTemporaryDir dir;
    OBJ_TEST_DATABASE(demoDb, demo, dir, QStringLiteral("somewhere-else.sqlite"));
    OBJ_TEST_DATABASE(plainDb, plain, dir, QStringLiteral("plain.sqlite"));
    {
        auto db = Database::open(demo);
        ASSERT_TRUE(db.ok());
        DatabaseMeta meta(**db);
        EXPECT_FALSE(meta.isDemo().value());
        OBJ_ASSERT_OK(meta.markDemo());
        EXPECT_TRUE(meta.isDemo().value());
        OBJ_ASSERT_OK(meta.markDemo()); // a second mark changes nothing
        EXPECT_TRUE(meta.isDemo().value());
        auto other = Database::open(plain);
        ASSERT_TRUE(other.ok());
        EXPECT_FALSE(DatabaseMeta(**other).isDemo().value());
    }
    auto again = Database::open(demo);
    ASSERT_TRUE(again.ok());
    EXPECT_TRUE(DatabaseMeta(**again).isDemo().value());
    auto plainAgain = Database::open(plain);
    ASSERT_TRUE(plainAgain.ok());
    EXPECT_FALSE(DatabaseMeta(**plainAgain).isDemo().value());
}

TEST(DatabaseMeta, ValuesAreTextAndAbsentKeysAreNull) {
    QTemporaryDir dir;
    OBJ_TEST_DATABASE(testDb, location, dir, QStringLiteral("meta.sqlite"));
    auto db = Database::open(location);
    ASSERT_TRUE(db.ok());
    DatabaseMeta meta(**db);
    EXPECT_TRUE(meta.value(QStringLiteral("nothing")).value().isNull());
    OBJ_ASSERT_OK(meta.setValue(QStringLiteral("создана"), QStringLiteral("демо «1»")));
    OBJ_ASSERT_OK(meta.setValue(QStringLiteral("создана"), QStringLiteral("второе")));
    EXPECT_EQ(meta.value(QStringLiteral("создана")).value(), QStringLiteral("второе"));
    // «demo» other than 1 is not the mark
    OBJ_ASSERT_OK(meta.setValue(QStringLiteral("demo"), QStringLiteral("0")));
    EXPECT_FALSE(meta.isDemo().value());
}

TEST(DatabaseMeta, Version4DatabaseIsUpgradedAndNotDemo) {
    OBJ_SQLITE_ONLY("rebuilds a version 4 SQLite file");
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("v4.sqlite"));
    {
        auto db = Database::open(path);
        ASSERT_TRUE(db.ok());
        ASSERT_GE(Database::latestSchemaVersion(), 5);
        QSqlQuery q((*db)->connection());
        ASSERT_TRUE(q.exec(QStringLiteral("DROP TABLE meta")));
        // plans.version came with migration 010
        ASSERT_TRUE(q.exec(QStringLiteral("ALTER TABLE plans DROP COLUMN version")));
        ASSERT_TRUE(q.exec(QStringLiteral("PRAGMA user_version = 4")));
    }
    auto db = Database::open(path);
    ASSERT_TRUE(db.ok()) << db.error().toString().toStdString();
    EXPECT_EQ((*db)->schemaVersion(), Database::latestSchemaVersion());
    EXPECT_FALSE((*db)->backupPath().isEmpty());
    EXPECT_FALSE(DatabaseMeta(**db).isDemo().value());
}
