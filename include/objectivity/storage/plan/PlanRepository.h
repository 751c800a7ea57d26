#pragma once
#include "objectivity/core/common/Result.h"
#include "objectivity/core/plan/Plan.h"
#include "objectivity/storage/plan/PlanSummary.h"

#include <QList>

namespace objectivity::storage {

class Database;

// Plans in the database. Every call that writes is one transaction: it all lands or nothing does.
class PlanRepository {
public:
    explicit PlanRepository(Database &db) : m_db(db) {}

    core::Result<QList<PlanSummary>> list() const;
    core::Result<core::Plan> load(qint64 planId) const;

    // Inserts a new plan (plan.id == 0) or brings the stored one to exactly this state: the plan's
    // fields, columns, sections, measures and owners; rows no longer present are deleted. New
    // sections and measures get their ids written back into `plan`. The organization is found by
    // name (and municipality) or created.
    core::Status save(core::Plan &plan);

    // Quick path for tracking the year on an approved plan: status, completion date, note of one
    // measure.
    core::Status updateMeasureExecution(const core::Measure &measure);

    core::Status remove(qint64 planId);

private:
    Database &m_db;
};

} // namespace objectivity::storage
