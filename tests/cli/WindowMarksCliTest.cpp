// What the command line shows of deadlines on a real seed: the import warning of a deadline
// before the approval, the statuses per window in `plan show`, and the execution report.
#include "CliTest.h"
#include "TestSupport.h"

#include "objectivity/storage/Database.h"

#include <QSqlDatabase>
#include <QSqlQuery>

using objectivity::test::CliRun;
using WindowMarksCli = objectivity::test::CliTest;

TEST_F(WindowMarksCli, ImportWarnsShowListsWindows) {
    const QString seed = objectivity::test::seedPath(QStringLiteral("000"));
    OBJ_REQUIRE_SHARED(seed, "seed 000");
    const CliRun imported = run({QStringLiteral("plan"), QStringLiteral("import"), seed});
    ASSERT_EQ(imported.exitCode, 0) << imported.err.toStdString();
    EXPECT_TRUE(imported.out.contains(
        QStringLiteral("Мероприятие 3.5., срок «август 2021»: август 2021 — раньше даты "
                       "утверждения плана (01.07.2022)")))
        << imported.out.toStdString();
    const QString id = imported.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts).last();

    // a mark for November 2022 of measure 1.4 («Август, ноябрь»), as the GUI writes it
    {
        auto db = objectivity::storage::Database::open(dbPath());
        ASSERT_TRUE(db.ok()) << db.error().toString().toStdString();
        QSqlQuery q((*db)->connection());
        ASSERT_TRUE(q.exec(QStringLiteral(
            "INSERT INTO measure_window_marks (measure_id, window_from, window_to, status, "
            "completion_date) SELECT id, '2022-11-01', '2022-11-30', 'done', '2022-11-25' FROM "
            "measures WHERE number = '1.4.'")));
        ASSERT_EQ(q.numRowsAffected(), 1);
    }
    const CliRun show = run({QStringLiteral("plan"), QStringLiteral("show"), id});
    ASSERT_EQ(show.exitCode, 0) << show.err.toStdString();
    EXPECT_TRUE(show.out.contains(
        QStringLiteral("По срокам: ноябрь 2022 — выполнено; август 2023 — запланировано; ноябрь "
                       "2023 — запланировано; август 2024 — запланировано")))
        << show.out.toStdString();
}
