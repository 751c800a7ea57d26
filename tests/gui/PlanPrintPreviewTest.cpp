// The print preview shows the pages the painter paints (gui::PlanExportController connects the
// dialog's paintRequested to io::PlanDocumentPainter::paint exactly so): a preview widget on a
// 1200-dpi printer gets every page of a plan, and its picture is not blank.
#include "objectivity/io/export/PlanDocumentBuilder.h"
#include "objectivity/io/export/PlanDocumentPainter.h"

#include <QImage>
#include <QPrintPreviewWidget>
#include <QPrinter>

#include <gtest/gtest.h>

using namespace objectivity;

namespace {

core::Plan planOfPages(int measures) {
    core::Plan plan;
    plan.title = QStringLiteral("План мероприятий по обеспечению объективности");
    plan.status = core::PlanStatus::Approved;
    core::Section s;
    s.number = QStringLiteral("1.");
    s.title = QStringLiteral("Аналитическая работа");
    for (int i = 0; i < measures; ++i) {
        core::Measure m;
        m.number = QStringLiteral("1.%1.").arg(i + 1);
        m.text = QStringLiteral("Анализ результатов всероссийских проверочных работ по учебным "
                                "предметам с выявлением проблемных тем, мероприятие %1")
                     .arg(i + 1);
        m.deadline.text = QStringLiteral("в течение года");
        m.owners = {QStringLiteral("Заместитель директора по УВР"),
                    QStringLiteral("Руководители ШМО")};
        s.measures << m;
    }
    plan.sections << s;
    return plan;
}

} // namespace

TEST(PlanPrintPreview, ShowsEveryPageThePainterPaints) {
    const core::Plan plan = planOfPages(60);
    const io::PlanExportOptions options;
    QPrinter printer(QPrinter::HighResolution);
    printer.setPageLayout(io::PlanDocumentBuilder::pageLayout(options.orientation));
    QPrintPreviewWidget preview(&printer);
    preview.resize(900, 700);
    int painted = -1;
    QObject::connect(
        &preview, &QPrintPreviewWidget::paintRequested, &preview, [&](QPrinter *device) {
            const core::Result<int> pages = io::PlanDocumentPainter::paint(plan, options, *device);
            painted = pages.ok() ? pages.value() : 0;
        });
    preview.show();
    preview.updatePreview();
    ASSERT_GE(painted, 3);
    EXPECT_EQ(preview.pageCount(), painted);
    const QImage shot = preview.grab().toImage().convertToFormat(QImage::Format_Grayscale8);
    int dark = 0;
    for (int y = 0; y < shot.height(); ++y)
        for (int x = 0; x < shot.width(); ++x)
            dark += shot.constScanLine(y)[x] < 100;
    EXPECT_GT(dark, shot.width() * shot.height() / 500) << "the preview shows no text or lines";
    if (const QString keep = qEnvironmentVariable("OBJECTIVITY_PREVIEW_SHOT"); !keep.isEmpty())
        shot.save(keep);
}
