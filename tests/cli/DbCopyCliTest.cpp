// `objectivity-cli db copy`: a seed plan and a generated region copied into a new database give
// the same `plan show --json` and `analyze --json`; a target that holds data is refused naming
// what it holds and stays unchanged; counts of every table are printed. With a PostgreSQL server
// (pg_virtualenv) the same goes SQLite → PostgreSQL → SQLite.
#include "CliTest.h"
#include "PgTestConnection.h"

#include "objectivity/simulation/RegionGenerator.h"
#include "objectivity/storage/Database.h"
#include "objectivity/storage/results/GeneratedRegionWriter.h"

#include <QCoreApplication>
#include <QSqlQuery>

using namespace objectivity;
using objectivity::test::CliRun;

namespace {

simulation::GeneratorOptions smallRegion() {
    simulation::GeneratorOptions o;
    o.seed = 5;
    o.schools = 12;
    o.municipalities = 2;
    o.firstYear = 2024;
    o.lastYear = 2024;
    return o;
}

} // namespace

class DbCopyCli : public objectivity::test::CliTest {
protected:
    void SetUp() override {
        objectivity::test::CliTest::SetUp();
        if (IsSkipped())
            return;
        seed = objectivity::test::seedPath(QStringLiteral("001"));
        if (seed.isEmpty())
            GTEST_SKIP() << "../shared is absent (seed 001 not found)";
        planId = import(seed);
        ASSERT_GT(planId, 0);
        auto db = storage::Database::open(dbPath());
        ASSERT_TRUE(db.ok()) << db.error().toString().toStdString();
        storage::GeneratedRegionWriter writer(**db, QStringLiteral("test region"));
        const core::Status s = (*db)->transaction([&]() -> core::Status {
            simulation::RegionGenerator(smallRegion()).run(writer);
            return writer.finish();
        });
        ASSERT_TRUE(s.ok()) << s.error().toString().toStdString();
        participants = writer.rows();
        ASSERT_GT(participants, 1000);
    }

    CliRun runOn(const QString &db, const QStringList &args) {
        return run(QStringList{QStringLiteral("--db"), db} + args, false);
    }
    QString showJson(const QString &db) {
        const CliRun r = runOn(db, {QStringLiteral("plan"), QStringLiteral("show"),
                                    QString::number(planId), QStringLiteral("--json")});
        EXPECT_EQ(r.exitCode, 0) << r.err.toStdString();
        return r.out;
    }
    QString analyzeJson(const QString &db) {
        const CliRun r = runOn(db, {QStringLiteral("analyze"), QStringLiteral("--json")});
        EXPECT_EQ(r.exitCode, 0) << r.err.toStdString();
        return r.out;
    }
    CliRun copy(const QString &from, const QString &to) {
        return run({QStringLiteral("db"), QStringLiteral("copy"), QStringLiteral("--from"), from,
                    QStringLiteral("--to"), to},
                   false);
    }

    QString seed;
    qint64 planId = 0;
    qint64 participants = 0;
};

TEST_F(DbCopyCli, SqliteCopyGivesTheSamePlanAndAnalysisAndPrintsTheCounts) {
    const QString copyPath = dir.filePath(QStringLiteral("copy.sqlite"));
    const CliRun r = copy(dbPath(), copyPath);
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    EXPECT_TRUE(r.out.contains(QStringLiteral("планов: 1 → 1"))) << r.out.toStdString();
    EXPECT_TRUE(r.out.contains(QStringLiteral("участников: %1 → %1").arg(participants)))
        << r.out.toStdString();
    EXPECT_TRUE(r.out.contains(QStringLiteral("шкал отметок: "))) << r.out.toStdString();
    const QString analysis = analyzeJson(dbPath());
    EXPECT_GT(analysis.size(), 1000);
    EXPECT_EQ(showJson(copyPath), showJson(dbPath()));
    EXPECT_EQ(analyzeJson(copyPath), analysis);

    // New rows in the copy get new ids (no clash with the copied ones).
    EXPECT_GT(import(seed), 0);
}

TEST_F(DbCopyCli, ATargetWithDataIsRefusedAndLeftUnchanged) {
    const QString other = dir.filePath(QStringLiteral("other.sqlite"));
    ASSERT_EQ(runOn(other, {QStringLiteral("plan"), QStringLiteral("import"), seed}).exitCode, 0);
    QFile f(other);
    ASSERT_TRUE(f.open(QIODevice::ReadOnly));
    const QByteArray before = f.readAll();
    f.close();
    const CliRun r = copy(dbPath(), other);
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_TRUE(r.err.contains(QStringLiteral("не пуста"))) << r.err.toStdString();
    EXPECT_TRUE(r.err.contains(QStringLiteral("планов: 1"))) << r.err.toStdString();
    ASSERT_TRUE(f.open(QIODevice::ReadOnly));
    EXPECT_EQ(f.readAll(), before);

    const CliRun missing = copy(dir.filePath(QStringLiteral("absent.sqlite")),
                                dir.filePath(QStringLiteral("new.sqlite")));
    EXPECT_EQ(missing.exitCode, 1);
    EXPECT_TRUE(missing.err.contains(QStringLiteral("не найден"))) << missing.err.toStdString();
    EXPECT_FALSE(QFileInfo::exists(dir.filePath(QStringLiteral("new.sqlite"))));
    const CliRun self = copy(dbPath(), dbPath());
    EXPECT_EQ(self.exitCode, 1);
    EXPECT_EQ(
        run({QStringLiteral("db"), QStringLiteral("copy"), QStringLiteral("--from"), dbPath()},
            false)
            .exitCode,
        2);
}

// SQLite → PostgreSQL → SQLite (skips without a PostgreSQL server).
TEST_F(DbCopyCli, SqliteToPostgresAndBackGivesTheSamePlanAndAnalysis) {
    if (!objectivity::test::pgAvailable())
        GTEST_SKIP() << objectivity::test::pgSkipMessage();
    const QString dbName =
        QStringLiteral("objectivity_copy_%1").arg(QCoreApplication::applicationPid());
    {
        QSqlDatabase admin = objectivity::test::openPg(QStringLiteral("db_copy_admin"));
        ASSERT_TRUE(admin.isOpen());
        QSqlQuery q(admin);
        q.exec(QStringLiteral("DROP DATABASE IF EXISTS %1").arg(dbName));
        ASSERT_TRUE(q.exec(QStringLiteral("CREATE DATABASE %1").arg(dbName)));
    }
    QString url = objectivity::test::pgUrl();
    const QString defaultDb = qEnvironmentVariable("PGDATABASE", QStringLiteral("postgres"));
    // the database is the last path part (the user name may be the same word)
    const qsizetype at = url.lastIndexOf(QLatin1Char('/') + defaultDb);
    ASSERT_GE(at, 0) << url.toStdString();
    url.replace(at + 1, defaultDb.size(), dbName);

    const CliRun there = copy(dbPath(), url);
    ASSERT_EQ(there.exitCode, 0) << there.err.toStdString();
    EXPECT_TRUE(there.out.contains(QStringLiteral("участников: %1 → %1").arg(participants)))
        << there.out.toStdString();
    const QString back = dir.filePath(QStringLiteral("back.sqlite"));
    const CliRun again = copy(url, back);
    ASSERT_EQ(again.exitCode, 0) << again.err.toStdString();
    EXPECT_EQ(showJson(back), showJson(dbPath()));
    EXPECT_EQ(analyzeJson(back), analyzeJson(dbPath()));
    // The server's copy refuses a second copy into it.
    const CliRun twice = copy(dbPath(), url);
    EXPECT_EQ(twice.exitCode, 1);
    EXPECT_TRUE(twice.err.contains(QStringLiteral("не пуста"))) << twice.err.toStdString();
    {
        QSqlDatabase admin = QSqlDatabase::database(QStringLiteral("db_copy_admin"));
        QSqlQuery(admin).exec(QStringLiteral("DROP DATABASE IF EXISTS %1").arg(dbName));
        admin.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("db_copy_admin"));
}
