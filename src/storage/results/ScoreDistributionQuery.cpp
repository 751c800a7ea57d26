#include "objectivity/storage/results/ScoreDistributionQuery.h"

#include "SqlSupport.h"
#include "objectivity/storage/results/MarkScaleRepository.h"

#include <QSqlQuery>

#include <algorithm>
#include <cmath>
#include <numeric>

namespace objectivity::storage {

int ScoreDistribution::schoolTotal() const {
    return std::accumulate(school.cbegin(), school.cend(), 0);
}
int ScoreDistribution::regionTotal() const {
    return std::accumulate(region.cbegin(), region.cend(), 0);
}

core::Result<ScoreDistribution> ScoreDistributionQuery::read(const core::Procedure &procedure,
                                                             const QString &schoolCode) const {
    const QString what = QStringLiteral("распределение первичных баллов");
    ScoreDistribution d;
    QSqlQuery q(m_db.connection());
    q.setForwardOnly(true);
    // own = 1 for the school's rows; primary scores rounded half away from zero (std::lround)
    q.prepare(QStringLiteral("SELECT school_id = (SELECT id FROM schools WHERE code = ?), "
                             "%1, COUNT(*) FROM participants WHERE procedure_id = ? GROUP BY 1, 2")
                  .arg(sql::roundedInteger(m_db, QStringLiteral("primary_score"))));
    q.addBindValue(schoolCode);
    q.addBindValue(procedure.id);
    if (!q.exec())
        return sql::queryError(m_db, q, what);
    struct Cell {
        bool own;
        int primary, count;
    };
    QList<Cell> cells;
    int seenMax = 0;
    while (q.next()) {
        const Cell c{q.value(0).toInt() == 1, std::max(0, q.value(1).toInt()), q.value(2).toInt()};
        seenMax = std::max(seenMax, c.primary);
        cells.append(c);
    }
    d.maxPrimary = procedure.maxPrimary() > 0 ? procedure.maxPrimary() : seenMax;
    d.school.fill(0, d.maxPrimary + 1);
    d.region.fill(0, d.maxPrimary + 1);
    for (const Cell &c : cells) // clamped as UnitAccumulator::add clamps
        (c.own ? d.school : d.region)[std::min(c.primary, d.maxPrimary)] += c.count;

    auto scale = MarkScaleRepository(m_db).find(procedure.kind, procedure.year, procedure.grade,
                                                procedure.subject);
    if (!scale)
        return scale.error();
    if (scale.value() && scale.value()->isMarkScale() && scale.value()->minFor4 > 0 &&
        scale.value()->minFor5 > 0) {
        d.minFor[0] = scale.value()->minFor3;
        d.minFor[1] = scale.value()->minFor4;
        d.minFor[2] = scale.value()->minFor5;
        d.fromScale = true;
        return d;
    }
    QSqlQuery m(m_db.connection());
    m.setForwardOnly(true);
    m.prepare(QStringLiteral("SELECT mark, MIN(primary_score) FROM participants WHERE "
                             "procedure_id = ? AND mark BETWEEN 3 AND 5 GROUP BY mark"));
    m.addBindValue(procedure.id);
    if (!m.exec())
        return sql::queryError(m_db, m, what);
    while (m.next())
        d.minFor[m.value(0).toInt() - 3] = static_cast<int>(std::lround(m.value(1).toDouble()));
    return d;
}

} // namespace objectivity::storage
