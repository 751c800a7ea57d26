// A real document's way into the database and back: import a seed, save it, load it — the same
// plan.
#include "TestSupport.h"
#include "objectivity/io/plan/PlanImporter.h"
#include "objectivity/io/plan/PlanJson.h"
#include "objectivity/storage/Database.h"
#include "objectivity/storage/plan/PlanRepository.h"

using objectivity::io::PlanImporter;
using objectivity::storage::Database;
using objectivity::storage::PlanRepository;

class PlanStorageRoundTrip : public ::testing::TestWithParam<const char *> {};

TEST_P(PlanStorageRoundTrip, ImportedSeedSurvivesSaveAndLoad) {
    const QString path = objectivity::test::seedPath(QString::fromLatin1(GetParam()));
    OBJ_REQUIRE_SHARED(path, GetParam());
    auto imported = PlanImporter::importFile(path);
    ASSERT_TRUE(imported.ok()) << imported.error().toString().toStdString();
    objectivity::core::Plan plan = imported->plan;
    ASSERT_GT(plan.measureCount(), 20);

    QTemporaryDir dir;
    auto db = Database::open(dir.filePath(QStringLiteral("seed.sqlite")));
    ASSERT_TRUE(db.ok()) << db.error().toString().toStdString();
    PlanRepository repo(**db);
    auto saved = repo.save(plan);
    ASSERT_TRUE(saved.ok()) << saved.error().toString().toStdString();
    auto loaded = repo.load(plan.id);
    ASSERT_TRUE(loaded.ok()) << loaded.error().toString().toStdString();
    // Compared as JSON first so a difference is readable, then exactly.
    EXPECT_EQ(objectivity::io::PlanJson::toBytes(*loaded).toStdString(),
              objectivity::io::PlanJson::toBytes(plan).toStdString());
    EXPECT_TRUE(*loaded == plan);

    // Saving the loaded plan again changes no ids and no rows.
    objectivity::core::Plan again = *loaded;
    ASSERT_TRUE(repo.save(again).ok());
    EXPECT_EQ(again.id, plan.id);
    EXPECT_EQ(again.sections.last().measures.last().id, plan.sections.last().measures.last().id);
    auto reloaded = repo.load(plan.id);
    ASSERT_TRUE(reloaded.ok());
    EXPECT_EQ(reloaded->measureCount(), plan.measureCount());
    EXPECT_TRUE(*reloaded == again);
}

INSTANTIATE_TEST_SUITE_P(Seeds, PlanStorageRoundTrip, ::testing::Values("000", "001", "002"));
