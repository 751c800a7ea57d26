#pragma once
#include "objectivity/core/common/Result.h"
#include "objectivity/core/results/Procedure.h"

#include <QList>

namespace objectivity::storage {

class Database;

// The distribution of primary scores of one procedure (read-only, for the unit card): counts per
// primary score (rounded as the analysis rounds it) for one school and for the region without
// that school, and the mark boundaries as the analysis uses them — from the mark scale when it
// gives all three, else the lowest primary score seen with each mark.
struct ScoreDistribution {
    int maxPrimary = 0;
    QList<int> school;         // index = primary score 0..maxPrimary
    QList<int> region;         // every other school of the procedure
    int minFor[3] = {0, 0, 0}; // lowest primary score for «3», «4», «5»; 0 = unknown
    bool fromScale = false;    // the boundaries come from the mark scale, not from the data

    int schoolTotal() const;
    int regionTotal() const;
};

class ScoreDistributionQuery {
public:
    explicit ScoreDistributionQuery(Database &db) : m_db(db) {}

    // An empty distribution (no rows) when the school did not take part.
    core::Result<ScoreDistribution> read(const core::Procedure &procedure,
                                         const QString &schoolCode) const;

private:
    Database &m_db;
};

} // namespace objectivity::storage
