// The analysis workbook read back by openpyxl (tests/scripts/read_analysis_xlsx.py), on the
// analysis of a generated region: the sheets of issue 14, native Excel charts on the summary's
// table, no text under 9 pt and no shrinking to fit, the heading repeated, the title and page
// numbers in the page header, the thresholds by their Russian names.
#include "GeneratedAnalysis.h"
#include "PlanExportSupport.h"

#include "objectivity/core/analysis/CriterionTitle.h"
#include "objectivity/io/export/AnalysisTotals.h"
#include "objectivity/io/export/AnalysisXlsxWriter.h"

#include <QJsonArray>
#include <QRegularExpression>
#include <QTemporaryDir>

using namespace objectivity;

namespace {

QJsonObject readWorkbook(const QString &path) {
    const QString out = test::runTool(
        QStringLiteral("/usr/bin/python3"),
        {test::sourceFile(QStringLiteral("tests/scripts/read_analysis_xlsx.py")), path});
    return QJsonDocument::fromJson(out.toUtf8()).object();
}

QJsonObject cellAt(const QJsonObject &sheet, int row, int col) {
    for (const auto &c : sheet[QStringLiteral("cells")].toArray())
        if (c.toObject()[QStringLiteral("row")].toInt() == row &&
            c.toObject()[QStringLiteral("col")].toInt() == col)
            return c.toObject();
    return {};
}

// The row (1-based) whose first cell is `text`, or 0.
int rowOf(const QJsonObject &sheet, const QString &text) {
    for (const auto &c : sheet[QStringLiteral("cells")].toArray())
        if (c.toObject()[QStringLiteral("col")].toInt() == 1 &&
            c.toObject()[QStringLiteral("value")].toString() == text)
            return c.toObject()[QStringLiteral("row")].toInt();
    return 0;
}

// The workbook is written and read once for all the tests of the suite.
class AnalysisWorkbook : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        if (!test::havePython())
            return;
        scope.year = 2024;
        scope.kind = static_cast<int>(core::ProcedureKind::VPR);
        scope.date = QDate(2026, 11, 30);
        dir = new QTemporaryDir;
        const QString path = dir->filePath(QStringLiteral("анализ.xlsx"));
        writeStatus = io::AnalysisXlsxWriter::write(test::generatedReport(), path, scope);
        book = readWorkbook(path);
        totals = io::AnalysisTotals::compute(test::generatedReport(), scope);
    }
    static void TearDownTestSuite() {
        delete dir;
        dir = nullptr;
    }
    void SetUp() override {
        if (!test::havePython())
            GTEST_SKIP() << "/usr/bin/python3 with openpyxl is not installed";
        ASSERT_TRUE(writeStatus.ok()) << writeStatus.error().toString().toStdString();
        ASSERT_FALSE(book.isEmpty());
        ASSERT_GT(totals.total.schoolsWithResultsSigns, 0) << "planted manipulations expected";
    }
    static inline QTemporaryDir *dir = nullptr;
    static inline io::AnalysisScope scope;
    static inline core::Status writeStatus;
    static inline QJsonObject book;
    static inline io::AnalysisTotals totals;
};

} // namespace

TEST_F(AnalysisWorkbook, HasTheSheetsAndPrintsUnscaledOnA4LandscapeWithTheTitleInTheHeader) {
    const QStringList sheets = {
        QStringLiteral("Сводка"),          QStringLiteral("Диаграммы"),
        QStringLiteral("Школы"),           QStringLiteral("Признаки"),
        QStringLiteral("Единицы анализа"), QStringLiteral("Пороговые значения")};
    ASSERT_EQ(book[QStringLiteral("sheets")].toArray(), QJsonArray::fromStringList(sheets));
    const QString title = QStringLiteral("Анализ объективности результатов ВПР 2024 года");
    EXPECT_EQ(book[QStringLiteral("title")].toString(), title);
    for (const QString &name : sheets) {
        const QJsonObject sheet = book[name].toObject();
        SCOPED_TRACE(name.toStdString());
        EXPECT_EQ(sheet[QStringLiteral("orientation")].toString(), QStringLiteral("landscape"));
        EXPECT_EQ(sheet[QStringLiteral("paper")].toInt(), 9);
        EXPECT_FALSE(sheet[QStringLiteral("fit_to_page")].toBool());
        const QJsonValue scale = sheet[QStringLiteral("scale")];
        EXPECT_TRUE(scale.isNull() || scale.toInt() == 100);
        EXPECT_EQ(sheet[QStringLiteral("header_left")].toString(), title);
        EXPECT_EQ(sheet[QStringLiteral("header_right")].toString(),
                  QStringLiteral("Стр. &P из &N"));
        EXPECT_GE(sheet[QStringLiteral("header_size")].toInt(), 9);
        // no text under 9 pt anywhere
        if (!sheet[QStringLiteral("smallest_font")].isNull()) {
            EXPECT_GE(sheet[QStringLiteral("smallest_font")].toDouble(), 9.0);
        }
        // every cell in Arial, as the Normal style (below)
        for (const auto &c : sheet[QStringLiteral("cells")].toArray())
            ASSERT_EQ(c.toObject()[QStringLiteral("font")].toString(), QStringLiteral("Arial"))
                << c.toObject()[QStringLiteral("value")].toVariant().toString().toStdString();
        if (name == QStringLiteral("Диаграммы"))
            continue; // one column under the charts
        // The columns fit the 267 mm of A4 landscape between the margins at 100 % and fill
        // them: a width unit of the Normal font (the stored widths include libxlsxwriter's
        // padding) is 7 px of 96 dpi in Excel (1.852 mm), and LibreOffice draws it as
        // Liberation Sans' digit, 1.962 mm (measured 1.956–1.959 on its PDFs).
        double units = 0;
        const QJsonObject widths = sheet[QStringLiteral("col_widths")].toObject();
        for (auto it = widths.begin(); it != widths.end(); ++it)
            units += it.value().toDouble();
        EXPECT_LE(units * 1.962, 267.0) << "columns wider than the page in LibreOffice";
        EXPECT_GE(units * 1.962, 0.97 * 267) << "columns narrower than the page in LibreOffice";
        EXPECT_GE(units * 7 * 25.4 / 96, 0.9 * 267) << "columns narrower than the page in Excel";
    }
    // Calibri, libxlsxwriter's Normal font, is drawn in DejaVu Sans by LibreOffice without
    // Carlito, 1.4 times wider than Excel draws it: the columns could not fit both
    EXPECT_EQ(book[QStringLiteral("normal_font")].toString(), QStringLiteral("Arial"));
    for (const QString &name :
         {QStringLiteral("Школы"), QStringLiteral("Признаки"), QStringLiteral("Единицы анализа"),
          QStringLiteral("Пороговые значения")})
        EXPECT_EQ(book[name].toObject()[QStringLiteral("print_title_rows")].toString(),
                  QStringLiteral("1:1"))
            << name.toStdString();
}

TEST_F(AnalysisWorkbook, SummaryHasTheFiltersAndTotalsByMunicipalityAndCriterionByKind) {
    const QJsonObject summary = book[QStringLiteral("Сводка")].toObject();
    EXPECT_EQ(cellAt(summary, 1, 1)[QStringLiteral("value")].toString(),
              QStringLiteral("Анализ объективности результатов ВПР 2024 года"));
    EXPECT_EQ(cellAt(summary, 2, 1)[QStringLiteral("value")].toString(),
              QStringLiteral("Дата формирования: 30.11.2026"));
    bool filters = false;
    for (const auto &c : summary[QStringLiteral("cells")].toArray())
        filters |= c.toObject()[QStringLiteral("value")].toString().startsWith(
            QStringLiteral("Фильтры: год: 2024; процедура: ВПР"));
    EXPECT_TRUE(filters);
    // «label — number» reads right for any count (it said «в 1 муниципалитетах»)
    EXPECT_TRUE(cellAt(summary, 3, 1)[QStringLiteral("value")].toString().contains(
        QStringLiteral(", муниципалитетов — %1; единиц анализа").arg(totals.municipalities.size())))
        << cellAt(summary, 3, 1)[QStringLiteral("value")].toString().toStdString();
    // one row per municipality and the total, with the counts AnalysisTotals gives
    for (const auto &m : totals.municipalities) {
        const int row = rowOf(summary, m.name);
        ASSERT_GT(row, 0) << m.name.toStdString();
        EXPECT_EQ(cellAt(summary, row, 2)[QStringLiteral("value")].toInt(), m.schools);
        EXPECT_EQ(cellAt(summary, row, 3)[QStringLiteral("value")].toInt(),
                  m.schoolsWithResultsSigns);
        EXPECT_EQ(cellAt(summary, row, 5)[QStringLiteral("value")].toInt(),
                  m.schoolsWithCurrentSigns);
        EXPECT_NEAR(cellAt(summary, row, 6)[QStringLiteral("value")].toDouble(),
                    m.schools > 0 ? 100.0 * m.schoolsWithCurrentSigns / m.schools : 0, 1e-9);
        EXPECT_NEAR(cellAt(summary, row, 9)[QStringLiteral("value")].toDouble() +
                        cellAt(summary, row, 10)[QStringLiteral("value")].toDouble() +
                        cellAt(summary, row, 11)[QStringLiteral("value")].toDouble(),
                    100.0, 1e-6);
    }
    const int total = rowOf(summary, QStringLiteral("Всего"));
    ASSERT_GT(total, 0);
    EXPECT_EQ(cellAt(summary, total, 2)[QStringLiteral("value")].toInt(), totals.total.schools);
    EXPECT_EQ(cellAt(summary, total, 3)[QStringLiteral("value")].toInt(),
              totals.total.schoolsWithResultsSigns);
    EXPECT_TRUE(cellAt(summary, total, 1)[QStringLiteral("bold")].toBool());
    // criteria under their kind, by the engine's titles
    const int results = rowOf(
        summary, core::criterionKindTitle(core::CriterionKind::Results) + QStringLiteral(". ") +
                     core::criterionKindMeaning(core::CriterionKind::Results));
    const int current =
        rowOf(summary, core::criterionKindTitle(core::CriterionKind::CurrentAssessment) +
                           QStringLiteral(". ") +
                           core::criterionKindMeaning(core::CriterionKind::CurrentAssessment));
    ASSERT_GT(results, 0);
    ASSERT_GT(current, results);
    // the criteria's caption starts a page (Calc printed it alone at the foot of page 1): the
    // only manual break ends the page on the row above it
    const int criteria = rowOf(summary, QStringLiteral("Итоги по критериям"));
    ASSERT_GT(criteria, total);
    EXPECT_EQ(summary[QStringLiteral("row_breaks")].toArray(), QJsonArray({criteria - 1}));
    for (const auto &c : totals.criteria) {
        const int row = rowOf(summary, c.title);
        ASSERT_GT(row, 0) << c.code.toStdString();
        EXPECT_EQ(c.kind == core::CriterionKind::Results, row < current) << c.code.toStdString();
        EXPECT_EQ(cellAt(summary, row, 7)[QStringLiteral("value")].toInt(), c.units);
    }
}

TEST_F(AnalysisWorkbook, ChartsAreNativeExcelChartsOnTheMunicipalTable) {
    const QJsonArray charts =
        book[QStringLiteral("Диаграммы")].toObject()[QStringLiteral("charts")].toArray();
    ASSERT_EQ(charts.size(), 2);
    const QJsonObject signs = charts[0].toObject();
    EXPECT_EQ(signs[QStringLiteral("type")].toString(), QStringLiteral("barChart"));
    EXPECT_EQ(signs[QStringLiteral("bar_dir")].toString(), QStringLiteral("bar"));
    EXPECT_TRUE(
        signs[QStringLiteral("title")].toString().contains(QStringLiteral("по муниципалитетам")));
    const QJsonArray series = signs[QStringLiteral("series")].toArray();
    ASSERT_EQ(series.size(), 2);
    const QJsonObject summary = book[QStringLiteral("Сводка")].toObject();
    const int first = rowOf(summary, totals.municipalities.first().name);
    const int last = rowOf(summary, totals.municipalities.last().name);
    EXPECT_EQ(series[0].toObject()[QStringLiteral("cat")].toString(),
              QStringLiteral("'Сводка'!$A$%1:$A$%2").arg(first).arg(last));
    // the shares of the municipality's schools (D, F), not the counts (C, E)
    EXPECT_EQ(series[0].toObject()[QStringLiteral("val")].toString(),
              QStringLiteral("'Сводка'!$D$%1:$D$%2").arg(first).arg(last));
    EXPECT_EQ(series[1].toObject()[QStringLiteral("val")].toString(),
              QStringLiteral("'Сводка'!$F$%1:$F$%2").arg(first).arg(last));
    EXPECT_TRUE(signs[QStringLiteral("title")].toString().startsWith(QStringLiteral("Доля школ")));
    const QJsonObject journal = charts[1].toObject();
    EXPECT_EQ(journal[QStringLiteral("grouping")].toString(), QStringLiteral("percentStacked"));
    QStringList names;
    for (const auto &s : journal[QStringLiteral("series")].toArray())
        names << s.toObject()[QStringLiteral("name")].toString();
    EXPECT_EQ(names, QStringList({QStringLiteral("понизили"), QStringLiteral("подтвердили"),
                                  QStringLiteral("повысили")}));
    // «Понизили, %» … «Повысили, %»: the table's last three columns
    const QJsonArray shares = journal[QStringLiteral("series")].toArray();
    ASSERT_EQ(shares.size(), 3);
    EXPECT_EQ(shares[0].toObject()[QStringLiteral("val")].toString(),
              QStringLiteral("'Сводка'!$I$%1:$I$%2").arg(first).arg(last));
    EXPECT_EQ(shares[2].toObject()[QStringLiteral("val")].toString(),
              QStringLiteral("'Сводка'!$K$%1:$K$%2").arg(first).arg(last));
}

TEST_F(AnalysisWorkbook, OneRowPerSchoolAndPerFindingWithKindStatisticThresholdAndReason) {
    const QJsonObject schools = book[QStringLiteral("Школы")].toObject();
    int rows = 0;
    for (const auto &c : schools[QStringLiteral("cells")].toArray())
        rows += c.toObject()[QStringLiteral("col")].toInt() == 2 &&
                c.toObject()[QStringLiteral("row")].toInt() > 1;
    EXPECT_EQ(rows, totals.schools.size());

    const QJsonObject findings = book[QStringLiteral("Признаки")].toObject();
    EXPECT_EQ(cellAt(findings, 1, 4)[QStringLiteral("value")].toString(),
              QStringLiteral("Вид признака"));
    ASSERT_GT(totals.findings.size(), 0);
    for (int i = 0; i < totals.findings.size(); ++i) {
        const auto &x = totals.findings[i];
        const int row = i + 2;
        SCOPED_TRACE(row);
        EXPECT_EQ(cellAt(findings, row, 4)[QStringLiteral("value")].toString(),
                  x.finding->kind() == core::CriterionKind::Results
                      ? QStringLiteral("результаты")
                      : QStringLiteral("текущее оценивание"));
        EXPECT_TRUE(cellAt(findings, row, 5)[QStringLiteral("value")].toString().startsWith(
            core::criterionTitle(x.finding->code)));
        if (std::isfinite(x.finding->threshold)) {
            EXPECT_NEAR(cellAt(findings, row, 8)[QStringLiteral("value")].toDouble(),
                        x.finding->threshold, 1e-9);
        }
        EXPECT_EQ(cellAt(findings, row, 10)[QStringLiteral("value")].toString(),
                  x.finding->explanation);
        EXPECT_TRUE(cellAt(findings, row, 10)[QStringLiteral("wrap")].toBool());
    }
    // results first, then current assessment
    const int firstCurrent = totals.findingsOfKind(core::CriterionKind::Results) + 2;
    EXPECT_EQ(cellAt(findings, firstCurrent, 4)[QStringLiteral("value")].toString(),
              QStringLiteral("текущее оценивание"));
}

TEST_F(AnalysisWorkbook, ThresholdsByTheirRussianNamesWithoutInternalKeys) {
    const QJsonObject sheet = book[QStringLiteral("Пороговые значения")].toObject();
    const QRegularExpression key(QStringLiteral("^[a-z_.]+$"));
    for (const auto &c : sheet[QStringLiteral("cells")].toArray())
        EXPECT_FALSE(key.match(c.toObject()[QStringLiteral("value")].toString()).hasMatch())
            << c.toObject()[QStringLiteral("value")].toString().toStdString();
    const auto &defs = core::AnalysisSettings::definitions();
    for (int i = 0; i < defs.size(); ++i)
        EXPECT_EQ(cellAt(sheet, i + 2, 1)[QStringLiteral("value")].toString(), defs[i].description);
}

TEST(AnalysisWorkbookErrors, AFolderWhereTheFileShouldBeIsAnErrorNamingTheFile) {
    QTemporaryDir dir;
    const core::Status st = io::AnalysisXlsxWriter::write(test::generatedReport(), dir.path());
    ASSERT_FALSE(st.ok());
    EXPECT_EQ(st.error().file, dir.path());
}

// A unit with two boundaries of one criterion and a journal sign, written by hand: each boundary
// is named on «Признаки» and in the unit's cell, and a tiny q shows as «< 0,0001».
TEST(AnalysisWorkbookLabels, BoundariesAreNamedAndTinyQIsWrittenInWords) {
    if (!test::havePython())
        GTEST_SKIP() << "/usr/bin/python3 with openpyxl is not installed";
    core::AnalysisReport report;
    core::UnitReport u;
    u.year = 2024;
    u.grade = 5;
    u.subject = QStringLiteral("Математика");
    u.schoolCode = QStringLiteral("edu053002");
    u.schoolName = QStringLiteral("МКОУ «СОШ д. Горки»");
    u.municipality = QStringLiteral("Старорусский район");
    u.n = 28;
    core::CriterionFinding f;
    f.code = QStringLiteral("boundary_bunching");
    f.label = QStringLiteral("граница «3»");
    f.qValue = 3e-5;
    f.effect = f.flagged = true;
    f.explanation = QStringLiteral("Ровно на границе «3» 6 работ при ожидаемых ≈1,5.");
    u.findings << f;
    f.label = QStringLiteral("граница «4»");
    u.findings << f;
    core::CriterionFinding journal;
    journal.code = QStringLiteral("journal_mismatch_lenient");
    journal.qValue = 0.0252;
    journal.effect = journal.flagged = true;
    journal.explanation = QStringLiteral("Понизили: 13 из 23 участников (56,5 %).");
    u.findings << journal;
    report.units << u;
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("метки.xlsx"));
    ASSERT_TRUE(io::AnalysisXlsxWriter::write(report, path).ok());
    const QJsonObject book = readWorkbook(path);
    const QJsonObject findings = book[QStringLiteral("Признаки")].toObject();
    EXPECT_EQ(cellAt(findings, 2, 5)[QStringLiteral("value")].toString(),
              QStringLiteral("Скопление баллов у границ отметок, граница «3»"));
    EXPECT_EQ(cellAt(findings, 3, 5)[QStringLiteral("value")].toString(),
              QStringLiteral("Скопление баллов у границ отметок, граница «4»"));
    EXPECT_EQ(cellAt(findings, 4, 4)[QStringLiteral("value")].toString(),
              QStringLiteral("текущее оценивание"));
    EXPECT_NEAR(cellAt(findings, 2, 9)[QStringLiteral("value")].toDouble(), 3e-5, 1e-12);
    EXPECT_TRUE(cellAt(findings, 2, 9)[QStringLiteral("format")].toString().contains(
        QStringLiteral("< 0,0001")));
    const QJsonObject units = book[QStringLiteral("Единицы анализа")].toObject();
    EXPECT_EQ(cellAt(units, 2, 17)[QStringLiteral("value")].toString(),
              QStringLiteral("Скопление баллов у границ отметок, граница «3»; Скопление баллов "
                             "у границ отметок, граница «4»; Много «понизили» (журнал выше)"));
}
