#pragma once
#include "objectivity/core/common/Result.h"
#include "objectivity/core/results/ParticipantResult.h"
#include "objectivity/storage/PgCopyWriter.h"

#include <memory>

namespace objectivity::storage {

// Participants into PostgreSQL with COPY (PgCopyWriter), with the same values and NULLs as
// ResultsRepository::addParticipant writes into SQLite: mark, test score, journal and annual mark
// NULL when absent, task_points as bytea (one signed byte per task, -1 = not attempted). COPY
// refuses the whole batch on a repeated (procedure, school, code): callers that may meet
// repeats load into a staging table first.
class ParticipantCopy {
public:
    static QStringList columns();
    static core::Result<std::unique_ptr<ParticipantCopy>>
    begin(pg_conn *conn, const QString &table = QStringLiteral("participants"),
          PgCopyWriter::Format format = PgCopyWriter::Format::Binary);

    core::Status add(const core::ParticipantResult &p, qint64 importId);
    core::Result<qint64> finish() { return m_writer->finish(); }

private:
    explicit ParticipantCopy(std::unique_ptr<PgCopyWriter> writer) : m_writer(std::move(writer)) {}
    std::unique_ptr<PgCopyWriter> m_writer;
};

} // namespace objectivity::storage
