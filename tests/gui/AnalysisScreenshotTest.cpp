// `objectivity --screenshot OUT.png --screenshot-view analysis | analysis-flags | analysis-unit`
// (issue 14): the analysis runs on the whole database, then the «Обзор» tab, the «Признаки» tab
// with a finding selected or the card of the first flagged unit is written as a PNG;
// OBJECTIVITY_SCREENSHOT_DIR keeps copies for the documentation.
#include "ResultsTestSupport.h"
#include "SamplePlans.h"
#include "objectivity/gui/analysis/AnalysisView.h"
#include "objectivity/gui/shell/AppSession.h"
#include "objectivity/gui/shell/MainWindow.h"
#include "objectivity/gui/shell/ScreenshotRunner.h"

#include <QFile>
#include <QImage>
#include <QTableView>
#include <QTextBrowser>

using namespace objectivity;

TEST(AnalysisScreenshotTest, OverviewFlagsAndUnitCard) {
    QString path;
    test::ResultsDatabase data;
    ASSERT_TRUE(data.open());
    ASSERT_GT(data.generate(test::smallRegion(30)), 3000);
    path = data.db->path();
    data.db.reset();
    gui::AppSession session;
    OBJ_ASSERT_OK(session.open(path));
    gui::MainWindow window(&session);
    QTemporaryDir out;
    const QString keep = qEnvironmentVariable("OBJECTIVITY_SCREENSHOT_DIR");
    for (const char *view : {"analysis", "analysis-flags", "analysis-unit"}) {
        gui::ScreenshotOptions o;
        o.view = QString::fromLatin1(view);
        o.output = out.filePath(o.view + QStringLiteral(".png"));
        ASSERT_EQ(gui::ScreenshotRunner::run(window, o), 0) << view;
        const QImage image(o.output);
        ASSERT_FALSE(image.isNull()) << view;
        EXPECT_GE(image.width(), 1200) << view;
        EXPECT_GE(image.height(), 800) << view;
        if (o.view == QStringLiteral("analysis-flags")) {
            // a finding is selected and its explanation is under the table
            const auto *analysis = window.findChild<gui::AnalysisView *>();
            ASSERT_NE(analysis, nullptr);
            EXPECT_TRUE(analysis->flagsView()->currentIndex().isValid());
            EXPECT_TRUE(analysis->detailView()->toPlainText().contains(
                QStringLiteral("Все критерии этой единицы")));
        }
        if (!keep.isEmpty())
            QFile::copy(o.output, QDir(keep).filePath(o.view + QStringLiteral(".png")));
    }
}
