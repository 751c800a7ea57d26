// Export of the real plans (../shared/seeds) to PDF, Excel and ODT, read back with independent
// tools: pdftotext/pdfinfo (poppler), openpyxl (/usr/bin/python3), the zip container of the ODT.
#include "PlanExportSupport.h"

#include "objectivity/io/export/PlanExportTable.h"
#include "objectivity/io/export/PlanOdtWriter.h"
#include "objectivity/io/export/PlanPdfWriter.h"
#include "objectivity/io/export/PlanXlsxWriter.h"
#include "objectivity/io/formats/ZipArchive.h"

#include <QDir>
#include <QJsonArray>
#include <QSet>

using namespace objectivity;
using namespace objectivity::test;

namespace {

const QString kPdfToText = QStringLiteral("/usr/bin/pdftotext");
const QString kPdfInfo = QStringLiteral("/usr/bin/pdfinfo");

// Where outputs go: a temporary folder, or $OBJECTIVITY_EXPORT_KEEP to look at them afterwards.
QString outputDir(QTemporaryDir &tmp) {
    const QString keep = qEnvironmentVariable("OBJECTIVITY_EXPORT_KEEP");
    if (keep.isEmpty())
        return tmp.path();
    QDir().mkpath(keep);
    return keep;
}

QString pdfText(const QString &pdf, int firstPage = 0, int lastPage = 0) {
    QStringList args{QStringLiteral("-raw"), QStringLiteral("-enc"), QStringLiteral("UTF-8")};
    if (firstPage > 0)
        args << QStringLiteral("-f") << QString::number(firstPage);
    if (lastPage > 0)
        args << QStringLiteral("-l") << QString::number(lastPage);
    return runTool(kPdfToText, args << pdf << QStringLiteral("-"));
}

// Non-blank lines, trimmed (pdftotext ends each page with a form feed).
QStringList textLines(const QString &text) {
    QStringList lines;
    for (const QString &line : text.split(u'\n'))
        if (!line.trimmed().isEmpty())
            lines << line.trimmed();
    return lines;
}

class SeedExport : public ::testing::TestWithParam<const char *> {
protected:
    void SetUp() override {
        const QString prefix = QString::fromLatin1(GetParam());
        OBJ_REQUIRE_SHARED(seedPath(prefix), "seed " + prefix.toStdString());
        plan = approvedSeedPlan(prefix);
        ASSERT_GT(plan.measureCount(), 0) << "seed " << GetParam() << " did not import";
        dir = outputDir(tmp);
        base = QDir(dir).filePath(QStringLiteral("plan-") + prefix);
    }
    core::Plan plan;
    QTemporaryDir tmp;
    QString dir, base;
};

} // namespace

TEST_P(SeedExport, PdfHasEveryMeasureOnA4LandscapePages) {
    const QString pdf = base + QStringLiteral(".pdf");
    const core::Status st = io::PlanPdfWriter::write(plan, pdf);
    ASSERT_TRUE(st.ok()) << st.error().toString().toStdString();
    if (!QFileInfo::exists(kPdfToText))
        GTEST_SKIP() << "pdftotext (poppler-utils) is not installed";

    const QString info = runTool(kPdfInfo, {pdf});
    const QRegularExpressionMatch size =
        QRegularExpression(QStringLiteral("Page size:\\s+([\\d.]+) x ([\\d.]+) pts")).match(info);
    ASSERT_TRUE(size.hasMatch()) << info.toStdString();
    EXPECT_NEAR(size.captured(1).toDouble(), 841.89, 1.0); // A4 landscape: 297 mm wide
    EXPECT_NEAR(size.captured(2).toDouble(), 595.28, 1.0);

    const QStringList text = words(pdfText(pdf));
    for (const auto &section : plan.sections) {
        EXPECT_TRUE(containsWordSequence(text, words(io::PlanExportTable::sectionText(section))))
            << "section missing: " << section.title.toStdString();
        for (const auto &m : section.measures)
            EXPECT_TRUE(containsWordSequence(text, words(m.text)))
                << "measure " << m.number.toStdString() << " missing: " << m.text.toStdString();
    }
    // The approval block of an approved plan, on the first page.
    const QStringList approval = io::PlanExportTable(plan, {}).approvalLines();
    ASSERT_FALSE(approval.isEmpty());
    EXPECT_TRUE(containsWordSequence(words(pdfText(pdf, 1, 1)), words(approval.first())))
        << approval.first().toStdString();
}

TEST_P(SeedExport, PdfRepeatsTheHeaderAndNumbersPagesFromTheSecond) {
    const QString pdf = base + QStringLiteral("-pages.pdf");
    ASSERT_TRUE(io::PlanPdfWriter::write(plan, pdf).ok());
    if (!QFileInfo::exists(kPdfToText))
        GTEST_SKIP() << "pdftotext (poppler-utils) is not installed";
    const int pages = QRegularExpression(QStringLiteral("Pages:\\s+(\\d+)"))
                          .match(runTool(kPdfInfo, {pdf}))
                          .captured(1)
                          .toInt();
    ASSERT_GE(pages, 2) << "every seed plan takes more than one landscape page";
    const QString heading = plan.columns.at(1).heading.simplified();
    for (int page = 2; page <= pages; ++page) {
        const QString text = pdfText(pdf, page, page);
        const QStringList lines = textLines(text);
        ASSERT_FALSE(lines.isEmpty());
        // The number is painted after the body, so it is the last line of the page's text.
        EXPECT_EQ(lines.last().trimmed(), QString::number(page)) << "page number";
        EXPECT_TRUE(containsWordSequence(words(text), words(heading)))
            << "header «" << heading.toStdString() << "» not repeated on page " << page;
    }
    const QStringList firstPage = textLines(pdfText(pdf, 1, 1));
    EXPECT_NE(firstPage.last().trimmed(), QStringLiteral("1")) << "no number on the first page";
}

TEST_P(SeedExport, XlsxReadBackByOpenpyxl) {
    const QString xlsx = base + QStringLiteral(".xlsx");
    const core::Status st = io::PlanXlsxWriter::write(plan, xlsx);
    ASSERT_TRUE(st.ok()) << st.error().toString().toStdString();
    EXPECT_FALSE(QFileInfo::exists(xlsx + QStringLiteral(".part")));
    if (!havePython())
        GTEST_SKIP() << "/usr/bin/python3 with openpyxl is not installed";
    const QJsonObject book = readXlsx(xlsx);
    ASSERT_EQ(book.value(QStringLiteral("sheets")).toArray(),
              QJsonArray({QStringLiteral("План"), QStringLiteral("Исполнение")}));
    EXPECT_EQ(book[QStringLiteral("properties")][QStringLiteral("title")].toString(),
              plan.title.simplified());

    const QJsonObject sheet = book.value(QStringLiteral("План")).toObject();
    QHash<QString, QPair<int, int>> where; // cell text -> (row, column)
    for (const auto &c : sheet[QStringLiteral("cells")].toArray()) {
        const QJsonObject o = c.toObject();
        if (o[QStringLiteral("value")].isString())
            where.insert(o[QStringLiteral("value")].toString(),
                         {o[QStringLiteral("row")].toInt(), o[QStringLiteral("col")].toInt()});
    }
    const int columnCount = int(plan.columns.size());
    QSet<QPair<int, int>> mergedAcross;
    for (const auto &r : sheet[QStringLiteral("merged")].toArray()) {
        const QJsonArray a = r.toArray();
        if (a[1].toInt() == 1 && a[3].toInt() == columnCount && a[0].toInt() == a[2].toInt())
            mergedAcross.insert({a[0].toInt(), 1});
    }
    int measureColumn = 0;
    for (int c = 0; c < columnCount; ++c)
        if (plan.columns[c].role == core::ColumnRole::Measure)
            measureColumn = c + 1;
    for (const auto &section : plan.sections) {
        const QString text = io::PlanExportTable::sectionText(section).simplified();
        ASSERT_TRUE(where.contains(text)) << "section row missing: " << text.toStdString();
        EXPECT_TRUE(mergedAcross.contains(where.value(text)))
            << "section row not merged across: " << text.toStdString();
        for (const auto &m : section.measures) {
            ASSERT_TRUE(where.contains(m.text)) << "measure missing: " << m.text.toStdString();
            EXPECT_EQ(where.value(m.text).second, measureColumn);
        }
    }
    // Headings as the plan has them, frozen and repeated on printed pages.
    const auto headerCell = where.value(plan.columns.first().heading.simplified());
    ASSERT_GT(headerCell.first, 0);
    EXPECT_EQ(sheet[QStringLiteral("freeze")].toString(),
              QStringLiteral("A%1").arg(headerCell.first + 1));
    EXPECT_EQ(sheet[QStringLiteral("print_title_rows")].toString(),
              QStringLiteral("%1:%1").arg(headerCell.first));
    EXPECT_EQ(sheet[QStringLiteral("orientation")].toString(), QStringLiteral("landscape"));
    EXPECT_EQ(sheet[QStringLiteral("paper")].toInt(), 9); // A4
    EXPECT_TRUE(sheet[QStringLiteral("fit_to_page")].toBool());
    EXPECT_EQ(sheet[QStringLiteral("fit_width")].toInt(), 1);  // one page wide
    EXPECT_EQ(sheet[QStringLiteral("fit_height")].toInt(), 0); // as many pages down as needed

    // «Исполнение»: one row per section and the plan total.
    const QJsonObject summary = book.value(QStringLiteral("Исполнение")).toObject();
    int totalRowSum = -1;
    for (const auto &c : summary[QStringLiteral("cells")].toArray()) {
        const QJsonObject o = c.toObject();
        if (o[QStringLiteral("value")].toString() == QStringLiteral("Итого по плану")) {
            for (const auto &d : summary[QStringLiteral("cells")].toArray())
                if (d.toObject()[QStringLiteral("row")] == o[QStringLiteral("row")] &&
                    d.toObject()[QStringLiteral("col")].toInt() == 3)
                    totalRowSum = d.toObject()[QStringLiteral("value")].toInt();
        }
    }
    EXPECT_EQ(totalRowSum, plan.measureCount());
}

// The plan sheet prints at 100 % on A4 landscape and its pages end where the program says (manual
// breaks), so that Excel and LibreOffice print the same pages: each page holds at most the page's
// height (the repeated header included), none ends with a section's heading row, and none ends
// early (the next page's first measure, with its heading, would not have fitted).
TEST_P(SeedExport, XlsxPagesAreFullAndNeverEndWithASectionHeading) {
    const QString xlsx = base + QStringLiteral("-pages.xlsx");
    ASSERT_TRUE(io::PlanXlsxWriter::write(plan, xlsx).ok());
    if (!havePython())
        GTEST_SKIP() << "/usr/bin/python3 with openpyxl is not installed";
    const QJsonObject book = readXlsx(xlsx);
    // Arial, whose metric twin LibreOffice has: Calc then counts the widths as Excel does
    EXPECT_EQ(book[QStringLiteral("normal_font")].toString(), QStringLiteral("Arial"));
    const QJsonObject sheet = book[QStringLiteral("План")].toObject();
    double sheetPixels = 0;
    const QJsonObject widths = sheet[QStringLiteral("col_widths")].toObject();
    for (auto it = widths.begin(); it != widths.end(); ++it)
        sheetPixels += std::floor(it.value().toDouble() * 7 + 0.5);
    EXPECT_LE(sheetPixels, 267 / 25.4 * 96) << "wider than the page: printed smaller than 100 %";
    const double page = 170 / 25.4 * 72; // A4 landscape less the 20 mm margins, in points

    const int header =
        sheet[QStringLiteral("print_title_rows")].toString().section(u':', 0, 0).toInt();
    ASSERT_GT(header, 0);
    int last = 0;
    QSet<int> sections;
    for (const auto &m : sheet[QStringLiteral("merged")].toArray()) {
        const QJsonArray r = m.toArray();
        if (r[0].toInt() > header && r[1].toInt() == 1 && r[3].toInt() == int(plan.columns.size()))
            sections.insert(r[0].toInt());
    }
    for (const auto &c : sheet[QStringLiteral("cells")].toArray())
        last = std::max(last, c.toObject()[QStringLiteral("row")].toInt());
    ASSERT_EQ(sections.size(), plan.sections.size());
    const QJsonObject heights = sheet[QStringLiteral("row_heights")].toObject();
    auto height = [&](int row) { return heights.value(QString::number(row)).toDouble(15); };

    QList<int> ends;
    for (const auto &b : sheet[QStringLiteral("row_breaks")].toArray())
        ends << b.toInt();
    ends << last;
    ASSERT_GE(ends.size(), 2) << "a seed plan takes more than one page";
    int first = 1;
    for (int i = 0; i < ends.size(); ++i) {
        double used = first > header ? height(header) : 0;
        for (int r = first; r <= ends[i]; ++r)
            used += height(r);
        SCOPED_TRACE("page " + std::to_string(i + 1) + ", rows " + std::to_string(first) + "–" +
                     std::to_string(ends[i]));
        EXPECT_LE(used, page);
        if (i + 1 < ends.size()) {
            EXPECT_FALSE(sections.contains(ends[i])) << "the page ends with a section's heading";
            // what the next page starts with: its headings and first measure
            double next = 0;
            int r = ends[i] + 1;
            while (sections.contains(r))
                next += height(r++);
            next += height(r);
            EXPECT_GT(used + next, page - 2 - 0.75 * (ends[i] - first + 3))
                << "the page ends early";
        }
        first = ends[i] + 1;
    }
}

TEST_P(SeedExport, OdtIsAZipWithTheMeasuresInContentXml) {
    const QString odt = base + QStringLiteral(".odt");
    const core::Status st = io::PlanOdtWriter::write(plan, odt);
    ASSERT_TRUE(st.ok()) << st.error().toString().toStdString();
    auto zip = io::ZipArchive::open(odt);
    ASSERT_TRUE(zip.ok()) << zip.error().toString().toStdString();
    ASSERT_TRUE(zip->contains(QStringLiteral("content.xml")));
    auto content = zip->read(QStringLiteral("content.xml"));
    ASSERT_TRUE(content.ok());
    const QString xml = QString::fromUtf8(*content);
    const QStringList approval = io::PlanExportTable(plan, {}).approvalLines();
    ASSERT_FALSE(approval.isEmpty());
    EXPECT_TRUE(xml.contains(approval.first().toHtmlEscaped())) << approval.first().toStdString();
    for (const auto &section : plan.sections)
        for (const auto &m : section.measures) {
            // content.xml escapes markup characters; compare the first line of plain text.
            QString first = m.text.section(u'\n', 0, 0);
            first.replace(u'&', QStringLiteral("&amp;"))
                .replace(u'<', QStringLiteral("&lt;"))
                .replace(u'>', QStringLiteral("&gt;"));
            EXPECT_TRUE(xml.contains(first.left(60))) << m.text.toStdString();
        }
}

INSTANTIATE_TEST_SUITE_P(Seeds, SeedExport, ::testing::Values("000", "001", "002"));

// The execution report in Excel: completion dates as real dates in dd.mm.yyyy, section rows bold,
// bordered wrapped cells, and the «Исполнение» sheet counting done / moved per section.
TEST(PlanXlsxReport, DatesStatusesAndSectionTotalsReadBackByOpenpyxl) {
    OBJ_REQUIRE_SHARED(seedPath(QStringLiteral("000")), "seed 000");
    core::Plan plan = approvedSeedPlan(QStringLiteral("000"));
    ASSERT_GT(plan.sections.size(), 1);
    for (auto &section : plan.sections) {
        section.measures[0].status = core::MeasureStatus::Done;
        section.measures[0].completionDate = QDate(2023, 10, 12);
        section.measures[0].note = QStringLiteral("Протокол педсовета");
        if (section.measures.size() > 1)
            section.measures[1].status = core::MeasureStatus::Postponed;
    }
    QTemporaryDir tmp;
    const QString xlsx = tmp.filePath(QStringLiteral("report.xlsx"));
    const core::Status st =
        io::PlanXlsxWriter::write(plan, xlsx, io::PlanExportOptions::report(QDate(2024, 6, 1)));
    ASSERT_TRUE(st.ok()) << st.error().toString().toStdString();
    if (!havePython())
        GTEST_SKIP() << "/usr/bin/python3 with openpyxl is not installed";
    const QJsonObject book = readXlsx(xlsx);
    const QJsonArray cells = book[QStringLiteral("План")][QStringLiteral("cells")].toArray();
    int dates = 0, notes = 0, boldSections = 0;
    for (const auto &c : cells) {
        const QJsonObject o = c.toObject();
        const QJsonValue v = o[QStringLiteral("value")];
        if (v.isObject()) {
            EXPECT_EQ(v[QStringLiteral("date")].toString(), QStringLiteral("2023-10-12"));
            EXPECT_EQ(v[QStringLiteral("format")].toString(), QStringLiteral("dd.mm.yyyy"));
            ++dates;
        }
        if (v.toString() == QStringLiteral("Протокол педсовета")) {
            ++notes;
            EXPECT_TRUE(o[QStringLiteral("border")].toBool());
            EXPECT_TRUE(o[QStringLiteral("wrap")].toBool());
        }
        for (const auto &section : plan.sections)
            if (v.toString() == io::PlanExportTable::sectionText(section).simplified())
                boldSections += o[QStringLiteral("bold")].toBool() ? 1 : 0;
    }
    EXPECT_EQ(dates, plan.sections.size());
    EXPECT_EQ(notes, plan.sections.size());
    EXPECT_EQ(boldSections, plan.sections.size());

    // «Исполнение»: per section row, column 4 = done, column 6 = moved.
    QHash<int, QHash<int, QJsonValue>> grid;
    for (const auto &c : book[QStringLiteral("Исполнение")][QStringLiteral("cells")].toArray())
        grid[c[QStringLiteral("row")].toInt()][c[QStringLiteral("col")].toInt()] =
            c[QStringLiteral("value")];
    int sectionRows = 0;
    for (const auto &section : plan.sections)
        for (auto it = grid.cbegin(); it != grid.cend(); ++it)
            if (it.value().value(2).toString() == section.title.simplified()) {
                ++sectionRows;
                EXPECT_EQ(it.value().value(3).toInt(), section.measures.size());
                EXPECT_EQ(it.value().value(4).toInt(), 1) << "done";
                EXPECT_EQ(it.value().value(6).toInt(), section.measures.size() > 1 ? 1 : 0)
                    << "moved";
            }
    EXPECT_EQ(sectionRows, plan.sections.size());
}
