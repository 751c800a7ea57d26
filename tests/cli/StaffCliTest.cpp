// `objectivity-cli staff ...` end to end: the directory links and renames owners of imported plans.
#include "CliTest.h"
#include "TestSupport.h"

#include <QJsonArray>

using objectivity::test::CliRun;
using StaffCli = objectivity::test::CliTest;

using objectivity::test::ownerCount;

TEST_F(StaffCli, AddListRenameRemove) {
    const QString seed = objectivity::test::seedPath(QStringLiteral("002"));
    OBJ_REQUIRE_SHARED(seed, "seed 002");
    // A draft: a rename does not reach the text of an approved plan (seed 002 names its order).
    const CliRun imported = run({QStringLiteral("plan"), QStringLiteral("import"), seed,
                                 QStringLiteral("--status"), QStringLiteral("draft")});
    ASSERT_EQ(imported.exitCode, 0) << imported.err.toStdString();
    const qint64 planId =
        imported.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts).last().toLongLong();
    ASSERT_GT(planId, 0);
    const QString deputy = QStringLiteral("Зам. директора");
    const int deputyRows = ownerCount(showJson(planId), deputy);
    ASSERT_GT(deputyRows, 3); // seed 002 names the deputy head in many measures

    const CliRun add =
        run({QStringLiteral("staff"), QStringLiteral("add"), deputy, QStringLiteral("--role")});
    ASSERT_EQ(add.exitCode, 0) << add.err.toStdString();
    const QString id = add.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts).last();
    ASSERT_GT(id.toLongLong(), 0);

    const CliRun list = run({QStringLiteral("staff"), QStringLiteral("list")});
    ASSERT_EQ(list.exitCode, 0);
    EXPECT_TRUE(list.out.contains(
        QRegularExpression(QStringLiteral("Зам\\. директора\\s+роль\\s+%1\\n").arg(deputyRows))))
        << list.out.toStdString();

    const CliRun dup = run({QStringLiteral("staff"), QStringLiteral("add"), deputy});
    EXPECT_EQ(dup.exitCode, 1);
    EXPECT_TRUE(dup.err.contains(QStringLiteral("уже есть «Зам. директора»")))
        << dup.err.toStdString();

    const QString newName = QStringLiteral("Заместитель директора по УВР");
    const CliRun rename = run({QStringLiteral("staff"), QStringLiteral("rename"), id, newName});
    ASSERT_EQ(rename.exitCode, 0) << rename.err.toStdString();
    const QJsonObject plan = showJson(planId);
    EXPECT_EQ(ownerCount(plan, newName), deputyRows);
    EXPECT_EQ(ownerCount(plan, deputy), 0);

    ASSERT_EQ(run({QStringLiteral("staff"), QStringLiteral("remove"), id}).exitCode, 0);
    EXPECT_EQ(ownerCount(showJson(planId), newName), deputyRows); // the plan keeps the text
    const CliRun empty = run({QStringLiteral("staff"), QStringLiteral("list")});
    EXPECT_TRUE(empty.out.contains(QStringLiteral("Справочник ответственных пуст")));
    EXPECT_EQ(run({QStringLiteral("staff"), QStringLiteral("rename"), id, QStringLiteral("Кто-то")})
                  .exitCode,
              1);
}
