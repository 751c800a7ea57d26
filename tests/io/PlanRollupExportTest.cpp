// The roll-up as Excel (read back with the project's XlsxReader: two sheets, numbers, shares;
// printed by LibreOffice Calc where it is installed) and as PDF (read back with Poppler: landscape
// A4, title and date, the table heading repeated on every page, page numbers).
#include "LibreOfficeSupport.h"
#include "TestSupport.h"
#include "objectivity/io/export/PlanRollupReport.h"
#include "objectivity/io/export/PlanRollupXlsxWriter.h"
#include "objectivity/io/formats/XlsxReader.h"

#include <QRegularExpression>
#include <QTemporaryDir>

#include <gtest/gtest.h>
#include <poppler/qt6/poppler-qt6.h>

using namespace objectivity;
using namespace Qt::StringLiterals;

namespace {

// 30 measures, 12 schools; school k has done measures with index < k, the rest overdue.
struct Sample {
    core::Plan plan;
    core::PlanRollup rollup;
    Sample() {
        plan.id = 7;
        plan.title = u"Дорожная карта по повышению объективности на 2023/24 учебный год"_s;
        plan.organization = {1, u"МКУ «Управление образования» г. Рубцовска"_s,
                             core::OrganizationKind::MunicipalDepartment, QString()};
        core::Section section{1, u"1."_s, u"Раздел"_s, {}};
        for (int i = 0; i < 30; ++i) {
            core::Measure m;
            m.id = 100 + i;
            m.number = u"1.%1."_s.arg(i + 1);
            m.text = u"Мероприятие с достаточно длинным текстом, чтобы строка таблицы занимала "
                     "несколько строк, номер %1"_s.arg(i + 1);
            m.deadline.text = u"Октябрь 2023"_s;
            m.deadline.windows = {{QDate(2023, 10, 1), QDate(2023, 10, 31)}};
            m.deadline.from = QDate(2023, 10, 1);
            m.deadline.to = QDate(2023, 10, 31);
            section.measures << m;
        }
        plan.sections << section;
        QList<core::RollupCopy> copies;
        for (int k = 0; k < 12; ++k)
            for (int i = 0; i < 30; ++i) {
                core::RollupCopy c;
                c.municipalMeasureId = 100 + i;
                c.schoolId = k + 1;
                c.schoolName = u"МБОУ «СОШ №%1»"_s.arg(k + 1);
                c.schoolCode = u"rub%1"_s.arg(k + 1, 3, 10, QLatin1Char('0'));
                c.planId = 50 + k;
                c.measure = section.measures[i];
                c.measure.status = i < k ? core::MeasureStatus::Done : core::MeasureStatus::Planned;
                copies << c;
            }
        rollup = core::PlanRollup::build(plan, copies, QDate(2023, 11, 15));
    }
};

} // namespace

TEST(PlanRollupExportTest, ExcelHasBothSheets) {
    const Sample s;
    QTemporaryDir dir;
    const QString path = dir.filePath(u"свод.xlsx"_s);
    const core::Status written = io::PlanRollupXlsxWriter::write(s.plan, s.rollup, path);
    ASSERT_TRUE(written.ok()) << written.error().toString().toStdString();
    auto reader = io::XlsxReader::open(path);
    ASSERT_TRUE(reader.ok()) << reader.error().toString().toStdString();
    EXPECT_EQ(reader->sheetNames(), (QStringList{u"По мероприятиям"_s, u"По школам"_s}));
    auto measures = reader->readSheet(0);
    ASSERT_TRUE(measures.ok());
    EXPECT_TRUE(measures->text(0, 0).startsWith(u"Свод по школам: Дорожная карта"_s));
    EXPECT_TRUE(measures->text(1, 0).contains(u"Исполнение на 15.11.2023: школ 12"_s))
        << measures->text(1, 0).toStdString();
    EXPECT_EQ(measures->text(3, 6), u"Просрочено"_s);
    // 1.1: done by the 11 schools k ≥ 1, overdue at school 1.
    EXPECT_EQ(measures->text(4, 0), u"1.1."_s);
    EXPECT_EQ(measures->text(4, 3), u"12"_s);
    EXPECT_EQ(measures->text(4, 4), u"11"_s);
    EXPECT_EQ(measures->text(4, 6), u"1"_s);
    EXPECT_NEAR(measures->value(4, 8).toDouble(), 11.0 / 12, 1e-9);
    EXPECT_EQ(measures->text(4, 9), u"МБОУ «СОШ №1»"_s);
    EXPECT_EQ(measures->text(34, 1), u"Итого"_s);
    EXPECT_EQ(measures->text(34, 3), u"360"_s);
    auto schools = reader->readSheet(u"По школам"_s);
    ASSERT_TRUE(schools.ok());
    EXPECT_EQ(schools->text(3, 0), u"Школа"_s);
    EXPECT_EQ(schools->rows.size(), 4 + 12);
    EXPECT_EQ(schools->text(4, 0), u"МБОУ «СОШ №1»"_s); // numeric order: №1, №2, …, №12
    EXPECT_EQ(schools->text(15, 0), u"МБОУ «СОШ №12»"_s);
    EXPECT_EQ(schools->text(15, 1), u"rub012"_s);
    EXPECT_EQ(schools->text(15, 4), u"11"_s);
    EXPECT_NEAR(schools->value(15, 8).toDouble(), 11.0 / 30, 1e-9);
}

// Calc prints the workbook at 100 % in Arial (it printed Calibri as DejaVu Sans, shrunk to fit
// the page): on every page the page header on one line, the table's heading with its
// last column, and every measure and school once, in order.
TEST(PlanRollupExportTest, CalcPrintsEveryColumnAtFullSize) {
    OBJ_REQUIRE_LIBREOFFICE_CALC_AND_PDFTOTEXT();
    const Sample s;
    QTemporaryDir dir;
    const QString xlsx = dir.filePath(u"rollup.xlsx"_s);
    ASSERT_TRUE(io::PlanRollupXlsxWriter::write(s.plan, s.rollup, xlsx).ok());
    QString pdf, output;
    const QList<QStringList> pages = test::printWithLibreOffice(xlsx, &pdf, &output);
    ASSERT_GE(pages.size(), 2) << output.toStdString();
    QStringList rows; // measure numbers and school names in the order printed
    static const QRegularExpression measure(u"^(1\\.\\d+\\.) "_s),
        school(u"^(МБОУ «СОШ №\\d+») rub\\d{3} "_s);
    for (int i = 0; i < pages.size(); ++i) {
        const QStringList &lines = pages[i];
        SCOPED_TRACE(u"page %1"_s.arg(i + 1).toStdString());
        ASSERT_FALSE(lines.isEmpty());
        EXPECT_TRUE(lines.first().startsWith(u"Свод по школам: Дорожная карта"_s))
            << lines.first().toStdString();
        EXPECT_TRUE(lines.first().endsWith(u"Стр. %1 из %2"_s.arg(i + 1).arg(pages.size())))
            << lines.first().toStdString();
        bool heading = false;
        for (const QString &line : lines) {
            heading |=
                (line.startsWith(u"№ Мероприятие Срок"_s) && line.endsWith(u"Просрочили"_s)) ||
                (line.startsWith(u"Школа Логин ОО"_s) && line.endsWith(u"мероприятия"_s));
            if (const auto m = measure.match(line); m.hasMatch())
                rows << m.captured(1);
            else if (const auto m = school.match(line); m.hasMatch())
                rows << m.captured(1);
        }
        EXPECT_TRUE(heading) << "no heading with its last column";
    }
    QStringList expected;
    for (int i = 0; i < 30; ++i)
        expected << u"1.%1."_s.arg(i + 1);
    for (int k = 0; k < 12; ++k)
        expected << u"МБОУ «СОШ №%1»"_s.arg(k + 1);
    EXPECT_EQ(rows, expected);
    const QList<double> widths = test::pdfWordWidths(pdf, 1, u"Мероприятие"_s);
    ASSERT_FALSE(widths.isEmpty());
    const double font = test::liberationSansWidth(u"Мероприятие"_s, 10, true);
    EXPECT_NEAR(widths.first(), font, font * 0.015) << "not printed at 100 %";
}

TEST(PlanRollupExportTest, PdfIsLandscapeWithRepeatedHeadings) {
    const Sample s;
    const io::ReportDocument doc = io::PlanRollupReport::build(s.plan, s.rollup);
    EXPECT_TRUE(doc.landscape);
    EXPECT_TRUE(doc.plainText().contains(u"Исполнение на 15.11.2023"_s));
    QTemporaryDir dir;
    const QString path = dir.filePath(u"свод.pdf"_s);
    const core::Status written = io::PlanRollupReport::writePdf(s.plan, s.rollup, path);
    ASSERT_TRUE(written.ok()) << written.error().toString().toStdString();
    std::unique_ptr<Poppler::Document> pdf = Poppler::Document::load(path);
    ASSERT_TRUE(pdf);
    ASSERT_GE(pdf->numPages(), 2);
    for (int i = 0; i < pdf->numPages(); ++i) {
        std::unique_ptr<Poppler::Page> page = pdf->page(i);
        EXPECT_GT(page->pageSizeF().width(), page->pageSizeF().height()) << "page " << i + 1;
        QStringList words;
        for (const auto &w : page->textList())
            words << w->text();
        const QString text = words.join(u' ');
        if (i == 0)
            EXPECT_TRUE(text.contains(u"Исполнение на 15.11.2023"_s));
        else
            EXPECT_TRUE(words.contains(QString::number(i + 1))) << "page " << i + 1;
        // Every page starts a table with its heading row.
        EXPECT_TRUE(text.contains(u"Просрочили"_s) || text.contains(u"Просрочены"_s))
            << "page " << i + 1;
    }
}
