// objectivity-cli generate: the files, their figures, determinism and argument errors.
#include "CliTest.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>

using objectivity::test::CliRun;
using objectivity::test::CliTest;

namespace {

QByteArray readAll(const QString &path) {
    QFile f(path);
    EXPECT_TRUE(f.open(QIODevice::ReadOnly)) << qPrintable(path);
    return f.readAll();
}

int lineCount(const QString &path) {
    return int(readAll(path).count('\n'));
}

} // namespace

class GenerateCli : public CliTest {
protected:
    CliRun generate(const QString &out, const QString &seed) {
        return run({QStringLiteral("generate"), QStringLiteral("--out"), out,
                    QStringLiteral("--seed"), seed, QStringLiteral("--schools"),
                    QStringLiteral("6"), QStringLiteral("--municipalities"), QStringLiteral("2"),
                    QStringLiteral("--years"), QStringLiteral("2024-2025")},
                   false);
    }
};

TEST_F(GenerateCli, WritesTheRegionAndPrintsItsFigures) {
    const QString out = dir.filePath(QStringLiteral("region"));
    const CliRun r = generate(out, QStringLiteral("5"));
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    static const QRegularExpression rows(QStringLiteral("строк результатов: (\\d+)"));
    const auto m = rows.match(r.out);
    ASSERT_TRUE(m.hasMatch()) << r.out.toStdString();
    const int printed = m.captured(1).toInt();
    EXPECT_GT(printed, 1000);
    EXPECT_TRUE(r.out.contains(QStringLiteral("Время: "))) << r.out.toStdString();
    EXPECT_TRUE(r.out.contains(QStringLiteral("ground_truth.csv"))) << r.out.toStdString();

    const QDir d(out);
    EXPECT_EQ(lineCount(d.filePath(QStringLiteral("flat.csv"))), printed + 1);
    EXPECT_TRUE(QFile::exists(d.filePath(QStringLiteral("flat.xlsx"))));
    EXPECT_TRUE(QFile::exists(d.filePath(QStringLiteral("tasks.csv"))));
    EXPECT_TRUE(readAll(d.filePath(QStringLiteral("ground_truth.csv")))
                    .startsWith("year,procedure,grade,subject,school_code,manipulation\n"));
    EXPECT_TRUE(readAll(d.filePath(QStringLiteral("flat.csv"))).startsWith("Год;Процедура;"));
    QDirIterator books(d.filePath(QStringLiteral("fisoko")), {QStringLiteral("*.xlsx")},
                       QDir::Files, QDirIterator::Subdirectories);
    int count = 0;
    while (books.hasNext()) {
        const QString path = books.next();
        EXPECT_TRUE(QFileInfo(path).fileName().startsWith(QStringLiteral("ВПР 202")))
            << qPrintable(path);
        ++count;
    }
    EXPECT_GT(count, 6);
    EXPECT_TRUE(r.out.contains(QStringLiteral("книг ФИС ОКО: %1").arg(count)))
        << r.out.toStdString();
}

TEST_F(GenerateCli, SameSeedSameFilesOtherSeedOtherFiles) {
    const QString a = dir.filePath(QStringLiteral("a"));
    const QString b = dir.filePath(QStringLiteral("b"));
    const QString c = dir.filePath(QStringLiteral("c"));
    ASSERT_EQ(generate(a, QStringLiteral("9")).exitCode, 0);
    ASSERT_EQ(generate(b, QStringLiteral("9")).exitCode, 0);
    ASSERT_EQ(generate(c, QStringLiteral("10")).exitCode, 0);
    for (const QString &name : {QStringLiteral("flat.csv"), QStringLiteral("flat.xlsx"),
                                QStringLiteral("ground_truth.csv"), QStringLiteral("tasks.csv")})
        EXPECT_EQ(readAll(QDir(a).filePath(name)), readAll(QDir(b).filePath(name)))
            << qPrintable(name);
    EXPECT_NE(readAll(QDir(a).filePath(QStringLiteral("flat.csv"))),
              readAll(QDir(c).filePath(QStringLiteral("flat.csv"))));
}

TEST_F(GenerateCli, RefusesBadArguments) {
    const QString out = dir.filePath(QStringLiteral("bad"));
    const QList<QStringList> cases = {
        {QStringLiteral("generate")},
        {QStringLiteral("generate"), QStringLiteral("--out"), out, QStringLiteral("--schools"),
         QStringLiteral("0")},
        {QStringLiteral("generate"), QStringLiteral("--out"), out, QStringLiteral("--years"),
         QStringLiteral("2025-2023")},
        {QStringLiteral("generate"), QStringLiteral("--out"), out, QStringLiteral("--seed"),
         QStringLiteral("abc")},
        {QStringLiteral("generate"), QStringLiteral("--out"), out, QStringLiteral("--extra")},
        {QStringLiteral("generate"), QStringLiteral("--out"), out, QStringLiteral("--setting"),
         QStringLiteral("modern")},
        {QStringLiteral("generate"), QStringLiteral("--out"), out,
         QStringLiteral("--journal-variants"), QStringLiteral("0.7")},
        {QStringLiteral("generate"), QStringLiteral("--out"), out, QStringLiteral("--variant-sd"),
         QStringLiteral("1.5")},
    };
    for (const QStringList &args : cases) {
        const CliRun r = run(args, false);
        EXPECT_NE(r.exitCode, 0) << qPrintable(args.join(u' '));
        EXPECT_FALSE(r.err.isEmpty()) << qPrintable(args.join(u' '));
    }
    EXPECT_FALSE(QFile::exists(QDir(out).filePath(QStringLiteral("flat.csv"))));
}

// The measurement models of analysis_bench are the CLI's too: «guess» halves the cohorts (fewer
// rows for the same seed), and the journal variants and one-class plants are the user's to set.
TEST_F(GenerateCli, SettingChangesTheModelOfTheData) {
    static const QRegularExpression rows(QStringLiteral("строк результатов: (\\d+)"));
    auto rowsOf = [&](const QStringList &extra) {
        const QString out = dir.filePath(extra.join(u'_'));
        const CliRun r =
            run(QStringList{QStringLiteral("generate"), QStringLiteral("--out"), out,
                            QStringLiteral("--seed"), QStringLiteral("4"),
                            QStringLiteral("--schools"), QStringLiteral("8"),
                            QStringLiteral("--no-xlsx"), QStringLiteral("--no-fisoko")} +
                    extra,
                false);
        EXPECT_EQ(r.exitCode, 0) << r.err.toStdString();
        return rows.match(r.out).captured(1).toInt();
    };
    const int base = rowsOf({QStringLiteral("--setting"), QStringLiteral("base")});
    const int guess = rowsOf({QStringLiteral("--setting"), QStringLiteral("guess")});
    EXPECT_GT(base, 0);
    EXPECT_EQ(rowsOf({}), base) << "base is the default model";
    EXPECT_LT(guess, base * 3 / 4) << "guess: parallels of 8–20 pupils";
    EXPECT_GT(rowsOf({QStringLiteral("--journal-variants"), QStringLiteral("0.3"),
                      QStringLiteral("--one-class"), QStringLiteral("1")}),
              0);
    // every school's own ВПР variants: the same pupils and rows, other task points
    EXPECT_EQ(rowsOf({QStringLiteral("--variant-sd"), QStringLiteral("0.3")}), base);
    const auto flat = [&](const QString &name) {
        return readAll(QDir(dir.filePath(name)).filePath(QStringLiteral("flat.csv")));
    };
    EXPECT_NE(flat(QStringLiteral("--variant-sd_0.3")), flat(QStringLiteral("--setting_base")));
}
