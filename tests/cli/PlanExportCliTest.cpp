// `objectivity-cli plan export` as a user runs it: a seed imported into a temporary database, then
// exported to PDF, Excel and ODT, the PDF checked with pdftotext / pdfinfo (poppler-utils).
#include "CliTest.h"
#include "TestSupport.h"

#include <QFileInfo>

using objectivity::test::CliRun;
using objectivity::test::seedPath;

using PlanExportCli = objectivity::test::CliTest;

namespace {

QString toolOutput(const QString &program, const QStringList &args) {
    if (!QFileInfo::exists(program))
        return {};
    QProcess p;
    p.start(program, args);
    if (!p.waitForFinished(60000) || p.exitCode() != 0)
        return {};
    return QString::fromUtf8(p.readAllStandardOutput());
}

bool startsAs(const QString &path, const QByteArray &magic) {
    QFile f(path);
    return f.open(QIODevice::ReadOnly) && f.read(magic.size()) == magic;
}

} // namespace

TEST_F(PlanExportCli, ExportsASeedToPdfXlsxAndOdt) {
    const QString seed = seedPath(QStringLiteral("002"));
    OBJ_REQUIRE_SHARED(seed, "seed 002");
    const qint64 id = import(seed);
    ASSERT_GT(id, 0);
    const QString pdf = dir.filePath(QStringLiteral("план.pdf"));
    const QString xlsx = dir.filePath(QStringLiteral("план.xlsx"));
    const QString odt = dir.filePath(QStringLiteral("план.odt"));
    const CliRun r = run({QStringLiteral("plan"), QStringLiteral("export"), QString::number(id),
                          QStringLiteral("--pdf"), pdf, QStringLiteral("--xlsx"), xlsx,
                          QStringLiteral("--odt"), odt});
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    // Each written file on its own line.
    EXPECT_EQ(r.out.split(u'\n', Qt::SkipEmptyParts), QStringList({pdf, xlsx, odt}));
    EXPECT_TRUE(startsAs(pdf, "%PDF-"));
    EXPECT_TRUE(startsAs(xlsx, "PK"));
    EXPECT_TRUE(startsAs(odt, "PK"));

    const QString text =
        toolOutput(QStringLiteral("/usr/bin/pdftotext"),
                   {QStringLiteral("-enc"), QStringLiteral("UTF-8"), pdf, QStringLiteral("-")});
    if (text.isNull())
        GTEST_SKIP() << "pdftotext (poppler-utils) is not installed";
    // Seed 002 names its order («Приложение к Приказ №32/1 от 04 марта 2024г»): imported
    // approved, it prints the approval block, not «ПРОЕКТ» (issue 13).
    EXPECT_FALSE(text.contains(QStringLiteral("ПРОЕКТ")));
    EXPECT_TRUE(text.contains(QStringLiteral("УТВЕРЖДАЮ")));
    EXPECT_TRUE(text.contains(QStringLiteral("32/1"))) << text.left(2000).toStdString();
    EXPECT_TRUE(text.simplified().contains(QStringLiteral("Аналитическая")))
        << text.left(2000).toStdString();
}

TEST_F(PlanExportCli, ReportOnADateInPortrait) {
    const QString seed = seedPath(QStringLiteral("000"));
    OBJ_REQUIRE_SHARED(seed, "seed 000");
    const qint64 id = import(seed);
    ASSERT_GT(id, 0);
    const QString pdf = dir.filePath(QStringLiteral("report.pdf"));
    const CliRun r = run({QStringLiteral("plan"), QStringLiteral("export"), QString::number(id),
                          QStringLiteral("--pdf"), pdf, QStringLiteral("--report"),
                          QStringLiteral("15.03.2023"), QStringLiteral("--portrait")});
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    const QString info = toolOutput(QStringLiteral("/usr/bin/pdfinfo"), {pdf});
    if (info.isNull())
        GTEST_SKIP() << "pdfinfo (poppler-utils) is not installed";
    EXPECT_TRUE(info.contains(
        QRegularExpression(QStringLiteral("Page size:\\s+595[.\\d]* x 84[12][.\\d]* pts"))))
        << info.toStdString();
    const QString text =
        toolOutput(QStringLiteral("/usr/bin/pdftotext"),
                   {QStringLiteral("-enc"), QStringLiteral("UTF-8"), pdf, QStringLiteral("-")})
            .simplified();
    EXPECT_TRUE(text.contains(QStringLiteral("по состоянию на 15.03.2023")))
        << text.left(600).toStdString();
    EXPECT_TRUE(text.contains(QStringLiteral("Итого по плану")));
}

TEST_F(PlanExportCli, RussianUsageErrorsAndNoFileForAMissingPlan) {
    const QString pdf = dir.filePath(QStringLiteral("x.pdf"));
    CliRun r = run({QStringLiteral("plan"), QStringLiteral("export"), QStringLiteral("1")});
    EXPECT_NE(r.exitCode, 0);
    EXPECT_TRUE(r.err.contains(QStringLiteral("--pdf, --xlsx, --odt или --docx")))
        << r.err.toStdString();

    r = run({QStringLiteral("plan"), QStringLiteral("export"), QStringLiteral("1"),
             QStringLiteral("--pdf"), pdf, QStringLiteral("--report"),
             QStringLiteral("31.02.2024")});
    EXPECT_NE(r.exitCode, 0);
    EXPECT_TRUE(r.err.contains(QStringLiteral("ДД.ММ.ГГГГ"))) << r.err.toStdString();

    r = run({QStringLiteral("plan"), QStringLiteral("export"), QStringLiteral("999"),
             QStringLiteral("--pdf"), pdf});
    EXPECT_NE(r.exitCode, 0);
    EXPECT_FALSE(r.err.isEmpty());
    EXPECT_FALSE(QFileInfo::exists(pdf));
}
