#pragma once
#include <QString>

namespace objectivity::storage {

// Whether this program may write a database file, and if not, why. SQLite writes the journal
// (rollback journal or -wal/-shm) next to the file, so the folder must be writable as well.
// $OBJECTIVITY_READ_ONLY stands for a condition that cannot be made otherwise (tests run as root,
// who may write anywhere): "folder" or "file" pretends that one is write-protected, any other
// non-empty value opens every database read-only.
class FileAccess {
public:
    enum class Reason { Writable, Requested, File, Folder, Media };

    // `path` is absolute; `exists` says whether the file is there (else only the folder counts).
    static FileAccess probe(const QString &path, bool exists);

    Reason reason() const { return m_reason; }
    bool isReadOnly() const { return m_reason != Reason::Writable; }
    // True when the folder cannot take new files (-wal, -shm, a journal).
    // (The reason names the file when both the file and the folder are write-protected.)
    bool folderReadOnly() const { return m_folderReadOnly; }
    // «нет прав на запись в папку «…»» and the like: why nothing can be written.
    QString why() const;

private:
    Reason m_reason = Reason::Writable;
    bool m_folderReadOnly = false;
    QString m_path;
    QString m_folder;
};

} // namespace objectivity::storage
