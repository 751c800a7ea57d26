#include "results/SqliteParticipantStream.h"

#include "objectivity/core/analysis/AnalysisDataset.h"
#include "objectivity/storage/SqlErrorText.h"

#include <condition_variable>
#include <cstring>
#include <deque>
#include <mutex>
#include <optional>
#include <thread>

#include <sqlite3.h>

namespace objectivity::storage {

namespace {

constexpr std::size_t kChunkRows = 8192;
constexpr int kChunks = 4;

core::Error participantsError(sqlite3 *h) {
    core::Error e;
    const QString original = QString::fromUtf8(sqlite3_errmsg(h));
    e.message = QStringLiteral("Ошибка чтения участников: %1")
                    .arg(SqlErrorText::russian(sqlite3_extended_errcode(h), original));
    e.details = original;
    return e;
}

core::Error cancelled() {
    return core::Error{QStringLiteral("Чтение данных прервано"), {}, -1, -1};
}

// The chunks between the two threads: `free` ones for the stepping thread to fill, `full` ones
// for the caller to consume, in order. `done` once the stepping thread has no more to give.
class ChunkQueue {
public:
    ChunkQueue() {
        for (int i = 0; i < kChunks; ++i) {
            m_storage[i].rows.reserve(kChunkRows);
            m_free.push_back(&m_storage[i]);
        }
    }

    // the stepping thread: a free chunk, or nullptr once the caller has stopped
    SqliteParticipantStream::Chunk *takeFree() {
        std::unique_lock lock(m_mutex);
        m_changed.wait(lock, [&] { return !m_free.empty() || m_stopped; });
        if (m_stopped)
            return nullptr;
        auto *c = m_free.front();
        m_free.pop_front();
        return c;
    }
    void putFull(SqliteParticipantStream::Chunk *c) {
        {
            std::lock_guard lock(m_mutex);
            m_full.push_back(c);
        }
        m_changed.notify_all();
    }
    void finish(std::optional<core::Error> error) {
        {
            std::lock_guard lock(m_mutex);
            m_done = true;
            m_error = std::move(error);
        }
        m_changed.notify_all();
    }

    // the caller: the next full chunk, or nullptr when the stepping thread is done
    SqliteParticipantStream::Chunk *takeFull() {
        std::unique_lock lock(m_mutex);
        m_changed.wait(lock, [&] { return !m_full.empty() || m_done; });
        if (m_full.empty())
            return nullptr;
        auto *c = m_full.front();
        m_full.pop_front();
        return c;
    }
    void putFree(SqliteParticipantStream::Chunk *c) {
        c->rows.clear();
        c->bytes.clear();
        {
            std::lock_guard lock(m_mutex);
            m_free.push_back(c);
        }
        m_changed.notify_all();
    }
    void stop() {
        {
            std::lock_guard lock(m_mutex);
            m_stopped = true;
        }
        m_changed.notify_all();
    }
    std::optional<core::Error> error() {
        std::lock_guard lock(m_mutex);
        return m_error;
    }

private:
    SqliteParticipantStream::Chunk m_storage[kChunks];
    std::mutex m_mutex;
    std::condition_variable m_changed;
    std::deque<SqliteParticipantStream::Chunk *> m_free;
    std::deque<SqliteParticipantStream::Chunk *> m_full;
    bool m_done = false;
    bool m_stopped = false;
    std::optional<core::Error> m_error;
};

std::uint32_t append(std::vector<char> &bytes, const void *data, int size) {
    const auto at = static_cast<std::uint32_t>(bytes.size());
    if (size > 0) {
        bytes.resize(bytes.size() + static_cast<std::size_t>(size));
        std::memcpy(bytes.data() + at, data, static_cast<std::size_t>(size));
    }
    return at;
}

// The stepping thread's work: every row of the statement into chunks.
void step(sqlite3 *h, sqlite3_stmt *st, const SqliteParticipantStream::Lookup &lookup,
          ChunkQueue &queue, const std::atomic<bool> *cancel) {
    qint64 lastProcId = -1, lastSchoolId = -1;
    int proc = -1, school = -1;
    SqliteParticipantStream::Chunk *chunk = queue.takeFree();
    int rc = SQLITE_DONE;
    while (chunk && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        const qint64 procId = sqlite3_column_int64(st, 0);
        const qint64 schoolId = sqlite3_column_int64(st, 1);
        if (procId != lastProcId) {
            proc = lookup.procedures.value(procId, -1);
            lastProcId = procId;
        }
        if (schoolId != lastSchoolId) {
            school = lookup.schools.value(schoolId, -1);
            lastSchoolId = schoolId;
        }
        if (proc < 0 || school < 0)
            continue;
        SqliteParticipantStream::Row r;
        r.procedure = proc;
        r.school = school;
        core::ParticipantRow &v = r.values;
        v.pointCount = sqlite3_column_bytes(st, 3);
        r.pointsAt = append(chunk->bytes, sqlite3_column_blob(st, 3), v.pointCount);
        v.primary = sqlite3_column_double(st, 4);
        v.mark = sqlite3_column_int(st, 5); // NULL reads as 0
        v.testScore = sqlite3_column_type(st, 6) == SQLITE_NULL ? -1 : sqlite3_column_int(st, 6);
        v.journal = sqlite3_column_int(st, 7);
        v.annual = sqlite3_column_int(st, 8);
        v.medal = sqlite3_column_int(st, 9);
        const void *code = sqlite3_column_blob(st, 2);
        const int codeSize = sqlite3_column_bytes(st, 2);
        if (lookup.ege[static_cast<std::size_t>(proc)]) {
            // the ЕГЭ code is kept as text: a medallist's code is shown in the findings
            r.codeSize = static_cast<std::uint16_t>(std::min(codeSize, 0xFFFF));
            r.codeAt = append(chunk->bytes, code, r.codeSize);
        } else {
            // the code links the pupil's works across procedures (PupilLink)
            v.codeHash = core::AnalysisDataset::hashCodeUtf8(
                QByteArrayView(static_cast<const char *>(code), codeSize));
            // the class («5Б»), for the criteria that look at one class of the parallel
            const void *cls = sqlite3_column_text(st, 10);
            r.classSize = static_cast<std::uint16_t>(
                std::min(cls ? sqlite3_column_bytes(st, 10) : 0, 0xFFFF));
            r.classAt = append(chunk->bytes, cls, r.classSize);
        }
        chunk->rows.push_back(r);
        if (chunk->rows.size() == kChunkRows) {
            queue.putFull(chunk);
            chunk = cancel && cancel->load() ? nullptr : queue.takeFree();
        }
    }
    if (!chunk) { // the caller stopped, or the read was cancelled
        queue.finish(cancelled());
        return;
    }
    if (rc != SQLITE_DONE) {
        queue.putFree(chunk);
        queue.finish(participantsError(h));
        return;
    }
    if (chunk->rows.empty())
        queue.putFree(chunk);
    else
        queue.putFull(chunk);
    queue.finish(std::nullopt);
}

} // namespace

core::Status SqliteParticipantStream::read(sqlite3 *handle, const Lookup &lookup,
                                           const std::function<void(const Chunk &)> &consume,
                                           const std::atomic<bool> *cancel) {
    sqlite3_stmt *st = nullptr;
    const char *sql = "SELECT procedure_id, school_id, participant_code, task_points, "
                      "primary_score, mark, test_score, journal_mark, annual_mark, medal, "
                      "class_name FROM participants";
    if (sqlite3_prepare_v2(handle, sql, -1, &st, nullptr) != SQLITE_OK)
        return participantsError(handle);
    ChunkQueue queue;
    std::thread stepper(step, handle, st, std::cref(lookup), std::ref(queue), cancel);
    bool stopped = false;
    while (Chunk *c = queue.takeFull()) {
        if (!stopped && cancel && cancel->load()) {
            stopped = true;
            queue.stop(); // the stepping thread ends at its next chunk
        }
        if (!stopped)
            consume(*c);
        queue.putFree(c);
    }
    stepper.join();
    sqlite3_finalize(st);
    if (stopped)
        return cancelled();
    if (auto e = queue.error())
        return *e;
    return {};
}

} // namespace objectivity::storage
