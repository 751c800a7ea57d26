#pragma once
#include "objectivity/core/analysis/AnalysisReport.h"
#include "objectivity/io/export/AnalysisScope.h"
#include "objectivity/io/export/ReportDocument.h"

#include <QDialog>
#include <QFutureWatcher>

#include <atomic>
#include <memory>

class QComboBox;
class QLabel;
class QLineEdit;
class QPrinter;
class QPrintPreviewWidget;
class QProgressBar;
class QPushButton;

namespace objectivity::gui {

// «Аналитическая справка…»: the options of `analyze report` (level: region, a municipality or a
// school; organisation, number, signer), a preview of the pages (QPrintPreviewWidget painted by
// io::ReportPdfWriter) and «Сохранить PDF…» / «Сохранить DOCX…». The document is built and saved
// on a worker thread with a busy bar and «Прервать».
class AnalysisReportDialog : public QDialog {
    Q_OBJECT
public:
    // `year`/`kind`: the filters the analysis ran with (0 / -1 = all).
    AnalysisReportDialog(std::shared_ptr<const core::AnalysisReport> report, int year, int kind,
                         QWidget *parent = nullptr);
    ~AnalysisReportDialog() override;

    io::AnalysisScope scope() const;
    void setLevel(int level); // 0 region, 1 municipality, 2 school
    void setMunicipality(const QString &name);
    void setSchool(const QString &code);
    // Builds the document on a worker thread; documentReady when done.
    void rebuild();
    void cancel();
    bool isBusy() const;
    // Writes the document (.pdf or .docx by the suffix) on a worker thread; saved tells the
    // outcome.
    void saveTo(const QString &path);
    const io::ReportDocument *document() const { return m_document.get(); }
    QPrintPreviewWidget *preview() const { return m_preview; }
    int previewPages() const;

signals:
    void documentReady();
    void saved(bool ok, const QString &message);

private:
    void levelChanged();
    void fillSchools();
    void built();
    void choose(const QString &suffix, const QString &filter);
    void setBusy(bool busy, const QString &text);

    std::shared_ptr<const core::AnalysisReport> m_report;
    int m_year, m_kind;
    QComboBox *m_level, *m_municipality, *m_school;
    QLineEdit *m_organization, *m_number, *m_position, *m_signer;
    QPushButton *m_refresh, *m_cancel, *m_pdf, *m_docx;
    QProgressBar *m_progress;
    QLabel *m_status;
    std::unique_ptr<QPrinter> m_printer;
    QPrintPreviewWidget *m_preview;
    std::shared_ptr<std::atomic<bool>> m_cancelFlag;
    std::shared_ptr<io::ReportDocument> m_document;
    QFutureWatcher<std::shared_ptr<io::ReportDocument>> *m_buildWatcher;
    QFutureWatcher<QString> *m_saveWatcher;
    // from the start of a build or a save until its result is taken on the GUI thread (the
    // watcher stops running before its finished() handler has swapped the document in)
    bool m_busy = false;
};

} // namespace objectivity::gui
