// Owners against the staff directory: new owners of an imported plan, near duplicates, and the
// merge that rewrites drafts only.
#include "objectivity/storage/plan/StaffOwners.h"
#include "SamplePlans.h"
#include "TestDatabase.h"
#include "TestSupport.h"
#include "objectivity/storage/Database.h"
#include "objectivity/storage/plan/PlanRepository.h"
#include "objectivity/storage/plan/StaffRepository.h"

#include <QSqlQuery>

using namespace objectivity;
using objectivity::storage::Database;
using objectivity::storage::PlanRepository;
using objectivity::storage::StaffOwners;
using objectivity::test::makeMeasure;

namespace {

core::Plan plan(core::PlanStatus status, const QString &org) {
    core::Plan p;
    p.title = QStringLiteral("План");
    p.organization.name = org;
    p.period = {2023, 2024};
    p.status = status;
    core::Section s{0, QStringLiteral("1."), QStringLiteral("Раздел"), {}};
    s.measures << makeMeasure(QStringLiteral("1.1."), QStringLiteral("Анализ"),
                              {QStringLiteral("Шашок А.В."), QStringLiteral("Михайлок Е.И.")});
    s.measures << makeMeasure(QStringLiteral("1.2."), QStringLiteral("Совещание"),
                              {QStringLiteral("Михайлок Е.И."), QStringLiteral("Михайлюк Е.И."),
                               QStringLiteral("заместитель директора по УВР Вафина И.А."),
                               QStringLiteral("Классные руководители")});
    p.sections << s;
    return p;
}

class StaffOwnersTest : public ::testing::Test {
protected:
    void SetUp() override {
        const QString location = testDb.create(dir, QStringLiteral("staff.sqlite"));
        if (location.isEmpty())
            GTEST_SKIP() << testDb.why().toStdString();
        auto opened = Database::open(location);
        ASSERT_TRUE(opened.ok());
        db = std::move(opened.value());
    }
    QStringList owners(qint64 planId) {
        auto p = PlanRepository(*db).load(planId);
        EXPECT_TRUE(p.ok());
        QStringList out;
        for (const auto &m : p->sections[0].measures)
            out << m.owners.join(QStringLiteral(", "));
        return out;
    }
    QTemporaryDir dir;
    objectivity::test::TestDatabase testDb; // before db: dropped after it is closed
    std::unique_ptr<Database> db;
};

} // namespace

TEST_F(StaffOwnersTest, NewOwnersWithTheirPositions) {
    core::Plan p = plan(core::PlanStatus::Draft, QStringLiteral("МБОУ СОШ № 1"));
    OBJ_ASSERT_OK(PlanRepository(*db).save(p));
    storage::Person known{0, QStringLiteral("Шашок А.В."), QString(), false, 0};
    OBJ_ASSERT_OK(storage::StaffRepository(*db).add(known));
    auto found = StaffOwners(*db).newOwners(p.id);
    ASSERT_TRUE(found.ok());
    QStringList names;
    for (const auto &person : *found)
        names << person.name + u'|' + person.position + u'|' + QString::number(person.isRole);
    EXPECT_EQ(names,
              (QStringList{QStringLiteral("Михайлок Е.И.||0"), QStringLiteral("Михайлюк Е.И.||0"),
                           QStringLiteral("Вафина И.А.|заместитель директора по УВР|0"),
                           QStringLiteral("Классные руководители||1")}));
    auto added = StaffOwners(*db).add(*found);
    ASSERT_TRUE(added.ok());
    EXPECT_EQ(*added, 4);
    EXPECT_TRUE(StaffOwners(*db).newOwners(p.id)->isEmpty());
    // the owners carrying exactly the added names are linked
    auto list = storage::StaffRepository(*db).list();
    ASSERT_TRUE(list.ok());
    for (const auto &person : *list) {
        if (person.name == QStringLiteral("Михайлок Е.И.")) {
            EXPECT_EQ(person.ownerCount, 2);
        }
    }
}

TEST_F(StaffOwnersTest, NearDuplicatesAcrossPlansAndDirectory) {
    core::Plan p = plan(core::PlanStatus::Draft, QStringLiteral("МБОУ СОШ № 1"));
    OBJ_ASSERT_OK(PlanRepository(*db).save(p));
    auto dups = StaffOwners(*db).nearDuplicates();
    ASSERT_TRUE(dups.ok());
    ASSERT_EQ(dups->size(), 1);
    EXPECT_EQ(dups->first().first, QStringLiteral("Михайлок Е.И."));
    EXPECT_EQ(dups->first().second, QStringLiteral("Михайлюк Е.И."));
}

TEST_F(StaffOwnersTest, MergeRewritesDraftsOnly) {
    core::Plan draft = plan(core::PlanStatus::Draft, QStringLiteral("МБОУ СОШ № 1"));
    core::Plan approved = plan(core::PlanStatus::Approved, QStringLiteral("МБОУ СОШ № 2"));
    OBJ_ASSERT_OK(PlanRepository(*db).save(draft));
    OBJ_ASSERT_OK(PlanRepository(*db).save(approved));
    storage::Person wrong{0, QStringLiteral("Михайлок Е.И."), QStringLiteral("учитель"), false, 0};
    OBJ_ASSERT_OK(storage::StaffRepository(*db).add(wrong));

    auto merged =
        StaffOwners(*db).merge(QStringLiteral("Михайлок Е.И."), QStringLiteral("Михайлюк Е.И."));
    ASSERT_TRUE(merged.ok()) << merged.error().toString().toStdString();
    EXPECT_EQ(merged->ownerRows, 2); // 1.1 rewritten, 1.2 had both: one removed
    EXPECT_EQ(merged->draftPlans, 1);
    EXPECT_EQ(merged->keptInPlans, 1);
    EXPECT_TRUE(merged->intoAdded);
    EXPECT_TRUE(merged->fromRemoved);
    EXPECT_EQ(owners(draft.id),
              (QStringList{QStringLiteral("Шашок А.В., Михайлюк Е.И."),
                           QStringLiteral("Михайлюк Е.И., заместитель директора по УВР Вафина "
                                          "И.А., Классные руководители")}));
    // the approved plan is read-only: its text stays
    EXPECT_TRUE(owners(approved.id)[0].contains(QStringLiteral("Михайлок Е.И.")));
    // the position of the removed entry passed to the kept one
    auto list = storage::StaffRepository(*db).list();
    ASSERT_TRUE(list.ok());
    ASSERT_EQ(list->size(), 1);
    EXPECT_EQ(list->first().name, QStringLiteral("Михайлюк Е.И."));
    EXPECT_EQ(list->first().position, QStringLiteral("учитель"));
}

TEST_F(StaffOwnersTest, MergeOfAnUnknownNameChangesNothing) {
    core::Plan draft = plan(core::PlanStatus::Draft, QStringLiteral("МБОУ СОШ № 1"));
    OBJ_ASSERT_OK(PlanRepository(*db).save(draft));
    const QStringList before = owners(draft.id);
    auto merged =
        StaffOwners(*db).merge(QStringLiteral("Петров П.П."), QStringLiteral("Михайлюк Е.И."));
    ASSERT_FALSE(merged.ok());
    EXPECT_TRUE(merged.error().message.contains(QStringLiteral("«Петров П.П.» нет")))
        << merged.error().message.toStdString();
    EXPECT_FALSE(StaffOwners(*db)
                     .merge(QStringLiteral("Михайлюк Е.И."), QStringLiteral("Михайлюк Е.И."))
                     .ok());
    EXPECT_EQ(owners(draft.id), before);
    EXPECT_TRUE(storage::StaffRepository(*db).list()->isEmpty());
}
