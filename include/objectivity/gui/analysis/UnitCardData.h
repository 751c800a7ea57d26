#pragma once
#include "objectivity/core/analysis/AnalysisReport.h"
#include "objectivity/core/common/Result.h"
#include "objectivity/core/results/Procedure.h"
#include "objectivity/storage/results/MedallistScoresQuery.h"
#include "objectivity/storage/results/SchoolPositionQuery.h"
#include "objectivity/storage/results/ScoreDistributionQuery.h"

namespace objectivity::storage {
class Database;
}

namespace objectivity::gui {

// What the unit card shows beyond the unit's report: its procedure (tasks and their levels), the
// distribution of primary scores, the school's positions across years and, for the medals unit,
// the medallists' ЕГЭ scores. Read on a worker thread (load) with the database's own connection.
struct UnitCardData {
    core::UnitReport unit;
    bool hasProcedure = false; // false for the medals unit (no procedure of its own)
    core::Procedure procedure;
    storage::ScoreDistribution distribution;
    QList<storage::SchoolPosition> positions;
    QList<storage::MedallistScores> medallists;
    qint64 elapsedMs = 0;

    bool isMedals() const { return unit.subject.isEmpty(); }
    // Reads everything for `unit` from `db` (any thread that owns the connection of `db`). The
    // positions of `known` (the school's units of the report) are taken from it, not read; with
    // readMissingPositions false the school's other procedures are not read either.
    static core::Result<UnitCardData> load(storage::Database &db, const core::UnitReport &unit,
                                           const QList<core::UnitReport> &known = {},
                                           bool readMissingPositions = true);
};

} // namespace objectivity::gui
