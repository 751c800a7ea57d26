#pragma once
// Writes one plan with everything in it (private to storage; PlanRepository::save uses it).
#include "objectivity/core/common/Result.h"
#include "objectivity/core/plan/Plan.h"

#include <QSet>

namespace objectivity::storage {

class Database;

class PlanWriter {
public:
    explicit PlanWriter(Database &db) : m_db(db) {}

    // Runs inside the caller's transaction. Updates `plan` in place with the ids it assigns.
    // `stored` is the plan as the database holds it now (nullptr for a new plan): rows equal to it
    // are not rewritten, so an edit of one measure writes one measure.
    core::Status write(core::Plan &plan, const core::Plan *stored);
    // Brings the stored window marks of a measure (by id) to exactly its `windowMarks`.
    core::Status writeWindowMarks(const core::Measure &measure);

private:
    struct StoredMeasure {
        qint64 sectionId = 0;
        int position = -1;
        const core::Measure *measure = nullptr;
    };

    core::Result<qint64> organizationId(core::Organization &organization);
    core::Status writePlanRow(core::Plan &plan);
    core::Status writeColumns(const core::Plan &plan);
    core::Status writeSections(core::Plan &plan);
    core::Status writeMeasure(core::Measure &measure, qint64 sectionId, int position,
                              QSet<qint64> &updatable);
    core::Status writeOwners(const core::Measure &measure);
    core::Result<QSet<qint64>> ids(const QString &sql, qint64 planId);
    core::Status deleteMissing(const QString &table, const QSet<qint64> &existing,
                               const QSet<qint64> &kept);

    Database &m_db;
    const core::Plan *m_stored = nullptr;
};

} // namespace objectivity::storage
