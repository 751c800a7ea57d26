// The analysis report in Excel, read back by openpyxl: the flags with their explanations, and a
// workbook that prints as Russian office documents do (A4 landscape, one page wide, the heading row
// on every page, rows as high as their wrapped text).
#include "PlanExportSupport.h"

#include "objectivity/io/export/AnalysisXlsxWriter.h"

#include <QJsonArray>
#include <QTemporaryDir>

using namespace objectivity;

namespace {

core::AnalysisReport sampleReport() {
    core::AnalysisReport report;
    core::UnitReport u;
    u.year = 2024;
    u.kind = core::ProcedureKind::VPR;
    u.grade = 5;
    u.subject = QStringLiteral("Математика");
    u.schoolCode = QStringLiteral("edu053002");
    u.schoolName =
        QStringLiteral("МКОУ «СОШ д. Горки» с углублённым изучением отдельных предметов");
    u.municipality = QStringLiteral("Старорусский район");
    u.n = 28;
    core::CriterionFinding f;
    f.code = QStringLiteral("boundary_bunching");
    f.pValue = 2e-7;
    f.qValue = 3e-5;
    f.effect = true;
    f.flagged = true;
    f.label = QStringLiteral("граница «3»");
    f.explanation = QStringLiteral(
        "Ровно на границах отметок 17 работ при ожидаемых по форме распределения региона ≈6,7, "
        "на 1–2 б. ниже границ — 1 при ожидаемых ≈11,5 (недостаёт 87 % работ чуть ниже границ; в "
        "окнах у границ 25 участников). «3» (граница 7 б.): ровно на границе 6 (ожидалось ≈1,5), "
        "ниже на 1–2 б. 0 (ожидалось ≈2,6); «4» (граница 11 б.): ровно на границе 7.");
    u.findings << f;
    core::CriterionFinding lenient = f;
    lenient.code = QStringLiteral("journal_mismatch_lenient");
    lenient.label.clear();
    lenient.qValue = 0.0252;
    lenient.explanation = QStringLiteral("Понизили: 13 из 23 участников (56,5 %).");
    u.findings << lenient;
    core::CriterionFinding four = f; // boundary_bunching gives one finding per boundary
    four.label = QStringLiteral("граница «4»");
    four.explanation = QStringLiteral("У границы «4» (11 баллов): ровно на границе 7 работ.");
    u.findings << four;
    report.units << u;
    core::SchoolSummary s;
    s.schoolCode = u.schoolCode;
    s.markers = 1;
    s.currentAssessment = 1;
    s.yearsInRow = 1;
    report.schools << s;
    return report;
}

QJsonObject cellAt(const QJsonObject &sheet, int row, int col) {
    for (const auto &c : sheet[QStringLiteral("cells")].toArray())
        if (c.toObject()[QStringLiteral("row")].toInt() == row &&
            c.toObject()[QStringLiteral("col")].toInt() == col)
            return c.toObject();
    return {};
}

} // namespace

TEST(AnalysisXlsxWriter, PrintsLikeAnOfficeDocumentAndKeepsTheExplanations) {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("анализ.xlsx"));
    const core::Status st = io::AnalysisXlsxWriter::write(sampleReport(), path);
    ASSERT_TRUE(st.ok()) << st.error().toString().toStdString();
    if (!test::havePython())
        GTEST_SKIP() << "/usr/bin/python3 with openpyxl is not installed";
    const QJsonObject book = test::readXlsx(path);
    ASSERT_EQ(book[QStringLiteral("sheets")].toArray(),
              QJsonArray({QStringLiteral("Признаки по школам"), QStringLiteral("Единицы анализа"),
                          QStringLiteral("Виды признаков"), QStringLiteral("Пороговые значения")}));
    for (const QString &name :
         {QStringLiteral("Признаки по школам"), QStringLiteral("Единицы анализа"),
          QStringLiteral("Виды признаков"), QStringLiteral("Пороговые значения")}) {
        const QJsonObject sheet = book[name].toObject();
        EXPECT_EQ(sheet[QStringLiteral("orientation")].toString(), QStringLiteral("landscape"))
            << name.toStdString();
        EXPECT_EQ(sheet[QStringLiteral("paper")].toInt(), 9) << name.toStdString();
        EXPECT_EQ(sheet[QStringLiteral("fit_width")].toInt(), 1) << name.toStdString();
        EXPECT_EQ(sheet[QStringLiteral("fit_height")].toInt(), 0) << name.toStdString();
        EXPECT_EQ(sheet[QStringLiteral("print_title_rows")].toString(), QStringLiteral("1:1"))
            << name.toStdString();
        EXPECT_EQ(sheet[QStringLiteral("freeze")].toString(), QStringLiteral("A2"))
            << name.toStdString();
    }
    // the two kinds of sign, apart: per flag, per school, and what each means with its counts
    const QJsonObject bySchool = book[QStringLiteral("Признаки по школам")].toObject();
    EXPECT_EQ(cellAt(bySchool, 1, 15)[QStringLiteral("value")].toString(),
              QStringLiteral("Вид признака"));
    EXPECT_EQ(cellAt(bySchool, 2, 15)[QStringLiteral("value")].toString(),
              QStringLiteral("результаты"));
    EXPECT_EQ(cellAt(bySchool, 3, 15)[QStringLiteral("value")].toString(),
              QStringLiteral("текущее оценивание"));
    EXPECT_EQ(cellAt(bySchool, 1, 12)[QStringLiteral("value")].toString(),
              QStringLiteral("Признаков результатов у школы"));
    EXPECT_EQ(cellAt(bySchool, 3, 16)[QStringLiteral("value")].toDouble(), 1);
    const QJsonObject kinds = book[QStringLiteral("Виды признаков")].toObject();
    EXPECT_EQ(cellAt(kinds, 2, 1)[QStringLiteral("value")].toString(),
              QStringLiteral("Признаки необъективности результатов"));
    EXPECT_EQ(cellAt(kinds, 3, 1)[QStringLiteral("value")].toString(),
              QStringLiteral("Признаки необъективности текущего оценивания"));
    EXPECT_TRUE(cellAt(kinds, 3, 2)[QStringLiteral("value")].toString().contains(
        QStringLiteral("систему текущего оценивания")));
    EXPECT_EQ(cellAt(kinds, 2, 3)[QStringLiteral("value")].toDouble(), 1); // units
    EXPECT_EQ(cellAt(kinds, 3, 3)[QStringLiteral("value")].toDouble(), 1);
    EXPECT_EQ(cellAt(kinds, 2, 4)[QStringLiteral("value")].toDouble(), 1); // schools
    // the unit's flags in one cell, each boundary named
    const QJsonObject unitsSheet = book[QStringLiteral("Единицы анализа")].toObject();
    EXPECT_EQ(cellAt(unitsSheet, 2, 25)[QStringLiteral("value")].toString().toStdString(),
              QStringLiteral("Скопление баллов у границ отметок (граница «3»); Много «понизили» "
                             "(журнал выше); Скопление баллов у границ отметок (граница «4»)")
                  .toStdString());
    const QJsonObject flags = book[QStringLiteral("Признаки по школам")].toObject();
    // row 2: the bunching flag with its explanation; row 3: the journal flag
    EXPECT_EQ(cellAt(flags, 2, 9)[QStringLiteral("value")].toString(),
              QStringLiteral("Скопление баллов у границ отметок"));
    EXPECT_TRUE(cellAt(flags, 2, 11)[QStringLiteral("value")].toString().startsWith(
        QStringLiteral("Ровно на границах отметок 17 работ")));
    EXPECT_TRUE(cellAt(flags, 2, 11)[QStringLiteral("wrap")].toBool());
    EXPECT_TRUE(cellAt(flags, 2, 1)[QStringLiteral("top")].toBool());
    // q: a number, shown «< 0,0001» below 0.0001
    EXPECT_NEAR(cellAt(flags, 2, 10)[QStringLiteral("value")].toDouble(), 3e-5, 1e-12);
    EXPECT_TRUE(cellAt(flags, 2, 10)[QStringLiteral("format")].toString().contains(
        QStringLiteral("< 0,0001")));
    EXPECT_NEAR(cellAt(flags, 3, 10)[QStringLiteral("value")].toDouble(), 0.0252, 1e-12);
    // the long explanation makes its row taller than the one-line journal flag
    const QJsonObject heights = flags[QStringLiteral("row_heights")].toObject();
    EXPECT_GE(heights[QStringLiteral("2")].toDouble(), 3 * 15.0);
    EXPECT_LT(heights[QStringLiteral("3")].toDouble(), heights[QStringLiteral("2")].toDouble());
}
