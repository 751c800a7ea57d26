#include "FuzzSupport.h"

#include "objectivity/storage/Database.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QSqlQuery>
#include <QTemporaryDir>

#include <cstdio>
#include <cstdlib>

namespace objectivity::fuzz {

namespace {

QTemporaryDir &scratchDir() {
    static QTemporaryDir dir(
        QDir(QDir::tempPath()).filePath(QStringLiteral("objectivity-fuzz-XXXXXX")));
    if (!dir.isValid()) {
        std::fprintf(stderr, "fuzz: cannot create a scratch folder\n");
        std::abort();
    }
    return dir;
}

void quietMessages(QtMsgType, const QMessageLogContext &, const QString &) {}

void run(QSqlQuery &q, const QString &sql) {
    if (!q.exec(sql)) {
        std::fprintf(stderr, "fuzz: %s failed\n", qPrintable(sql));
        std::abort();
    }
}

qint64 totalChanges(QSqlQuery &q) {
    run(q, QStringLiteral("SELECT total_changes()"));
    return q.next() ? q.value(0).toLongLong() : -1;
}

} // namespace

void initialize(int *argc, char ***argv) {
    static QCoreApplication *app = nullptr;
    if (app)
        return;
    qInstallMessageHandler(quietMessages);
    // no LibreOffice: an input that starts as an .xls would start it (seconds per input, and its
    // code is not ours to fuzz); the refusal without it is the path fuzzed
    qputenv("OBJECTIVITY_SOFFICE", "");
    app = new QCoreApplication(*argc, *argv); // lives until the process ends
}

QByteArray bytes(const uint8_t *data, size_t size) {
    return QByteArray(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
}

void checkError(const core::Error &error) {
    if (error.message.trimmed().isEmpty() || error.file.trimmed().isEmpty()) {
        std::fprintf(stderr, "fuzz: an error without a message or a file name: «%s»\n",
                     qPrintable(error.toString()));
        std::abort();
    }
}

void checkDocument(const io::RawDocument &document) {
    for (const io::RawBlock &block : document.blocks) {
        if (block.repeated.size() != block.cells.size() ||
            (!block.isRow() && block.cells.size() != 1)) {
            std::fprintf(stderr, "fuzz: a block with %d cells and %d repeated flags (%s)\n",
                         int(block.cells.size()), int(block.repeated.size()),
                         block.isRow() ? "row" : "paragraph");
            std::abort();
        }
    }
}

QString writeScratchFile(const QByteArray &data, const QString &suffix) {
    const QString path = scratchDir().filePath(QStringLiteral("input") + suffix);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate | QIODevice::Unbuffered) ||
        file.write(data) != data.size()) {
        std::fprintf(stderr, "fuzz: cannot write %s\n", qPrintable(path));
        std::abort();
    }
    return path;
}

ScratchDatabase &ScratchDatabase::instance() {
    static ScratchDatabase db;
    return db;
}

ScratchDatabase::ScratchDatabase() {
    const QString folder =
        QDir(QStringLiteral("/dev/shm")).exists() ? QStringLiteral("/dev/shm") : QDir::tempPath();
    static QTemporaryDir dir(QDir(folder).filePath(QStringLiteral("objectivity-fuzz-db-XXXXXX")));
    auto opened = storage::Database::open(dir.filePath(QStringLiteral("fuzz.sqlite")));
    if (!dir.isValid() || !opened.ok()) {
        std::fprintf(stderr, "fuzz: cannot open the scratch database\n");
        std::abort();
    }
    m_db = std::move(opened.value());
    QSqlQuery q(m_db->connection());
    run(q, QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE "
                          "'sqlite_%'"));
    QStringList tables;
    while (q.next())
        tables << q.value(0).toString();
    for (const QString &table : tables) {
        m_maxRowids.append({table, 0});
        QSqlQuery del(m_db->connection());
        if (!del.prepare(QStringLiteral("DELETE FROM \"%1\" WHERE rowid > ?").arg(table))) {
            std::fprintf(stderr, "fuzz: cannot prepare the reset of %s\n", qPrintable(table));
            std::abort();
        }
        m_deletes.push_back(std::move(del));
    }
    keepRows();
}

void ScratchDatabase::keepRows() {
    QSqlQuery q(m_db->connection());
    for (auto &[table, maxRowid] : m_maxRowids) {
        run(q, QStringLiteral("SELECT COALESCE(MAX(rowid), 0) FROM \"%1\"").arg(table));
        maxRowid = q.next() ? q.value(0).toLongLong() : 0;
    }
    m_changes = totalChanges(q);
}

void ScratchDatabase::reset() {
    QSqlQuery q(m_db->connection());
    if (totalChanges(q) == m_changes)
        return; // the input was refused: nothing was written
    run(q, QStringLiteral("PRAGMA foreign_keys = OFF"));
    // One transaction: one commit for every table instead of one per table.
    run(q, QStringLiteral("BEGIN"));
    for (std::size_t i = 0; i < m_deletes.size(); ++i) {
        QSqlQuery &del = m_deletes[i];
        del.bindValue(0, m_maxRowids.at(qsizetype(i)).second);
        if (!del.exec()) {
            std::fprintf(stderr, "fuzz: the reset of %s failed\n",
                         qPrintable(m_maxRowids.at(qsizetype(i)).first));
            std::abort();
        }
        del.finish();
    }
    run(q, QStringLiteral("COMMIT"));
    run(q, QStringLiteral("PRAGMA foreign_keys = ON"));
    m_changes = totalChanges(q);
}

} // namespace objectivity::fuzz

extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv) {
    objectivity::fuzz::initialize(argc, argv);
    return 0;
}
