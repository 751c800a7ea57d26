// The painter's slices: a long table painted from slices gives the same pages as painted from the
// whole document (the same text on every page, the pictures equal but for a pixel line), and the
// work per page does not grow with the plan (Qt walks every page of a table to repeat its header,
// for every page it paints: the square of the page count).
#include "PlanExportSupport.h"

#include "objectivity/io/export/PlanDocumentBuilder.h"
#include "objectivity/io/export/PlanDocumentPainter.h"

#include <QDir>
#include <QImage>
#include <QPdfWriter>
#include <QTextDocument>

using namespace objectivity;
using namespace objectivity::test;
using io::PlanDocumentPainter;

namespace {

// Seed 001 (the longest real plan) with its sections repeated `times` times.
core::Plan longPlan(int times) {
    core::Plan plan = approvedSeedPlan(QStringLiteral("001"));
    const QList<core::Section> sections = plan.sections;
    for (int i = 1; i < times; ++i)
        plan.sections += sections;
    return plan;
}

struct Painted {
    int pages = 0;
    PlanDocumentPainter::Stats stats;
};

Painted paintPdf(const core::Plan &plan, const io::PlanExportOptions &options, const QString &path,
                 bool slices) {
    QPdfWriter writer(path);
    writer.setResolution(600);
    QPageLayout layout = io::PlanDocumentBuilder::pageLayout(options.orientation);
    layout.setMargins(QMarginsF(0, 0, 0, 0));
    writer.setPageLayout(layout);
    const io::PlanDocumentBuilder builder(options);
    PlanDocumentPainter::RowsBuilder rows;
    if (slices)
        rows = [&](int first, int last, qreal spacer, const PlanDocumentPainter::Target &target) {
            return builder.buildRows(plan, first, last, spacer, target);
        };
    Painted painted;
    const core::Result<int> pages = PlanDocumentPainter::paint(
        [&](const PlanDocumentPainter::Target &target) { return builder.build(plan, target); },
        writer, rows, &painted.stats, /*sliceFromPages=*/0);
    painted.pages = pages.ok() ? pages.value() : -1;
    return painted;
}

const io::PlanExportOptions kReport = io::PlanExportOptions::report(QDate(2024, 1, 15));

} // namespace

TEST(PlanDocumentPainter, PagesWalkedPerPageDoNotGrowWithThePlan) {
    OBJ_REQUIRE_SHARED(seedPath(QStringLiteral("001")), "seed 001");
    QTemporaryDir tmp;
    constexpr int B = PlanDocumentPainter::kPagesPerSlice;
    const Painted p =
        paintPdf(longPlan(2), kReport, QDir(tmp.path()).filePath(QStringLiteral("r.pdf")), true);
    // 31 pages: painted from the whole document it would walk 31 pages per page, over the bound.
    ASSERT_GT(p.pages, 2 * B + 4);
    EXPECT_EQ(p.stats.pages, p.pages);
    // Every slice matched the whole document's pages: all pages but the first B from slices.
    EXPECT_EQ(p.stats.slices, (p.pages + B - 1) / B - 1);
    // The first B pages walk the whole document, the others only their slice (B pages and the
    // rows that started on the pages before): a bound per page that does not depend on the plan.
    EXPECT_LE(p.stats.pagesWalked, qint64(2 * B + 4) * p.pages) << p.pages << " pages";
}

TEST(PlanDocumentPainter, SlicesPaintTheSamePagesAsTheWholeDocument) {
    OBJ_REQUIRE_SHARED(seedPath(QStringLiteral("001")), "seed 001");
    const QString pdftoppm = QStringLiteral("/usr/bin/pdftoppm");
    if (!QFileInfo::exists(pdftoppm))
        GTEST_SKIP() << "pdftoppm (poppler-utils) is not installed";
    QTemporaryDir tmp;
    // $OBJECTIVITY_EXPORT_KEEP keeps the PDFs and the pictures of the last options to look at.
    const QString keep = qEnvironmentVariable("OBJECTIVITY_EXPORT_KEEP");
    QDir dir(keep.isEmpty() ? tmp.path() : keep);
    dir.mkpath(QStringLiteral("."));
    const core::Plan plan = longPlan(2);
    for (const io::PlanExportOptions &options : {kReport, io::PlanExportOptions{}}) {
        const Painted whole =
            paintPdf(plan, options, dir.filePath(QStringLiteral("whole.pdf")), false);
        const Painted sliced =
            paintPdf(plan, options, dir.filePath(QStringLiteral("sliced.pdf")), true);
        ASSERT_EQ(whole.pages, sliced.pages);
        ASSERT_GT(sliced.stats.slices, 0);
        EXPECT_EQ(whole.stats.slices, 0);
        for (const char *name : {"whole", "sliced"})
            ASSERT_EQ(QProcess::execute(pdftoppm, {QStringLiteral("-r"), QStringLiteral("50"),
                                                   QStringLiteral("-png"),
                                                   dir.filePath(QLatin1String(name) + u".pdf"),
                                                   dir.filePath(QLatin1String(name))}),
                      0);
        const QStringList pngs =
            dir.entryList({QStringLiteral("whole-*.png")}, QDir::Files, QDir::Name);
        ASSERT_EQ(pngs.size(), whole.pages);
        // The same words on the same pages. The pictures: the slice's coordinates differ in the
        // last bits, so a border or a line of text may land on the next pixel (seen: up to 1.6 %
        // of a page's pixels); a row on another page or a missing line changes far more.
        const auto text = [&](const char *name) {
            return runTool(QStringLiteral("/usr/bin/pdftotext"),
                           {QStringLiteral("-layout"), dir.filePath(QLatin1String(name) + u".pdf"),
                            QStringLiteral("-")});
        };
        EXPECT_EQ(text("whole"), text("sliced"));
        for (const QString &png : pngs) {
            const QImage a = QImage(dir.filePath(png)).convertToFormat(QImage::Format_Grayscale8);
            const QImage b = QImage(dir.filePath(QString(png).replace(QStringLiteral("whole"),
                                                                      QStringLiteral("sliced"))))
                                 .convertToFormat(QImage::Format_Grayscale8);
            ASSERT_FALSE(a.isNull());
            ASSERT_EQ(a.size(), b.size());
            int differing = 0;
            for (int y = 0; y < a.height(); ++y)
                for (int x = 0; x < a.width(); ++x)
                    differing += a.constScanLine(y)[x] != b.constScanLine(y)[x];
            EXPECT_LE(differing, a.width() * a.height() * 3 / 100)
                << png.toStdString() << (options.isReport() ? " (report)" : "");
        }
        if (keep.isEmpty() || options.isReport())
            for (const QString &png : dir.entryList({QStringLiteral("*.png")}, QDir::Files))
                dir.remove(png);
    }
}
