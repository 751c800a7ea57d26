#pragma once
// Shared helpers of the libFuzzer targets (tests/fuzz/*_fuzzer.cpp): one application object per
// process, a scratch file for readers that only take a path, and a scratch database that is put
// back to its first state after every input, so that no run sees what an earlier one stored.
#include "objectivity/core/common/Error.h"
#include "objectivity/io/plan/RawDocument.h"

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QSqlQuery>
#include <QString>

#include <cstddef>
#include <cstdint>
#include <memory>
#include <vector>

namespace objectivity::storage {
class Database;
}

namespace objectivity::fuzz {

// Creates the QCoreApplication (once; call from LLVMFuzzerInitialize) and silences Qt's messages.
void initialize(int *argc, char ***argv);

// The input as bytes (a deep copy: readers may keep references past the call).
QByteArray bytes(const uint8_t *data, size_t size);

// The contracts every reader keeps whatever the input, checked after each run (abort() on a
// breach, so libFuzzer records the input): an error has a message and names the file; a block's
// `repeated` has one flag per cell and a paragraph has exactly one cell.
void checkError(const core::Error &error);
void checkDocument(const io::RawDocument &document);

// Writes the input to a file in this process's scratch folder and returns its path. The same
// path is reused for every input with the same suffix (".docx", ".xlsx", ".csv").
QString writeScratchFile(const QByteArray &data, const QString &suffix);

// A database file on tmpfs (/dev/shm when present), opened once per process with every migration.
// reset() deletes every row added since the database was opened (by rowid, foreign keys off while
// it runs, in one transaction, with statements prepared once) — about 1 ms, against about 30 ms
// for a new database per input.
class ScratchDatabase {
public:
    static ScratchDatabase &instance();
    storage::Database &database() { return *m_db; }
    void reset();
    // Makes the rows stored so far part of the first state (reset() keeps them from now on).
    void keepRows();

private:
    ScratchDatabase();
    std::unique_ptr<storage::Database> m_db;
    std::vector<QSqlQuery> m_deletes;          // one prepared DELETE per table, as in m_maxRowids
    QList<QPair<QString, qint64>> m_maxRowids; // table → max(rowid) when opened
    qint64 m_changes = 0;                      // SQLite's total_changes() after the last reset
};

} // namespace objectivity::fuzz
