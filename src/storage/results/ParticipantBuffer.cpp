#include "results/ParticipantBuffer.h"

#include "objectivity/storage/Database.h"
#include "objectivity/storage/PgCopyReader.h"
#include "objectivity/storage/PgCopyWriter.h"
#include "objectivity/storage/results/ParticipantCopy.h"

#include <cstring>

namespace objectivity::storage {

namespace {

std::string keyOf(qint64 schoolId, QByteArrayView code) {
    std::string key(sizeof schoolId + size_t(code.size()), '\0');
    std::memcpy(key.data(), &schoolId, sizeof schoolId);
    if (!code.isEmpty())
        std::memcpy(key.data() + sizeof schoolId, code.data(), size_t(code.size()));
    return key;
}

// A failure names the database, not a row: the row of a COPY batch is no row of the user's file
// (the repeats the file can hold are found before the COPY, with the file's row).
core::Error withFile(const Database &db, core::Error e) {
    e.file = db.path();
    e.row = 0;
    e.column = 0;
    return e;
}

} // namespace

ParticipantBuffer::~ParticipantBuffer() {
    // Not sent from here: after a failure or a cancel the caller's transaction is already rolled
    // back, and rows sent now would be written outside it. An import that ends well has called
    // ResultsRepository::finishImport (or flushParticipants).
    if (!m_rows.isEmpty())
        qWarning("ResultsRepository: %d participants of import %lld were not sent (no "
                 "finishImport)",
                 int(m_rows.size()), m_importId);
}

void ParticipantBuffer::reset() {
    m_rows.clear();
    m_keys.clear();
    m_importId = 0;
}

core::Result<ParticipantBuffer::Keys *> ParticipantBuffer::keysOf(qint64 procedureId) {
    if (auto it = m_keys.find(procedureId); it != m_keys.end())
        return &it.value();
    Keys keys;
    auto read = PgCopyReader::read(
        PgCopyWriter::handleOf(m_db.connection()),
        QStringLiteral("SELECT school_id, participant_code, import_id FROM participants "
                       "WHERE procedure_id = %1")
            .arg(procedureId),
        [&keys](const PgCopyReader::Field *f, int) {
            keys.emplace(keyOf(f[0].toInt(), f[1].bytes()), f[2].toInt());
            return true;
        });
    if (!read)
        return withFile(m_db, read.error());
    return &m_keys.insert(procedureId, std::move(keys)).value();
}

core::Status ParticipantBuffer::add(const core::ParticipantResult &p, qint64 importId,
                                    qint64 *duplicateOfImport) {
    *duplicateOfImport = 0;
    if (importId != m_importId) {
        if (core::Status s = flush(); !s)
            return s;
        reset();
        m_importId = importId;
    }
    auto keys = keysOf(p.procedureId);
    if (!keys)
        return keys.error();
    const auto [it, added] =
        (*keys)->emplace(keyOf(p.schoolId, p.participantCode.toUtf8()), importId);
    if (!added) {
        // As SQLite: a stored row with no import (NULL) is neither written nor reported.
        *duplicateOfImport = it->second == importId ? -1 : it->second;
        return {};
    }
    m_rows.append(p);
    if (m_rows.size() >= kFlushRows)
        return flush();
    return {};
}

core::Status ParticipantBuffer::flush() {
    if (m_rows.isEmpty())
        return {};
    auto copy = ParticipantCopy::begin(PgCopyWriter::handleOf(m_db.connection()));
    if (!copy)
        return withFile(m_db, copy.error());
    for (const core::ParticipantResult &p : std::as_const(m_rows))
        if (core::Status s = (*copy)->add(p, m_importId); !s)
            return withFile(m_db, s.error());
    auto written = (*copy)->finish();
    m_rows.clear();
    if (!written)
        return withFile(m_db, written.error());
    return {};
}

} // namespace objectivity::storage
