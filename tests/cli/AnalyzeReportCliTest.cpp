// `objectivity-cli analyze report` end to end on a small generated region: the справка of the
// region and of one school as PDF (read back with pdftotext), the options checked before the
// database is read, an unknown school refused; `analyze --xlsx` writes the new workbook.
#include "CliTest.h"

#include "objectivity/simulation/RegionGenerator.h"
#include "objectivity/storage/Database.h"
#include "objectivity/storage/results/GeneratedRegionWriter.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QProcess>

using namespace objectivity;
using objectivity::test::CliRun;

namespace {

QString pdfText(const QString &path) {
    QProcess p;
    p.start(QStringLiteral("pdftotext"), {QStringLiteral("-layout"), path, QStringLiteral("-")});
    if (!p.waitForFinished(60000) || p.exitCode() != 0)
        return {};
    return QString::fromUtf8(p.readAllStandardOutput());
}

// One line of text: pdftotext breaks long titles and justifies with several spaces.
QString flat(const QString &text) {
    return text.simplified();
}

} // namespace

class AnalyzeReportCli : public objectivity::test::CliTest {
protected:
    void SetUp() override {
        CliTest::SetUp();
        if (IsSkipped())
            return;
        auto db = storage::Database::open(dbPath());
        ASSERT_TRUE(db.ok()) << db.error().toString().toStdString();
        storage::GeneratedRegionWriter writer(**db, QStringLiteral("test region"));
        simulation::GeneratorOptions o;
        o.seed = 11;
        o.schools = 40;
        o.municipalities = 4;
        o.firstYear = 2023;
        o.lastYear = 2024;
        const core::Status s = (*db)->transaction([&]() -> core::Status {
            simulation::RegionGenerator(o).run(writer);
            return writer.finish();
        });
        ASSERT_TRUE(s.ok()) << s.error().toString().toStdString();
    }

    // A school with a sign of the first kind (from `analyze --json`) and its year: 2024, else 2023.
    std::pair<QString, QString> flaggedSchool() {
        for (const QString &year : {QStringLiteral("2024"), QStringLiteral("2023")}) {
            const CliRun r = run({QStringLiteral("analyze"), QStringLiteral("--json"),
                                  QStringLiteral("--year"), year});
            const QJsonArray schools = QJsonDocument::fromJson(r.out.toUtf8())
                                           .object()[QStringLiteral("schools")]
                                           .toArray();
            for (const auto &s : schools)
                if (s.toObject()[QStringLiteral("markers")].toInt() > 0)
                    return {s.toObject()[QStringLiteral("school_code")].toString(), year};
        }
        return {};
    }
};

TEST_F(AnalyzeReportCli, RegionReportHasTheSectionsOfTheIssue) {
    const QString pdf = dir.filePath(QStringLiteral("справка.pdf"));
    const CliRun r =
        run({QStringLiteral("analyze"), QStringLiteral("report"), QStringLiteral("--pdf"), pdf,
             QStringLiteral("--year"), QStringLiteral("2024"), QStringLiteral("--procedure"),
             QStringLiteral("ВПР"), QStringLiteral("--organization"),
             QStringLiteral("Управление образования")});
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    EXPECT_TRUE(r.out.contains(QStringLiteral("Справка сохранена")));
    const QString text = flat(pdfText(pdf));
    if (text.isEmpty())
        GTEST_SKIP() << "pdftotext (poppler-utils) is not installed";
    for (const QString &part :
         {QStringLiteral("Управление образования"),
          QStringLiteral("Аналитическая справка по итогам анализа объективности результатов ВПР "
                         "2024 года"),
          QStringLiteral("1. Основание и цель"), QStringLiteral("2. Какие данные проанализированы"),
          QStringLiteral("3. Метод"), QStringLiteral("4. Результаты"),
          QStringLiteral("5. Выводы и рекомендации"),
          QStringLiteral("Рисунок 1. Доля школ с признаками необъективности по муниципалитетам"),
          QStringLiteral("Признаки необъективности текущего оценивания"),
          QStringLiteral("(подпись)")})
        EXPECT_TRUE(text.contains(part)) << part.toStdString();
}

TEST_F(AnalyzeReportCli, SchoolReportExplainsTheSchoolsSigns) {
    const auto [school, year] = flaggedSchool();
    ASSERT_FALSE(school.isEmpty()) << "the generated region should have a flagged school";
    const QString pdf = dir.filePath(QStringLiteral("школа.pdf"));
    const CliRun r =
        run({QStringLiteral("analyze"), QStringLiteral("report"), QStringLiteral("--pdf"), pdf,
             QStringLiteral("--year"), year, QStringLiteral("--school"), school});
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    const QString text = flat(pdfText(pdf));
    if (text.isEmpty())
        GTEST_SKIP() << "pdftotext (poppler-utils) is not installed";
    EXPECT_TRUE(text.contains(school));
    EXPECT_TRUE(text.contains(QStringLiteral("ВСОКО")));
    EXPECT_TRUE(text.contains(QStringLiteral("Результаты школы по единицам анализа")));
    EXPECT_TRUE(text.contains(QStringLiteral("В школе выявлены признаки необъективности")));
}

TEST_F(AnalyzeReportCli, BadOptionsAndAnUnknownSchoolAreRefused) {
    CliRun r = run({QStringLiteral("analyze"), QStringLiteral("report")});
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_TRUE(r.err.contains(QStringLiteral("--pdf или --docx"))) << r.err.toStdString();
    r = run({QStringLiteral("analyze"), QStringLiteral("report"), QStringLiteral("--pdf"),
             dir.filePath(QStringLiteral("x.pdf")), QStringLiteral("--year"),
             QStringLiteral("двадцать")});
    EXPECT_EQ(r.exitCode, 2);
    const QString pdf = dir.filePath(QStringLiteral("нет.pdf"));
    r = run({QStringLiteral("analyze"), QStringLiteral("report"), QStringLiteral("--pdf"), pdf,
             QStringLiteral("--school"), QStringLiteral("edu999999")});
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_TRUE(r.err.contains(QStringLiteral("«edu999999»"))) << r.err.toStdString();
    EXPECT_FALSE(QFileInfo::exists(pdf));
}

TEST_F(AnalyzeReportCli, XlsxIsTheNewWorkbook) {
    const QString xlsx = dir.filePath(QStringLiteral("анализ.xlsx"));
    const CliRun r = run({QStringLiteral("analyze"), QStringLiteral("--xlsx"), xlsx,
                          QStringLiteral("--year"), QStringLiteral("2024")});
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    EXPECT_GT(QFileInfo(xlsx).size(), 10000);
}
