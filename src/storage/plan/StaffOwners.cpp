#include "objectivity/storage/plan/StaffOwners.h"

#include "SqlSupport.h"
#include "objectivity/core/common/MessageText.h"
#include "objectivity/storage/Database.h"
#include "plan/PlanAccess.h"

#include <QSet>

namespace objectivity::storage {

using core::Result;
using core::Status;

namespace {
const QString kReadError = QStringLiteral("не удалось прочитать справочник ответственных");
} // namespace

Result<QList<Person>> StaffOwners::newOwners(qint64 planId) const {
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral(
        "SELECT o.name FROM measure_owners o JOIN measures m ON m.id = o.measure_id JOIN "
        "sections s ON s.id = m.section_id WHERE s.plan_id = ? AND o.person_id IS NULL "
        "ORDER BY s.position, m.position, o.position"));
    q.addBindValue(planId);
    if (!q.exec())
        return sql::queryError(m_db, q, kReadError);
    QStringList owners;
    while (q.next())
        owners << q.value(0).toString();
    QSet<QString> known;
    if (!q.exec(QStringLiteral("SELECT name FROM people")))
        return sql::queryError(m_db, q, kReadError);
    while (q.next())
        known.insert(q.value(0).toString());
    QList<Person> out;
    for (const QString &owner : owners) {
        const core::PersonName parsed = core::PersonName::parse(owner);
        Person p;
        p.name = parsed.name.simplified();
        p.position = parsed.position;
        p.isRole = !parsed.isPerson();
        if (p.name.isEmpty() || known.contains(p.name))
            continue;
        known.insert(p.name);
        out.append(p);
    }
    return out;
}

Result<int> StaffOwners::add(const QList<Person> &people) {
    int added = 0;
    Status s = m_db.transaction([&]() -> Status {
        added = 0;
        QSqlQuery q(m_db.connection());
        for (const Person &p : people) {
            if (p.name.trimmed().isEmpty())
                continue;
            q.prepare(
                QStringLiteral("INSERT INTO people (name, position, is_role) VALUES (?, ?, ?) "
                               "ON CONFLICT DO NOTHING"));
            q.addBindValue(sql::text(p.name.simplified()));
            q.addBindValue(sql::text(p.position));
            q.addBindValue(p.isRole ? 1 : 0);
            if (!q.exec())
                return sql::queryError(m_db, q,
                                       QStringLiteral("не удалось добавить «%1»").arg(p.name));
            added += q.numRowsAffected() > 0 ? 1 : 0;
            q.prepare(QStringLiteral(
                "UPDATE measure_owners SET person_id = (SELECT id FROM people WHERE name = ?) "
                "WHERE person_id IS NULL AND name = ?"));
            q.addBindValue(sql::text(p.name.simplified()));
            q.addBindValue(sql::text(p.name.simplified()));
            if (!q.exec())
                return sql::queryError(
                    m_db, q, QStringLiteral("не удалось связать «%1» с мероприятиями").arg(p.name));
        }
        return {};
    });
    if (!s)
        return s.error();
    return added;
}

Result<QList<core::PersonName::NearDuplicate>> StaffOwners::nearDuplicates() const {
    QSqlQuery q(m_db.connection());
    if (!q.exec(QStringLiteral("SELECT name FROM people UNION SELECT name FROM measure_owners "
                               "ORDER BY 1")))
        return sql::queryError(m_db, q, kReadError);
    QStringList names;
    while (q.next())
        names << q.value(0).toString();
    return core::PersonName::nearDuplicates(names);
}

Result<StaffOwners::MergeOutcome> StaffOwners::merge(const QString &fromName,
                                                     const QString &intoName) {
    const QString from = fromName.simplified();
    const QString into = intoName.simplified();
    if (from.isEmpty() || into.isEmpty())
        return sql::error(m_db, QStringLiteral("для объединения нужны два имени"));
    if (from == into)
        return sql::error(
            m_db,
            QStringLiteral("«%1» и «%2» — одно и то же имя: объединять нечего").arg(from, into));
    MergeOutcome out;
    Status s = m_db.transaction([&]() -> Status {
        out = {};
        const QString what = QStringLiteral("не удалось объединить %1 с %2")
                                 .arg(core::quoteForMessage(from), core::quoteForMessage(into));
        QSqlQuery q(m_db.connection());
        auto scalar = [&](const QString &sql, const QVariantList &binds, QVariant *value) {
            q.prepare(sql);
            for (const QVariant &b : binds)
                q.addBindValue(b);
            if (!q.exec())
                return false;
            *value = q.next() ? q.value(0) : QVariant();
            return true;
        };
        QVariant fromId, fromPosition, intoId, ownerCount;
        if (!scalar(QStringLiteral("SELECT id FROM people WHERE name = ?"), {from}, &fromId) ||
            !scalar(QStringLiteral("SELECT position FROM people WHERE name = ?"), {from},
                    &fromPosition) ||
            !scalar(QStringLiteral("SELECT id FROM people WHERE name = ?"), {into}, &intoId) ||
            !scalar(QStringLiteral("SELECT count(*) FROM measure_owners WHERE name = ?"), {from},
                    &ownerCount))
            return sql::queryError(m_db, q, what);
        if (fromId.isNull() && ownerCount.toInt() == 0)
            return sql::error(m_db,
                              QStringLiteral("%1 нет ни в справочнике ответственных, ни среди "
                                             "ответственных в планах")
                                  .arg(core::quoteForMessage(from)));
        if (intoId.isNull()) {
            q.prepare(
                QStringLiteral("INSERT INTO people (name, position) VALUES (?, ?) RETURNING id"));
            q.addBindValue(into);
            q.addBindValue(sql::text(fromPosition.toString()));
            qint64 newId = 0;
            if (!sql::execReturningId(q, &newId))
                return sql::queryError(m_db, q, what);
            intoId = newId;
            out.intoAdded = true;
        } else if (!fromPosition.toString().isEmpty()) {
            q.prepare(
                QStringLiteral("UPDATE people SET position = ? WHERE id = ? AND position = ''"));
            q.addBindValue(fromPosition.toString());
            q.addBindValue(intoId);
            if (!q.exec())
                return sql::queryError(m_db, q, what);
        }
        // The owner rows of drafts named `from`: in a measure that names `into` too, removed.
        const QString draftRows = QStringLiteral(
            "SELECT o.measure_id, o.position FROM measure_owners o JOIN measures m ON m.id = "
            "o.measure_id JOIN sections s ON s.id = m.section_id JOIN plans p ON p.id = "
            "s.plan_id WHERE p.status = 'draft' AND o.name = ?");
        // The measures it touches: the same permission and history rows as any edit of a draft.
        // (the order columns are selected too: PostgreSQL's DISTINCT needs them; duplicates of a
        // plan and number are dropped below)
        q.prepare(QStringLiteral("SELECT DISTINCT s.plan_id, m.number, m.section_id, m.position "
                                 "FROM measure_owners o JOIN "
                                 "measures m ON m.id = o.measure_id JOIN sections s ON s.id = "
                                 "m.section_id JOIN plans p ON p.id = s.plan_id WHERE p.status = "
                                 "'draft' AND o.name = ? ORDER BY s.plan_id, m.section_id, "
                                 "m.position"));
        q.addBindValue(from);
        if (!q.exec())
            return sql::queryError(m_db, q, what);
        QList<std::pair<qint64, QString>> touched;
        while (q.next()) {
            const std::pair<qint64, QString> measure{q.value(0).toLongLong(),
                                                     q.value(1).toString()};
            if (!touched.contains(measure))
                touched.append(measure);
        }
        q.finish();
        if (Status h = PlanAccess::ownerRenamed(
                m_db, touched, from, into,
                QStringLiteral("объединение похожих имён в справочнике ответственных"));
            !h)
            return h;
        QVariant plans;
        if (!scalar(QStringLiteral("SELECT count(DISTINCT s.plan_id) FROM measure_owners o JOIN "
                                   "measures m ON m.id = o.measure_id JOIN sections s ON s.id = "
                                   "m.section_id JOIN plans p ON p.id = s.plan_id WHERE "
                                   "p.status = 'draft' AND o.name = ?"),
                    {from}, &plans))
            return sql::queryError(m_db, q, what);
        out.draftPlans = plans.toInt();
        q.prepare(QStringLiteral("DELETE FROM measure_owners WHERE (measure_id, position) IN (") +
                  draftRows +
                  QStringLiteral(") AND measure_id IN (SELECT measure_id FROM measure_owners "
                                 "WHERE name = ?)"));
        q.addBindValue(from);
        q.addBindValue(into);
        if (!q.exec())
            return sql::queryError(m_db, q, what);
        out.ownerRows = q.numRowsAffected();
        q.prepare(QStringLiteral("UPDATE measure_owners SET name = ?, person_id = ? WHERE "
                                 "(measure_id, position) IN (") +
                  draftRows + QStringLiteral(")"));
        q.addBindValue(into);
        q.addBindValue(intoId);
        q.addBindValue(from);
        if (!q.exec())
            return sql::queryError(m_db, q, what);
        out.ownerRows += q.numRowsAffected();
        if (out.draftPlans > 0) {
            q.prepare(QStringLiteral(
                "UPDATE plans SET updated_at = ? WHERE status = 'draft' AND id IN (SELECT "
                "s.plan_id FROM measure_owners o JOIN measures m ON m.id = o.measure_id JOIN "
                "sections s ON s.id = m.section_id WHERE o.name = ?)"));
            q.addBindValue(sql::dateTimeText(sql::nowToSecond()));
            q.addBindValue(into);
            if (!q.exec())
                return sql::queryError(m_db, q, what);
        }
        QVariant kept;
        if (!scalar(QStringLiteral("SELECT count(DISTINCT s.plan_id) FROM measure_owners o JOIN "
                                   "measures m ON m.id = o.measure_id JOIN sections s ON s.id = "
                                   "m.section_id WHERE o.name = ?"),
                    {from}, &kept))
            return sql::queryError(m_db, q, what);
        out.keptInPlans = kept.toInt();
        if (!fromId.isNull()) {
            // plans that keep the name keep it as text, unlinked (ON DELETE SET NULL)
            q.prepare(QStringLiteral("DELETE FROM people WHERE id = ?"));
            q.addBindValue(fromId);
            if (!q.exec())
                return sql::queryError(m_db, q, what);
            out.fromRemoved = true;
        }
        return {};
    });
    if (!s)
        return s.error();
    return out;
}

} // namespace objectivity::storage
