// The handmade seeds of the fuzz targets (tests/fuzz/corpus) are what their readers take for a
// real document, so that the fuzzer starts from inputs that reach deep into the reader: the tiny
// PDF plan (tests/fuzz/make_tiny_pdf.py, under the fuzzer's 4 KB -max_len) is read by Poppler and
// WordTableBuilder into a plan with its three measures, deadlines and owners; the tiny workbook
// (tests/fuzz/make_tiny_xlsx.py) has every kind of cell XlsxReader knows and imports as results.
#include "ResultsDatabaseTest.h"
#include "TestSupport.h"

#include "objectivity/io/formats/XlsxReader.h"
#include "objectivity/io/plan/PlanImporter.h"
#include "objectivity/io/plan/PlanTextRules.h"
#include "objectivity/io/results/ResultsImporter.h"

#include <QDate>
#include <QFile>

using namespace objectivity;

TEST(FuzzSeed, TinyPdfPlanIsReadAsAPlanWithItsMeasures) {
    const QString path = test::sourceFile(QStringLiteral("tests/fuzz/corpus/pdf_plan_reader/"
                                                         "plan_tiny.pdf"));
    EXPECT_LT(QFile(path).size(), 4096) << "the seed must survive the fuzzer's -max_len 4096";
    const auto imported = io::PlanImporter::importFile(path);
    ASSERT_TRUE(imported.ok()) << imported.error().toString().toStdString();
    QStringList measures;
    for (const auto &section : imported.value().plan.sections)
        for (const auto &m : section.measures)
            measures << m.number + QLatin1Char('|') + io::PlanTextRules::oneLine(m.text) +
                            QLatin1Char('|') + io::PlanTextRules::oneLine(m.deadline.text) +
                            QLatin1Char('|') + m.owners.join(QLatin1Char(','));
    EXPECT_EQ(measures.join(QLatin1Char('\n')).toStdString(),
              "1|Анализ результатов ВПР|до 01.10.2025|Иванова И.И.\n"
              "2|Совещание с учителями|октябрь 2025|Петров П.П.\n"
              "3|Независимые наблюдатели на ВПР|март-апрель 2026|Сидорова С.С.");
}

namespace {
QString tinyWorkbook(const QString &target) {
    return test::sourceFile(QStringLiteral("tests/fuzz/corpus/") + target +
                            QStringLiteral("/results_tiny.xlsx"));
}
} // namespace

TEST(FuzzSeed, TinyWorkbookHasEveryKindOfCell) {
    for (const QString &target : {QStringLiteral("xlsx_reader"), QStringLiteral("zip_archive"),
                                  QStringLiteral("flagged_list_importer")}) {
        EXPECT_LT(QFile(tinyWorkbook(target)).size(), 4096) << target.toStdString();
        auto reader = io::XlsxReader::open(tinyWorkbook(target));
        ASSERT_TRUE(reader.ok()) << reader.error().toString().toStdString();
        ASSERT_EQ(reader.value().sheetNames(), QStringList{QStringLiteral("Результаты")});
        const auto sheet = reader.value().readSheet(0);
        ASSERT_TRUE(sheet.ok()) << sheet.error().toString().toStdString();
        EXPECT_EQ(sheet.value().text(1, 8), QStringLiteral("Код участника")); // shared string
        EXPECT_EQ(sheet.value().text(2, 7), QStringLiteral("5А"));            // inline string
        EXPECT_EQ(sheet.value().value(2, 8).toDouble(), 900001.0);            // number
        EXPECT_EQ(sheet.value().value(2, 14).toDate(), QDate(2025, 4, 15));   // date format
        EXPECT_EQ(sheet.value().value(0, 0).typeId(), QMetaType::Bool);       // boolean
    }
}

class FuzzSeedImport : public test::ResultsDatabaseTest {};

TEST_F(FuzzSeedImport, TinyWorkbookImportsAsResults) {
    // results_importer's copy has the option byte in front; without it, it is the same workbook.
    QFile seed(tinyWorkbook(QStringLiteral("results_importer")));
    ASSERT_TRUE(seed.open(QIODevice::ReadOnly));
    const QByteArray data = seed.readAll();
    ASSERT_EQ(data.at(0), '\0');
    const auto summary = io::ResultsImporter(*db).importFile(
        write(QStringLiteral("results_tiny.xlsx"), data.mid(1)), {});
    ASSERT_TRUE(summary.ok()) << summary.error().toString().toStdString();
    EXPECT_EQ(summary.value().rows, 2);
}
