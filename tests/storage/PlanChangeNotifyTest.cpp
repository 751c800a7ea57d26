// A plan changed on one connection is learnt of by a ChangeNotifier on another connection to the
// same database, on both backends: PostgreSQL pushes it (LISTEN on the NOTIFY of the plans
// trigger), SQLite is polled. The notifier's own connection's saves are not reported.
#include "OpenDatabase.h"
#include "SamplePlans.h"
#include "TestDatabase.h"
#include "TestSupport.h"
#include "objectivity/storage/ChangeNotifier.h"
#include "objectivity/storage/Database.h"
#include "objectivity/storage/plan/PlanRepository.h"

#include <QSignalSpy>
#include <QTemporaryDir>

using objectivity::core::Plan;
using objectivity::storage::ChangeNotifier;
using objectivity::storage::Database;
using objectivity::storage::PlanRepository;
using objectivity::test::TestDatabase;

namespace {

QList<qint64> ids(const QSignalSpy &spy) {
    QList<qint64> out;
    for (const auto &args : spy)
        out << args.at(0).toLongLong();
    return out;
}

// Waits until `id` is among the reported plans (a few seconds at most).
bool waitFor(QSignalSpy &spy, qint64 id) {
    for (int i = 0; i < 50 && !ids(spy).contains(id); ++i)
        spy.wait(100);
    return ids(spy).contains(id);
}

} // namespace

TEST(PlanChangeNotify, AnotherConnectionsChangeArrivesWithinSeconds) {
    QTemporaryDir dir;
    OBJ_TEST_DATABASE(testDb, location, dir, QStringLiteral("shared.sqlite"));
    auto mine = objectivity::test::openDatabase(location);
    auto theirs = objectivity::test::openDatabase(location);
    ASSERT_TRUE(mine && theirs);
    Plan a = objectivity::test::draftPlan(QStringLiteral("Школа 1"));
    OBJ_ASSERT_OK(PlanRepository(*mine).save(a));

    ChangeNotifier notifier(*mine);
    EXPECT_EQ(notifier.isPushed(), TestDatabase::postgres());
    if (!notifier.isPushed())
        notifier.setPollIntervalMs(100);
    QSignalSpy spy(&notifier, &ChangeNotifier::planChanged);

    // A change on the other connection: the plan's id arrives.
    Plan changed = *PlanRepository(*theirs).load(a.id);
    changed.title = QStringLiteral("Изменено другим пользователем");
    OBJ_ASSERT_OK(PlanRepository(*theirs).save(changed));
    ASSERT_TRUE(waitFor(spy, a.id)) << "no notification within 5 s";
    EXPECT_EQ(ids(spy), QList<qint64>{a.id});

    // The notifier's own connection: its saves are not «elsewhere».
    spy.clear();
    Plan own = *PlanRepository(*mine).load(a.id);
    own.title = QStringLiteral("Своё изменение");
    OBJ_ASSERT_OK(PlanRepository(*mine).save(own));
    spy.wait(1000);
    EXPECT_TRUE(spy.isEmpty()) << spy.count();

    // A plan made and one removed elsewhere are reported too.
    Plan b = objectivity::test::draftPlan(QStringLiteral("Школа 2"));
    OBJ_ASSERT_OK(PlanRepository(*theirs).save(b));
    ASSERT_TRUE(waitFor(spy, b.id));
    spy.clear();
    OBJ_ASSERT_OK(PlanRepository(*theirs).remove(a.id));
    ASSERT_TRUE(waitFor(spy, a.id));
    // the notifier's connection still works after the notifications
    EXPECT_FALSE(PlanRepository(*mine).load(a.id).ok());
    EXPECT_EQ(PlanRepository(*mine).load(b.id)->title, b.title);
}
