// «Аналитическая справка…» from the analysis window on a small generated region: the dialog
// builds the справка off the GUI thread and previews its pages; the school level takes the
// school chosen; «Сохранить» writes the PDF and the DOCX on a worker thread.
#include "objectivity/gui/analysis/AnalysisReportDialog.h"
#include "ResultsTestSupport.h"
#include "objectivity/gui/analysis/AnalysisView.h"

#include <QFileInfo>
#include <QPrintPreviewWidget>
#include <QPushButton>

using namespace objectivity;
using gui::AnalysisReportDialog;
using gui::AnalysisView;

namespace {

class AnalysisReportDialogTest : public ::testing::Test {
protected:
    void SetUp() override {
        ASSERT_TRUE(data.open());
        ASSERT_GT(data.generate(test::smallRegion(30)), 3000);
    }
    test::ResultsDatabase data;
};

bool analyse(AnalysisView &view) {
    bool done = false, ok = false;
    QObject::connect(&view, &AnalysisView::analysisFinished, [&](bool r) {
        done = true;
        ok = r;
    });
    view.setFilter(2024, QStringLiteral("ВПР"));
    view.startAnalysis();
    return test::waitFor([&] { return done; }) && ok;
}

} // namespace

TEST_F(AnalysisReportDialogTest, PreviewsTheReportAndSavesPdfAndDocx) {
    AnalysisView view(*data.db);
    ASSERT_TRUE(analyse(view));
    AnalysisReportDialog *dialog = view.openReportDialog();
    ASSERT_NE(dialog, nullptr);
    EXPECT_EQ(dialog->windowTitle(), QStringLiteral("Аналитическая справка"));
    ASSERT_TRUE(test::waitFor([&] { return dialog->document() && !dialog->isBusy(); }));
    EXPECT_EQ(dialog->scope().year, 2024);
    EXPECT_EQ(dialog->scope().kind, static_cast<int>(core::ProcedureKind::VPR));
    EXPECT_TRUE(dialog->document()->title.endsWith(QStringLiteral("ВПР 2024 года")));
    EXPECT_GE(dialog->previewPages(), 3);
    dialog->resize(900, 1000);
    test::screenshot(dialog, QStringLiteral("analysis-report-dialog.png"));

    // the school level: the справка of the school chosen
    dialog->setLevel(2);
    const QString school = dialog->scope().schoolCode;
    ASSERT_FALSE(school.isEmpty());
    dialog->rebuild();
    ASSERT_TRUE(test::waitFor([&] { return !dialog->isBusy(); }));
    EXPECT_TRUE(dialog->document()->plainText().contains(QStringLiteral("ВСОКО")));
    EXPECT_TRUE(dialog->document()->plainText().contains(school));

    for (const QString &name : {QStringLiteral("справка.pdf"), QStringLiteral("справка.docx")}) {
        const QString path = data.dir.filePath(name);
        bool saved = false, ok = false;
        auto c =
            QObject::connect(dialog, &AnalysisReportDialog::saved, [&](bool r, const QString &) {
                saved = true;
                ok = r;
            });
        dialog->saveTo(path);
        ASSERT_TRUE(test::waitFor([&] { return saved; }));
        QObject::disconnect(c);
        EXPECT_TRUE(ok) << name.toStdString();
        EXPECT_GT(QFileInfo(path).size(), 10000) << name.toStdString();
    }
    dialog->close();
}
