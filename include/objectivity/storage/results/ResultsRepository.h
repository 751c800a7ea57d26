#pragma once
#include "objectivity/core/common/Result.h"
#include "objectivity/core/results/FlaggedSchool.h"
#include "objectivity/core/results/ParticipantResult.h"
#include "objectivity/core/results/Procedure.h"
#include "objectivity/core/results/School.h"

#include <QHash>
#include <QList>
#include <QStringList>

#include <memory>

namespace objectivity::storage {

class Database;
class ParticipantBuffer;

// Results tables of migration 002: schools, procedures, participants, imports, official flags and
// remembered headings. Write methods expect to run inside Database::transaction (the importers put
// a whole file in one transaction). Participants are written through a prepared SQLite statement;
// on PostgreSQL they are buffered and sent by binary COPY (ParticipantBuffer): finishImport,
// removeImport, participantCount and counts send the buffered rows first, other code that reads
// participants inside the import's transaction calls flushParticipants() before. Rows still
// buffered when the repository is destroyed are dropped (a failed or cancelled import).
class ResultsRepository {
public:
    struct ImportRecord {
        qint64 id = 0;
        QString fileName;
        QString contentHash; // SHA-1 hex of the file (ResultsImporter::contentHash)
        QString layout;      // "fisoko", "flat", "flagged"
        QString importedAt;
        int rowCount = 0;
        QStringList warnings;
    };
    struct CountRow {
        int year = 0;
        QString kind;
        int grade = 0;
        QString subject;
        qint64 participants = 0;
        qint64 schools = 0;
    };

    explicit ResultsRepository(Database &db);
    ~ResultsRepository();
    ResultsRepository(const ResultsRepository &) = delete;
    ResultsRepository &operator=(const ResultsRepository &) = delete;

    // Import log.
    core::Result<ImportRecord> findImportByHash(const QString &contentHash) const; // id 0 when none
    // Starts every load: core::DataAction::ImportFlagged for layout "flagged", else ImportResults
    // (refused, per core::DataPermissions, before anything is written).
    core::Result<qint64> addImport(const ImportRecord &record);
    // A large load into an empty participants table: its secondary keys are built once when the
    // load ends (a sort) instead of row by row. SQLite drops its two indexes here and
    // finishImport builds them; PostgreSQL's COPY buffer makes the same decision at its first
    // batch (PgDeferredKeys: all keys, only when the role owns the table). Inside the import's
    // transaction, so a failure leaves the keys as they were. Nothing when the table has rows.
    core::Status beginBulkLoad();
    // Sends the buffered participants, builds the keys a bulk load deferred, records the counts.
    core::Status finishImport(qint64 importId, int rowCount, const QStringList &warnings);
    // Deletes an import with its participants and flags (core::DataAction::RemoveResults).
    core::Status removeImport(qint64 importId);
    core::Result<QList<ImportRecord>> imports() const;

    // Inserts a school by code, or fills in its empty name/municipality/kind; returns its id.
    core::Result<qint64> upsertSchool(const core::School &school);
    core::Result<QList<core::School>> schools() const;
    // Returns the stored procedure (kind, year, grade, subject); inserts it when absent. Stored
    // tasks are kept; when none are stored, the given ones are saved.
    core::Result<core::Procedure> ensureProcedure(const core::Procedure &procedure);
    core::Status setProcedureTasks(qint64 procedureId, const QList<core::TaskInfo> &tasks);
    core::Result<QList<core::Procedure>> procedures() const;

    // Adds a participant. *duplicateOfImport is set (>0) when the same procedure, school and code
    // is already stored (then nothing is written and the result is ok): -1 when it came from the
    // current import itself.
    core::Status addParticipant(const core::ParticipantResult &p, qint64 importId,
                                qint64 *duplicateOfImport);
    // PostgreSQL: sends the participants buffered by addParticipant (one COPY); nothing on SQLite.
    core::Status flushParticipants();
    core::Result<qint64> participantCount() const;

    // Official lists: an exact repeat (same year, school, name, municipality and markers) is stored
    // once; *inserted says whether this row was new.
    core::Status addFlag(const core::FlaggedSchool &flag, qint64 importId, bool *inserted);
    core::Result<QList<core::FlaggedSchool>> flags(int year = 0) const;

    // Counts per year, procedure, grade and subject.
    core::Result<QList<CountRow>> counts() const;

    // Headings mapped to fields by the user (normalized heading → field).
    core::Result<QHash<QString, QString>> headingMappings() const;
    core::Status rememberHeading(const QString &heading, const QString &field);

    static QString tasksToJson(const QList<core::TaskInfo> &tasks);
    static QList<core::TaskInfo> tasksFromJson(const QString &json);

private:
    struct Statements;
    Database &m_db;
    std::unique_ptr<Statements> m_statements;
    std::unique_ptr<ParticipantBuffer> m_buffer;
    bool m_sqliteIndexesDeferred = false; // beginBulkLoad dropped them; finishImport builds them
};

} // namespace objectivity::storage
