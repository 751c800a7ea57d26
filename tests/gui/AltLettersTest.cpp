// No two visible controls of a window share an Alt letter (AltLetters.h): the main window on
// seed 000 with each of its tabs, the results browser, and the dialogs the user opens from them.
#include "AltLetters.h"
#include "MainWindowTest.h"
#include "objectivity/gui/analysis/AnalysisReportDialog.h"
#include "objectivity/gui/analysis/AnalysisSettingsDialog.h"
#include "objectivity/gui/plan/ApprovalDialog.h"
#include "objectivity/gui/plan/ColumnsDialog.h"
#include "objectivity/gui/plan/ImportPreviewDialog.h"
#include "objectivity/gui/plan/LoginDialog.h"
#include "objectivity/gui/plan/MeasureTemplatesDialog.h"
#include "objectivity/gui/plan/NewPlanDialog.h"
#include "objectivity/gui/plan/PlanDiffDialog.h"
#include "objectivity/gui/plan/PlanEditor.h"
#include "objectivity/gui/plan/PlanHistoryDialog.h"
#include "objectivity/gui/results/MarkScaleDialog.h"
#include "objectivity/gui/results/ResultsBrowser.h"
#include "objectivity/gui/results/ResultsImportDialog.h"
#include "objectivity/gui/results/ResultsMenu.h"
#include "objectivity/gui/shell/AccountsDialog.h"
#include "objectivity/gui/shell/ServerConnectDialog.h"

#include <QAbstractButton>
#include <QDir>
#include <QMenuBar>
#include <QRegularExpression>
#include <QTabWidget>

using namespace objectivity;
using test::MainWindowTest;

TEST_F(MainWindowTest, NoTwoVisibleControlsShareAnAltLetter) {
    for (int tab = 0; tab < window->tabs()->count(); ++tab) {
        window->tabs()->setCurrentIndex(tab);
        QApplication::processEvents();
        EXPECT_EQ(test::altLetterClashes(window.get()), "")
            << "tab " << window->tabs()->tabText(tab).toStdString();
    }
    EXPECT_EQ(test::menuLetterClashes(window->menuBar()), "");
    gui::ResultsBrowser *browser = window->results()->showBrowser();
    ASSERT_NE(browser, nullptr);
    QApplication::processEvents();
    EXPECT_EQ(test::altLetterClashes(browser), "") << "results browser";

    storage::Database &base = *db.session.database();
    auto dialogHasNoClash = [](QDialog &dialog, const char *name) {
        dialog.show();
        QApplication::processEvents();
        EXPECT_EQ(test::altLetterClashes(&dialog), "") << name;
        // and no button in English (a standard button where Qt's translations are missing)
        for (const QAbstractButton *b : dialog.findChildren<QAbstractButton *>()) {
            const QString text = b->text();
            const bool latin = text.contains(QRegularExpression(QStringLiteral("[A-Za-z]")));
            const bool russian = text.contains(QRegularExpression(QStringLiteral("[А-Яа-яЁё]")));
            EXPECT_FALSE(b->isVisibleTo(&dialog) && latin && !russian)
                << name << ": «" << text.toStdString() << "»";
        }
        // to look at them: OBJECTIVITY_SCREENSHOT_DIR=DIR
        if (const QString dir = qEnvironmentVariable("OBJECTIVITY_SCREENSHOT_DIR"); !dir.isEmpty())
            dialog.grab().save(QDir(dir).filePath(
                QStringLiteral("dialog-%1.png").arg(QString::fromUtf8(name).replace(u' ', u'-'))));
        dialog.hide();
    };
    gui::AnalysisSettingsDialog settings(base);
    dialogHasNoClash(settings, "thresholds");
    gui::ResultsImportDialog import(base);
    dialogHasNoClash(import, "results import");
    gui::MarkScaleDialog scales(base);
    dialogHasNoClash(scales, "mark scales");
    gui::MeasureTemplatesDialog templates(base);
    dialogHasNoClash(templates, "measure templates");
    gui::AccountsDialog accounts(base);
    dialogHasNoClash(accounts, "accounts");
    gui::ServerConnectDialog server;
    dialogHasNoClash(server, "server");
    gui::ApprovalDialog approval(core::Approval{});
    dialogHasNoClash(approval, "approval");
    gui::NewPlanDialog newPlan(db.session.plans()->list().value());
    dialogHasNoClash(newPlan, "new plan");
    auto preview = io::PlanImporter::importFile(test::seedPath(QStringLiteral("000")));
    ASSERT_TRUE(preview.ok());
    gui::ImportPreviewDialog importPreview(preview.value());
    dialogHasNoClash(importPreview, "plan import preview");
    const core::Plan plan = window->editor()->plan();
    gui::PlanHistoryDialog history(*db.session.plans(), plan);
    dialogHasNoClash(history, "history");
    gui::PlanDiffDialog diff(*db.session.plans(), plan);
    dialogHasNoClash(diff, "revisions compared");
    gui::ColumnsDialog columns(plan.columns);
    dialogHasNoClash(columns, "columns");
    gui::LoginDialog login(base);
    dialogHasNoClash(login, "sign in");
    auto *report =
        new gui::AnalysisReportDialog(std::make_shared<const core::AnalysisReport>(), 0, -1);
    dialogHasNoClash(*report, "справка");
    delete report;
}
