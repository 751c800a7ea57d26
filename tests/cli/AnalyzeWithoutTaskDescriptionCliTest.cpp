// Results imported without the description of the work (no tasks.csv): the tasks are stored with
// neither maxima nor levels. `analyze` takes the maxima from the data and the hard tasks from the
// region's solve rates, so the score criteria run as they do with the description.
#include "CliTest.h"

#include <QDir>

using objectivity::test::CliRun;
using objectivity::test::CliTest;
using objectivity::test::criterionOf;

TEST_F(CliTest, ResultsWithoutTheTaskDescriptionAreAnalysedWithMaximaAndLevelsFromTheData) {
    const QString out = dir.filePath(QStringLiteral("region"));
    const CliRun g =
        run({QStringLiteral("generate"), QStringLiteral("--out"), out, QStringLiteral("--seed"),
             QStringLiteral("7"), QStringLiteral("--schools"), QStringLiteral("12"),
             QStringLiteral("--municipalities"), QStringLiteral("2"), QStringLiteral("--years"),
             QStringLiteral("2025")},
            false);
    ASSERT_EQ(g.exitCode, 0) << g.err.toStdString();
    ASSERT_TRUE(QFile::remove(QDir(out).filePath(QStringLiteral("tasks.csv"))));
    const CliRun i = run({QStringLiteral("results"), QStringLiteral("import"),
                          QDir(out).filePath(QStringLiteral("flat.csv")),
                          QStringLiteral("--layout"), QStringLiteral("flat")});
    ASSERT_EQ(i.exitCode, 0) << i.err.toStdString() << i.out.toStdString();
    EXPECT_TRUE(i.out.contains(QStringLiteral("нет описания заданий (tasks.csv) — максимальные "
                                              "баллы неизвестны, баллы за задания не проверяются; "
                                              "анализ возьмёт максимумом задания наибольший балл, "
                                              "полученный за него")))
        << i.out.toStdString();
    const CliRun a =
        run({QStringLiteral("analyze"), QStringLiteral("--json"), QStringLiteral("--all-units"),
             QStringLiteral("--procedure"), QStringLiteral("ВПР")});
    ASSERT_EQ(a.exitCode, 0) << a.err.toStdString();
    const QJsonObject report = QJsonDocument::fromJson(a.out.toUtf8()).object();
    const QJsonArray units = report.value(QLatin1String("units")).toArray();
    ASSERT_FALSE(units.isEmpty()) << a.out.left(2000).toStdString();
    int inferred = 0, bunchingTested = 0, inversionTested = 0;
    for (const auto &v : units) {
        const QJsonObject u = v.toObject();
        EXPECT_TRUE(u.value(QLatin1String("maxima_from_data")).toBool())
            << u.value(QLatin1String("subject")).toString().toStdString();
        const QString levels = u.value(QLatin1String("task_levels")).toString();
        EXPECT_TRUE(levels == QLatin1String("inferred") || levels == QLatin1String("absent"))
            << levels.toStdString();
        inferred += levels == QLatin1String("inferred") ? 1 : 0;
        bunchingTested += criterionOf(u, QStringLiteral("boundary_bunching"))
                              .value(QLatin1String("tested"))
                              .toBool();
        inversionTested += criterionOf(u, QStringLiteral("difficulty_inversion"))
                               .value(QLatin1String("tested"))
                               .toBool();
    }
    // before: every primary score was 0, and neither criterion could be tested anywhere
    EXPECT_GT(inferred, 0);
    EXPECT_GT(bunchingTested, 0);
    EXPECT_GT(inversionTested, 0);
}
