// `objectivity-cli plan import FILE.pdf`: a plan printed to PDF (by LibreOffice from a seed, and by
// this program's own export) is imported, with its warnings naming pages; a damaged PDF is refused
// with a Russian message and leaves the database without a plan.
#include "CliTest.h"
#include "TestSupport.h"

using objectivity::test::CliRun;

using PlanImportPdfCli = objectivity::test::CliTest;

TEST_F(PlanImportPdfCli, ImportsAPdfAndItsExportAgain) {
    const QString pdf =
        objectivity::test::sourceFile(QStringLiteral("tests/data/plans/pdf/seed_002.pdf"));
    CliRun r = run({QStringLiteral("plan"), QStringLiteral("import"), pdf});
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    EXPECT_TRUE(r.out.contains(QStringLiteral("разделов 5, мероприятий 26")))
        << r.out.toStdString();
    const QString id = r.out.split(u'\n', Qt::SkipEmptyParts).last();

    const QString exported = dir.filePath(QStringLiteral("план.pdf"));
    r = run(
        {QStringLiteral("plan"), QStringLiteral("export"), id, QStringLiteral("--pdf"), exported});
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    r = run({QStringLiteral("plan"), QStringLiteral("import"), exported});
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    EXPECT_TRUE(r.out.contains(QStringLiteral("разделов 5, мероприятий 26")))
        << r.out.toStdString();
}

TEST_F(PlanImportPdfCli, DamagedPdfIsRefusedAndNothingIsSaved) {
    const QString bad = dir.filePath(QStringLiteral("битый.pdf"));
    {
        QFile f(bad);
        ASSERT_TRUE(f.open(QIODevice::WriteOnly));
        f.write("%PDF-1.7\n1 0 obj << /Type /Catalog >>\n");
    }
    CliRun r = run({QStringLiteral("plan"), QStringLiteral("import"), bad});
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_TRUE(r.err.contains(QStringLiteral("Файл «битый.pdf»"))) << r.err.toStdString();
    r = run({QStringLiteral("plan"), QStringLiteral("list")});
    EXPECT_FALSE(r.out.contains(QStringLiteral("битый"))) << r.out.toStdString();
}
