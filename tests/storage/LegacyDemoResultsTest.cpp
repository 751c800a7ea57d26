// Demo results an older version wrote into a user's database: found by the import's name and
// removed with the schools only they used; the user's own results and schools stay.
#include "objectivity/storage/results/LegacyDemoResults.h"
#include "SamplePlans.h"
#include "TestDatabase.h"
#include "TestSupport.h"
#include "objectivity/storage/Database.h"
#include "objectivity/storage/results/ResultsRepository.h"

#include <QSqlQuery>

using namespace objectivity;

namespace {

const QString kDemoName = QStringLiteral("Демонстрационные данные (сгенерированы).csv");

// An import named `fileName` with `perSchool` participants in each of `codes`.
qint64 addImport(storage::Database &db, const QString &fileName, const QStringList &codes,
                 int perSchool) {
    storage::ResultsRepository repo(db);
    storage::ResultsRepository::ImportRecord record;
    record.fileName = fileName;
    record.contentHash = QString::number(qHash(fileName), 16);
    record.layout = QStringLiteral("flat");
    auto id = repo.addImport(record);
    EXPECT_TRUE(id.ok());
    core::Procedure procedure;
    procedure.year = 2024;
    procedure.grade = 5;
    procedure.subject = QStringLiteral("Математика");
    auto stored = repo.ensureProcedure(procedure);
    EXPECT_TRUE(stored.ok());
    for (const QString &code : codes) {
        core::School school;
        school.code = code;
        school.name = QStringLiteral("МБОУ «СОШ» ") + code;
        school.municipality = QStringLiteral("Великий Новгород");
        auto schoolId = repo.upsertSchool(school);
        EXPECT_TRUE(schoolId.ok());
        for (int i = 0; i < perSchool; ++i) {
            core::ParticipantResult p;
            p.schoolId = schoolId.value();
            p.procedureId = stored->id;
            p.participantCode = fileName.left(3) + QString::number(i);
            p.taskPoints = {1, 2};
            p.primaryScore = 3;
            p.mark = 3;
            qint64 duplicate = 0;
            const auto added = repo.addParticipant(p, id.value(), &duplicate);
            EXPECT_TRUE(added.ok()) << added.error().toString().toStdString();
        }
    }
    // as every import ends (on PostgreSQL this sends the buffered participants)
    EXPECT_TRUE(repo.finishImport(id.value(), perSchool * int(codes.size()), {}).ok());
    return id.value();
}

int count(storage::Database &db, const QString &sqlText) {
    QSqlQuery q(db.connection());
    EXPECT_TRUE(q.exec(sqlText));
    return q.next() ? q.value(0).toInt() : -1;
}

} // namespace

TEST(LegacyDemoResults, RemovedWithTheirSchoolsOnly) {
    QTemporaryDir dir;
    OBJ_TEST_DATABASE(testDb, location, dir, QStringLiteral("old.sqlite"));
    auto opened = storage::Database::open(location);
    ASSERT_TRUE(opened.ok());
    storage::Database &db = **opened;
    storage::LegacyDemoResults legacy(db);
    EXPECT_EQ(legacy.find(kDemoName).value().importId, 0);

    const qint64 demo =
        addImport(db, kDemoName, {QStringLiteral("edu053001"), QStringLiteral("edu053002")}, 7);
    // The user's own results, one school shared with the demo (same login, as edu053001 is a real
    // login of Dagestan).
    addImport(db, QStringLiteral("впр-2024.csv"),
              {QStringLiteral("edu053001"), QStringLiteral("edu059999")}, 3);
    const auto found = legacy.find(kDemoName);
    ASSERT_TRUE(found.ok());
    EXPECT_EQ(found->importId, demo);
    EXPECT_EQ(found->rows, 14);
    EXPECT_EQ(found->schools, 2);

    OBJ_ASSERT_OK(legacy.remove(demo));
    EXPECT_EQ(legacy.find(kDemoName).value().importId, 0);
    EXPECT_EQ(count(db, QStringLiteral("SELECT count(*) FROM participants")), 6);
    EXPECT_EQ(count(db, QStringLiteral("SELECT count(*) FROM imports")), 1);
    EXPECT_EQ(count(db, QStringLiteral("SELECT count(*) FROM schools WHERE code = 'edu053002'")),
              0);
    EXPECT_EQ(count(db, QStringLiteral("SELECT count(*) FROM schools WHERE code IN "
                                       "('edu053001', 'edu059999')")),
              2);
}
