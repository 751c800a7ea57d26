// The painter of the PDF and the print preview (io::PlanDocumentPainter): the table of every page
// is closed by its bottom line (recorded and seen in the picture), the approval block dates an
// unknown order by hand, the cells are text that pdftotext reads back, and a printer gets the same
// pages as the PDF.
#include "PlanExportSupport.h"

#include "objectivity/io/export/PlanDocumentBuilder.h"
#include "objectivity/io/export/PlanDocumentPainter.h"
#include "objectivity/io/export/PlanExportTable.h"
#include "objectivity/io/export/PlanPdfWriter.h"

#include <QDir>
#include <QRegularExpression>

#include <QImage>
#include <QPdfWriter>
#include <QPrinter>
#include <algorithm>

using namespace objectivity;
using namespace objectivity::test;
using io::PlanDocumentPainter;
using io::PlanExportOptions;

namespace {

const QString kPdfToText = QStringLiteral("/usr/bin/pdftotext");
const QString kPdfToPpm = QStringLiteral("/usr/bin/pdftoppm");

core::Result<int> paintPdf(const core::Plan &plan, const PlanExportOptions &options,
                           const QString &path, PlanDocumentPainter::Stats *stats) {
    QPdfWriter writer(path);
    writer.setResolution(600);
    QPageLayout layout = io::PlanDocumentBuilder::pageLayout(options.orientation);
    layout.setMargins(QMarginsF(0, 0, 0, 0));
    writer.setPageLayout(layout);
    return PlanDocumentPainter::paint(plan, options, writer, stats);
}

QString pdfText(const QString &pdf, int page = 0, bool layout = false) {
    QStringList args;
    if (layout)
        args << QStringLiteral("-layout");
    if (page > 0)
        args << QStringLiteral("-f") << QString::number(page) << QStringLiteral("-l")
             << QString::number(page);
    return runTool(kPdfToText, args << pdf << QStringLiteral("-"));
}

} // namespace

TEST(PlanDocumentPainter, EveryPageEndsWithTheTablesBottomLine) {
    OBJ_REQUIRE_SHARED(seedPath(QStringLiteral("001")), "seed 001");
    const core::Plan plan = approvedSeedPlan(QStringLiteral("001"));
    QTemporaryDir tmp;
    for (const PlanExportOptions &options :
         {PlanExportOptions{}, PlanExportOptions::report(QDate(2024, 1, 15))}) {
        const QString pdf =
            tmp.filePath(options.isReport() ? QStringLiteral("r.pdf") : QStringLiteral("p.pdf"));
        PlanDocumentPainter::Stats stats;
        const core::Result<int> pages = paintPdf(plan, options, pdf, &stats);
        ASSERT_TRUE(pages.ok());
        ASSERT_GE(pages.value(), 3);
        ASSERT_EQ(int(stats.records.size()), pages.value());
        for (int p = 0; p < pages.value(); ++p) {
            const PlanDocumentPainter::PageRecord &r = stats.records[size_t(p)];
            EXPECT_GT(r.rows, 0) << "page " << p + 1;
            EXPECT_DOUBLE_EQ(r.bottomLine, r.tableBottom) << "page " << p + 1;
            EXPECT_GT(r.bottomLine, r.lowestText) << "page " << p + 1;
            EXPECT_LE(r.verticalsBottom, r.tableBottom + 1e-6) << "page " << p + 1;
        }
        if (!QFileInfo::exists(kPdfToPpm))
            continue;
        // In the picture (72 dpi, grey): the pixel rows at the recorded bottom line are dark across
        // the table's width (20 mm from the left edge to 10 mm from the right one), on every page.
        const QString prefix = tmp.filePath(QStringLiteral("page"));
        ASSERT_EQ(QProcess::execute(kPdfToPpm, {QStringLiteral("-r"), QStringLiteral("72"),
                                                QStringLiteral("-gray"), pdf, prefix}),
                  0);
        const QStringList pngs =
            QDir(tmp.path()).entryList({QStringLiteral("page-*.pgm")}, QDir::Files, QDir::Name);
        ASSERT_EQ(pngs.size(), pages.value());
        const double dotsPerMm = 72 / 25.4, devicePerMm = 600 / 25.4;
        for (int p = 0; p < pngs.size(); ++p) {
            const QImage image =
                QImage(tmp.filePath(pngs[p])).convertToFormat(QImage::Format_Grayscale8);
            ASSERT_FALSE(image.isNull());
            const int y = int((20 + stats.records[size_t(p)].bottomLine / devicePerMm) * dotsPerMm);
            const int left = int(21 * dotsPerMm), right = image.width() - int(11 * dotsPerMm);
            int best = 0;
            for (int row = std::max(0, y - 1); row <= std::min(image.height() - 1, y + 1); ++row) {
                int dark = 0;
                for (int x = left; x < right; ++x)
                    dark += image.constScanLine(row)[x] < 160;
                best = std::max(best, dark);
            }
            EXPECT_GE(best, (right - left) * 95 / 100)
                << "page " << p + 1 << (options.isReport() ? " (report)" : "")
                << ": no bottom line at pixel row " << y;
            // Below it, down to the bottom margin, the page is blank.
            int ink = 0;
            for (int row = y + 2; row < image.height() - int(20 * dotsPerMm); ++row)
                for (int x = left; x < right; ++x)
                    ink += image.constScanLine(row)[x] < 160;
            EXPECT_EQ(ink, 0) << "page " << p + 1 << ": something below the table";
            QFile::remove(tmp.filePath(pngs[p]));
        }
    }
}

TEST(PlanDocumentPainter, ApprovalBlockTopRightWithADateLine) {
    if (!QFileInfo::exists(kPdfToText))
        GTEST_SKIP() << "pdftotext (poppler-utils) is not installed";
    core::Plan plan;
    plan.title = QStringLiteral("План мероприятий по обеспечению объективности");
    plan.status = core::PlanStatus::Approved;
    plan.approval.approverPosition = QStringLiteral("Директор МАОУ «СОШ № 1»");
    plan.approval.approverName = QStringLiteral("И.И. Иванова");
    core::Section s;
    s.number = QStringLiteral("1.");
    s.title = QStringLiteral("Аналитическая работа");
    core::Measure m;
    m.number = QStringLiteral("1.1.");
    m.text = QStringLiteral("Анализ результатов ВПР");
    m.deadline.text = QStringLiteral("октябрь");
    m.owners = {QStringLiteral("Директор")};
    s.measures << m;
    plan.sections << s;
    QTemporaryDir tmp;
    const QString pdf = tmp.filePath(QStringLiteral("a.pdf"));

    // No order date: the director dates it by hand.
    ASSERT_TRUE(io::PlanPdfWriter::write(plan, pdf).ok());
    QString text = pdfText(pdf, 1, true);
    EXPECT_TRUE(text.contains(QStringLiteral("\"___\" ________ 20__ г."))) << text.toStdString();
    EXPECT_FALSE(text.contains(QStringLiteral("ПРОЕКТ")));
    // Top right: «УТВЕРЖДАЮ» starts past the middle of its line, above the title.
    const QStringList lines = text.split(u'\n');
    int approved = -1, title = -1;
    for (int i = 0; i < lines.size(); ++i) {
        if (approved < 0 && lines[i].contains(QStringLiteral("УТВЕРЖДАЮ")))
            approved = i;
        if (title < 0 && lines[i].contains(QStringLiteral("План мероприятий")))
            title = i;
    }
    ASSERT_GE(approved, 0);
    ASSERT_GT(title, approved);
    EXPECT_GT(lines[approved].indexOf(QStringLiteral("УТВЕРЖДАЮ")),
              lines[title].indexOf(QStringLiteral("План")) + 20);

    // An order number without its date; then the full block.
    plan.approval.orderNumber = QStringLiteral("101");
    ASSERT_TRUE(io::PlanPdfWriter::write(plan, pdf).ok());
    EXPECT_TRUE(
        pdfText(pdf, 1).contains(QStringLiteral("Приказ № 101 от \"___\" ________ 20__ г.")));
    plan.approval.orderDate = QDate(2023, 8, 30);
    ASSERT_TRUE(io::PlanPdfWriter::write(plan, pdf).ok());
    text = pdfText(pdf, 1);
    EXPECT_TRUE(text.contains(QStringLiteral("Приказ № 101 от 30.08.2023")));
    EXPECT_FALSE(text.contains(QStringLiteral("20__")));
    plan.status = core::PlanStatus::Draft;
    ASSERT_TRUE(io::PlanPdfWriter::write(plan, pdf).ok());
    EXPECT_TRUE(pdfText(pdf, 1).contains(QStringLiteral("ПРОЕКТ")));
}

TEST(PlanDocumentPainter, CellsAreTextThatPdftotextReadsBack) {
    OBJ_REQUIRE_SHARED(seedPath(QStringLiteral("002")), "seed 002");
    if (!QFileInfo::exists(kPdfToText))
        GTEST_SKIP() << "pdftotext (poppler-utils) is not installed";
    const core::Plan plan = approvedSeedPlan(QStringLiteral("002"));
    QTemporaryDir tmp;
    const QString pdf = tmp.filePath(QStringLiteral("p.pdf"));
    ASSERT_TRUE(io::PlanPdfWriter::write(plan, pdf).ok());
    const QStringList text = words(pdfText(pdf));
    const QString layout = pdfText(pdf, 0, true);
    ASSERT_FALSE(layout.isEmpty());
    int owners = 0;
    for (const core::Section &section : plan.sections)
        for (const core::Measure &m : section.measures) {
            for (const QString &cell : {m.number, m.deadline.text, m.expectedResult})
                EXPECT_TRUE(containsWordSequence(text, words(cell)))
                    << m.number.toStdString() << ": " << cell.toStdString();
            for (const QString &owner : m.owners) {
                EXPECT_TRUE(containsWordSequence(text, words(owner)))
                    << m.number.toStdString() << ": " << owner.toStdString();
                ++owners;
            }
            // The measure's number stands alone at the start of a line of the layout text.
            EXPECT_TRUE(layout.contains(QRegularExpression(QStringLiteral("(^|\\n)\\s*") +
                                                           QRegularExpression::escape(m.number) +
                                                           QStringLiteral("\\s"))))
                << m.number.toStdString();
        }
    EXPECT_GT(owners, 30);
}

TEST(PlanDocumentPainter, PrinterGetsTheSameTextAsThePdf) {
    OBJ_REQUIRE_SHARED(seedPath(QStringLiteral("001")), "seed 001");
    if (!QFileInfo::exists(kPdfToText))
        GTEST_SKIP() << "pdftotext (poppler-utils) is not installed";
    const core::Plan plan = approvedSeedPlan(QStringLiteral("001"));
    const PlanExportOptions options = PlanExportOptions::report(QDate(2024, 1, 15));
    QTemporaryDir tmp;
    const QString pdf = tmp.filePath(QStringLiteral("writer.pdf"));
    ASSERT_TRUE(io::PlanPdfWriter::write(plan, pdf, options).ok());
    // As the preview sets it up (gui::PlanExportController), printing to a file instead.
    const QString printed = tmp.filePath(QStringLiteral("printer.pdf"));
    QPrinter printer(QPrinter::HighResolution);
    printer.setOutputFormat(QPrinter::PdfFormat);
    printer.setOutputFileName(printed);
    printer.setPageLayout(io::PlanDocumentBuilder::pageLayout(options.orientation));
    const core::Result<int> painted = PlanDocumentPainter::paint(plan, options, printer);
    ASSERT_TRUE(painted.ok());
    ASSERT_GE(painted.value(), 3);
    // The same characters on every page: the printer's 1200 dpi may move a word to the next line
    // or break a word too long for its column elsewhere, not lose a character or move a row.
    const auto pages = [](const QString &text) {
        QStringList result;
        for (QString page : text.split(u'\f')) {
            page.remove(QRegularExpression(QStringLiteral("\\s")));
            std::sort(page.begin(), page.end());
            result << page;
        }
        return result;
    };
    const QStringList fromPrinter = pages(pdfText(printed)), fromPdf = pages(pdfText(pdf));

    ASSERT_EQ(fromPrinter.size(), painted.value() + 1); // a form feed ends every page
    ASSERT_EQ(fromPrinter.size(), fromPdf.size());
    for (int i = 0; i < fromPrinter.size(); ++i)
        EXPECT_EQ(fromPrinter[i], fromPdf[i]) << "page " << i + 1;
}
