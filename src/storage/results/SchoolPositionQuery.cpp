#include "objectivity/storage/results/SchoolPositionQuery.h"

#include "SqlSupport.h"

#include <QSqlQuery>

#include <algorithm>
#include <cmath>

namespace objectivity::storage {

namespace {
// Sums of one side (the school, or the other schools) of one procedure.
struct Sums {
    double n = 0, s = 0, s2 = 0;    // rounded primary scores
    double tn = 0, ts = 0, ts2 = 0; // test scores
};
double mean(double s, double n) {
    return n > 0 ? s / n : 0;
}
double sd(double s, double s2, double n) {
    return n > 1 ? std::sqrt(std::max(0.0, (s2 - s * s / n) / (n - 1))) : 0;
}
} // namespace

core::Result<QList<SchoolPosition>> SchoolPositionQuery::read(const QString &schoolCode) const {
    QSqlQuery q(m_db.connection());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral(
        "WITH me AS (SELECT id FROM schools WHERE code = ?), "
        "mine AS (SELECT DISTINCT procedure_id FROM participants WHERE school_id = (SELECT id "
        "FROM me)) "
        "SELECT pr.id, pr.kind, pr.year, pr.grade, pr.subject, pa.school_id = (SELECT id FROM me), "
        "COUNT(*), SUM(r), SUM(r * r), COUNT(test_score), TOTAL(test_score), "
        "TOTAL(test_score * test_score) FROM (SELECT procedure_id, school_id, test_score, "
        "MAX(0, CAST(round(primary_score) AS INTEGER)) AS r FROM participants WHERE procedure_id "
        "IN mine) pa JOIN procedures pr ON pr.id = pa.procedure_id GROUP BY pr.id, 6 "
        "ORDER BY pr.year, pr.kind, pr.grade, pr.subject"));
    q.addBindValue(schoolCode);
    if (!q.exec())
        return sql::queryError(m_db, q, QStringLiteral("положение школы по годам"));
    QList<SchoolPosition> list;
    qint64 last = -1;
    Sums own, others;
    auto flush = [&] {
        if (list.isEmpty())
            return;
        SchoolPosition &p = list.last();
        p.n = static_cast<int>(own.n);
        const double rsdTest = sd(others.ts, others.ts2, others.tn);
        if (own.tn > 0 && others.tn > 0 && rsdTest > 0) {
            p.position = (mean(own.ts, own.tn) - mean(others.ts, others.tn)) / rsdTest;
        } else {
            const double rsd = sd(others.s, others.s2, others.n);
            p.position = rsd > 0 ? (mean(own.s, own.n) - mean(others.s, others.n)) / rsd : 0;
        }
    };
    while (q.next()) {
        const qint64 id = q.value(0).toLongLong();
        if (id != last) {
            flush();
            last = id;
            own = others = {};
            SchoolPosition p;
            core::procedureKindFromText(q.value(1).toString(), &p.kind);
            p.year = q.value(2).toInt();
            p.grade = q.value(3).toInt();
            p.subject = q.value(4).toString();
            list.append(p);
        }
        Sums &side = q.value(5).toInt() == 1 ? own : others;
        side = {q.value(6).toDouble(), q.value(7).toDouble(),  q.value(8).toDouble(),
                q.value(9).toDouble(), q.value(10).toDouble(), q.value(11).toDouble()};
    }
    flush();
    return list;
}

} // namespace objectivity::storage
