#pragma once
// The participants of a SQLite database, stepped on a thread of their own (private to storage).
#include "objectivity/core/analysis/UnitAccumulator.h"
#include "objectivity/core/common/Result.h"

#include <QHash>

#include <atomic>
#include <cstdint>
#include <functional>
#include <vector>

struct sqlite3;

namespace objectivity::storage {

// AnalysisDataReader's SQLite path as two stages on two cores: this class's thread steps the
// statement and copies each row into a chunk (the code's hash computed there too); the caller's
// thread takes the chunks in table order and adds the rows to the dataset. On the 1M database the
// two stages take about as long each (0.5–0.8 s), so the read takes the time of the longer one
// instead of both (docs/benchmarks.md). The chunks are recycled: four of them, at most, exist at
// once.
class SqliteParticipantStream {
public:
    // One participant: the row with its points, code and class as offsets into Chunk::bytes.
    struct Row {
        int procedure = -1; // AnalysisDataset's indexes
        int school = -1;
        core::ParticipantRow values; // points == nullptr here: see pointsAt
        std::uint32_t pointsAt = 0;
        std::uint32_t codeAt = 0; // ЕГЭ only: the code's text (its hash is in values.codeHash)
        std::uint32_t classAt = 0;
        std::uint16_t codeSize = 0;
        std::uint16_t classSize = 0;
    };
    struct Chunk {
        std::vector<Row> rows;
        std::vector<char> bytes;
    };
    // What the stepping thread needs of the dataset, copied before it starts: database ids to
    // the dataset's indexes, and which procedures are ЕГЭ (their codes are kept as text).
    struct Lookup {
        QHash<qint64, int> procedures;
        QHash<qint64, int> schools;
        std::vector<bool> ege; // by procedure index
    };

    // Steps every participant of `handle` and gives the chunks to `consume` on the caller's
    // thread, in the table's order; rows of an unknown procedure or school are skipped. Stops when
    // `cancel` is set (an error «Чтение данных прервано»). The handle is not used by anyone else
    // until this returns.
    static core::Status read(sqlite3 *handle, const Lookup &lookup,
                             const std::function<void(const Chunk &)> &consume,
                             const std::atomic<bool> *cancel);
};

} // namespace objectivity::storage
