#pragma once
#include "objectivity/gui/results/ResultsImportBatch.h"
#include "objectivity/io/results/ResultsImporter.h"

#include <QDialog>
#include <QFutureWatcher>
#include <QHash>

#include <atomic>
#include <functional>
#include <memory>
#include <optional>

class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QProgressBar;
class QPushButton;
class QTableWidget;
class QTimer;

namespace objectivity::storage {
class Database;
}

namespace objectivity::gui {

struct ResultsImportOutcome;
struct ResultsImportProgress;

// «Импорт результатов»: a file (chosen or dropped), its layout (auto / flat / ФИС ОКО) and, for a
// ФИС ОКО export that does not name it, the school's login; a preview of the first rows as the
// importer understands them (ResultsImporter::preview, remembered headings included); a field for
// every unrecognised heading (passed as Options::mappings, so the importer remembers it);
// the warnings. The import runs on a worker thread on its own connection, with a progress bar and
// Cancel (the file's transaction is rolled back); a file imported before asks «заменить /
// пропустить». The summary is shown at the end. Several files (chosen together or dropped) are
// imported one after another with the same layout and mappings, each whole or not at all, the
// school login taken from each file (ResultsImportBatch); one that fails does not stop the rest.
class ResultsImportDialog : public QDialog {
    Q_OBJECT
public:
    explicit ResultsImportDialog(storage::Database &db, QWidget *parent = nullptr);
    ~ResultsImportDialog() override;

    void setFile(const QString &path);
    // Two files or more: a batch, the first one previewed (one: as setFile).
    void setFiles(const QStringList &paths);
    const ResultsImportBatch &batch() const { return m_batch; }
    QString file() const;
    void setLayoutChoice(io::ResultsImporter::Layout layout);
    void setSchoolCode(const QString &code);
    // Maps a heading of the file to a field (as the combo in the mapping table does).
    void setMapping(const QString &heading, const QString &field);
    QHash<QString, QString> mappings() const { return m_mappings; }
    // Answers the «файл уже загружен» question in advance (tests, batch use).
    void setRepeatChoice(io::ResultsImporter::OnRepeat choice) { m_repeatChoice = choice; }

    void startImport();
    // Stops the import, or LibreOffice converting an .xls / .ods.
    void cancelImport();
    bool isRunning() const;
    // LibreOffice is converting the file (.xls, .ods) before its preview or a batch's import.
    bool isConverting() const;

    QTableWidget *previewTable() const { return m_preview; }
    QTableWidget *mappingTable() const { return m_mapping; }
    QListWidget *warningList() const { return m_warnings; }
    QProgressBar *progressBar() const { return m_progress; }
    QString summaryText() const;
    // The line under the tables: what is going on (a conversion, the import) or how it ended.
    QString statusText() const;
    // The line over the preview: the format, what the file names (procedure, school), the header
    // row.
    QString titleText() const;
    const std::optional<io::ResultsImporter::Preview> &preview() const { return m_data; }
    // Russian name of an importer field («Код участника», «Задание 9.1»).
    static QString fieldTitle(const QString &field);

signals:
    // The import committed (rows were added or replaced).
    void imported();
    // The run ended: ok, cancelled or failed (summaryText() says which); for a batch, once after
    // its last file (ok when every file loaded).
    void importFinished(bool ok);

protected:
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;
    void closeEvent(QCloseEvent *event) override;
    void reject() override;

private:
    void chooseFile();
    void reloadPreview(bool rebuildMapping);
    // The preview read (m_data, or m_previewError) shown in the tables and the warnings.
    void showPreview(bool rebuildMapping);
    // Has LibreOffice convert the current file on a worker thread, with the busy bar and Cancel;
    // then `then(error, cancelled)` runs on the GUI thread (error empty: the file is converted).
    void convertThen(std::function<void(const QString &error, bool cancelled)> then);
    void conversionDone();
    // Stops a conversion still running and forgets what was to follow it.
    void stopConversion();
    void fillPreviewTable();
    void fillMappingTable();
    void fillWarnings();
    void run(io::ResultsImporter::OnRepeat onRepeat);
    void finished();
    // The current file is done (its summary in m_summary): the end of the run, or the batch goes
    // on with its next file.
    void fileDone(bool ok, bool cancelled, bool skipped = false);
    // The batch's next file: its preview (after its conversion), then its import; the end when
    // none is left.
    void nextBatchFile();
    void endBatch(bool cancelled);
    void setRunning(bool running);
    io::ResultsImporter::Layout layoutChoice() const;

    storage::Database &m_db;
    QLineEdit *m_path;
    QComboBox *m_layout;
    QLineEdit *m_school;
    QLabel *m_title;
    QLabel *m_batchLabel;
    QTableWidget *m_preview;
    QTableWidget *m_mapping;
    QListWidget *m_warnings;
    QProgressBar *m_progress;
    QLabel *m_status;
    QPushButton *m_import, *m_cancel, *m_close, *m_browse;
    QTimer *m_poll;

    QHash<QString, QString> m_mappings; // chosen here: heading → field
    QStringList m_unknown;              // headings unknown without m_mappings
    std::optional<io::ResultsImporter::Preview> m_data;
    QString m_previewError;
    std::optional<io::ResultsImporter::OnRepeat> m_repeatChoice;
    std::shared_ptr<ResultsImportProgress> m_state;
    QFutureWatcher<ResultsImportOutcome> *m_watcher;
    QFutureWatcher<QString> *m_conversion; // the error, empty when converted
    std::shared_ptr<std::atomic<bool>> m_conversionCancel;
    std::function<void(const QString &, bool)> m_afterConversion;
    QString m_summary;
    bool m_filling = false;
    ResultsImportBatch m_batch;
    bool m_batchRunning = false;
    QString m_fileOutcome; // the current file's outcome in a batch's words («загружено, строк: …»)
};

} // namespace objectivity::gui
