// `staff import-owners`, `staff duplicates`, `staff merge` on a real seed: seed 001 names «Михайлок
// Е.И.» and «Михайлюк Е.И.», «Запругаев Р.А.» and «Запригаев Р.А.».
#include "CliTest.h"
#include "TestSupport.h"

#include <QJsonArray>

using objectivity::test::CliRun;
using StaffOwnersCli = objectivity::test::CliTest;

using objectivity::test::ownerCount;

TEST_F(StaffOwnersCli, ImportOwnersDuplicatesMerge) {
    const QString seed = objectivity::test::seedPath(QStringLiteral("001"));
    OBJ_REQUIRE_SHARED(seed, "seed 001");
    const qint64 planId = import(seed, {QStringLiteral("--status"), QStringLiteral("draft")});
    ASSERT_GT(planId, 0);
    const QString id = QString::number(planId);

    const CliRun dry = run({QStringLiteral("staff"), QStringLiteral("import-owners"), id,
                            QStringLiteral("--dry-run")});
    ASSERT_EQ(dry.exitCode, 0) << dry.err.toStdString();
    EXPECT_TRUE(dry.out.contains(QStringLiteral("Михайлок Е.И.\n"))) << dry.out.toStdString();
    EXPECT_TRUE(dry.out.contains(QStringLiteral("(не добавлены: --dry-run)")));
    EXPECT_TRUE(run({QStringLiteral("staff"), QStringLiteral("list")})
                    .out.contains(QStringLiteral("Справочник ответственных пуст")));

    const CliRun added = run({QStringLiteral("staff"), QStringLiteral("import-owners"), id});
    ASSERT_EQ(added.exitCode, 0) << added.err.toStdString();
    EXPECT_TRUE(added.out.contains(QStringLiteral("Добавлено в справочник:")));
    const CliRun again = run({QStringLiteral("staff"), QStringLiteral("import-owners"), id});
    EXPECT_TRUE(again.out.contains(QStringLiteral("Все ответственные плана уже есть")));

    const CliRun dups = run({QStringLiteral("staff"), QStringLiteral("duplicates")});
    ASSERT_EQ(dups.exitCode, 0) << dups.err.toStdString();
    EXPECT_TRUE(dups.out.contains(
        QStringLiteral("«Михайлок Е.И.» и «Михайлюк Е.И.»: фамилии отличаются одной буквой")))
        << dups.out.toStdString();
    EXPECT_TRUE(dups.out.contains(QStringLiteral("Запригаев Р.А.")));

    const int wrong = ownerCount(showJson(planId), QStringLiteral("Михайлок Е.И."));
    const int right = ownerCount(showJson(planId), QStringLiteral("Михайлюк Е.И."));
    ASSERT_GT(wrong, 0);
    const CliRun merge = run({QStringLiteral("staff"), QStringLiteral("merge"),
                              QStringLiteral("Михайлок Е.И."), QStringLiteral("Михайлюк Е.И.")});
    ASSERT_EQ(merge.exitCode, 0) << merge.err.toStdString();
    EXPECT_TRUE(merge.out.contains(QStringLiteral("в черновиках — 1")));
    const QJsonObject after = showJson(planId);
    EXPECT_EQ(ownerCount(after, QStringLiteral("Михайлок Е.И.")), 0);
    EXPECT_EQ(ownerCount(after, QStringLiteral("Михайлюк Е.И.")), wrong + right);
    // every measure it rewrote has its history row, like any edit of a draft
    const QString history =
        run({QStringLiteral("plan"), QStringLiteral("history"), QString::number(planId)}).out;
    EXPECT_EQ(history.count(QStringLiteral("объединение похожих имён")), wrong)
        << history.toStdString();
    EXPECT_FALSE(run({QStringLiteral("staff"), QStringLiteral("duplicates")})
                     .out.contains(QStringLiteral("Михайлок")));

    // a name nobody carries: exit 1, a Russian reason, nothing changed
    const CliRun unknown = run({QStringLiteral("staff"), QStringLiteral("merge"),
                                QStringLiteral("Петров П.П."), QStringLiteral("Михайлюк Е.И.")});
    EXPECT_EQ(unknown.exitCode, 1);
    EXPECT_TRUE(unknown.err.contains(QStringLiteral("«Петров П.П.» нет")))
        << unknown.err.toStdString();
    EXPECT_EQ(
        run({QStringLiteral("staff"), QStringLiteral("merge"), QStringLiteral("один")}).exitCode,
        2);
}
