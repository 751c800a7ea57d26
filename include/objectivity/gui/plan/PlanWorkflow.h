#pragma once
#include "objectivity/core/common/Result.h"
#include "objectivity/io/plan/PlanImporter.h"

#include <QObject>

class QWidget;

namespace objectivity::gui {

class AppSession;
class PlanEditor;

// The plan actions that talk to the user through dialogs: new plan (empty, template, copy of last
// year), import (file, dropped file, clipboard) with preview, approval, revision, columns, delete.
// Results and errors are reported in message boxes; the window is told what to show next.
class PlanWorkflow : public QObject {
    Q_OBJECT
public:
    PlanWorkflow(QWidget *window, AppSession *session, PlanEditor *editor);

    void newPlan();
    void importFile(const QString &path = {});
    void importClipboard();
    // Shows the preview; saves on «Импортировать». Returns the new plan's id, 0 when cancelled.
    qint64 previewAndSave(const core::Result<io::PlanImport> &import);
    void submitForApproval();
    void approve();
    void returnPlan();
    void makeRevision();
    void showHistory();
    void compareRevisions();
    void copyToNextYear();
    void deletePlan();
    void editColumns();

signals:
    void plansChanged();
    void openPlan(qint64 planId);
    void message(const QString &text);
    // Entries were added to the staff directory (the owners offered after an import).
    void staffChanged();

private:
    qint64 savePlan(core::Plan plan);
    // After an import: the owners the staff directory lacks, offered for adding.
    void offerNewOwners(qint64 planId);
    void showError(const QString &title, const QString &text);
    void showError(const QString &title, const core::Error &error);

    QWidget *m_window;
    AppSession *m_session;
    PlanEditor *m_editor;
};

} // namespace objectivity::gui
