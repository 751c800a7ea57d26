// `objectivity-cli analyze --year` and «лет подряд»: a run for one year counts the years before
// it as the runs for those years find them (AnalysisEngine::Options::history). A generated region
// of three years where every school manipulates one unit.
#include "CliTest.h"

#include "objectivity/simulation/RegionGenerator.h"
#include "objectivity/storage/Database.h"
#include "objectivity/storage/results/GeneratedRegionWriter.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

using namespace objectivity;
using objectivity::test::CliRun;

namespace {

class AnalyzeYearsInRowCli : public objectivity::test::CliTest {
protected:
    void SetUp() override {
        CliTest::SetUp();
        if (IsSkipped())
            return;
        simulation::GeneratorOptions o;
        o.seed = 5;
        o.schools = 60;
        o.municipalities = 3;
        o.manipulationShare = 1.0;
        o.firstYear = 2023;
        o.lastYear = 2025;
        auto db = storage::Database::open(dbPath());
        ASSERT_TRUE(db.ok()) << db.error().toString().toStdString();
        storage::GeneratedRegionWriter writer(**db, QStringLiteral("three years"));
        const core::Status s = (*db)->transaction([&]() -> core::Status {
            simulation::RegionGenerator(o).run(writer);
            return writer.finish();
        });
        ASSERT_TRUE(s.ok()) << s.error().toString().toStdString();
    }

    QJsonObject analyzeYear(int year) {
        const CliRun r = run({QStringLiteral("analyze"), QStringLiteral("--json"),
                              QStringLiteral("--year"), QString::number(year)});
        EXPECT_EQ(r.exitCode, 0) << r.err.toStdString();
        return QJsonDocument::fromJson(r.out.toUtf8()).object();
    }

    // The schools with signs of results in a run for one year.
    static QSet<QString> withSigns(const QJsonObject &report) {
        QSet<QString> out;
        for (const QJsonValue &s : report.value(QStringLiteral("schools")).toArray())
            if (s[QStringLiteral("markers")].toInt() > 0)
                out.insert(s[QStringLiteral("school_code")].toString());
        return out;
    }
};

} // namespace

TEST_F(AnalyzeYearsInRowCli, EachEarlierYearCountsAsItsOwnRunFindsIt) {
    const QJsonObject y2023 = analyzeYear(2023);
    const QJsonObject y2024 = analyzeYear(2024);
    const QJsonObject y2025 = analyzeYear(2025);
    EXPECT_FALSE(y2023.contains(QStringLiteral("in_a_row_over_earlier_years")));
    EXPECT_TRUE(y2025.value(QStringLiteral("in_a_row_over_earlier_years")).toBool());
    const QSet<QString> in2023 = withSigns(y2023), in2024 = withSigns(y2024);
    QMap<int, int> byRun; // years in a row -> schools
    for (const QJsonValue &s : y2025.value(QStringLiteral("schools")).toArray()) {
        const QString code = s[QStringLiteral("school_code")].toString();
        int expected = 0;
        if (s[QStringLiteral("markers")].toInt() > 0)
            expected = !in2024.contains(code) ? 1 : !in2023.contains(code) ? 2 : 3;
        EXPECT_EQ(s[QStringLiteral("years_in_a_row")].toInt(), expected) << code.toStdString();
        ++byRun[expected];
        // only the chosen year's markers are the run's own
        for (const QString &year : s[QStringLiteral("markers_by_year")].toObject().keys())
            EXPECT_EQ(year, QStringLiteral("2025")) << code.toStdString();
    }
    // every school manipulates one unit over the three years, so a run longer than one year is
    // rare here: the core test (AnalysisEngine.YearsInARowOfOneYearCountTheYearsBefore) plants
    // them; here the CLI and the JSON agree with the runs of each year
    EXPECT_GT(byRun.value(1) + byRun.value(2) + byRun.value(3), 0);

    const CliRun text =
        run({QStringLiteral("analyze"), QStringLiteral("--year"), QStringLiteral("2025")});
    EXPECT_TRUE(text.out.contains(
        QStringLiteral("(число признаков, лет подряд по 2025 год, прежние годы — по их анализу)")))
        << text.out.right(2000).toStdString();
}
