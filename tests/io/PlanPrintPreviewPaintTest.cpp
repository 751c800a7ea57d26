// The print preview paints through the same builders as the PDF writer (gui::PlanExportController):
// onto a QPrinter at its own resolution the plan is built for the printer, laid out once, and a
// long plan is painted from slices, with the same pages and text as the PDF.
#include "PlanExportSupport.h"

#include "objectivity/io/export/PlanDocumentBuilder.h"
#include "objectivity/io/export/PlanDocumentPainter.h"
#include "objectivity/io/export/PlanPdfWriter.h"

#include <QPrinter>
#include <QRegularExpression>
#include <QTextDocument>

using namespace objectivity;
using namespace objectivity::test;
using io::PlanDocumentPainter;

TEST(PlanPrintPreviewPaint, PrinterGetsThePdfPagesFromSlices) {
    OBJ_REQUIRE_SHARED(seedPath(QStringLiteral("001")), "seed 001");
    const QString pdftotext = QStringLiteral("/usr/bin/pdftotext");
    if (!QFileInfo::exists(pdftotext))
        GTEST_SKIP() << "pdftotext (poppler-utils) is not installed";
    core::Plan plan = approvedSeedPlan(QStringLiteral("001"));
    const QList<core::Section> sections = plan.sections;
    for (int i = 1; i < 6; ++i)
        plan.sections += sections;
    const io::PlanExportOptions options = io::PlanExportOptions::report(QDate(2024, 1, 15));
    QTemporaryDir tmp;
    const QString pdf = tmp.filePath(QStringLiteral("writer.pdf"));
    ASSERT_TRUE(io::PlanPdfWriter::write(plan, pdf, options).ok());

    // As the preview sets it up, printing to a file instead of the preview's widget.
    const QString printed = tmp.filePath(QStringLiteral("printer.pdf"));
    QPrinter printer(QPrinter::HighResolution);
    printer.setOutputFormat(QPrinter::PdfFormat);
    printer.setOutputFileName(printed);
    printer.setPageLayout(io::PlanDocumentBuilder::pageLayout(options.orientation));
    const io::PlanDocumentBuilder builder(options);
    PlanDocumentPainter::Stats stats;
    const core::Result<int> pages = PlanDocumentPainter::paint(
        [&](const PlanDocumentPainter::Target &target) { return builder.build(plan, target); },
        printer,
        [&](int first, int last, qreal spacer, const PlanDocumentPainter::Target &target) {
            return builder.buildRows(plan, first, last, spacer, target);
        },
        &stats);
    ASSERT_TRUE(pages.ok());
    ASSERT_GT(pages.value(), PlanDocumentPainter::kSliceFromPages);
    EXPECT_GT(stats.slices, 0);
    // The same words on every page (the printer's 1200 dpi may move a word within its line, which
    // changes pdftotext's reading order, not the page it is on).
    const auto wordsPerPage = [&](const QString &path) {
        QList<QStringList> pages;
        for (const QString &page : runTool(pdftotext, {path, QStringLiteral("-")}).split(u'\f')) {
            QStringList words =
                page.split(QRegularExpression(QStringLiteral("\\s+")), Qt::SkipEmptyParts);
            words.sort();
            pages.append(words);
        }
        return pages;
    };
    const QList<QStringList> fromPrinter = wordsPerPage(printed);
    const QList<QStringList> fromPdf = wordsPerPage(pdf);
    ASSERT_EQ(fromPrinter.size(), pages.value() + 1); // a form feed ends every page
    ASSERT_EQ(fromPrinter.size(), fromPdf.size());
    for (int i = 0; i < fromPrinter.size(); ++i)
        EXPECT_EQ(fromPrinter[i], fromPdf[i]) << "page " << i + 1;
}
