#include "objectivity/storage/plan/StaffRepository.h"
#include "SamplePlans.h"
#include "TestDatabase.h"
#include "TestSupport.h"
#include "objectivity/storage/Database.h"
#include "objectivity/storage/plan/PlanRepository.h"

#include <QSqlQuery>

using objectivity::core::Plan;
using objectivity::storage::Database;
using objectivity::storage::Person;
using objectivity::storage::PlanRepository;
using objectivity::storage::StaffRepository;

namespace {

class StaffRepositoryTest : public ::testing::Test {
protected:
    void SetUp() override {
        const QString location = testDb.create(dir, QStringLiteral("staff.sqlite"));
        if (location.isEmpty())
            GTEST_SKIP() << testDb.why().toStdString();
        auto opened = Database::open(location);
        ASSERT_TRUE(opened.ok()) << opened.error().toString().toStdString();
        db = std::move(opened.value());
    }
    // name|person_id of every owner row, in plan order.
    QStringList ownerRows() {
        QStringList rows;
        QSqlQuery q(db->connection());
        EXPECT_TRUE(q.exec(QStringLiteral(
            "SELECT name, person_id FROM measure_owners ORDER BY measure_id, position")));
        while (q.next())
            rows << q.value(0).toString() + QLatin1Char('|') +
                        (q.value(1).isNull() ? QStringLiteral("-") : q.value(1).toString());
        return rows;
    }

    QTemporaryDir dir;
    objectivity::test::TestDatabase testDb; // before db: dropped after it is closed
    std::unique_ptr<Database> db;
};

} // namespace

TEST_F(StaffRepositoryTest, AddListUpdateRemove) {
    StaffRepository staff(*db);
    Person role{0, QStringLiteral("Заместитель директора по УВР"), QString(), true, 0};
    Person person{0, QStringLiteral("Н.С. Сазонова"), QStringLiteral("директор"), false, 0};
    OBJ_ASSERT_OK(staff.add(role));
    OBJ_ASSERT_OK(staff.add(person));
    EXPECT_GT(role.id, 0);
    EXPECT_GT(person.id, 0);

    auto list = staff.list();
    ASSERT_TRUE(list.ok());
    ASSERT_EQ(list->size(), 2);
    EXPECT_EQ(list->at(0), person); // people before roles
    EXPECT_EQ(list->at(1), role);

    Person duplicate{0, QStringLiteral("Н.С. Сазонова"), QString(), false, 0};
    auto s = staff.add(duplicate);
    ASSERT_FALSE(s.ok());
    EXPECT_TRUE(s.error().message.contains(QStringLiteral("уже есть «Н.С. Сазонова»")));
    Person empty{0, QStringLiteral("  "), QString(), false, 0};
    EXPECT_FALSE(staff.add(empty).ok());

    person.position = QStringLiteral("директор школы");
    person.isRole = false;
    OBJ_ASSERT_OK(staff.update(person));
    list = staff.list();
    ASSERT_TRUE(list.ok());
    EXPECT_EQ(list->at(0).position, QStringLiteral("директор школы"));

    OBJ_ASSERT_OK(staff.remove(role.id));
    EXPECT_FALSE(staff.remove(role.id).ok());
    list = staff.list();
    ASSERT_TRUE(list.ok());
    EXPECT_EQ(list->size(), 1);
}

TEST_F(StaffRepositoryTest, AddLinksOwnersWithTheSameName) {
    PlanRepository plans(*db);
    Plan plan = objectivity::test::importedLikePlan();
    OBJ_ASSERT_OK(plans.save(plan));
    EXPECT_FALSE(ownerRows().join(QLatin1Char(' ')).contains(QStringLiteral("Иванова М.П.|1")));

    StaffRepository staff(*db);
    Person ivanova{0, QStringLiteral("Иванова М.П."), QStringLiteral("учитель математики"), false,
                   0};
    OBJ_ASSERT_OK(staff.add(ivanova));
    const QString linked = QStringLiteral("Иванова М.П.|%1").arg(ivanova.id);
    EXPECT_EQ(ownerRows().count(linked), 2);
    auto list = staff.list();
    ASSERT_TRUE(list.ok());
    EXPECT_EQ(list->at(0).ownerCount, 2);
}

TEST_F(StaffRepositoryTest, RenameUpdatesEveryOwnerRowInOneStep) {
    StaffRepository staff(*db);
    Person sazonova{0, QStringLiteral("Н.С. Сазонова"), QString(), false, 0};
    OBJ_ASSERT_OK(staff.add(sazonova));
    PlanRepository plans(*db);
    Plan a = objectivity::test::importedLikePlan();
    a.status = objectivity::core::PlanStatus::Draft; // a rename reaches drafts only
    Plan b = objectivity::test::importedLikePlan(QStringLiteral("Другая школа"));
    b.status = objectivity::core::PlanStatus::Draft; // a rename reaches drafts only
    OBJ_ASSERT_OK(plans.save(a));
    OBJ_ASSERT_OK(plans.save(b));
    // A row with the old name that lost its link (e.g. written before the entry existed).
    QSqlQuery q(db->connection());
    ASSERT_TRUE(
        q.exec(QStringLiteral("UPDATE measure_owners SET person_id = NULL WHERE measure_id = %1")
                   .arg(b.sections[0].measures[0].id)));
    const QStringList before = ownerRows();
    EXPECT_EQ(before.count(QStringLiteral("Н.С. Сазонова|%1").arg(sazonova.id)), 3);
    EXPECT_EQ(before.count(QStringLiteral("Н.С. Сазонова|-")), 1);

    OBJ_ASSERT_OK(staff.rename(sazonova.id, QStringLiteral("Сазонова Наталья Сергеевна")));
    const QStringList after = ownerRows();
    EXPECT_EQ(after.count(QStringLiteral("Сазонова Наталья Сергеевна|%1").arg(sazonova.id)), 4);
    EXPECT_FALSE(after.join(QLatin1Char(' ')).contains(QStringLiteral("Н.С. Сазонова")));
    // Other owners untouched.
    EXPECT_EQ(after.size(), before.size());
    EXPECT_EQ(after.count(QStringLiteral("Иванова М.П.|-")), 4);

    auto loaded = plans.load(a.id);
    ASSERT_TRUE(loaded.ok());
    EXPECT_EQ(loaded->sections[0].measures[0].owners,
              QStringList{QStringLiteral("Сазонова Наталья Сергеевна")});
    EXPECT_EQ(loaded->approval.approverName,
              QStringLiteral("Н.С. Сазонова")); // the signed document stays

    auto list = staff.list();
    ASSERT_TRUE(list.ok());
    EXPECT_EQ(list->at(0).name, QStringLiteral("Сазонова Наталья Сергеевна"));
}

TEST_F(StaffRepositoryTest, RenameToAnExistingNameFailsAndChangesNothing) {
    StaffRepository staff(*db);
    Person a{0, QStringLiteral("Иванова М.П."), QString(), false, 0};
    Person b{0, QStringLiteral("Петрова А.А."), QString(), false, 0};
    OBJ_ASSERT_OK(staff.add(a));
    OBJ_ASSERT_OK(staff.add(b));
    PlanRepository plans(*db);
    Plan plan = objectivity::test::importedLikePlan();
    plan.status = objectivity::core::PlanStatus::Draft; // a rename reaches drafts only
    OBJ_ASSERT_OK(plans.save(plan));
    const QStringList before = ownerRows();
    auto s = staff.rename(a.id, QStringLiteral("Петрова А.А."));
    ASSERT_FALSE(s.ok());
    EXPECT_TRUE(s.error().message.contains(QStringLiteral("уже есть")));
    EXPECT_EQ(ownerRows(), before);
    EXPECT_FALSE(staff.rename(999, QStringLiteral("Кто-то")).ok());

    // update() with a new name is a rename too.
    a.name = QStringLiteral("Иванова Мария Петровна");
    OBJ_ASSERT_OK(staff.update(a));
    EXPECT_EQ(ownerRows().count(QStringLiteral("Иванова Мария Петровна|%1").arg(a.id)), 2);
}

TEST_F(StaffRepositoryTest, RemoveKeepsOwnerTextUnlinked) {
    StaffRepository staff(*db);
    Person a{0, QStringLiteral("Иванова М.П."), QString(), false, 0};
    OBJ_ASSERT_OK(staff.add(a));
    PlanRepository plans(*db);
    Plan plan = objectivity::test::importedLikePlan();
    OBJ_ASSERT_OK(plans.save(plan));
    EXPECT_EQ(ownerRows().count(QStringLiteral("Иванова М.П.|%1").arg(a.id)), 2);
    OBJ_ASSERT_OK(staff.remove(a.id));
    EXPECT_EQ(ownerRows().count(QStringLiteral("Иванова М.П.|-")), 2);
    auto loaded = plans.load(plan.id);
    ASSERT_TRUE(loaded.ok());
    EXPECT_TRUE(*loaded == plan);
}
