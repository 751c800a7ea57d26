// `objectivity-cli plan export ID --docx FILE`: a seed imported into a temporary database, exported
// to Word beside the other formats, the document's XML read back with unzip (Info-ZIP).
#include "CliTest.h"
#include "TestSupport.h"

#include <QFileInfo>

using objectivity::test::CliRun;
using objectivity::test::seedPath;

using PlanDocxCli = objectivity::test::CliTest;

namespace {

// One part of a zip file, or a null string when unzip is missing or the part is not there.
QString zipPart(const QString &zip, const QString &part) {
    const QString unzip = QStringLiteral("/usr/bin/unzip");
    if (!QFileInfo::exists(unzip))
        return {};
    QProcess p;
    p.start(unzip, {QStringLiteral("-p"), zip, part});
    if (!p.waitForFinished(60000) || p.exitCode() != 0)
        return {};
    return QString::fromUtf8(p.readAllStandardOutput());
}

} // namespace

TEST_F(PlanDocxCli, ExportsASeedToDocxBesideOdt) {
    const QString seed = seedPath(QStringLiteral("001"));
    OBJ_REQUIRE_SHARED(seed, "seed 001");
    const qint64 id = import(seed, {QStringLiteral("--status"), QStringLiteral("draft")});
    ASSERT_GT(id, 0);
    const QString docx = dir.filePath(QStringLiteral("план.docx"));
    const QString odt = dir.filePath(QStringLiteral("план.odt"));
    const CliRun r = run({QStringLiteral("plan"), QStringLiteral("export"), QString::number(id),
                          QStringLiteral("--docx"), docx, QStringLiteral("--odt"), odt});
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    EXPECT_EQ(r.out.split(u'\n', Qt::SkipEmptyParts), QStringList({odt, docx}));
    const QString xml = zipPart(docx, QStringLiteral("word/document.xml"));
    if (xml.isNull())
        GTEST_SKIP() << "unzip is not installed";
    // Imported as a draft: «ПРОЕКТ» top right, A4 landscape, the header row repeated.
    EXPECT_TRUE(xml.contains(QStringLiteral(">ПРОЕКТ<")));
    EXPECT_TRUE(xml.contains(QStringLiteral("w:orient=\"landscape\"")));
    EXPECT_TRUE(xml.contains(QStringLiteral("<w:tblHeader/>")));
    EXPECT_TRUE(xml.contains(QStringLiteral("Анализ оценочных процедур")));
    EXPECT_TRUE(zipPart(odt, QStringLiteral("styles.xml")).contains(QStringLiteral("landscape")));
}

TEST_F(PlanDocxCli, ReportInPortraitAndAnUnwritableTarget) {
    const QString seed = seedPath(QStringLiteral("000"));
    OBJ_REQUIRE_SHARED(seed, "seed 000");
    const qint64 id = import(seed);
    ASSERT_GT(id, 0);
    const QString docx = dir.filePath(QStringLiteral("report.docx"));
    CliRun r = run({QStringLiteral("plan"), QStringLiteral("export"), QString::number(id),
                    QStringLiteral("--docx"), docx, QStringLiteral("--report"),
                    QStringLiteral("15.03.2023"), QStringLiteral("--portrait")});
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    const QString xml = zipPart(docx, QStringLiteral("word/document.xml"));
    if (xml.isNull())
        GTEST_SKIP() << "unzip is not installed";
    EXPECT_TRUE(xml.contains(QStringLiteral("по состоянию на 15.03.2023")));
    EXPECT_TRUE(xml.contains(QStringLiteral("Итого по плану")));
    EXPECT_TRUE(xml.contains(QStringLiteral("<w:pgSz w:w=\"11906\" w:h=\"16838\"/>")));

    const QString bad = dir.filePath(QStringLiteral("нет такой папки/план.docx"));
    r = run({QStringLiteral("plan"), QStringLiteral("export"), QString::number(id),
             QStringLiteral("--docx"), bad});
    EXPECT_NE(r.exitCode, 0);
    EXPECT_TRUE(r.err.contains(QStringLiteral("Не удалось создать файл DOCX")))
        << r.err.toStdString();
    EXPECT_FALSE(QFileInfo::exists(bad));
}
