#include "objectivity/storage/results/ParticipantQuery.h"

#include "SqlSupport.h"

#include <QSqlQuery>

namespace objectivity::storage {

core::Result<QList<ParticipantQuery::Unit>> ParticipantQuery::units() const {
    QSqlQuery q(m_db.connection());
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("SELECT school_id, procedure_id, COUNT(*) FROM participants "
                               "%1GROUP BY school_id, procedure_id")
                    .arg(sql::indexedBy(m_db, "participants_school"))))
        return sql::queryError(m_db, q, QStringLiteral("число участников по школам"));
    QList<Unit> list;
    while (q.next())
        list.append({q.value(0).toLongLong(), q.value(1).toLongLong(), q.value(2).toInt()});
    return list;
}

core::Result<QList<core::ParticipantResult>>
ParticipantQuery::rows(qint64 schoolId, qint64 procedureId, int offset, int limit) const {
    QSqlQuery q(m_db.connection());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral(
                  "SELECT class_name, participant_code, variant, task_points, primary_score, mark, "
                  "test_score, journal_mark, journal_period, annual_mark, medal FROM participants "
                  "%1WHERE school_id = ? AND procedure_id = ? ORDER BY id LIMIT ? OFFSET ?")
                  .arg(sql::indexedBy(m_db, "participants_school")));
    q.addBindValue(schoolId);
    q.addBindValue(procedureId);
    q.addBindValue(limit);
    q.addBindValue(offset);
    if (!q.exec())
        return sql::queryError(m_db, q, QStringLiteral("результаты участников"));
    QList<core::ParticipantResult> list;
    while (q.next()) {
        core::ParticipantResult p;
        p.schoolId = schoolId;
        p.procedureId = procedureId;
        p.className = q.value(0).toString();
        p.participantCode = q.value(1).toString();
        p.variant = q.value(2).toInt();
        const QByteArray points = q.value(3).toByteArray();
        p.taskPoints.reserve(points.size());
        for (char c : points)
            p.taskPoints.append(static_cast<std::int8_t>(c));
        p.primaryScore = q.value(4).toDouble();
        p.mark = q.value(5).isNull() ? 0 : q.value(5).toInt();
        p.testScore = q.value(6).isNull() ? -1 : q.value(6).toInt();
        p.journalMark = q.value(7).isNull() ? 0 : q.value(7).toInt();
        p.journalPeriod = static_cast<core::JournalPeriod>(q.value(8).toInt());
        p.annualMark = q.value(9).isNull() ? 0 : q.value(9).toInt();
        p.medal = static_cast<core::Medal>(q.value(10).toInt());
        list << p;
    }
    return list;
}

} // namespace objectivity::storage
