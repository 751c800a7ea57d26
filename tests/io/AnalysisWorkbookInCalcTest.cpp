// The analysis workbook as the user's LibreOffice Calc prints it: every page holds all the columns
// of its sheet at 100 % (Calc drew libxlsxwriter's Calibri in DejaVu Sans, 1.4 times wider than
// Excel, so columns sized for Excel spilled onto pages of their own), and every page carries the
// title and «Стр. N из M». Printed by Calc into PDF, read with pdftotext; skips where LibreOffice
// Calc or poppler-utils is not installed.
#include "GeneratedAnalysis.h"
#include "LibreOfficeSupport.h"

#include "objectivity/io/export/AnalysisXlsxWriter.h"

#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace objectivity;
using namespace Qt::StringLiterals;

TEST(AnalysisWorkbookInCalc, EveryPageHoldsAllColumnsOfItsSheetAtFullSize) {
    OBJ_REQUIRE_LIBREOFFICE_CALC_AND_PDFTOTEXT();
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    io::AnalysisScope scope;
    scope.year = 2024;
    scope.kind = static_cast<int>(core::ProcedureKind::VPR);
    scope.date = QDate(2026, 11, 30);
    const QString xlsx = dir.filePath(u"analysis.xlsx"_s);
    ASSERT_TRUE(io::AnalysisXlsxWriter::write(test::generatedReport(), xlsx, scope).ok());
    QString pdf, output;
    const QList<QStringList> pages = test::printWithLibreOffice(xlsx, &pdf, &output);
    ASSERT_GE(pages.size(), 6) << output.toStdString();

    // The first and the last heading of each table sheet: a page that spilled over holds one
    // without the other.
    struct Table {
        QString first, last;
        int pages = 0;
    };
    QList<Table> tables = {{u"Муниципалитет Код школы Школа"_s, u"Признаки"_s},
                           {u"Школа (логин),"_s, u"Пояснение"_s},
                           {u"Предмет Школа (логин) Муниципалитет"_s, u"Признаки"_s},
                           {u"Пороговое значение"_s, u"По умолчанию"_s}};
    const QString title = u"Анализ объективности результатов ВПР 2024 года"_s;
    for (int i = 0; i < pages.size(); ++i) {
        const QStringList &lines = pages[i];
        SCOPED_TRACE(u"page %1: %2"_s.arg(i + 1).arg(lines.mid(0, 3).join(u" | "_s)).toStdString());
        ASSERT_FALSE(lines.isEmpty());
        EXPECT_EQ(lines.first(), u"%1 Стр. %2 из %3"_s.arg(title).arg(i + 1).arg(pages.size()));
        if (i < 4) // the summary and its criteria, the two charts
            continue;
        const QString heading = lines.value(1);
        bool found = false;
        for (Table &t : tables) {
            if (heading.startsWith(t.first)) {
                EXPECT_TRUE(heading.endsWith(t.last) || lines.value(2).endsWith(t.last))
                    << "the last column is not on the page";
                ++t.pages;
                found = true;
            }
        }
        EXPECT_TRUE(found) << "a page without its sheet's first columns";
    }
    for (const Table &t : tables)
        EXPECT_GT(t.pages, 0) << t.first.toStdString();
    // the summary's charts and the criteria's table start pages of their own
    EXPECT_TRUE(pages[1].join(u' ').contains(u"Итоги по критериям"_s));
    EXPECT_TRUE(pages[2].join(u' ').contains(u"Доля школ с признаками необъективности"_s));
    EXPECT_TRUE(pages[3].join(u' ').contains(u"Отметки за работу и отметки по журналу"_s));

    // Printed at 100 %: the heading «Муниципалитет» (Arial 10 bold, Liberation Sans here) is as
    // wide on the page as the font draws it.
    const double expected = test::liberationSansWidth(u"Муниципалитет"_s, 10, true);
    const QList<double> widths = test::pdfWordWidths(pdf, 5, u"Муниципалитет"_s);
    ASSERT_FALSE(widths.isEmpty());
    EXPECT_NEAR(widths.first(), expected, expected * 0.015);
}
