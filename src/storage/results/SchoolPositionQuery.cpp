#include "objectivity/storage/results/SchoolPositionQuery.h"

#include "SqlSupport.h"

#include <QSqlQuery>

#include <algorithm>
#include <cmath>
#include <tuple>

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

core::Result<QList<SchoolPosition>>
SchoolPositionQuery::read(const QString &schoolCode, const QList<SchoolPosition> &known) const {
    const QString what = QStringLiteral("положение школы по годам");
    // the school's procedures (by the index on school_id); those already known are not read
    QSqlQuery mine(m_db.connection());
    mine.setForwardOnly(true);
    // INDEXED BY is SQLite's; PostgreSQL's planner picks the index by itself.
    mine.prepare(
        QStringLiteral(
            "SELECT s.id, pr.id, pr.kind, pr.year, pr.grade, pr.subject FROM schools s JOIN "
            "(SELECT DISTINCT school_id, procedure_id FROM participants %1"
            "WHERE school_id = (SELECT id FROM schools WHERE code = ?)) pa ON pa.school_id "
            "= s.id JOIN procedures pr ON pr.id = pa.procedure_id")
            .arg(sql::indexedBy(m_db, "participants_school")));
    mine.addBindValue(schoolCode);
    if (!mine.exec())
        return sql::queryError(m_db, mine, what);
    qint64 schoolId = 0;
    QStringList ids;
    while (mine.next()) {
        schoolId = mine.value(0).toLongLong();
        core::ProcedureKind kind = core::ProcedureKind::VPR;
        core::procedureKindFromText(mine.value(2).toString(), &kind);
        const bool isKnown = std::any_of(known.cbegin(), known.cend(), [&](const auto &k) {
            return k.kind == kind && k.year == mine.value(3).toInt() &&
                   k.grade == mine.value(4).toInt() && k.subject == mine.value(5).toString();
        });
        if (!isKnown)
            ids << QString::number(mine.value(1).toLongLong());
    }
    auto read = computed(schoolId, ids);
    if (!read)
        return read.error();
    QList<SchoolPosition> list = read.value();
    for (const auto &k : known)
        list << k;
    std::sort(list.begin(), list.end(), [](const auto &a, const auto &b) {
        return std::make_tuple(a.year, a.kind, a.grade, a.subject) <
               std::make_tuple(b.year, b.kind, b.grade, b.subject);
    });
    return list;
}

core::Result<QList<SchoolPosition>>
SchoolPositionQuery::computed(qint64 schoolId, const QStringList &procedureIds) const {
    if (procedureIds.isEmpty())
        return QList<SchoolPosition>();
    QSqlQuery q(m_db.connection());
    q.setForwardOnly(true);
    // one aggregate over the participants of those procedures: the school's side and the others'
    if (!q.exec(
            QStringLiteral(
                "SELECT pr.id, pr.kind, pr.year, pr.grade, pr.subject, pa.school_id = %1, "
                "COUNT(*), SUM(r), SUM(r * r), COUNT(test_score), %3, %4 FROM (SELECT "
                "procedure_id, school_id, test_score, %5 AS r FROM participants WHERE "
                "procedure_id IN (%2)) pa JOIN procedures pr ON pr.id = pa.procedure_id "
                "GROUP BY pr.id, 6 ORDER BY pr.id")
                .arg(schoolId)
                .arg(procedureIds.join(QLatin1Char(',')),
                     sql::total(m_db, QStringLiteral("test_score")),
                     sql::total(m_db, QStringLiteral("test_score * test_score")),
                     sql::greatest(m_db, QStringLiteral("0"),
                                   sql::roundedInteger(m_db, QStringLiteral("primary_score"))))))
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
