#pragma once
// The participants of one import on PostgreSQL, written with binary COPY (private to storage).
#include "objectivity/core/common/Result.h"
#include "objectivity/core/results/ParticipantResult.h"
#include "objectivity/storage/PgDeferredKeys.h"

#include <QHash>
#include <QList>

#include <optional>
#include <string>
#include <unordered_map>

namespace objectivity::storage {

class Database;

// ResultsRepository::addParticipant on PostgreSQL: a prepared INSERT per row reached 1,000–9,100
// rows/s; COPY (ParticipantCopy) is the server's bulk path, but it cannot run while other
// statements of the import (a school, a procedure, a scale) use the connection, and it refuses the
// whole batch on a repeat. So the rows are kept here and sent by one COPY per kFlushRows rows (and
// by flush(), which every reader of participants calls first), while the repeats are found here,
// row by row, exactly as the SQLite path reports them: a key (procedure, school, code) seen
// earlier in this import gives -1, a key stored by an earlier import gives that import's id. The
// stored keys of a procedure are read once (PgCopyReader), when the import first meets it.
// Everything runs in the caller's transaction: rows still buffered when the import fails or is
// cancelled are dropped with it.
//
// A large import into an empty participants table (the first batch full, the table owned by the
// connection's role) takes the bulk path of PgDeferredKeys: the keys and indexes of participants
// are dropped before the first COPY and built again by finish() — 1M rows 4–6 times faster
// (docs/benchmarks.md). So finish() must run before the transaction commits (finishImport does);
// the repeats the keys would refuse are already refused row by row here. Where row-level security
// of participants applies to the role, COPY FROM is refused by the server: the batches then go by
// COPY into a temporary table and by one INSERT … SELECT (checked by the policies) from there.
class ParticipantBuffer {
public:
    static constexpr int kFlushRows = 20000;

    explicit ParticipantBuffer(Database &db) : m_db(db) {}
    ~ParticipantBuffer();
    ParticipantBuffer(const ParticipantBuffer &) = delete;
    ParticipantBuffer &operator=(const ParticipantBuffer &) = delete;

    // As ResultsRepository::addParticipant: *duplicateOfImport 0 (buffered), -1 (a repeat within
    // the import) or the earlier import's id (nothing buffered).
    core::Status add(const core::ParticipantResult &p, qint64 importId, qint64 *duplicateOfImport);
    // Sends the buffered rows (one COPY). A failure aborts the caller's transaction.
    core::Status flush();
    // Sends the buffered rows and builds the keys again when the bulk path dropped them: before
    // anything reads participants, and before the commit.
    core::Status finish();
    // Forgets the buffered rows and the keys (another import, or after a removal).
    void reset();
    int pending() const { return int(m_rows.size()); }

    // (school id, code as UTF-8): a code of up to 15 bytes stays inside the string (no allocation
    // per row).
    struct Key {
        qint64 school;
        std::string code;
        bool operator==(const Key &) const = default;
    };
    struct KeyHash {
        size_t operator()(const Key &k) const {
            return std::hash<std::string>()(k.code) ^ size_t(k.school) * 0x9E3779B97F4A7C15ULL;
        }
    };

private:
    using Keys = std::unordered_map<Key, qint64, KeyHash>; // → import id
    core::Result<Keys *> keysOf(qint64 procedureId);
    core::Status beginBulk();
    core::Result<bool> rowSecurityApplies();
    static constexpr const char *kStaging = "objectivity_participants_staging";

    Database &m_db;
    qint64 m_importId = 0;
    QList<core::ParticipantResult> m_rows;
    QHash<qint64, Keys> m_keys; // per procedure id
    bool m_bulkDecided = false;
    std::optional<PgDeferredKeys> m_deferred; // the bulk path: keys to build in finish()
    int m_staging = -1; // 1: row-level security applies, COPY goes through a temporary table
};

} // namespace objectivity::storage
