// Plans in Word 97–2003 (.doc) and RTF: read through LibreOffice when it is installed
// (OfficeConverter), with a note that says so; refused with what to do when it is not. The
// fixtures are a school's .docx saved by Writer in both formats (tests/data/plans/legacy).
#include "LibreOfficeSupport.h"
#include "PlanImportSupport.h"
#include "TestSupport.h"

#include "objectivity/io/formats/OfficeConverter.h"
#include "objectivity/io/plan/PlanImporter.h"

#include <QFile>
#include <QTemporaryDir>

using namespace objectivity;
using io::PlanImporter;

namespace {

QString legacyFixture(const QString &name) {
    return test::sourceFile(QStringLiteral("tests/data/plans/legacy/") + name);
}

} // namespace

// The .doc and the .rtf of a school's plan read as its .docx does: the same sections, measures,
// owners merged over rows, approval; the first note says LibreOffice read it; the plan keeps the
// user's file as its source.
TEST(LegacyPlanImport, DocAndRtfReadThroughLibreOfficeLikeTheDocx) {
    OBJ_REQUIRE_LIBREOFFICE();
    const auto docx =
        test::importPlanOk(test::sourceFile(QStringLiteral("tests/data/plans/kalinovka.docx")));
    ASSERT_EQ(docx.plan.measureCount(), 26);
    for (const QString &name : {QStringLiteral("kalinovka.doc"), QStringLiteral("kalinovka.rtf")}) {
        SCOPED_TRACE(name.toStdString());
        const QString path = legacyFixture(name);
        const auto got = test::importPlanOk(path);
        EXPECT_EQ(test::expectSamePlan(docx.plan, got.plan), 0);
        ASSERT_FALSE(got.warnings.isEmpty());
        EXPECT_TRUE(got.warnings.first().contains(QStringLiteral("прочитан через LibreOffice")))
            << got.warnings.first().toStdString();
        EXPECT_TRUE(got.warnings.first().contains(name.endsWith(u".rtf")
                                                      ? QStringLiteral("RTF")
                                                      : QStringLiteral("Word 97–2003 (.doc)")));
        EXPECT_EQ(got.plan.warnings.value(0), got.warnings.first());
        EXPECT_EQ(got.plan.sourceFile, QFileInfo(path).absoluteFilePath());
    }
}

// A file name LibreOffice's command line could misread (spaces, Cyrillic, a leading dash) and a
// .doc that is not a document: the first reads, the second is an error naming the file.
TEST(LegacyPlanImport, AnyFileNameReadsAndADamagedDocIsAnError) {
    OBJ_REQUIRE_LIBREOFFICE();
    QTemporaryDir dir;
    const QString odd = dir.filePath(QStringLiteral("-план школы (копия).doc"));
    ASSERT_TRUE(QFile::copy(legacyFixture(QStringLiteral("kalinovka.doc")), odd));
    const auto got = test::importPlanOk(odd);
    EXPECT_EQ(got.plan.measureCount(), 26);

    const QString damaged = dir.filePath(QStringLiteral("испорчен.doc"));
    QFile f(damaged);
    ASSERT_TRUE(f.open(QIODevice::WriteOnly));
    f.write(QByteArray("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) + QByteArray(4000, '\x01'));
    f.close();
    const auto r = PlanImporter::importFile(damaged);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().file, QStringLiteral("испорчен.doc"));
}

// Cancelled before LibreOffice finished: an error that says so, nothing read.
TEST(LegacyPlanImport, CancelStopsLibreOffice) {
    OBJ_REQUIRE_LIBREOFFICE();
    const std::atomic<bool> cancel{true};
    const auto r =
        PlanImporter::importFile(legacyFixture(QStringLiteral("kalinovka.doc")), &cancel);
    ASSERT_FALSE(r.ok());
    EXPECT_TRUE(r.error().message.contains(QStringLiteral("отменено")))
        << r.error().message.toStdString();
}

// Without LibreOffice: refused with the file's name and what to do, for either format.
TEST(LegacyPlanImport, WithoutLibreOfficeTheMessageSaysWhatToDo) {
    const test::SofficeOverride none("");
    ASSERT_TRUE(io::OfficeConverter::program().isEmpty());
    for (const QString &name : {QStringLiteral("kalinovka.doc"), QStringLiteral("kalinovka.rtf")}) {
        const auto r = PlanImporter::importFile(legacyFixture(name));
        ASSERT_FALSE(r.ok()) << name.toStdString();
        EXPECT_EQ(r.error().file, name);
        EXPECT_TRUE(r.error().message.contains(QStringLiteral("сохраните документ в формате "
                                                              ".docx или .odt (или установите "
                                                              "LibreOffice)")))
            << r.error().message.toStdString();
    }
    const test::SofficeOverride missing("/нет/такой/программы/soffice");
    EXPECT_TRUE(io::OfficeConverter::program().isEmpty());
}
