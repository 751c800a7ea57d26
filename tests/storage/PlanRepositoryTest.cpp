#include "objectivity/storage/plan/PlanRepository.h"
#include "SamplePlans.h"
#include "TestDatabase.h"
#include "TestSupport.h"
#include "objectivity/storage/Database.h"

#include <QSqlQuery>

using objectivity::core::Plan;
using objectivity::storage::Database;
using objectivity::storage::PlanRepository;
using objectivity::test::importedLikePlan;
using objectivity::test::makeMeasure;

namespace {

class PlanRepositoryTest : public ::testing::Test {
protected:
    void SetUp() override {
        const QString location = testDb.create(dir, QStringLiteral("plans.sqlite"));
        if (location.isEmpty())
            GTEST_SKIP() << testDb.why().toStdString();
        auto opened = Database::open(location);
        ASSERT_TRUE(opened.ok()) << opened.error().toString().toStdString();
        db = std::move(opened.value());
    }
    int count(const QString &sql) {
        QSqlQuery q(db->connection());
        EXPECT_TRUE(q.exec(sql) && q.next()) << sql.toStdString();
        return q.value(0).toInt();
    }
    // A row trigger on `table` running `sqlite` (SQLite's TEMP TRIGGER body) or `postgres`
    // (PL/pgSQL; the server's database is dropped after the test).
    bool addTrigger(const QString &name, const QString &when, const QString &table,
                    const QString &sqlite, const QString &postgres) {
        QSqlQuery q(db->connection());
        if (!db->isPostgres())
            return q.exec(QStringLiteral("CREATE TEMP TRIGGER %1 %2 ON %3 %4")
                              .arg(name, when, table, sqlite));
        return q.exec(QStringLiteral("CREATE FUNCTION %1_fn() RETURNS trigger LANGUAGE plpgsql AS "
                                     "$$ BEGIN %2; RETURN NEW; END $$")
                          .arg(name, postgres)) &&
               q.exec(QStringLiteral("CREATE TRIGGER %1 %2 ON %3 FOR EACH ROW EXECUTE FUNCTION "
                                     "%1_fn()")
                          .arg(name, when, table));
    }
    Plan saved(Plan plan) {
        PlanRepository repo(*db);
        auto s = repo.save(plan);
        EXPECT_TRUE(s.ok()) << s.error().toString().toStdString();
        return plan;
    }

    QTemporaryDir dir;
    objectivity::test::TestDatabase testDb; // before db: dropped after it is closed
    std::unique_ptr<Database> db;
};

// The sample plan as a draft: only a draft's text may change (an approved plan takes marks only).
Plan draftLikePlan() {
    Plan plan = importedLikePlan();
    plan.status = objectivity::core::PlanStatus::Draft;
    return plan;
}

std::string str(const objectivity::core::Status &s) {
    return s ? std::string() : s.error().toString().toStdString();
}

} // namespace

TEST_F(PlanRepositoryTest, RoundTripGivesBackTheSamePlan) {
    PlanRepository repo(*db);
    Plan plan = importedLikePlan();
    OBJ_ASSERT_OK(repo.save(plan));
    EXPECT_GT(plan.id, 0);
    EXPECT_GT(plan.organization.id, 0);
    EXPECT_TRUE(plan.createdAt.isValid());
    for (const auto &section : plan.sections) {
        EXPECT_GT(section.id, 0);
        for (const auto &measure : section.measures)
            EXPECT_GT(measure.id, 0);
    }
    auto loaded = repo.load(plan.id);
    ASSERT_TRUE(loaded.ok()) << loaded.error().toString().toStdString();
    EXPECT_EQ(loaded->sections.size(), 3);
    EXPECT_EQ(loaded->measureCount(), 7);
    EXPECT_EQ(loaded->sections[0].measures[1].deadline.windows.size(), 2);
    EXPECT_EQ(loaded->sections[0].measures[1].owners.size(), 2);
    EXPECT_EQ(loaded->approval.orderDate, QDate(2024, 3, 4));
    EXPECT_EQ(loaded->warnings.size(), 2);
    EXPECT_TRUE(*loaded == plan);

    // Stored as ISO text, as the schema promises.
    QSqlQuery q(db->connection());
    ASSERT_TRUE(q.exec(QStringLiteral("SELECT order_date FROM plans")) && q.next());
    EXPECT_EQ(q.value(0).toString(), QStringLiteral("2024-03-04"));
    ASSERT_TRUE(
        q.exec(QStringLiteral("SELECT deadline_from, deadline_to, deadline_windows FROM measures "
                              "WHERE number = '1.2.'")) &&
        q.next());
    EXPECT_EQ(q.value(0).toString(), QStringLiteral("2024-08-01"));
    EXPECT_EQ(q.value(1).toString(), QStringLiteral("2024-09-30"));
    EXPECT_TRUE(q.value(2).toString().contains(QStringLiteral("2023-09-30")));
}

TEST_F(PlanRepositoryTest, ResaveKeepsIdsAndDeletesRowsNoLongerPresent) {
    PlanRepository repo(*db);
    Plan plan = saved(draftLikePlan());
    const qint64 planId = plan.id;
    const qint64 keptSection = plan.sections[0].id;
    const qint64 movedMeasure = plan.sections[2].measures[0].id;
    const qint64 removedMeasure = plan.sections[0].measures[0].id;
    const qint64 editedMeasure = plan.sections[1].measures[0].id;

    plan.sections[0].measures.removeFirst();                             // delete 1.1.
    plan.sections[0].measures.append(plan.sections[2].measures.first()); // move 3.1. into section 1
    plan.sections.removeLast(); // delete section 3 (with 3.2.)
    plan.sections[1].measures[0].owners = {QStringLiteral("Петров А.А.")};
    plan.sections[1].measures[0].text = QStringLiteral("Семинар (изменён)");
    plan.sections[1].measures.append(
        makeMeasure(QStringLiteral("2.4"), QStringLiteral("Новое"), {}));
    plan.columns.removeLast();
    plan.title = QStringLiteral("Новое название");
    OBJ_ASSERT_OK(repo.save(plan));

    EXPECT_EQ(plan.id, planId);
    EXPECT_EQ(plan.sections[0].id, keptSection);
    EXPECT_EQ(plan.sections[0].measures.last().id, movedMeasure);
    EXPECT_EQ(plan.sections[1].measures[0].id, editedMeasure);
    EXPECT_GT(plan.sections[1].measures.last().id, 0);

    auto loaded = repo.load(planId);
    ASSERT_TRUE(loaded.ok());
    EXPECT_TRUE(*loaded == plan);
    EXPECT_EQ(count(QStringLiteral("SELECT count(*) FROM plans")), 1);
    EXPECT_EQ(count(QStringLiteral("SELECT count(*) FROM sections")), 2);
    EXPECT_EQ(count(QStringLiteral("SELECT count(*) FROM measures")), 6);
    EXPECT_EQ(
        count(QStringLiteral("SELECT count(*) FROM measures WHERE id = %1").arg(removedMeasure)),
        0);
    EXPECT_EQ(count(QStringLiteral("SELECT count(*) FROM measure_owners WHERE measure_id = %1")
                        .arg(removedMeasure)),
              0);
    EXPECT_EQ(count(QStringLiteral("SELECT count(*) FROM measure_owners WHERE measure_id = %1")
                        .arg(editedMeasure)),
              1);
    EXPECT_EQ(count(QStringLiteral("SELECT count(*) FROM plan_columns")), 5);
}

TEST_F(PlanRepositoryTest, OrganizationIsFoundByNameAndMunicipality) {
    Plan a = saved(importedLikePlan());
    Plan b = importedLikePlan();
    b.period = {2024, 2025};
    b = saved(b);
    EXPECT_EQ(a.organization.id, b.organization.id);
    Plan c = importedLikePlan();
    c.organization.municipality = QStringLiteral("Другой район");
    c = saved(c);
    EXPECT_NE(c.organization.id, a.organization.id);
    EXPECT_EQ(count(QStringLiteral("SELECT count(*) FROM organizations")), 2);

    Plan noOrg = importedLikePlan(QString());
    noOrg.organization.municipality.clear();
    noOrg = saved(noOrg);
    PlanRepository repo(*db);
    auto loaded = repo.load(noOrg.id);
    ASSERT_TRUE(loaded.ok());
    EXPECT_EQ(loaded->organization.id, 0);
    EXPECT_TRUE(*loaded == noOrg);
}

TEST_F(PlanRepositoryTest, ListIsOrderedWithMeasureCounts) {
    Plan b1 = importedLikePlan(QStringLiteral("Б школа"));
    b1.period = {2024, 2025};
    b1 = saved(b1);
    Plan b0 = importedLikePlan(QStringLiteral("Б школа"));
    b0.period = {2022, 2023};
    b0.sections.removeLast();
    b0 = saved(b0);
    Plan b0r2 = b0;
    b0r2.id = 0;
    b0r2.revision = 2;
    b0r2.parentPlanId = b0.id;
    for (auto &s : b0r2.sections) {
        s.id = 0;
        for (auto &m : s.measures) {
            m.id = 0;
            m.status = objectivity::core::MeasureStatus::Done;
        }
    }
    b0r2 = saved(b0r2);
    Plan a = saved(importedLikePlan(QStringLiteral("А школа")));

    PlanRepository repo(*db);
    auto list = repo.list();
    ASSERT_TRUE(list.ok());
    ASSERT_EQ(list->size(), 4);
    EXPECT_EQ(list->at(0).id, a.id);
    EXPECT_EQ(list->at(1).id, b0.id);
    EXPECT_EQ(list->at(2).id, b0r2.id);
    EXPECT_EQ(list->at(3).id, b1.id);
    EXPECT_EQ(list->at(0).organizationName, QStringLiteral("А школа"));
    EXPECT_EQ(list->at(0).measureCount, 7);
    EXPECT_EQ(list->at(0).doneCount, 1);
    EXPECT_EQ(list->at(1).measureCount, 5);
    EXPECT_EQ(list->at(2).doneCount, 5);
    EXPECT_EQ(list->at(2).revision, 2);
    EXPECT_EQ(list->at(2).parentPlanId, b0.id);
    EXPECT_EQ(list->at(3).period, (objectivity::core::AcademicPeriod{2024, 2025}));
    EXPECT_EQ(list->at(3).status, objectivity::core::PlanStatus::Approved);
    EXPECT_EQ(list->at(3).title, b1.title);
}

TEST_F(PlanRepositoryTest, UpdatesMeasureExecution) {
    PlanRepository repo(*db);
    Plan plan = saved(importedLikePlan());
    auto measure = plan.sections[1].measures[1];
    measure.status = objectivity::core::MeasureStatus::Done;
    measure.completionDate = QDate(2024, 12, 25);
    measure.note = QStringLiteral("Протокол ШМО №3 от 12.11.2024");
    OBJ_ASSERT_OK(repo.updateMeasureExecution(measure));
    auto loaded = repo.load(plan.id);
    ASSERT_TRUE(loaded.ok());
    EXPECT_EQ(loaded->sections[1].measures[1], measure);
    EXPECT_EQ(loaded->sections[1].measures[0], plan.sections[1].measures[0]);

    measure.id = 999999;
    auto s = repo.updateMeasureExecution(measure);
    ASSERT_FALSE(s.ok());
    EXPECT_TRUE(s.error().message.contains(QStringLiteral("не найдено"))) << str(s);
}

TEST_F(PlanRepositoryTest, RemoveDeletesThePlanAndItsRows) {
    PlanRepository repo(*db);
    Plan keep = saved(importedLikePlan(QStringLiteral("Другая школа")));
    Plan plan = saved(draftLikePlan());
    OBJ_ASSERT_OK(repo.remove(plan.id));
    EXPECT_FALSE(repo.load(plan.id).ok());
    EXPECT_EQ(count(QStringLiteral("SELECT count(*) FROM plans")), 1);
    EXPECT_EQ(count(QStringLiteral("SELECT count(*) FROM measures")), 7);
    EXPECT_EQ(count(QStringLiteral("SELECT count(*) FROM measure_owners")), 8);
    auto again = repo.remove(plan.id);
    ASSERT_FALSE(again.ok());
    EXPECT_TRUE(again.error().message.contains(QStringLiteral("не найден")));
    auto loaded = repo.load(keep.id);
    ASSERT_TRUE(loaded.ok());
    EXPECT_TRUE(*loaded == keep);
}

TEST_F(PlanRepositoryTest, FailedSaveChangesNothing) {
    PlanRepository repo(*db);
    // The last measure fails after the organization, plan, sections and other measures were
    // written.
    ASSERT_TRUE(addTrigger(QStringLiteral("fail_measure"), QStringLiteral("BEFORE INSERT"),
                           QStringLiteral("measures"),
                           QStringLiteral("WHEN NEW.number = '3.2.' BEGIN SELECT RAISE(ABORT, "
                                          "'сбой'); END"),
                           QStringLiteral("IF NEW.number = '3.2.' THEN RAISE EXCEPTION 'сбой'; "
                                          "END IF")));
    Plan plan = importedLikePlan();
    auto s = repo.save(plan);
    ASSERT_FALSE(s.ok());
    EXPECT_TRUE(s.error().message.contains(QStringLiteral("3.2."))) << str(s);
    EXPECT_EQ(plan.id, 0);
    EXPECT_EQ(plan.sections[0].id, 0);
    EXPECT_EQ(count(QStringLiteral("SELECT count(*) FROM plans")), 0);
    EXPECT_EQ(count(QStringLiteral("SELECT count(*) FROM organizations")), 0);
    EXPECT_EQ(count(QStringLiteral("SELECT count(*) FROM sections")), 0);
    EXPECT_EQ(count(QStringLiteral("SELECT count(*) FROM measures")), 0);
    QSqlQuery q(db->connection());
    ASSERT_TRUE(q.exec(db->isPostgres() ? QStringLiteral("DROP TRIGGER fail_measure ON measures")
                                        : QStringLiteral("DROP TRIGGER fail_measure")));

    Plan orphan = importedLikePlan();
    orphan.parentPlanId = 12345; // no such plan
    ASSERT_FALSE(repo.save(orphan).ok());
    EXPECT_EQ(count(QStringLiteral("SELECT count(*) FROM plans")), 0);

    Plan ghost = importedLikePlan();
    ghost.id = 77;
    auto g = repo.save(ghost);
    ASSERT_FALSE(g.ok());
    EXPECT_TRUE(g.error().message.contains(QStringLiteral("№77"))) << str(g);
    EXPECT_EQ(count(QStringLiteral("SELECT count(*) FROM plans")), 0);
}

TEST_F(PlanRepositoryTest, LoadOfAMissingPlanIsARussianError) {
    PlanRepository repo(*db);
    auto loaded = repo.load(42);
    ASSERT_FALSE(loaded.ok());
    EXPECT_EQ(loaded.error().message, QStringLiteral("план №42 не найден в базе данных"));
    EXPECT_EQ(loaded.error().file, db->path());
}

TEST_F(PlanRepositoryTest, OwnersAreLinkedToPeopleByExactName) {
    QSqlQuery q(db->connection());
    ASSERT_TRUE(q.exec(QStringLiteral("INSERT INTO people (name) VALUES ('Н.С. Сазонова')")));
    const qint64 personId = q.lastInsertId().toLongLong();
    Plan plan = importedLikePlan();
    plan.sections[0].measures[0].owners = {QStringLiteral("Н.С. Сазонова"),
                                           QStringLiteral("Сазонова Н.С.")};
    plan = saved(plan);
    ASSERT_TRUE(
        q.exec(QStringLiteral("SELECT name, person_id FROM measure_owners WHERE measure_id = %1 "
                              "ORDER BY position")
                   .arg(plan.sections[0].measures[0].id)));
    ASSERT_TRUE(q.next());
    EXPECT_EQ(q.value(1).toLongLong(), personId);
    ASSERT_TRUE(q.next());
    EXPECT_EQ(q.value(0).toString(), QStringLiteral("Сазонова Н.С."));
    EXPECT_TRUE(q.value(1).isNull());
    EXPECT_EQ(count(QStringLiteral("SELECT count(*) FROM measure_owners WHERE person_id = %1")
                        .arg(personId)),
              2);
}

TEST_F(PlanRepositoryTest, CopiedRowsWithTheSameIdBecomeNewRows) {
    PlanRepository repo(*db);
    Plan plan = saved(draftLikePlan());
    const qint64 original = plan.sections[0].measures[0].id;
    plan.sections[0].measures.append(plan.sections[0].measures[0]); // pasted copy keeps the id
    plan.sections[0].measures.last().number = QStringLiteral("1.3.");
    plan.sections.append(plan.sections[1]); // a copied section with its measures
    OBJ_ASSERT_OK(repo.save(plan));
    EXPECT_EQ(plan.sections[0].measures[0].id, original);
    EXPECT_NE(plan.sections[0].measures.last().id, original);
    EXPECT_NE(plan.sections.last().id, plan.sections[1].id);
    EXPECT_NE(plan.sections.last().measures[0].id, plan.sections[1].measures[0].id);
    EXPECT_EQ(count(QStringLiteral("SELECT count(*) FROM measures")), 7 + 1 + 3);
    auto loaded = repo.load(plan.id);
    ASSERT_TRUE(loaded.ok());
    EXPECT_TRUE(*loaded == plan);
}

TEST_F(PlanRepositoryTest, ResaveWritesOnlyTheRowsThatChanged) {
    PlanRepository repo(*db);
    Plan plan = saved(draftLikePlan());
    QSqlQuery q(db->connection());
    ASSERT_TRUE(q.exec(db->isPostgres()
                           ? QStringLiteral("CREATE TEMP TABLE writes (n serial, what text)")
                           : QStringLiteral("CREATE TEMP TABLE writes (what TEXT)")));
    auto logWrites = [&](const QString &name, const QString &when, const QString &table,
                         const QString &what) {
        const QString insert = QStringLiteral("INSERT INTO writes (what) VALUES (%1)").arg(what);
        return addTrigger(name, when, table, QStringLiteral("BEGIN %1; END").arg(insert), insert);
    };
    ASSERT_TRUE(logWrites(QStringLiteral("m_upd"), QStringLiteral("AFTER UPDATE"),
                          QStringLiteral("measures"), QStringLiteral("'measure ' || NEW.number")));
    ASSERT_TRUE(logWrites(QStringLiteral("o_ins"), QStringLiteral("AFTER INSERT"),
                          QStringLiteral("measure_owners"),
                          QStringLiteral("'owner ' || NEW.name")));
    ASSERT_TRUE(logWrites(QStringLiteral("s_upd"), QStringLiteral("AFTER UPDATE"),
                          QStringLiteral("sections"), QStringLiteral("'section ' || NEW.number")));
    auto writes = [&] {
        QStringList list;
        QSqlQuery w(db->connection());
        EXPECT_TRUE(w.exec(db->isPostgres()
                               ? QStringLiteral("SELECT what FROM writes ORDER BY n")
                               : QStringLiteral("SELECT what FROM writes ORDER BY rowid")));
        while (w.next())
            list << w.value(0).toString();
        EXPECT_TRUE(w.exec(QStringLiteral("DELETE FROM writes")));
        return list;
    };

    OBJ_ASSERT_OK(repo.save(plan)); // nothing changed
    EXPECT_EQ(writes(), QStringList());

    plan.sections[1].measures[0].owners.append(QStringLiteral("Петров А.А."));
    OBJ_ASSERT_OK(repo.save(plan));
    EXPECT_EQ(
        writes(),
        (QStringList{QStringLiteral("measure 2.1"), QStringLiteral("owner Н.С. Сазонова"),
                     QStringLiteral("owner Иванова М.П."), QStringLiteral("owner Петров А.А.")}));

    plan.sections[2].title = QStringLiteral("Анализ (изменён)");
    std::swap(plan.sections[0].measures[0], plan.sections[0].measures[1]);
    OBJ_ASSERT_OK(repo.save(plan));
    const QStringList w = writes();
    EXPECT_TRUE(w.contains(QStringLiteral("section 3."))) << w.join(u' ').toStdString();
    EXPECT_TRUE(w.contains(QStringLiteral("measure 1.1.")));
    EXPECT_TRUE(w.contains(QStringLiteral("measure 1.2.")));
    EXPECT_FALSE(w.contains(QStringLiteral("measure 2.1")));
    auto loaded = repo.load(plan.id);
    ASSERT_TRUE(loaded.ok());
    EXPECT_TRUE(*loaded == plan);
}
