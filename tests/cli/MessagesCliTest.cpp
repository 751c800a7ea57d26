// The CLI prints a failure as one Russian line; the library's original text, when there is one,
// follows on its own «Подробности:» line (docs/cli.md).
#include "CliTest.h"

#include <QRegularExpression>

using objectivity::test::CliRun;
using MessagesCli = objectivity::test::CliTest;
using namespace Qt::StringLiterals;

namespace {

TEST_F(MessagesCli, ADamagedDatabaseIsReportedInRussianWithDetailsOnTheirOwnLine) {
    OBJ_SQLITE_ONLY("damages a SQLite file");
    // The SQLite header, then garbage: the header check passes, SQLite itself refuses the file.
    writeFile(u"plans.sqlite"_s, QByteArray("SQLite format 3\0", 16) + QByteArray(4096, '\x7f'));
    const CliRun r = run({u"db"_s, u"info"_s});
    EXPECT_EQ(r.exitCode, 1);
    const QStringList lines = r.err.split(u'\n', Qt::SkipEmptyParts);
    ASSERT_EQ(lines.size(), 2) << r.err.toStdString();
    EXPECT_TRUE(lines.at(0).startsWith(u"objectivity-cli: ошибка: "_s)) << r.err.toStdString();
    QString first = lines.at(0);
    first.remove(u"objectivity-cli"_s).remove(dbPath());
    EXPECT_FALSE(first.contains(QRegularExpression(u"[A-Za-z]{3,}"_s))) << r.err.toStdString();
    EXPECT_TRUE(lines.at(1).startsWith(u"Подробности: "_s)) << r.err.toStdString();
}

} // namespace
