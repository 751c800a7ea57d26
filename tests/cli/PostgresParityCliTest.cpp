// The check of issue 15: the same documents and results give the same answers on PostgreSQL as on
// SQLite. Runs in the "postgresql." pass (the CLI works on the server's database, dbPath()) and
// compares with a SQLite file beside it; on the SQLite pass there is nothing to compare.
#include "CliTest.h"
#include "TestSupport.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using objectivity::test::CliRun;
using objectivity::test::TestDatabase;
using namespace Qt::StringLiterals;

namespace {

// Row ids and moments differ between two databases; everything else must not.
QJsonValue withoutIdsAndTimes(const QJsonValue &value) {
    if (value.isArray()) {
        QJsonArray out;
        for (const QJsonValue &v : value.toArray())
            out.append(withoutIdsAndTimes(v));
        return out;
    }
    if (!value.isObject())
        return value;
    QJsonObject out;
    const QJsonObject o = value.toObject();
    for (auto it = o.begin(); it != o.end(); ++it) {
        const QString &k = it.key();
        if (k == QLatin1String("id") || k.endsWith(QLatin1String("Id")) ||
            k.endsWith(QLatin1String("_id")) || k.endsWith(QLatin1String("At")) ||
            k.endsWith(QLatin1String("_at")))
            continue;
        out.insert(k, withoutIdsAndTimes(it.value()));
    }
    return out;
}

class PostgresParityCli : public objectivity::test::CliTest {
protected:
    void SetUp() override {
        CliTest::SetUp();
        if (IsSkipped())
            return;
        if (!TestDatabase::postgres())
            GTEST_SKIP() << "compares PostgreSQL with SQLite: runs in the postgresql. pass";
    }
    QString sqlitePath() const { return dir.filePath(u"reference.sqlite"_s); }
    // The same command on the server's database and on the SQLite file.
    std::pair<CliRun, CliRun> both(const QStringList &args) {
        return {run(args), run(QStringList{u"--db"_s, sqlitePath()} + args, false)};
    }
    static QJsonValue json(const CliRun &r) {
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(r.out.toUtf8(), &error);
        EXPECT_EQ(error.error, QJsonParseError::NoError) << r.out.left(300).toStdString();
        return doc.isArray() ? QJsonValue(doc.array()) : QJsonValue(doc.object());
    }
};

} // namespace

TEST_F(PostgresParityCli, EverySeedShowsTheSamePlanOnBothBackends) {
    const QDir seeds(QDir(objectivity::test::sharedDir()).filePath(u"seeds"_s));
    const QStringList files = seeds.entryList({u"*.txt"_s}, QDir::Files, QDir::Name);
    if (files.isEmpty())
        GTEST_SKIP() << "../shared/seeds is absent; set OBJECTIVITY_SHARED_DIR to run this test";
    for (const QString &file : files) {
        SCOPED_TRACE(file.toStdString());
        const auto [pgImport, liteImport] =
            both({u"plan"_s, u"import"_s, seeds.filePath(file), u"--status"_s, u"draft"_s});
        ASSERT_EQ(pgImport.exitCode, 0) << pgImport.err.toStdString();
        ASSERT_EQ(liteImport.exitCode, 0) << liteImport.err.toStdString();
        EXPECT_EQ(pgImport.out.section(u'\n', 0, -3), liteImport.out.section(u'\n', 0, -3))
            << "the import's report (warnings) differs";
        const QString pgId = pgImport.out.trimmed().section(u'\n', -1);
        const QString liteId = liteImport.out.trimmed().section(u'\n', -1);
        const CliRun pgShow = run({u"plan"_s, u"show"_s, pgId, u"--json"_s});
        const CliRun liteShow =
            run({u"--db"_s, sqlitePath(), u"plan"_s, u"show"_s, liteId, u"--json"_s}, false);
        ASSERT_EQ(pgShow.exitCode, 0) << pgShow.err.toStdString();
        ASSERT_EQ(liteShow.exitCode, 0) << liteShow.err.toStdString();
        const QJsonValue pg = withoutIdsAndTimes(json(pgShow));
        const QJsonValue lite = withoutIdsAndTimes(json(liteShow));
        EXPECT_GT(pg.toObject().value(u"sections"_s).toArray().size(), 0);
        EXPECT_EQ(pg, lite) << QJsonDocument(pg.toObject()).toJson().left(2000).toStdString();
    }
    const auto [pgList, liteList] = both({u"plan"_s, u"list"_s});
    EXPECT_EQ(pgList.exitCode, 0);
    EXPECT_EQ(pgList.out.count(u'\n'), liteList.out.count(u'\n'));
}

TEST_F(PostgresParityCli, AGeneratedRegionGivesTheSameAnalysisOnBothBackends) {
    const QString out = dir.filePath(u"region"_s);
    const CliRun g = run({u"generate"_s, u"--out"_s, out, u"--seed"_s, u"7"_s, u"--schools"_s,
                          u"30"_s, u"--municipalities"_s, u"3"_s, u"--years"_s, u"2023-2024"_s,
                          u"--no-xlsx"_s, u"--no-fisoko"_s},
                         false);
    ASSERT_EQ(g.exitCode, 0) << g.err.toStdString();
    const auto [pgImport, liteImport] = both({u"results"_s, u"import"_s, out + u"/flat.csv"_s});
    ASSERT_EQ(pgImport.exitCode, 0) << pgImport.err.toStdString();
    ASSERT_EQ(liteImport.exitCode, 0) << liteImport.err.toStdString();
    const auto [pgCounts, liteCounts] = both({u"results"_s, u"stats"_s});
    EXPECT_EQ(pgCounts.out, liteCounts.out);
    for (const QString &year : {u"2023"_s, u"2024"_s}) {
        const auto [pg, lite] = both({u"analyze"_s, u"--json"_s, u"--year"_s, year});
        ASSERT_EQ(pg.exitCode, 0) << pg.err.toStdString();
        ASSERT_EQ(lite.exitCode, 0) << lite.err.toStdString();
        const QJsonValue a = json(pg), b = json(lite);
        EXPECT_GT(a.toObject().value(u"units"_s).toArray().size(), 0);
        EXPECT_EQ(a, b) << "analyze --json --year " << year.toStdString() << " differs";
    }
}
