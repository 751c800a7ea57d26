#pragma once
#include "objectivity/core/analysis/AnalysisReport.h"

#include <QFutureWatcher>
#include <QWidget>

#include <memory>

class QComboBox;
class QLabel;
class QProgressBar;
class QPushButton;
class QTabWidget;
class QTableView;
class QTextBrowser;
class QTimer;

namespace objectivity::storage {
class Database;
}

namespace objectivity::gui {

class AnalysisFlagsFilter;
class AnalysisFlagsFilterBar;
class AnalysisFlagsModel;
class AnalysisReportDialog;
class AnalysisOverviewPage;
class AnalysisSchoolsFilter;
class AnalysisSchoolsModel;
class UnitCard;
struct AnalysisOutcome;
struct AnalysisProgress;

// «Анализ результатов»: year and procedure filters, «Запустить анализ» (core::AnalysisEngine on a
// worker thread with its own connection, a progress bar and Cancel), the flagged units (school,
// municipality, subject, grade, criterion, p, explanation) and a per-school tab (markers, years in
// a row, official markers), the thresholds dialog and «Экспорт в Excel…» (io::AnalysisXlsxWriter,
// also off the GUI thread).
class AnalysisView : public QWidget {
    Q_OBJECT
public:
    explicit AnalysisView(storage::Database &db, QWidget *parent = nullptr);
    ~AnalysisView() override;

    // Refills the year choices from the database (after an import).
    void reloadFilters();
    void setFilter(int year, const QString &kind); // 0 / "" = all
    void startAnalysis();
    void cancelAnalysis();
    bool isRunning() const;
    void editSettings();
    // Writes the current report to `path` on a worker thread; exportFinished tells the outcome.
    void exportTo(const QString &path);
    bool isExporting() const;
    // «Аналитическая справка…» for the current report (AnalysisReportDialog, modeless).
    AnalysisReportDialog *openReportDialog();

    const core::AnalysisReport *report() const { return m_report.get(); }
    AnalysisFlagsModel *flagsModel() const { return m_flags; }
    AnalysisSchoolsModel *schoolsModel() const { return m_schools; }
    QTableView *flagsView() const { return m_flagsView; }
    AnalysisFlagsFilterBar *flagsFilterBar() const { return m_flagsFilterBar; }
    QTableView *schoolsView() const { return m_schoolsView; }
    QTabWidget *tabs() const { return m_tabs; }
    QTextBrowser *detailView() const { return m_detail; }
    // Every criterion of a unit: statistic, p, q, effect, threshold and the reason (detail panel).
    static QString unitCriteriaHtml(const core::UnitReport &unit);
    QString statusText() const;
    // The status line after an analysis: units and the schools they are in, by kind of sign
    // («Признаки необъективности результатов: 7 единиц в 5 школах; …»).
    static QString summaryText(const core::AnalysisReport &report, qint64 participants,
                               qint64 elapsedMs);
    // The status line while an analysis runs: what it is doing now (the bar is a busy indicator,
    // which shows no text, until the units are counted). lookingBack: the earlier year analysed
    // for «лет подряд», 0 for none.
    static QString runningText(bool reading, int units, int lookingBack);

    // «Обзор»: municipalities, chart and school ranking (issue 14).
    AnalysisOverviewPage *overviewPage() const { return m_overview; }
    // Opens the card of a unit of the current report (a window of its own, deleted on close);
    // nullptr without a report.
    UnitCard *openUnitCard(const core::UnitReport &unit);
    // The card of a school: its first unit with signs, else its first unit.
    UnitCard *openSchoolCard(const QString &schoolCode);
    // «Добавить меры в план школы…» (issue 14, item 5): for the selected flag, or every flag of the
    // selected school in the «По школам» tab (FindingMeasures); the plan open in the main window
    // gets them through its undo stack.
    void addMeasures();
    QPushButton *addMeasuresButton() const { return m_addMeasures; }

signals:
    void analysisFinished(bool ok);
    void exportFinished(bool ok, const QString &message);

private:
    void chooseExportFile();
    void finished();
    void setRunning(bool running);
    void showDetail();
    void openSelectedCard();

    storage::Database &m_db;
    QComboBox *m_year, *m_kind;
    QPushButton *m_run, *m_cancel, *m_settings, *m_export, *m_card;
    QPushButton *m_reportButton = nullptr;
    int m_runYear = 0, m_runKind = -1; // the filters of the last run (for the documents)
    QProgressBar *m_progress;
    QLabel *m_status;
    QTabWidget *m_tabs;
    AnalysisFlagsModel *m_flags;
    AnalysisSchoolsModel *m_schools;
    AnalysisFlagsFilter *m_flagsProxy;
    AnalysisSchoolsFilter *m_schoolsProxy;
    AnalysisFlagsFilterBar *m_flagsFilterBar = nullptr;
    QTableView *m_flagsView, *m_schoolsView;
    QTextBrowser *m_detail;
    AnalysisOverviewPage *m_overview;
    QTimer *m_poll;
    std::shared_ptr<AnalysisProgress> m_state;
    std::shared_ptr<core::AnalysisReport> m_report;
    QFutureWatcher<AnalysisOutcome> *m_watcher;
    QFutureWatcher<QString> *m_exportWatcher;
    QPushButton *m_addMeasures = nullptr;
};

} // namespace objectivity::gui
