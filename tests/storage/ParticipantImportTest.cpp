// Participants written by ResultsRepository::addParticipant on both backends (on PostgreSQL
// buffered and sent by COPY, ParticipantBuffer): repeats within an import and against an earlier
// import are reported as on SQLite, the stored rows are the same, and an import that fails after
// rows were already sent leaves nothing.
#include "TestDatabase.h"
#include "objectivity/storage/Database.h"
#include "objectivity/storage/results/ResultsRepository.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace objectivity;
using namespace Qt::StringLiterals;
using objectivity::test::TestDatabase;

namespace {

struct Fixture {
    qint64 procedure = 0;
    qint64 schoolA = 0;
    qint64 schoolB = 0;
};

core::School school(const QString &code, const QString &name) {
    core::School s;
    s.code = code;
    s.name = name;
    s.municipality = u"Район"_s;
    return s;
}

Fixture prepare(storage::ResultsRepository &repo) {
    Fixture f;
    core::Procedure p;
    p.kind = core::ProcedureKind::VPR;
    p.year = 2024;
    p.grade = 5;
    p.subject = u"Математика"_s;
    p.tasks = {{u"1"_s, 1, {}}, {u"2"_s, 2, {}}};
    f.procedure = repo.ensureProcedure(p).value().id;
    f.schoolA = repo.upsertSchool(school(u"A1"_s, u"Школа А"_s)).value();
    f.schoolB = repo.upsertSchool(school(u"B1"_s, u"Школа Б"_s)).value();
    return f;
}

core::ParticipantResult participant(const Fixture &f, qint64 school, const QString &code,
                                    double score) {
    core::ParticipantResult r;
    r.procedureId = f.procedure;
    r.schoolId = school;
    r.className = u"5А"_s;
    r.participantCode = code;
    r.variant = 2;
    r.taskPoints = {1, core::ParticipantResult::kNotAttempted};
    r.primaryScore = score;
    r.mark = score >= 2 ? 4 : 0; // 0 = NULL
    return r;
}

qint64 count(storage::Database &db, const QString &where = u"TRUE"_s) {
    QSqlQuery q(db.connection());
    if (!q.exec(u"SELECT COUNT(*) FROM participants WHERE "_s + where) || !q.next())
        return -1;
    return q.value(0).toLongLong();
}

// The keys and indexes of participants, as the catalog describes them (the bulk path of both
// backends drops them for a large load into an empty table and must build them again).
QStringList keysOfParticipants(storage::Database &db) {
    QSqlQuery q(db.connection());
    const bool ok =
        db.isPostgres()
            ? q.exec(u"SELECT pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid = "
                     "'participants'::regclass UNION ALL SELECT pg_get_indexdef(indexrelid) "
                     "FROM pg_index WHERE indrelid = 'participants'::regclass"_s)
            : q.exec(u"SELECT coalesce(sql, name) FROM sqlite_master WHERE tbl_name = "
                     "'participants'"_s);
    QStringList keys;
    while (ok && q.next())
        keys << q.value(0).toString();
    keys.sort();
    return keys;
}

qint64 addImport(storage::ResultsRepository &repo, const QString &name) {
    storage::ResultsRepository::ImportRecord record;
    record.fileName = name;
    record.contentHash = name;
    record.layout = u"flat"_s;
    return repo.addImport(record).value();
}

} // namespace

TEST(ParticipantImport, RepeatsWithinAndAcrossImportsAreReportedAndNotStored) {
    QTemporaryDir dir;
    OBJ_TEST_DATABASE(testDb, location, dir, u"p.sqlite"_s);
    auto opened = storage::Database::open(location);
    ASSERT_TRUE(opened.ok()) << opened.error().toString().toStdString();
    storage::Database &db = **opened;

    Fixture f;
    qint64 first = 0;
    ASSERT_TRUE(
        db.transaction([&]() -> core::Status {
              storage::ResultsRepository repo(db);
              f = prepare(repo);
              first = addImport(repo, u"первый.csv"_s);
              qint64 dup = 99;
              for (const QString &code : {u"001"_s, u"002"_s}) {
                  if (core::Status s =
                          repo.addParticipant(participant(f, f.schoolA, code, 3), first, &dup);
                      !s)
                      return s;
                  EXPECT_EQ(dup, 0);
              }
              // the same code in another school is another participant
              EXPECT_TRUE(
                  repo.addParticipant(participant(f, f.schoolB, u"001"_s, 1), first, &dup).ok());
              EXPECT_EQ(dup, 0);
              // a repeat within the import: -1, nothing written
              EXPECT_TRUE(
                  repo.addParticipant(participant(f, f.schoolA, u"002"_s, 9), first, &dup).ok());
              EXPECT_EQ(dup, -1);
              EXPECT_EQ(repo.participantCount().value(), 3);
              return repo.finishImport(first, 3, {});
          }).ok());
    EXPECT_EQ(count(db), 3);
    // the first row of a repeated key is kept, with its values and NULLs
    QSqlQuery q(db.connection());
    ASSERT_TRUE(q.exec(u"SELECT primary_score, mark, test_score, task_points, variant, class_name "
                       "FROM participants WHERE participant_code = '002'"_s));
    ASSERT_TRUE(q.next());
    EXPECT_DOUBLE_EQ(q.value(0).toDouble(), 3);
    EXPECT_EQ(q.value(1).toInt(), 4);
    EXPECT_TRUE(q.value(2).isNull());
    EXPECT_EQ(q.value(3).toByteArray(), QByteArray("\x01\xff", 2));
    EXPECT_EQ(q.value(4).toInt(), 2);
    EXPECT_EQ(q.value(5).toString(), u"5А"_s);
    EXPECT_FALSE(q.next());
    EXPECT_EQ(count(db, u"participant_code = '001' AND mark IS NULL"_s), 1); // school B, score 1

    // A second import: a key of the first is reported with the first import's id.
    const core::Status second = db.transaction([&]() -> core::Status {
        storage::ResultsRepository repo(db);
        const qint64 id = addImport(repo, u"второй.csv"_s);
        qint64 dup = 99;
        EXPECT_TRUE(repo.addParticipant(participant(f, f.schoolA, u"003"_s, 2), id, &dup).ok());
        EXPECT_EQ(dup, 0);
        EXPECT_TRUE(repo.addParticipant(participant(f, f.schoolB, u"001"_s, 5), id, &dup).ok());
        EXPECT_EQ(dup, first);
        EXPECT_TRUE(repo.addParticipant(participant(f, f.schoolA, u"003"_s, 2), id, &dup).ok());
        EXPECT_EQ(dup, -1);
        return repo.finishImport(id, 1, {});
    });
    ASSERT_TRUE(second.ok()) << second.error().toString().toStdString();
    EXPECT_EQ(count(db), 4);
    EXPECT_EQ(count(db, u"participant_code = '001' AND primary_score = 1"_s), 1);

    // Replacing the first import (as a repeated file does): its keys are free again.
    ASSERT_TRUE(
        db.transaction([&]() -> core::Status {
              storage::ResultsRepository repo(db);
              if (core::Status s = repo.removeImport(first); !s)
                  return s;
              const qint64 id = addImport(repo, u"первый-снова.csv"_s);
              qint64 dup = 99;
              EXPECT_TRUE(
                  repo.addParticipant(participant(f, f.schoolB, u"001"_s, 4), id, &dup).ok());
              EXPECT_EQ(dup, 0);
              return repo.finishImport(id, 1, {});
          }).ok());
    EXPECT_EQ(count(db), 2);
    EXPECT_EQ(count(db, u"participant_code = '001' AND primary_score = 4"_s), 1);
}

TEST(ParticipantImport, AFailedImportLeavesNothingEvenAfterRowsWereSent) {
    QTemporaryDir dir;
    OBJ_TEST_DATABASE(testDb, location, dir, u"p.sqlite"_s);
    auto opened = storage::Database::open(location);
    ASSERT_TRUE(opened.ok()) << opened.error().toString().toStdString();
    storage::Database &db = **opened;
    Fixture f;
    ASSERT_TRUE(db.transaction([&]() -> core::Status {
                      storage::ResultsRepository repo(db);
                      f = prepare(repo);
                      return {};
                  }).ok());

    const QStringList keys = keysOfParticipants(db);
    ASSERT_GE(keys.size(), 3);
    // More rows than one COPY batch, so that some are on the server when the import is cancelled.
    const int rows = 45000;
    const core::Status cancelled = db.transaction([&]() -> core::Status {
        storage::ResultsRepository repo(db);
        const qint64 id = addImport(repo, u"отменённый.csv"_s);
        if (core::Status b = repo.beginBulkLoad(); !b) // SQLite drops its indexes here
            return b;
        qint64 dup = 0;
        for (int i = 0; i < rows; ++i)
            if (core::Status s = repo.addParticipant(
                    participant(f, i % 2 ? f.schoolA : f.schoolB, QString::number(i), 2), id, &dup);
                !s)
                return s;
        core::Error e;
        e.message = u"Импорт отменён"_s;
        return e;
    });
    ASSERT_FALSE(cancelled.ok());
    EXPECT_EQ(cancelled.error().message, u"Импорт отменён"_s);
    EXPECT_EQ(count(db), 0);
    QSqlQuery q(db.connection());
    ASSERT_TRUE(q.exec(u"SELECT COUNT(*) FROM imports"_s) && q.next());
    EXPECT_EQ(q.value(0).toInt(), 0);
    q.finish();
    EXPECT_EQ(keysOfParticipants(db), keys);

    // The database stays usable: the same rows load in full afterwards.
    const core::Status loaded = db.transaction([&]() -> core::Status {
        storage::ResultsRepository repo(db);
        const qint64 id = addImport(repo, u"полный.csv"_s);
        if (core::Status b = repo.beginBulkLoad(); !b)
            return b;
        qint64 dup = 0;
        for (int i = 0; i < rows; ++i) {
            if (core::Status s = repo.addParticipant(
                    participant(f, i % 2 ? f.schoolA : f.schoolB, QString::number(i), 2), id, &dup);
                !s)
                return s;
            EXPECT_EQ(dup, 0);
        }
        return repo.finishImport(id, rows, {});
    });
    ASSERT_TRUE(loaded.ok()) << loaded.error().toString().toStdString();
    EXPECT_EQ(count(db), rows);
    EXPECT_EQ(keysOfParticipants(db), keys); // built again after the load into an empty table

    // and they hold: a repeat written past the repository is refused
    QSqlQuery repeat(db.connection());
    EXPECT_FALSE(repeat.exec(u"INSERT INTO participants (procedure_id, school_id, "
                             "participant_code) SELECT procedure_id, school_id, participant_code "
                             "FROM participants WHERE participant_code = '7'"_s));
}

// One repository, a load into the empty table that fails after the keys were deferred, then one
// that lands: the second defers and builds the keys again (the first one's drop was rolled back).
TEST(ParticipantImport, ABulkLoadAfterAFailedOneWithTheSameRepository) {
    QTemporaryDir dir;
    OBJ_TEST_DATABASE(testDb, location, dir, u"p.sqlite"_s);
    auto opened = storage::Database::open(location);
    ASSERT_TRUE(opened.ok()) << opened.error().toString().toStdString();
    storage::Database &db = **opened;
    storage::ResultsRepository repo(db);
    Fixture f;
    ASSERT_TRUE(db.transaction([&]() -> core::Status {
                      f = prepare(repo);
                      return {};
                  }).ok());
    const QStringList keys = keysOfParticipants(db);
    auto load = [&](const QString &name, bool fail) {
        return db.transaction([&]() -> core::Status {
            const qint64 id = addImport(repo, name);
            if (core::Status b = repo.beginBulkLoad(); !b)
                return b;
            qint64 dup = 0;
            for (int i = 0; i < 100; ++i)
                if (core::Status s = repo.addParticipant(
                        participant(f, f.schoolA, QString::number(i), 2), id, &dup);
                    !s)
                    return s;
            if (fail) {
                core::Error e;
                e.message = u"Импорт отменён"_s;
                return e;
            }
            return repo.finishImport(id, 100, {});
        });
    };
    EXPECT_FALSE(load(u"первый.csv"_s, true).ok());
    EXPECT_EQ(keysOfParticipants(db), keys);
    const core::Status second = load(u"второй.csv"_s, false);
    ASSERT_TRUE(second.ok()) << second.error().toString().toStdString();
    EXPECT_EQ(count(db), 100);
    EXPECT_EQ(keysOfParticipants(db), keys);
}

// PostgreSQL refuses COPY FROM into a table whose row-level security applies to the role: the
// rows then go through a temporary table and one INSERT … SELECT, which the policies check.
TEST(ParticipantImport, UnderRowLevelSecurityTheRowsGoThroughAStagingTable) {
    if (!TestDatabase::postgres())
        GTEST_SKIP() << "PostgreSQL only: row-level security of the server";
    QTemporaryDir dir;
    OBJ_TEST_DATABASE(testDb, location, dir, u"p.sqlite"_s);
    auto opened = storage::Database::open(location);
    ASSERT_TRUE(opened.ok()) << opened.error().toString().toStdString();
    storage::Database &db = **opened;
    Fixture f;
    ASSERT_TRUE(db.transaction([&]() -> core::Status {
                      storage::ResultsRepository repo(db);
                      f = prepare(repo);
                      return {};
                  }).ok());
    const QString role = u"objt_writer_%1"_s.arg(testDb.serverName());
    QSqlQuery q(db.connection());
    for (const QString &sql :
         {u"CREATE ROLE %1"_s.arg(role),
          u"GRANT ALL ON ALL TABLES IN SCHEMA public TO %1"_s.arg(role),
          u"GRANT ALL ON ALL SEQUENCES IN SCHEMA public TO %1"_s.arg(role),
          u"ALTER TABLE participants ENABLE ROW LEVEL SECURITY"_s,
          // school B's rows may not be written by this role
          u"CREATE POLICY not_b ON participants USING (true) WITH CHECK (school_id <> %1)"_s.arg(
              f.schoolB),
          u"SET ROLE %1"_s.arg(role)})
        ASSERT_TRUE(q.exec(sql)) << sql.toStdString() << q.lastError().text().toStdString();

    const int rows = 25000; // more than one batch
    const core::Status loaded = db.transaction([&]() -> core::Status {
        storage::ResultsRepository repo(db);
        const qint64 id = addImport(repo, u"школа-а.csv"_s);
        qint64 dup = 0;
        for (int i = 0; i < rows; ++i)
            if (core::Status s =
                    repo.addParticipant(participant(f, f.schoolA, QString::number(i), 2), id, &dup);
                !s)
                return s;
        EXPECT_TRUE(repo.addParticipant(participant(f, f.schoolA, u"7"_s, 2), id, &dup).ok());
        EXPECT_EQ(dup, -1);
        return repo.finishImport(id, rows, {});
    });
    ASSERT_TRUE(loaded.ok()) << loaded.error().toString().toStdString() << "\n"
                             << loaded.error().details.toStdString();
    EXPECT_EQ(count(db), rows);

    // A row the policy refuses: the import fails in Russian and leaves nothing.
    const core::Status refused = db.transaction([&]() -> core::Status {
        storage::ResultsRepository repo(db);
        const qint64 id = addImport(repo, u"школа-б.csv"_s);
        qint64 dup = 0;
        if (core::Status s = repo.addParticipant(participant(f, f.schoolB, u"1"_s, 2), id, &dup);
            !s)
            return s;
        return repo.finishImport(id, 1, {});
    });
    ASSERT_FALSE(refused.ok());
    EXPECT_TRUE(refused.error().message.contains(u"ошибка базы данных"_s))
        << refused.error().message.toStdString();
    EXPECT_FALSE(refused.error().details.isEmpty());
    EXPECT_EQ(count(db), rows);

    EXPECT_TRUE(q.exec(u"RESET ROLE"_s));
    EXPECT_TRUE(q.exec(u"DROP OWNED BY %1"_s.arg(role)));
    EXPECT_TRUE(q.exec(u"DROP ROLE %1"_s.arg(role))) << q.lastError().text().toStdString();
}
