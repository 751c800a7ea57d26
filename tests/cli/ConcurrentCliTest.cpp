// Several objectivity-cli processes writing one database at the same time, as a school's
// scripts or two users on a shared folder do: every write waits for the others (BEGIN IMMEDIATE
// and the busy handler) instead of failing with «database is locked».
#include "CliTest.h"
#include "DatabaseLockHolder.h"

#include <QDir>
#include <QProcess>
#include <QSet>

#include <memory>
#include <vector>

using objectivity::test::CliRun;
using objectivity::test::CliTest;

namespace {

class ConcurrentCliTest : public CliTest {
protected:
    // Starts `plan import` of every document at once, then waits for all of them.
    std::vector<CliRun> importAtOnce(const QStringList &documents) {
        std::vector<std::unique_ptr<QProcess>> processes;
        for (const QString &document : documents) {
            auto p = std::make_unique<QProcess>();
            QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
            env.remove(QStringLiteral("OBJECTIVITY_DB"));
            env.remove(QStringLiteral("OBJECTIVITY_BUSY_TIMEOUT_MS"));
            p->setProcessEnvironment(env);
            p->setProgram(QString::fromUtf8(OBJECTIVITY_CLI_PATH));
            p->setArguments({QStringLiteral("--db"), dbPath(), QStringLiteral("plan"),
                             QStringLiteral("import"), document});
            processes.push_back(std::move(p));
        }
        for (auto &p : processes)
            p->start();
        std::vector<CliRun> runs;
        for (auto &p : processes) {
            EXPECT_TRUE(p->waitForFinished(120000));
            CliRun r;
            r.exitCode = p->exitStatus() == QProcess::NormalExit ? p->exitCode() : -1;
            r.out = QString::fromUtf8(p->readAllStandardOutput());
            r.err = QString::fromUtf8(p->readAllStandardError());
            runs.push_back(r);
        }
        return runs;
    }

    QStringList documents(int count) {
        QStringList docs;
        for (const char *seed : {"000", "001", "002"})
            docs << objectivity::test::seedPath(QString::fromLatin1(seed));
        docs << objectivity::test::sourceFile(
            QStringLiteral("tests/data/plans/verkhnekamsk_municipal_roadmap.txt"));
        return docs.mid(0, count);
    }

    // The plan ids printed by the imports (last line of each), all distinct and all listed.
    void expectAllLanded(const std::vector<CliRun> &runs, int plansInDatabase) {
        QSet<QString> ids;
        for (const CliRun &r : runs) {
            EXPECT_EQ(r.exitCode, 0) << r.err.toStdString();
            EXPECT_FALSE(r.err.contains(QStringLiteral("locked"))) << r.err.toStdString();
            const QStringList lines = r.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
            if (!lines.isEmpty())
                ids.insert(lines.last());
        }
        EXPECT_EQ(ids.size(), int(runs.size()));
        EXPECT_EQ(planCount(), plansInDatabase);
        for (const QString &id : ids) {
            const CliRun show = run({QStringLiteral("plan"), QStringLiteral("show"), id});
            EXPECT_EQ(show.exitCode, 0) << show.err.toStdString();
        }
    }
};

} // namespace

TEST_F(ConcurrentCliTest, TwoImportsStartedTogetherBothLand) {
    const QStringList docs = documents(2);
    OBJ_REQUIRE_SHARED(docs.at(1), "seeds/001_*.txt");
    // (on PostgreSQL one round: the database of the test cannot be removed between rounds)
    for (int round = 0; round < (objectivity::test::TestDatabase::postgres() ? 1 : 3); ++round) {
        QFile::remove(dbPath());
        QFile::remove(dbPath() + QStringLiteral("-wal"));
        QFile::remove(dbPath() + QStringLiteral("-shm"));
        SCOPED_TRACE(round);
        expectAllLanded(importAtOnce(docs), 2);
    }
}

TEST_F(ConcurrentCliTest, FourImportsStartedTogetherAllLand) {
    const QStringList docs = documents(4);
    OBJ_REQUIRE_SHARED(docs.at(2), "seeds/002_*.txt");
    expectAllLanded(importAtOnce(docs), 4);
    // and once more into the existing database
    expectAllLanded(importAtOnce(docs), 8);
}

// Another program holds the write lock for 1.5 s: the import says that it waits, then lands.
TEST_F(ConcurrentCliTest, AnImportWaitsForAnotherProgramAndSaysSo) {
    OBJ_SQLITE_ONLY("holds SQLite's file lock (DatabaseLockHolder)");
    const QString seed = objectivity::test::seedPath(QStringLiteral("000"));
    OBJ_REQUIRE_SHARED(seed, "seeds/000_*.txt");
    ASSERT_EQ(planCount(), 0); // creates the database
    objectivity::test::DatabaseLockHolder holder(dbPath(), QStringLiteral("Другая программа"), 1500,
                                                 true);
    ASSERT_TRUE(holder.waitLocked());
    const CliRun r = run({QStringLiteral("plan"), QStringLiteral("import"), seed});
    EXPECT_EQ(r.exitCode, 0) << r.err.toStdString();
    EXPECT_EQ(r.err, QStringLiteral("Ожидание базы данных: её использует другая программа…\n"));
    holder.join();
    EXPECT_EQ(planCount(), 1);
}

// Held longer than the timeout (OBJECTIVITY_BUSY_TIMEOUT_MS=400): the import gives up with the
// Russian message and the database is unchanged.
TEST_F(ConcurrentCliTest, AnImportThatCannotGetTheLockChangesNothing) {
    OBJ_SQLITE_ONLY("holds SQLite's file lock (DatabaseLockHolder)");
    const QString seed = objectivity::test::seedPath(QStringLiteral("000"));
    OBJ_REQUIRE_SHARED(seed, "seeds/000_*.txt");
    ASSERT_EQ(planCount(), 0);
    objectivity::test::DatabaseLockHolder holder(dbPath(), QStringLiteral("Другая программа"), 3000,
                                                 false);
    ASSERT_TRUE(holder.waitLocked());
    qputenv("OBJECTIVITY_BUSY_TIMEOUT_MS", "400");
    const CliRun r = run({QStringLiteral("plan"), QStringLiteral("import"), seed});
    qunsetenv("OBJECTIVITY_BUSY_TIMEOUT_MS");
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_TRUE(r.err.contains(QStringLiteral(
        "База данных занята другой программой (она записывает в неё дольше 1 с). Повторите "
        "действие позже.")))
        << r.err.toStdString();
    EXPECT_TRUE(r.err.contains(dbPath())) << "the file is named";
    holder.join();
    EXPECT_EQ(planCount(), 0);
    const CliRun staff = run({QStringLiteral("staff"), QStringLiteral("list")});
    EXPECT_FALSE(staff.out.contains(QStringLiteral("Другая программа"))) << "rolled back";
}
