// The demo region of a new database (io::DemoData): filled through the results importer and ready
// for the analysis.
#include "objectivity/io/results/DemoData.h"
#include "objectivity/core/analysis/AnalysisEngine.h"
#include "objectivity/simulation/Manipulation.h"
#include "objectivity/simulation/SimulatedRegion.h"
#include "objectivity/storage/Database.h"
#include "objectivity/storage/results/AnalysisDataReader.h"
#include "objectivity/storage/results/ResultsRepository.h"

#include <QElapsedTimer>
#include <QSet>
#include <QTemporaryDir>
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>

using namespace objectivity;

TEST(DemoData, FillsAnEmptyDatabaseReadyForTheAnalysis) {
    QTemporaryDir dir;
    auto opened = storage::Database::open(dir.filePath(QStringLiteral("demo.sqlite")));
    ASSERT_TRUE(opened.ok());
    storage::Database &db = *opened.value();
    QList<int> percents;
    QElapsedTimer timer;
    timer.start();
    auto s = io::DemoData::populate(db, [&](int p) {
        percents << p;
        return true;
    });
    ASSERT_TRUE(s.ok()) << qPrintable(s ? QString() : s.error().toString());
    std::printf("demo data: %d rows, %d schools, %d procedures in %lld ms\n", s->rows, s->schools,
                int(s->procedures), static_cast<long long>(timer.elapsed()));
    EXPECT_EQ(s->schools, io::DemoData::options().schools);
    EXPECT_GT(s->rows, 20000);
    ASSERT_FALSE(percents.isEmpty());
    EXPECT_EQ(percents.last(), 100);
    EXPECT_TRUE(std::is_sorted(percents.cbegin(), percents.cend()));

    storage::ResultsRepository repo(db);
    EXPECT_EQ(repo.participantCount().value(), s->rows);
    auto flags = repo.flags();
    ASSERT_TRUE(flags.ok());
    EXPECT_TRUE(flags->isEmpty()); // official lists are the user's to import
    auto imports = repo.imports();
    ASSERT_TRUE(imports.ok());
    ASSERT_EQ(imports->size(), 1);
    EXPECT_EQ(imports->first().fileName, io::DemoData::importName());
    QSet<int> years;
    QSet<QString> kinds;
    const auto counts = repo.counts();
    ASSERT_TRUE(counts.ok());
    for (const auto &c : counts.value()) {
        years << c.year;
        kinds << c.kind;
    }
    EXPECT_EQ(years, (QSet<int>{2024, 2025}));
    EXPECT_EQ(kinds,
              (QSet<QString>{QStringLiteral("ВПР"), QStringLiteral("ОГЭ"), QStringLiteral("ЕГЭ")}));

    auto data = storage::AnalysisDataReader::read(db.connection());
    ASSERT_TRUE(data.ok()) << qPrintable(data ? QString() : data.error().toString());
    const core::AnalysisReport report = core::AnalysisEngine::run(*data, core::AnalysisSettings());
    EXPECT_FALSE(report.cancelled);
    int sized = 0;
    QSet<QString> schools;
    for (const core::UnitReport &u : report.units) {
        sized += !u.insufficient;
        schools << u.schoolCode;
    }
    EXPECT_GT(sized, 300);
    EXPECT_EQ(schools.size(), io::DemoData::options().schools);
    // The demo shows the analysis at work: some units are flagged.
    EXPECT_FALSE(report.flaggedUnits().isEmpty());
}

TEST(DemoData, CancelLeavesTheDatabaseEmpty) {
    QTemporaryDir dir;
    auto opened = storage::Database::open(dir.filePath(QStringLiteral("demo.sqlite")));
    ASSERT_TRUE(opened.ok());
    storage::Database &db = *opened.value();
    for (const int stopAt : {10, 60}) {
        auto s = io::DemoData::populate(db, [&](int p) { return p < stopAt; });
        EXPECT_FALSE(s.ok()) << "stopped at " << stopAt;
        storage::ResultsRepository repo(db);
        EXPECT_EQ(repo.participantCount().value(), 0);
        EXPECT_TRUE(repo.imports().value().isEmpty());
    }
}

TEST(DemoData, RegionHasEveryManipulationAndStrongSchools) {
    const simulation::SimulatedRegion plan(io::DemoData::options());
    QSet<int> kinds;
    for (const auto &m : plan.planted())
        kinds << int(m.manipulation);
    EXPECT_EQ(kinds.size(), simulation::allManipulations().size());
    EXPECT_EQ(plan.municipalities(), io::DemoData::municipalityNames());
    for (const auto &g : plan.schools()) {
        // Region 00 does not exist: no demo login is a real school's (edu053001 is, in Dagestan).
        EXPECT_TRUE(g.school.code.startsWith(QStringLiteral("edu000")))
            << qPrintable(g.school.code);
        EXPECT_TRUE(io::DemoData::municipalityNames().contains(g.school.municipality));
    }
}
