// Two people, one plan: optimistic locking, on both backends. Two Database objects on one file
// (or one server database) stand for two programs; each loads the plan, and the one that saves
// second with the version it loaded is refused as a whole (ErrorCode::PlanChanged), gets the fresh
// plan, and the first one's data stays.
#include "SamplePlans.h"
#include "TestDatabase.h"
#include "TestSupport.h"
#include "objectivity/storage/Database.h"
#include "objectivity/storage/plan/PlanRepository.h"
#include "objectivity/storage/plan/StaffRepository.h"

#include <QSqlQuery>

using objectivity::core::ErrorCode;
using objectivity::core::Plan;
using objectivity::storage::Database;
using objectivity::storage::PlanRepository;

namespace {

class PlanVersionTest : public ::testing::Test {
protected:
    void SetUp() override {
        const QString path = testDb.create(dir, QStringLiteral("shared.sqlite"));
        if (path.isEmpty())
            GTEST_SKIP() << testDb.why().toStdString();
        auto a = Database::open(path);
        ASSERT_TRUE(a.ok()) << a.error().toString().toStdString();
        first = std::move(a.value());
        auto b = Database::open(path);
        ASSERT_TRUE(b.ok()) << b.error().toString().toStdString();
        second = std::move(b.value());
        Plan plan = objectivity::test::importedLikePlan();
        plan.status = objectivity::core::PlanStatus::Draft;
        OBJ_ASSERT_OK(PlanRepository(*first).save(plan));
        planId = plan.id;
    }
    Plan load(Database &db) {
        auto plan = PlanRepository(db).load(planId);
        EXPECT_TRUE(plan.ok()) << plan.error().toString().toStdString();
        return plan.ok() ? *plan : Plan();
    }
    int historyRows() {
        QSqlQuery q(first->connection());
        EXPECT_TRUE(q.exec(QStringLiteral("SELECT count(*) FROM plan_history")) && q.next());
        return q.value(0).toInt();
    }

    QTemporaryDir dir;
    objectivity::test::TestDatabase testDb; // SQLite file or a server database, per the run
    std::unique_ptr<Database> first;
    std::unique_ptr<Database> second;
    qint64 planId = 0;
};

} // namespace

TEST_F(PlanVersionTest, NewPlanStartsAtOneAndEverySaveRaisesIt) {
    Plan plan = load(*first);
    EXPECT_EQ(plan.version, 1);
    plan.sections[0].measures[0].text = QStringLiteral("Назначить ответственных");
    OBJ_ASSERT_OK(PlanRepository(*first).save(plan));
    EXPECT_EQ(plan.version, 2);
    EXPECT_EQ(load(*second).version, 2);
    plan.title = QStringLiteral("План ВПР");
    OBJ_ASSERT_OK(PlanRepository(*first).save(plan));
    EXPECT_EQ(plan.version, 3);
    EXPECT_EQ(load(*first), plan);
}

TEST_F(PlanVersionTest, SecondSaveWithAStaleVersionIsRefusedAndTheFirstStays) {
    Plan mine = load(*first);
    Plan theirs = load(*second);
    mine.sections[0].measures[0].text = QStringLiteral("Назначить двух ответственных");
    OBJ_ASSERT_OK(PlanRepository(*first).save(mine));
    const int rowsAfterFirst = historyRows();

    theirs.sections[1].measures[1].deadline.text = QStringLiteral("Ноябрь 2023");
    theirs.sections[0].measures[0].text = QStringLiteral("Назначить координатора");
    const Plan theirsBefore = theirs;
    Plan current;
    const auto refused = PlanRepository(*second).save(theirs, &current);
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.error().code, ErrorCode::PlanChanged);
    EXPECT_TRUE(refused.error().message.startsWith(QStringLiteral("План изменён другим "
                                                                  "пользователем")))
        << refused.error().message.toStdString();
    EXPECT_TRUE(refused.error().message.endsWith(
        QStringLiteral("Ваши изменения не сохранены; загружен текущий план.")));
    // When: the time of the first save, from the history.
    EXPECT_TRUE(refused.error().message.contains(
        QDateTime::currentDateTime().toString(QStringLiteral("dd.MM.yyyy"))))
        << refused.error().message.toStdString();
    // The caller's plan is as it was; `current` is the stored one, with the first save in it.
    EXPECT_EQ(theirs, theirsBefore);
    EXPECT_EQ(current.version, 2);
    EXPECT_EQ(current.sections[0].measures[0].text, QStringLiteral("Назначить двух ответственных"));

    const Plan stored = load(*first);
    EXPECT_EQ(stored, mine);
    EXPECT_EQ(stored.sections[1].measures[1].deadline.text, QStringLiteral("В течение года"));
    EXPECT_EQ(historyRows(), rowsAfterFirst);

    // Saved again on the fresh plan, the second one lands.
    current.sections[1].measures[1].deadline.text = QStringLiteral("Ноябрь 2023");
    OBJ_ASSERT_OK(PlanRepository(*second).save(current));
    EXPECT_EQ(current.version, 3);
    EXPECT_EQ(load(*first).sections[1].measures[1].deadline.text, QStringLiteral("Ноябрь 2023"));
}

TEST_F(PlanVersionTest, TheMessageNamesWhoChangedThePlan) {
    first->setActor(objectivity::core::Account{
        1, QStringLiteral("Петрова А.В."), objectivity::core::Role::Deputy, {}});
    Plan mine = load(*first);
    Plan theirs = load(*second);
    mine.title = QStringLiteral("План на 2023–2025 годы");
    OBJ_ASSERT_OK(PlanRepository(*first).save(mine));
    theirs.note = QStringLiteral("Примечание");
    const auto refused = PlanRepository(*second).save(theirs);
    ASSERT_FALSE(refused.ok());
    EXPECT_TRUE(refused.error().message.startsWith(
        QStringLiteral("План изменён другим пользователем (Петрова А.В., ")))
        << refused.error().message.toStdString();
}

TEST_F(PlanVersionTest, StaleExecutionMarkAndWorkflowStepAreRefused) {
    Plan mine = load(*first);
    Plan theirs = load(*second);
    mine.sections[2].measures[0].status = objectivity::core::MeasureStatus::Done;
    OBJ_ASSERT_OK(PlanRepository(*first).save(mine));

    objectivity::core::Measure mark = theirs.sections[0].measures[0];
    mark.status = objectivity::core::MeasureStatus::InProgress;
    int version = theirs.version;
    auto refused = PlanRepository(*second).updateMeasureExecution(mark, &version);
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.error().code, ErrorCode::PlanChanged);
    EXPECT_EQ(version, theirs.version);
    EXPECT_EQ(load(*first).sections[0].measures[0].status,
              objectivity::core::MeasureStatus::Planned);

    refused = PlanRepository(*second).submit(planId, theirs.version);
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.error().code, ErrorCode::PlanChanged);
    EXPECT_EQ(load(*first).status, objectivity::core::PlanStatus::Draft);

    // With the current version both go through, each raising it.
    version = mine.version;
    OBJ_ASSERT_OK(PlanRepository(*second).updateMeasureExecution(mark, &version));
    EXPECT_EQ(version, mine.version + 1);
    OBJ_ASSERT_OK(PlanRepository(*second).submit(planId, version));
    EXPECT_EQ(load(*first).version, version + 1);
}

TEST_F(PlanVersionTest, AStaffRenameReachingThePlanMakesAnOpenCopyStale) {
    Plan open = load(*second);
    objectivity::storage::Person person;
    person.name = QStringLiteral("Иванова М.П.");
    OBJ_ASSERT_OK(objectivity::storage::StaffRepository(*first).add(person));
    OBJ_ASSERT_OK(objectivity::storage::StaffRepository(*first).rename(
        person.id, QStringLiteral("Иванова Мария Петровна")));
    EXPECT_EQ(load(*first).version, open.version + 1);

    open.sections[0].measures[1].text = QStringLiteral("Педсовет");
    const auto refused = PlanRepository(*second).save(open);
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.error().code, ErrorCode::PlanChanged);
    EXPECT_TRUE(load(*first).sections[1].measures[0].owners.contains(
        QStringLiteral("Иванова Мария Петровна")));
}

TEST_F(PlanVersionTest, SavingAPlanRemovedElsewhereSaysSo) {
    Plan open = load(*second);
    OBJ_ASSERT_OK(PlanRepository(*first).remove(planId));
    open.title = QStringLiteral("Новое название");
    const auto refused = PlanRepository(*second).save(open);
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.error().code, ErrorCode::PlanChanged);
    EXPECT_TRUE(refused.error().message.startsWith(
        QStringLiteral("План №%1 удалён другим пользователем").arg(planId)))
        << refused.error().message.toStdString();
    QSqlQuery q(first->connection());
    ASSERT_TRUE(q.exec(QStringLiteral("SELECT count(*) FROM plans")) && q.next());
    EXPECT_EQ(q.value(0).toInt(), 0);
}
