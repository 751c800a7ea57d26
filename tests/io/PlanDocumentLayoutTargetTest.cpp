// A document built for its paint device and page body (PlanDocumentBuilder::LayoutTarget) is laid
// out exactly as one laid out for them afterwards, and once: Qt lays a table out in full whenever
// the page size is set and again when its lazy layout resumes after the table.
#include "PlanExportSupport.h"

#include "objectivity/io/export/PlanDocumentBuilder.h"

#include <QAbstractTextDocumentLayout>
#include <QPdfWriter>
#include <QTextBlock>
#include <QTextDocument>
#include <QTextFrame>
#include <QTextTable>

#include <algorithm>
#include <ctime>
#include <functional>
#include <vector>

using namespace objectivity;
using namespace objectivity::test;
using io::PlanDocumentBuilder;

namespace {

core::Plan longPlan(int times) {
    core::Plan plan = approvedSeedPlan(QStringLiteral("001"));
    const QList<core::Section> sections = plan.sections;
    for (int i = 1; i < times; ++i)
        plan.sections += sections;
    return plan;
}

QTextTable *mainTable(const QTextDocument &document) {
    QTextTable *best = nullptr;
    for (QTextFrame *frame : document.rootFrame()->childFrames())
        if (auto *table = qobject_cast<QTextTable *>(frame))
            if (!best || table->rows() > best->rows())
                best = table;
    return best;
}

// The top of every cell's first paragraph, row by row, and the page count.
std::vector<qreal> cellTops(QTextDocument &document) {
    std::vector<qreal> tops;
    QTextTable *table = mainTable(document);
    if (!table)
        return tops;
    for (int r = 0; r < table->rows(); ++r)
        for (int c = 0; c < table->columns(); ++c) {
            const QTextBlock block = table->cellAt(r, c).firstCursorPosition().block();
            tops.push_back(document.documentLayout()->blockBoundingRect(block).top());
        }
    tops.push_back(document.pageCount());
    return tops;
}

// The way a built document used to be laid out for the device: the page size set after the fact.
void layOutAfterwards(QTextDocument &document, const PlanDocumentBuilder::LayoutTarget &target) {
    document.setPageSize(QSizeF(0, 0));
    document.documentLayout()->setPaintDevice(target.device);
    document.setPageSize(target.bodySize);
    document.pageCount();
}

double cpuMs(const std::function<void()> &work) {
    std::vector<double> runs;
    for (int i = 0; i < 3; ++i) {
        const std::clock_t start = std::clock();
        work();
        runs.push_back(double(std::clock() - start) * 1000.0 / CLOCKS_PER_SEC);
    }
    std::sort(runs.begin(), runs.end());
    return runs[1];
}

} // namespace

TEST(PlanDocumentLayoutTarget, LaidOutOnceAsIfLaidOutAfterwards) {
    OBJ_REQUIRE_SHARED(seedPath(QStringLiteral("001")), "seed 001");
    QTemporaryDir tmp;
    QPdfWriter writer(tmp.filePath(QStringLiteral("unused.pdf")));
    writer.setResolution(600);
    // The body of A4 landscape inside 20/10/20/20 mm, at 600 dpi.
    const PlanDocumentBuilder::LayoutTarget target{&writer,
                                                   QSizeF(267 / 25.4 * 600, 170 / 25.4 * 600)};
    const core::Plan plan = longPlan(3);
    for (const io::PlanExportOptions &options :
         {io::PlanExportOptions{}, io::PlanExportOptions::report(QDate(2024, 1, 15))}) {
        const PlanDocumentBuilder builder(options);
        const std::unique_ptr<QTextDocument> once = builder.build(plan, target);
        ASSERT_EQ(once->documentLayout()->paintDevice(), &writer);
        ASSERT_EQ(once->pageSize(), target.bodySize);
        const std::unique_ptr<QTextDocument> afterwards = builder.build(plan);
        layOutAfterwards(*afterwards, target);
        const std::vector<qreal> a = cellTops(*once);
        const std::vector<qreal> b = cellTops(*afterwards);
        ASSERT_GT(a.size(), 500u);
        EXPECT_GT(a.back(), 10) << "pages";
        EXPECT_EQ(a, b) << (options.isReport() ? "report" : "plan");
    }

    // One layout instead of two: about half the CPU time (process time, steady on a shared
    // machine; the median of three runs).
    const PlanDocumentBuilder builder;
    const double built = cpuMs([&] { builder.build(plan, target)->pageCount(); });
    const double after = cpuMs([&] { layOutAfterwards(*builder.build(plan), target); });
    EXPECT_LT(built, after * 0.8) << built << " ms built for the target, " << after
                                  << " ms laid out afterwards";
}
