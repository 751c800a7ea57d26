#include "objectivity/storage/Database.h"
#include "TestDatabase.h"
#include "TestSupport.h"
#include "objectivity/storage/results/AnalysisDataReader.h"
#include "objectivity/storage/results/ResultsRepository.h"

#include <QFile>
#include <QSqlQuery>

using objectivity::storage::Database;

namespace {

QByteArray fileBytes(const QString &path) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// Overwrites the file from `offset` (counted from the end when negative) to its end with 0xAB.
void damageFrom(const QString &path, qint64 offset) {
    QFile f(path);
    ASSERT_TRUE(f.open(QIODevice::ReadWrite));
    const qint64 size = f.size();
    const qint64 from = offset < 0 ? size + offset : offset;
    ASSERT_GE(from, 4096) << "page 1 (the schema) stays intact";
    ASSERT_LT(from, size);
    f.seek(from);
    f.write(QByteArray(static_cast<int>(size - from), '\xAB'));
}

} // namespace

TEST(Database, CreatesSchemaAtLatestVersion) {
    QTemporaryDir dir;
    OBJ_TEST_DATABASE(testDb, path, dir, QStringLiteral("a.sqlite"));
    auto db = Database::open(path);
    ASSERT_TRUE(db.ok()) << db.error().toString().toStdString();
    EXPECT_TRUE((*db)->isNew());
    EXPECT_EQ((*db)->schemaVersion(), Database::latestSchemaVersion());
    EXPECT_GE(Database::latestSchemaVersion(), 1);
    EXPECT_EQ((*db)->isPostgres(), objectivity::test::TestDatabase::postgres());
    if ((*db)->isPostgres())
        return; // foreign keys are always enforced there
    QSqlQuery q((*db)->connection());
    ASSERT_TRUE(q.exec(QStringLiteral("PRAGMA foreign_keys")));
    ASSERT_TRUE(q.next());
    EXPECT_EQ(q.value(0).toInt(), 1);
}

TEST(Database, RefusesAFileThatIsNotADatabaseAndLeavesItUnchanged) {
    OBJ_SQLITE_ONLY("about a file that is not a SQLite database");
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("not-a-db.sqlite"));
    QFile f(path);
    ASSERT_TRUE(f.open(QIODevice::WriteOnly));
    const QByteArray content("Это не база данных, а текстовый файл.\n");
    f.write(content);
    f.close();
    auto db = Database::open(path);
    ASSERT_FALSE(db.ok());
    EXPECT_TRUE(db.error().message.contains(QStringLiteral("не является базой данных")));
    ASSERT_TRUE(f.open(QIODevice::ReadOnly));
    EXPECT_EQ(f.readAll(), content);
}

TEST(Database, RefusesANewerSchema) {
    OBJ_SQLITE_ONLY("sets PRAGMA user_version of a SQLite file");
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("newer.sqlite"));
    {
        auto db = Database::open(path);
        ASSERT_TRUE(db.ok());
        QSqlQuery q((*db)->connection());
        ASSERT_TRUE(q.exec(QStringLiteral("PRAGMA user_version = 999")));
    }
    auto db = Database::open(path);
    ASSERT_FALSE(db.ok());
    EXPECT_TRUE(db.error().message.contains(QStringLiteral("более новой версией")));
}

// SQLite has no ADD COLUMN IF NOT EXISTS: a migration that adds a column, run again on a file
// that has it (two programs upgrading one file, a version number written back by hand), skips the
// statement instead of failing the whole upgrade.
TEST(Database, AMigrationAddingAColumnRunsAgainOnAFileThatHasIt) {
    OBJ_SQLITE_ONLY("sets PRAGMA user_version of a SQLite file");
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("again.sqlite"));
    int version = 0;
    {
        auto db = Database::open(path);
        ASSERT_TRUE(db.ok());
        version = (*db)->schemaVersion();
        QSqlQuery q((*db)->connection());
        ASSERT_TRUE(q.exec(QStringLiteral("PRAGMA user_version = 12"))); // 013 adds a column
    }
    auto db = Database::open(path);
    ASSERT_TRUE(db.ok()) << db.error().toString().toStdString();
    EXPECT_EQ((*db)->schemaVersion(), version);
    QSqlQuery q((*db)->connection());
    ASSERT_TRUE(q.exec(QStringLiteral(
        "SELECT count(*) FROM pragma_table_info('people') WHERE name = 'organization_id'")));
    ASSERT_TRUE(q.next());
    EXPECT_EQ(q.value(0).toInt(), 1);
}

TEST(Database, RefusesACorruptFile) {
    OBJ_SQLITE_ONLY("damages a SQLite file");
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("corrupt.sqlite"));
    {
        auto db = Database::open(path);
        ASSERT_TRUE(db.ok());
        QSqlQuery q((*db)->connection());
        ASSERT_TRUE(q.exec(QStringLiteral("PRAGMA journal_mode = DELETE")));
    }
    damageFrom(path, 4096); // from the second page on (the schema lives on page 1)
    const QByteArray before = fileBytes(path);
    auto db = Database::open(path);
    ASSERT_FALSE(db.ok());
    EXPECT_EQ(fileBytes(path), before);
}

// Opening for reading skips the integrity scan; the damage is then met by the reading itself,
// which must report it (not crash, not return partial data) and leave the file as it was.
TEST(Database, DamagedResultsOpenedForReadingFailWhenRead) {
    OBJ_SQLITE_ONLY("damages a SQLite file");
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("damaged.sqlite"));
    {
        auto db = Database::open(path);
        ASSERT_TRUE(db.ok());
        QSqlQuery q((*db)->connection());
        ASSERT_TRUE(q.exec(QStringLiteral("PRAGMA journal_mode = DELETE")));
        ASSERT_TRUE(q.exec(QStringLiteral("INSERT INTO schools(id, code) VALUES (1, 'edu001')")));
        ASSERT_TRUE(q.exec(QStringLiteral("INSERT INTO procedures(id, kind, year, grade, subject) "
                                          "VALUES (1, 'ВПР', 2025, 5, 'Математика')")));
        // enough participants to fill the last pages of the file
        ASSERT_TRUE(q.exec(QStringLiteral(
            "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 3000) "
            "INSERT INTO participants(procedure_id, school_id, participant_code, task_points, "
            "primary_score, mark) SELECT 1, 1, printf('p%05d', i), zeroblob(20), i % 20, "
            "2 + i % 4 FROM n")));
    }
    damageFrom(path, -20 * 4096); // the last 20 pages: participants' rows and index
    const QByteArray before = fileBytes(path);
    {
        auto db = Database::open(path, Database::OpenFor::Reading);
        ASSERT_TRUE(db.ok()) << db.error().toString().toStdString();
        const auto data = objectivity::storage::AnalysisDataReader::read((*db)->connection());
        ASSERT_FALSE(data.ok());
        EXPECT_TRUE(data.error().message.contains(QStringLiteral("Ошибка чтения участников")))
            << data.error().toString().toStdString();
    }
    // opened for writing, the same file is refused at once
    EXPECT_FALSE(Database::open(path).ok());
    EXPECT_EQ(fileBytes(path), before);
}

TEST(Database, BacksUpBeforeUpgrading) {
    OBJ_SQLITE_ONLY("the backup copy of an upgraded SQLite file");
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("old.sqlite"));
    {
        auto db = Database::open(path);
        ASSERT_TRUE(db.ok());
        if (Database::latestSchemaVersion() < 2)
            GTEST_SKIP() << "only one migration so far: nothing to upgrade";
        QSqlQuery q((*db)->connection());
        ASSERT_TRUE(q.exec(QStringLiteral("PRAGMA user_version = 1")));
    }
    // Pretend the later migrations have not run: drop nothing, only the version says 1, so the
    // upgrade would fail on existing tables. The backup must exist regardless of the outcome.
    auto db = Database::open(path);
    QDir d(dir.path());
    EXPECT_FALSE(d.entryList({QStringLiteral("old.sqlite.v1-*.bak")}).isEmpty());
}

// Migration 004 renames imports.sha256 to content_hash: an import logged by a version-3 database
// is still recognised after the upgrade.
TEST(Database, ImportsKeepTheirHashThroughMigration4) {
    OBJ_SQLITE_ONLY("rebuilds a version 3 SQLite file");
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("v3.sqlite"));
    const QString hash = QStringLiteral("0123456789abcdef0123456789abcdef01234567");
    {
        auto db = Database::open(path);
        ASSERT_TRUE(db.ok());
        ASSERT_GE(Database::latestSchemaVersion(), 4);
        objectivity::storage::ResultsRepository repo(**db);
        objectivity::storage::ResultsRepository::ImportRecord record;
        record.fileName = QStringLiteral("впр-2025.csv");
        record.contentHash = hash;
        record.layout = QStringLiteral("flat");
        ASSERT_TRUE(repo.addImport(record).ok());
        // back to the version-3 layout
        QSqlQuery q((*db)->connection());
        ASSERT_TRUE(
            q.exec(QStringLiteral("ALTER TABLE imports RENAME COLUMN content_hash TO sha256")));
        // plans.version came with migration 010
        ASSERT_TRUE(q.exec(QStringLiteral("ALTER TABLE plans DROP COLUMN version")));
        ASSERT_TRUE(q.exec(QStringLiteral("PRAGMA user_version = 3")));
    }
    auto db = Database::open(path);
    ASSERT_TRUE(db.ok()) << db.error().toString().toStdString();
    EXPECT_EQ((*db)->schemaVersion(), Database::latestSchemaVersion());
    EXPECT_FALSE((*db)->backupPath().isEmpty());
    const auto found = objectivity::storage::ResultsRepository(**db).findImportByHash(hash);
    ASSERT_TRUE(found.ok()) << found.error().toString().toStdString();
    EXPECT_GT(found->id, 0);
    EXPECT_EQ(found->fileName, QStringLiteral("впр-2025.csv"));
}
