#pragma once
#include "objectivity/core/plan/Plan.h"

#include <QDate>
#include <QObject>

class QWidget;

namespace objectivity::gui {

// The «Печать…» and «Экспорт…» actions of a plan: print preview, PDF, Excel, ODT and Word files,
// for the plan itself or its execution report on a date. Asks for file names, runs long exports off
// the GUI thread with progress, reports errors in a message box. The main window owns one and calls
// it.
class PlanExportController : public QObject {
    Q_OBJECT
public:
    explicit PlanExportController(QWidget *parentWindow);

    void printPreview(const core::Plan &plan);
    void exportPdf(const core::Plan &plan);
    void exportXlsx(const core::Plan &plan);
    void exportOdt(const core::Plan &plan);
    void exportDocx(const core::Plan &plan); // Word (.docx)
    // The execution report (отчёт об исполнении) on a date, asked from the user.
    void printReport(const core::Plan &plan);
    void exportReportPdf(const core::Plan &plan);
    void exportReportXlsx(const core::Plan &plan);

private:
    QWidget *m_window;
};

} // namespace objectivity::gui
