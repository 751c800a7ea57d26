// The handmade seeds of the fuzz targets (tests/fuzz/corpus) are what their readers take for a
// real document, so that the fuzzer starts from inputs that reach deep into the reader: the tiny
// PDF plan (tests/fuzz/make_tiny_pdf.py, under the fuzzer's 4 KB -max_len) is read by Poppler and
// WordTableBuilder into a plan with its three measures, deadlines and owners.
#include "TestSupport.h"

#include "objectivity/io/plan/PlanImporter.h"
#include "objectivity/io/plan/PlanTextRules.h"

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
