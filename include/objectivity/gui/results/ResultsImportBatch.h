#pragma once
#include <QString>
#include <QStringList>

namespace objectivity::gui {

// Several results files imported one after another (ResultsImportDialog): which one is current,
// what became of each, and the texts the dialog shows. Each file is imported on its own — whole or
// not at all — and a file that fails does not stop the rest.
class ResultsImportBatch {
public:
    // A batch of two files or more; fewer is no batch (active() false).
    void start(const QStringList &files);
    void clear();
    bool active() const { return m_files.size() > 1; }

    int size() const { return int(m_files.size()); }
    int index() const { return m_index; }
    QString current() const { return m_files.value(m_index); }
    bool atEnd() const { return m_index >= m_files.size(); }

    // What became of the current file; then the next one is current.
    void loaded(const QString &what);
    void failed(const QString &why);
    void skipped(const QString &why); // imported before; the user chose to skip it
    int loadedCount() const { return m_loaded; }
    int failedCount() const { return m_failed; }
    int skippedCount() const { return m_skipped; }
    // A line per file done: «a.csv — загружено, строк: 1 250, замечаний: 2»,
    // «b.csv — не загружен: строка 3, столбец 12 …».
    QStringList log() const { return m_log; }

    // Above the preview while a batch is set: how many files, how they are imported, which one is
    // shown.
    QString label() const;
    // At the end: «Загружено файлов: 2 из 3; не загружено: 1 (причина — в замечаниях; …).»
    QString summary() const;

private:
    QString name() const;

    QStringList m_files;
    int m_index = 0;
    int m_loaded = 0, m_failed = 0, m_skipped = 0;
    QStringList m_log;
};

} // namespace objectivity::gui
