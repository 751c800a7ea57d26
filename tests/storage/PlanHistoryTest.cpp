// Every change of a plan writes its history rows in the same transaction; the signed-in account's
// role is checked by the repository itself; accounts keep Argon2id hashes.
#include "SamplePlans.h"
#include "TestDatabase.h"
#include "TestSupport.h"
#include "objectivity/storage/AccountRepository.h"
#include "objectivity/storage/Database.h"
#include "objectivity/storage/plan/PlanRepository.h"
#include "objectivity/storage/plan/StaffRepository.h"

#include <QSqlQuery>

using namespace objectivity;
using namespace Qt::StringLiterals;

namespace {

class PlanHistoryTest : public ::testing::Test {
protected:
    void SetUp() override {
        const QString location = testDb.create(dir, u"plans.sqlite"_s);
        if (location.isEmpty())
            GTEST_SKIP() << testDb.why().toStdString();
        auto opened = storage::Database::open(location);
        ASSERT_TRUE(opened.ok()) << opened.error().toString().toStdString();
        db = std::move(opened.value());
    }
    core::Plan draft() {
        core::Plan plan = test::importedLikePlan();
        plan.status = core::PlanStatus::Draft;
        EXPECT_TRUE(storage::PlanRepository(*db).save(plan));
        return plan;
    }
    QStringList history(qint64 planId) {
        auto rows = storage::PlanRepository(*db).history(planId);
        EXPECT_TRUE(rows);
        QStringList out;
        for (const auto &c : *rows)
            out << c.action + u':' + c.field;
        return out;
    }
    int rows(const QString &sql) {
        QSqlQuery q(db->connection());
        EXPECT_TRUE(q.exec(sql) && q.next());
        return q.value(0).toInt();
    }
    core::Account signIn(const QString &name, core::Role role) {
        core::Account a;
        a.name = name;
        a.role = role;
        const auto previous = db->actor();
        db->setActor(std::nullopt);
        storage::AccountRepository accounts(*db);
        if (auto admin = accounts.hasAdministrator(); admin && *admin) {
            core::Account root;
            root.name = u"root"_s;
            root.role = core::Role::Admin;
            db->setActor(root);
        }
        EXPECT_TRUE(accounts.add(a, u"пароль"_s));
        auto signedIn = accounts.authenticate(name, u"пароль"_s);
        EXPECT_TRUE(signedIn);
        db->setActor(signedIn.value());
        return signedIn.value();
    }

    QTemporaryDir dir;
    objectivity::test::TestDatabase testDb; // before db: dropped after it is closed
    std::unique_ptr<storage::Database> db;
};

} // namespace

TEST_F(PlanHistoryTest, EachKindOfEditIsLoggedFieldByField) {
    storage::PlanRepository repo(*db);
    core::Plan plan = draft();
    EXPECT_EQ(history(plan.id), QStringList{u"import:plan_status"_s});

    core::Measure &m = plan.sections[0].measures[0];
    m.text += u" (уточнено)"_s;
    m.deadline.text = u"Октябрь 2024 г."_s;
    m.owners = {u"Петров П.П."_s};
    m.expectedResult = u"Приказ"_s;
    plan.sections[1].title = u"Работа с кадрами"_s;
    plan.sections[2].measures.removeLast();
    plan.sections[2].measures.append(test::makeMeasure(u"3.9."_s, u"Новое"_s, {}));
    ASSERT_TRUE(repo.save(plan));
    EXPECT_EQ(
        history(plan.id),
        (QStringList{u"import:plan_status"_s, u"edit:text"_s, u"edit:deadline"_s, u"edit:owners"_s,
                     u"edit:expected_result"_s, u"edit:title"_s, u"add:text"_s, u"remove:text"_s}));
    auto rowsOf = repo.history(plan.id);
    EXPECT_EQ(rowsOf->at(2).newValue, u"Октябрь 2024 г."_s);
    EXPECT_EQ(rowsOf->at(3).newValue, u"Петров П.П."_s);

    core::Measure done = plan.sections[0].measures[1];
    done.status = done.status == core::MeasureStatus::Done ? core::MeasureStatus::InProgress
                                                           : core::MeasureStatus::Done;
    done.completionDate = QDate(2024, 9, 2);
    ASSERT_TRUE(repo.updateMeasureExecution(done));
    EXPECT_EQ(history(plan.id).mid(8),
              (QStringList{u"execution:status"_s, u"execution:completion_date"_s}));
}

TEST_F(PlanHistoryTest, WorkflowStepsAreLoggedAndApprovedTextIsClosed) {
    storage::PlanRepository repo(*db);
    core::Plan plan = draft();
    ASSERT_TRUE(repo.submit(plan.id));
    auto pending = repo.load(plan.id);
    pending->sections[0].title = u"Иначе"_s;
    core::Plan edited = *pending;
    const core::Status refused = repo.save(edited);
    ASSERT_FALSE(refused);
    EXPECT_TRUE(refused.error().message.contains(u"план на утверждении"_s));
    ASSERT_TRUE(repo.returnToDraft(plan.id, u"сроки"_s));
    EXPECT_EQ(*repo.lastReturnComment(plan.id), u"сроки"_s);
    ASSERT_TRUE(repo.submit(plan.id));
    core::Approval order;
    order.orderNumber = u"5"_s;
    order.orderDate = QDate(2024, 9, 1);
    ASSERT_TRUE(repo.approve(plan.id, order));

    // Text closed, marks open (and logged) on the approved plan.
    core::Plan approved = *repo.load(plan.id);
    core::Plan text = approved;
    text.sections[0].measures[0].text = u"Другое"_s;
    EXPECT_FALSE(repo.save(text));
    core::Plan status = approved;
    status.status = core::PlanStatus::Draft;
    EXPECT_FALSE(repo.save(status)); // no status change outside the workflow
    core::Plan marked = approved;
    marked.sections[0].measures[0].status = core::MeasureStatus::InProgress;
    ASSERT_TRUE(repo.save(marked));
    EXPECT_EQ(history(plan.id), (QStringList{u"import:plan_status"_s, u"submit:plan_status"_s,
                                             u"return:plan_status"_s, u"submit:plan_status"_s,
                                             u"approve:plan_status"_s, u"execution:status"_s}));

    // Removal without force refused; with force allowed (no accounts); the history stays.
    EXPECT_FALSE(repo.remove(plan.id));
    ASSERT_TRUE(repo.remove(plan.id, true));
    EXPECT_EQ(history(plan.id).last(), u"delete:"_s);
}

TEST_F(PlanHistoryTest, RepositoryChecksTheSignedInRole) {
    core::Plan plan = draft();
    signIn(u"Админ"_s, core::Role::Admin);
    const core::Account deputy = signIn(u"Иванова"_s, core::Role::Deputy);
    storage::PlanRepository repo(*db);
    ASSERT_TRUE(repo.submit(plan.id));
    core::Approval order;
    order.orderNumber = u"5"_s;
    order.orderDate = QDate(2024, 9, 1);
    const int before = rows(u"SELECT count(*) FROM plan_history"_s);
    EXPECT_FALSE(repo.approve(plan.id, order));
    EXPECT_EQ(rows(u"SELECT count(*) FROM plan_history"_s), before); // nothing written
    signIn(u"Сазонова"_s, core::Role::Director);
    ASSERT_TRUE(repo.approve(plan.id, order));
    EXPECT_EQ(repo.history(plan.id)->last().user, u"Сазонова"_s);
    EXPECT_EQ(repo.history(plan.id)->at(1).user, deputy.name);

    // Accounts exist and nobody signed in: refused.
    db->setActor(std::nullopt);
    core::Plan another = test::importedLikePlan(u"Другая школа"_s);
    const core::Status anonymous = repo.save(another);
    ASSERT_FALSE(anonymous);
    EXPECT_TRUE(anonymous.error().message.contains(u"войдите под своей учётной записью"_s));
}

TEST_F(PlanHistoryTest, PasswordsAreArgon2idHashes) {
    signIn(u"Админ"_s, core::Role::Admin);
    QSqlQuery q(db->connection());
    ASSERT_TRUE(q.exec(u"SELECT password_hash FROM accounts"_s) && q.next());
    EXPECT_TRUE(q.value(0).toString().startsWith(u"$argon2id$"_s))
        << q.value(0).toString().toStdString();
    storage::AccountRepository accounts(*db);
    EXPECT_FALSE(accounts.authenticate(u"Админ"_s, u"Пароль"_s));
    EXPECT_TRUE(accounts.authenticate(u"админ"_s, u"пароль"_s)); // names ignore case
}

TEST_F(PlanHistoryTest, StaffRenameLeavesApprovedPlansAlone) {
    storage::PlanRepository repo(*db);
    core::Plan approved = test::importedLikePlan();
    ASSERT_TRUE(repo.save(approved));
    core::Plan drafted = draft();
    const QString owner = approved.sections[0].measures[0].owners.first();
    storage::Person person{0, owner, {}, false, 0};
    storage::StaffRepository staff(*db);
    ASSERT_TRUE(staff.add(person));
    ASSERT_TRUE(staff.rename(person.id, u"Новое Имя"_s));
    EXPECT_EQ(repo.load(approved.id)->sections[0].measures[0].owners.first(), owner);
    EXPECT_EQ(repo.load(drafted.id)->sections[0].measures[0].owners.first(), u"Новое Имя"_s);
    EXPECT_TRUE(history(drafted.id).contains(u"edit:owners"_s));
    EXPECT_EQ(history(approved.id), QStringList{u"import:plan_status"_s});
}
