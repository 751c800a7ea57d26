// Change notifications on SQLite: the notifier polls PRAGMA data_version of its own connection,
// which moves only when another connection commits, and then reports the plans whose version
// moved. Its own connection's saves move nothing.
#include "objectivity/storage/ChangeNotifier.h"
#include "OpenDatabase.h"
#include "SamplePlans.h"
#include "TestSupport.h"
#include "objectivity/storage/Database.h"
#include "objectivity/storage/plan/PlanRepository.h"

#include <QSignalSpy>

using objectivity::core::Plan;
using objectivity::storage::ChangeNotifier;
using objectivity::storage::Database;
using objectivity::storage::PlanRepository;

TEST(ChangeNotifier, ReportsPlansChangedByAnotherConnectionOnly) {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("shared.sqlite"));
    auto gui = objectivity::test::openDatabase(path);
    auto other = objectivity::test::openDatabase(path);
    ASSERT_TRUE(gui && other);
    Plan a = objectivity::test::draftPlan(QStringLiteral("Школа 1"));
    Plan b = objectivity::test::draftPlan(QStringLiteral("Школа 2"));
    OBJ_ASSERT_OK(PlanRepository(*gui).save(a));
    OBJ_ASSERT_OK(PlanRepository(*gui).save(b));

    ChangeNotifier notifier(*gui);
    EXPECT_FALSE(notifier.isPushed());
    EXPECT_EQ(notifier.pollIntervalMs(), 1500);
    QSignalSpy spy(&notifier, &ChangeNotifier::planChanged);

    // Nothing happened: nothing reported.
    notifier.checkNow();
    EXPECT_EQ(spy.count(), 0);

    // A save on the notifier's own connection does not move data_version.
    a.title = QStringLiteral("Своё изменение");
    OBJ_ASSERT_OK(PlanRepository(*gui).save(a));
    notifier.checkNow();
    EXPECT_EQ(spy.count(), 0);

    // Another connection changes plan b: reported once, with b's id (a's own save comes along
    // with it: its version moved since the last look, the listener compares versions).
    Plan theirs = *PlanRepository(*other).load(b.id);
    theirs.sections[0].measures[0].text = QStringLiteral("Изменено в другом окне");
    OBJ_ASSERT_OK(PlanRepository(*other).save(theirs));
    notifier.checkNow();
    QList<qint64> ids;
    for (const auto &args : spy)
        ids << args.at(0).toLongLong();
    EXPECT_TRUE(ids.contains(b.id));
    spy.clear();
    notifier.checkNow();
    EXPECT_EQ(spy.count(), 0);

    // A removal elsewhere is reported too; the timer does it by itself.
    OBJ_ASSERT_OK(PlanRepository(*other).remove(b.id));
    notifier.setPollIntervalMs(20);
    ASSERT_TRUE(spy.wait(2000));
    EXPECT_EQ(spy.count(), 1);
    EXPECT_EQ(spy.at(0).at(0).toLongLong(), b.id);
}
