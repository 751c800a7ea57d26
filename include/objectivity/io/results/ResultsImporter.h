#pragma once
#include "objectivity/core/common/Result.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <atomic>
#include <functional>

namespace objectivity::storage {
class Database;
}

namespace objectivity::io {

// Imports a file of individual results (ВПР/ОГЭ/ЕГЭ) into the database in ONE transaction: all of
// it or nothing.
//
// Layouts: "flat" (one row per participant, many schools: Год;Процедура;Параллель;Предмет;
// Муниципалитет;Логин ОО;Наименование ОО;Тип ОО;Местность;Класс;Код участника;Вариант;З1..З20;
// Первичный балл;Отметка;Тестовый балл;Отметка по журналу;Период отметки;Годовая отметка;Медаль,
// with task descriptions in tasks.csv beside it) and "fisoko" (the per-school ФИС ОКО export: a
// title «ВПР 2024 Математика 5 класс», the school login, a row of task levels, columns «1 (2б)»).
// CSV or XLSX.
//
// Fatal (the file is rejected, the database unchanged): unreadable file or encoding, a stray quote,
// missing required columns, an unknown procedure or subject, text where a number belongs, a mark
// outside 2..5, points above a task's maximum or below 0, more task cells than the procedure has,
// a participant code repeated within the file or already stored from another file.
// Warnings (the row is imported as written): primary score ≠ sum of task points, a mark that
// contradicts the known scale, no scale known for a procedure (once per procedure), task maxima
// unknown (no task description), unrecognised columns that are not needed.
class ResultsImporter {
public:
    enum class Layout { Auto, Flat, Fisoko };
    // What to do when a file with the same content was imported before.
    enum class OnRepeat { Fail, Replace, Skip };

    struct Options {
        Layout layout = Layout::Auto;
        QString schoolCode; // fisoko: the school login when the file does not name it
        QString tasksFile;  // flat: task descriptions; default tasks.csv beside the file
        QHash<QString, QString> mappings; // heading → field (remembered in heading_mappings)
        OnRepeat onRepeat = OnRepeat::Fail;
        // Called now and then with the work done and the total (bytes of a CSV, rows of a sheet);
        // returning false cancels the import: the transaction is rolled back and importFile
        // returns the error «Импорт отменён». May be empty.
        std::function<bool(qint64 done, qint64 total)> progress;
    };
    struct Summary {
        qint64 importId = 0;
        QString layout;
        int rows = 0;
        int procedures = 0;
        int schools = 0;
        bool skipped = false;  // the same file was imported before and OnRepeat::Skip was chosen
        bool replaced = false; // ... and OnRepeat::Replace replaced it
        QStringList warnings;
        int warningCount = 0; // all of them; `warnings` keeps the first 500
    };
    // What the file looks like before importing it (the GUI's preview): the header row, the field
    // recognised for each heading (empty when unknown; "task:<label>" for task columns) and the
    // first data rows as read.
    struct Preview {
        QString layout;    // "flat" or "fisoko"
        QString sheet;     // XLSX: the sheet read
        int headerRow = 0; // 1-based row (line) of the header
        QStringList headings;
        QStringList fields;
        QStringList unknownHeadings; // non-empty headings no field was found for
        QList<QStringList> rows;
        // fisoko: what the rows above the table say, as the import takes it
        QString procedure; // «ВПР 2024, Математика, 5 класс»; empty when not found
        QString schoolCode;     // the login the file names; empty when it names none
        QString headingProblem; // why the import will refuse the file (no title, a subject)
    };

    explicit ResultsImporter(storage::Database &db) : m_db(db) {}
    core::Result<Summary> importFile(const QString &path, const Options &options);
    // Reads the heading and up to `maxRows` data rows; writes nothing.
    core::Result<Preview> preview(const QString &path, const Options &options, int maxRows = 20);

    // An Excel 97–2003 (.xls) or OpenDocument (.ods) workbook is read through LibreOffice, which
    // converts it to .xlsx once per run of the program — seconds. needsConversion() says whether
    // preview() and importFile() would wait for that now; convertFirst() does it (on a worker
    // thread: the import dialog shows its progress), stopping LibreOffice when *cancel becomes
    // true. Other files need nothing.
    static bool needsConversion(const QString &path);
    static core::Status convertFirst(const QString &path,
                                     const std::atomic<bool> *cancel = nullptr);

    // Field names accepted by Options::mappings and --map ("task:N" stands for a task column).
    static QStringList fieldNames();
    // The message of a cancelled import.
    static QString cancelledMessage();
    // The content hash by which a file imported twice is recognised (imports.content_hash column):
    // SHA-1 of the bytes, hex — not for security, only identity; 3.5 times faster than SHA-256
    // here. Empty with *problem set (Russian) when the file cannot be read.
    static QString contentHash(const QString &path, QString *problem = nullptr);

private:
    storage::Database &m_db;
};

} // namespace objectivity::io
