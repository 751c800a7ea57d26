#include "objectivity/storage/results/MarkScaleRepository.h"

#include "SqlSupport.h"
#include "objectivity/storage/Database.h"
#include "results/DataAccess.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlQuery>

using objectivity::core::MarkScale;
using objectivity::core::Result;
using objectivity::core::Status;

namespace objectivity::storage {

namespace {
const QString kColumns =
    QStringLiteral("id, kind, year, grade, subject, max_primary, min_for_3, min_for_4, min_for_5, "
                   "extra_condition, test_scores, min_test_score, source, CASE WHEN id IN (SELECT "
                   "scale_id FROM mark_scale_user_rows) THEN 'user' ELSE 'official' END");

MarkScale fromQuery(const QSqlQuery &q) {
    MarkScale s;
    s.id = q.value(0).toLongLong();
    core::procedureKindFromText(q.value(1).toString(), &s.kind);
    s.year = q.value(2).toInt();
    s.grade = q.value(3).toInt();
    s.subject = q.value(4).toString();
    s.maxPrimary = q.value(5).toInt();
    s.minFor3 = q.value(6).toInt();
    s.minFor4 = q.value(7).toInt();
    s.minFor5 = q.value(8).toInt();
    s.extraCondition = q.value(9).toString();
    for (const auto &v : QJsonDocument::fromJson(q.value(10).toString().toUtf8()).array())
        s.testScores << v.toInt();
    s.minTestScore = q.value(11).toInt();
    s.source = q.value(12).toString();
    s.origin = q.value(13).toString() == QLatin1String("official") ? MarkScale::Origin::Official
                                                                   : MarkScale::Origin::User;
    return s;
}

void bindScale(QSqlQuery &q, const MarkScale &s) {
    QJsonArray scores;
    for (int v : s.testScores)
        scores.append(v);
    q.addBindValue(core::procedureKindCode(s.kind));
    q.addBindValue(s.year);
    q.addBindValue(s.grade);
    q.addBindValue(sql::text(s.subject));
    q.addBindValue(s.maxPrimary);
    q.addBindValue(s.minFor3);
    q.addBindValue(s.minFor4);
    q.addBindValue(s.minFor5);
    q.addBindValue(sql::text(s.extraCondition));
    q.addBindValue(QString::fromUtf8(QJsonDocument(scores).toJson(QJsonDocument::Compact)));
    q.addBindValue(s.minTestScore);
    q.addBindValue(sql::text(s.source));
}

// The origin lives in mark_scale_user_rows (migration 012): a user's row is listed there.
Status markOrigin(Database &db, qint64 id, MarkScale::Origin origin) {
    QSqlQuery q(db.connection());
    q.prepare(origin == MarkScale::Origin::User
                  ? QStringLiteral("INSERT INTO mark_scale_user_rows (scale_id) VALUES (?) ON "
                                   "CONFLICT DO NOTHING")
                  : QStringLiteral("DELETE FROM mark_scale_user_rows WHERE scale_id = ?"));
    q.addBindValue(id);
    if (!q.exec())
        return sql::queryError(db, q, QStringLiteral("изменение шкалы"));
    return {};
}
} // namespace

Result<QList<MarkScale>> MarkScaleRepository::list() const {
    QSqlQuery q(m_db.connection());
    if (!q.exec(QStringLiteral("SELECT %1 FROM mark_scales ORDER BY kind, year, grade, subject")
                    .arg(kColumns)))
        return sql::queryError(m_db, q, QStringLiteral("список шкал"));
    QList<MarkScale> list;
    while (q.next())
        list << fromQuery(q);
    return list;
}

Result<qint64> MarkScaleRepository::add(const MarkScale &scale) {
    if (Status s = DataAccess::check(m_db, core::DataAction::EditMarkScales); !s)
        return s.error();
    MarkScale own = scale; // typed by the user
    own.origin = MarkScale::Origin::User;
    return insert(own);
}

Result<qint64> MarkScaleRepository::insert(const MarkScale &scale) {
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral("INSERT INTO mark_scales (kind, year, grade, subject, max_primary, "
                             "min_for_3, min_for_4, min_for_5, extra_condition, test_scores, "
                             "min_test_score, source) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                             "RETURNING id"));
    bindScale(q, scale);
    qint64 newId = 0;
    if (!sql::execReturningId(q, &newId))
        return sql::queryError(m_db, q, QStringLiteral("добавление шкалы"));
    if (Status s = markOrigin(m_db, newId, scale.origin); !s)
        return s.error();
    return newId;
}

Status MarkScaleRepository::update(const MarkScale &scale) {
    if (Status s = DataAccess::check(m_db, core::DataAction::EditMarkScales); !s)
        return s;
    // a changed row is the user's from now on: later versions never overwrite it
    MarkScale own = scale;
    own.origin = MarkScale::Origin::User;
    return write(own);
}

Status MarkScaleRepository::write(const MarkScale &scale) {
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral("UPDATE mark_scales SET kind = ?, year = ?, grade = ?, subject = ?, "
                             "max_primary = ?, min_for_3 = ?, min_for_4 = ?, min_for_5 = ?, "
                             "extra_condition = ?, test_scores = ?, min_test_score = ?, source = ? "
                             "WHERE id = ?"));
    bindScale(q, scale);
    q.addBindValue(scale.id);
    if (!q.exec())
        return sql::queryError(m_db, q, QStringLiteral("изменение шкалы"));
    if (q.numRowsAffected() == 0)
        return sql::error(m_db, QStringLiteral("шкала %1 не найдена").arg(scale.id));
    return markOrigin(m_db, scale.id, scale.origin);
}

Status MarkScaleRepository::remove(qint64 id) {
    if (Status s = DataAccess::check(m_db, core::DataAction::EditMarkScales); !s)
        return s;
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral("DELETE FROM mark_scales WHERE id = ?"));
    q.addBindValue(id);
    if (!q.exec())
        return sql::queryError(m_db, q, QStringLiteral("удаление шкалы"));
    return {};
}

Result<std::optional<MarkScale>> MarkScaleRepository::find(core::ProcedureKind kind, int year,
                                                           int grade,
                                                           const QString &subject) const {
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral("SELECT %1 FROM mark_scales WHERE kind = ? AND grade = ? AND "
                             "subject = ? AND year IN (?, 0) ORDER BY year DESC LIMIT 1")
                  .arg(kColumns));
    q.addBindValue(core::procedureKindCode(kind));
    q.addBindValue(grade);
    q.addBindValue(subject);
    q.addBindValue(year);
    if (!q.exec())
        return sql::queryError(m_db, q, QStringLiteral("поиск шкалы"));
    if (!q.next())
        return std::optional<MarkScale>();
    return std::optional<MarkScale>(fromQuery(q));
}

} // namespace objectivity::storage
