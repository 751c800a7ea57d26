// storage::DatabaseCopier on SQLite files: tables found in the schema and copied in foreign-key
// order with their ids, a cycle of references or a table one side lacks refused by name before
// anything is written, a target holding data refused naming what it holds.
#include "objectivity/storage/DatabaseCopier.h"
#include "objectivity/storage/Database.h"

#include <QSqlQuery>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace objectivity;
using namespace Qt::StringLiterals;
using storage::Database;
using storage::DatabaseCopier;

namespace {

class DatabaseCopierTest : public ::testing::Test {
protected:
    std::unique_ptr<Database> open(const QString &name) {
        auto db = Database::open(m_dir.filePath(name));
        EXPECT_TRUE(db.ok()) << db.error().toString().toStdString();
        return db.ok() ? std::move(db.value()) : nullptr;
    }
    static void exec(Database &db, const QString &sql) {
        QSqlQuery q(db.connection());
        ASSERT_TRUE(q.exec(sql)) << sql.toStdString();
    }
    QTemporaryDir m_dir;
};

TEST_F(DatabaseCopierTest, CopiesInForeignKeyOrderWithIds) {
    auto source = open(u"a.sqlite"_s);
    auto target = open(u"b.sqlite"_s);
    ASSERT_TRUE(source && target);
    // A plan whose parent comes later (ids 5 → 9) and a school with a participant.
    exec(*source, u"INSERT INTO organizations (id, name) VALUES (3, 'Школа')"_s);
    exec(*source, u"INSERT INTO plans (id, organization_id, title) VALUES (9, 3, 'Исходный')"_s);
    exec(*source, u"INSERT INTO plans (id, organization_id, title, parent_plan_id) "
                  "VALUES (5, 3, 'Пересмотр', 9)"_s);
    exec(*source, u"INSERT INTO meta (key, value) VALUES ('demo', '1'), ('x', 'y')"_s);
    auto report = DatabaseCopier::copy(*source, *target);
    ASSERT_TRUE(report.ok()) << report.error().toString().toStdString();
    EXPECT_TRUE(report->demoMarkLeftOut);
    QStringList order;
    for (const auto &t : report->tables) {
        order << t.table;
        EXPECT_EQ(t.source, t.target) << t.table.toStdString();
    }
    EXPECT_LT(order.indexOf(u"organizations"_s), order.indexOf(u"plans"_s));
    EXPECT_LT(order.indexOf(u"plans"_s), order.indexOf(u"sections"_s));
    EXPECT_LT(order.indexOf(u"sections"_s), order.indexOf(u"measures"_s));
    EXPECT_LT(order.indexOf(u"procedures"_s), order.indexOf(u"participants"_s));
    EXPECT_LT(order.indexOf(u"imports"_s), order.indexOf(u"participants"_s));
    QSqlQuery q(target->connection());
    ASSERT_TRUE(q.exec(u"SELECT id, parent_plan_id FROM plans ORDER BY id"_s));
    ASSERT_TRUE(q.next());
    EXPECT_EQ(q.value(0).toInt(), 5);
    EXPECT_EQ(q.value(1).toInt(), 9);
    ASSERT_TRUE(q.exec(u"SELECT group_concat(key) FROM meta"_s));
    ASSERT_TRUE(q.next());
    EXPECT_EQ(q.value(0).toString(), u"x"_s); // no demo mark in the copy

    // A second copy into the same target is refused, naming what it holds.
    auto again = DatabaseCopier::copy(*source, *target);
    ASSERT_FALSE(again.ok());
    EXPECT_TRUE(again.error().message.contains(u"не пуста ("_s) &&
                again.error().message.contains(u"организаций: 1, планов: 2"_s))
        << again.error().message.toStdString();
}

TEST_F(DatabaseCopierTest, ACycleOrAMissingTableIsRefusedByName) {
    auto source = open(u"a.sqlite"_s);
    auto target = open(u"b.sqlite"_s);
    ASSERT_TRUE(source && target);
    exec(*source, u"CREATE TABLE extra (id INTEGER PRIMARY KEY)"_s);
    auto missing = DatabaseCopier::copy(*source, *target);
    ASSERT_FALSE(missing.ok());
    EXPECT_TRUE(missing.error().message.contains(u"только в «"_s) &&
                missing.error().message.contains(u"extra"_s))
        << missing.error().message.toStdString();

    for (Database *db : {source.get(), target.get()}) {
        exec(*db,
             u"CREATE TABLE ring_a (id INTEGER PRIMARY KEY, b_id INTEGER REFERENCES ring_b(id))"_s);
        exec(*db,
             u"CREATE TABLE ring_b (id INTEGER PRIMARY KEY, a_id INTEGER REFERENCES ring_a(id))"_s);
    }
    exec(*target, u"CREATE TABLE extra (id INTEGER PRIMARY KEY)"_s);
    auto cycle = DatabaseCopier::copy(*source, *target);
    ASSERT_FALSE(cycle.ok());
    EXPECT_TRUE(cycle.error().message.contains(u"по кругу (ring_a, ring_b)"_s))
        << cycle.error().message.toStdString();
    QSqlQuery q(target->connection());
    ASSERT_TRUE(q.exec(u"SELECT count(*) FROM mark_scales"_s));
    ASSERT_TRUE(q.next());
    EXPECT_GT(q.value(0).toInt(), 0); // nothing was touched
}

} // namespace
