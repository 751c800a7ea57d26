#pragma once
#include "objectivity/core/common/Result.h"
#include "objectivity/simulation/RegionSink.h"

#include <QHash>

#include <memory>

namespace objectivity::storage {

class Database;
class ResultsRepository;

// Writes a generated region (simulation::RegionGenerator) into the results tables of a database
// through ResultsRepository (schools, procedures, participants as one import) and
// MarkScaleRepository (the generated scales for their year): demo databases, tests and benchmarks
// of the analysis. Run the generator inside Database::transaction; the first error stops the
// generation (cancelled()).
class GeneratedRegionWriter : public simulation::RegionSink {
public:
    GeneratedRegionWriter(Database &db, const QString &importName);
    ~GeneratedRegionWriter() override;

    void unit(const simulation::GeneratedSchool &school,
              const simulation::GeneratedProcedure &procedure,
              const QList<core::ParticipantResult> &rows) override;
    bool cancelled() const override { return !m_status; }

    // Records the number of rows in the import log; returns the first error, if any.
    core::Status finish();
    qint64 rows() const { return m_rows; }

private:
    core::Status start();
    core::Result<qint64> procedureId(const simulation::GeneratedProcedure &g);
    core::Result<qint64> schoolId(const simulation::GeneratedSchool &s);

    Database &m_db;
    QString m_importName;
    std::unique_ptr<ResultsRepository> m_repo;
    core::Status m_status;
    qint64 m_importId = 0;
    qint64 m_rows = 0;
    QHash<QString, qint64> m_procedures;
    QHash<QString, qint64> m_schools;
};

} // namespace objectivity::storage
