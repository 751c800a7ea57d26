#include "objectivity/storage/plan/StaffRepository.h"

#include "SqlSupport.h"
#include "objectivity/storage/Database.h"
#include "plan/PlanAccess.h"

namespace objectivity::storage {

using core::Result;
using core::Status;

Result<QList<Person>> StaffRepository::list() const {
    QSqlQuery q(m_db.connection());
    if (!q.exec(QStringLiteral(
            "SELECT p.id, p.name, p.position, p.is_role, (SELECT count(*) FROM measure_owners o "
            "WHERE o.person_id = p.id) FROM people p ORDER BY p.is_role, p.name")))
        return sql::queryError(m_db, q,
                               QStringLiteral("не удалось прочитать справочник ответственных"));
    QList<Person> people;
    while (q.next())
        people.append({q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString(),
                       q.value(3).toInt() != 0, q.value(4).toInt()});
    return people;
}

namespace {
// An error when `name` is empty or another entry already has it.
Status checkName(Database &db, const QString &name, qint64 exceptId) {
    if (name.trimmed().isEmpty())
        return sql::error(db,
                          QStringLiteral("имя в справочнике ответственных не может быть пустым"));
    QSqlQuery q(db.connection());
    q.prepare(QStringLiteral("SELECT id FROM people WHERE name = ? AND id <> ?"));
    q.addBindValue(sql::text(name));
    q.addBindValue(exceptId);
    if (!q.exec())
        return sql::queryError(db, q,
                               QStringLiteral("не удалось проверить справочник ответственных"));
    if (q.next())
        return sql::error(db,
                          QStringLiteral("в справочнике ответственных уже есть «%1»").arg(name));
    return {};
}
} // namespace

Status StaffRepository::add(Person &person) {
    qint64 newId = 0;
    Status s = m_db.transaction([&]() -> Status {
        if (Status c = checkName(m_db, person.name, 0); !c)
            return c;
        QSqlQuery q(m_db.connection());
        q.prepare(QStringLiteral(
            "INSERT INTO people (name, position, is_role) VALUES (?, ?, ?) RETURNING id"));
        q.addBindValue(sql::text(person.name));
        q.addBindValue(sql::text(person.position));
        q.addBindValue(person.isRole ? 1 : 0);
        if (!sql::execReturningId(q, &newId))
            return sql::queryError(m_db, q,
                                   QStringLiteral("не удалось добавить «%1»").arg(person.name));
        q.prepare(QStringLiteral(
            "UPDATE measure_owners SET person_id = ? WHERE person_id IS NULL AND name = ?"));
        q.addBindValue(newId);
        q.addBindValue(sql::text(person.name));
        if (!q.exec())
            return sql::queryError(
                m_db, q,
                QStringLiteral("не удалось связать «%1» с мероприятиями").arg(person.name));
        return {};
    });
    if (s)
        person.id = newId;
    return s;
}

Status StaffRepository::update(const Person &person) {
    return m_db.transaction([&]() -> Status {
        QSqlQuery q(m_db.connection());
        q.prepare(QStringLiteral("UPDATE people SET position = ?, is_role = ? WHERE id = ?"));
        q.addBindValue(sql::text(person.position));
        q.addBindValue(person.isRole ? 1 : 0);
        q.addBindValue(person.id);
        if (!q.exec())
            return sql::queryError(m_db, q,
                                   QStringLiteral("не удалось сохранить «%1»").arg(person.name));
        if (q.numRowsAffected() < 1)
            return sql::error(
                m_db,
                QStringLiteral("«%1» не найден в справочнике ответственных").arg(person.name));
        return renameInTransaction(person.id, person.name);
    });
}

Status StaffRepository::remove(qint64 personId) {
    return m_db.transaction([&]() -> Status {
        QSqlQuery q(m_db.connection());
        q.prepare(QStringLiteral("DELETE FROM people WHERE id = ?"));
        q.addBindValue(personId);
        if (!q.exec())
            return sql::queryError(
                m_db, q, QStringLiteral("не удалось удалить запись справочника ответственных"));
        if (q.numRowsAffected() < 1)
            return sql::error(
                m_db,
                QStringLiteral("запись №%1 не найдена в справочнике ответственных").arg(personId));
        return {};
    });
}

Status StaffRepository::rename(qint64 personId, const QString &newName) {
    return m_db.transaction([&]() { return renameInTransaction(personId, newName); });
}

Status StaffRepository::renameInTransaction(qint64 personId, const QString &newName) {
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral("SELECT name FROM people WHERE id = ?"));
    q.addBindValue(personId);
    if (!q.exec())
        return sql::queryError(m_db, q,
                               QStringLiteral("не удалось прочитать справочник ответственных"));
    if (!q.next())
        return sql::error(
            m_db,
            QStringLiteral("запись №%1 не найдена в справочнике ответственных").arg(personId));
    const QString oldName = q.value(0).toString();
    q.finish();
    if (oldName == newName)
        return {};
    if (Status c = checkName(m_db, newName, personId); !c)
        return c;
    const QString what =
        QStringLiteral("не удалось переименовать «%1» в «%2»").arg(oldName, newName);
    q.prepare(QStringLiteral("UPDATE people SET name = ? WHERE id = ?"));
    q.addBindValue(sql::text(newName));
    q.addBindValue(personId);
    if (!q.exec())
        return sql::queryError(m_db, q, what);
    // Only drafts follow the directory: the text of a plan on approval, approved or superseded is
    // the signed document and keeps the old name (its owners stay linked to the entry).
    const QString owners = QStringLiteral(
        "(person_id = ? OR (person_id IS NULL AND name = ?)) AND measure_id IN (SELECT m.id FROM "
        "measures m JOIN sections s ON s.id = m.section_id JOIN plans p ON p.id = s.plan_id "
        "WHERE p.status = 'draft')");
    // (the order columns are selected too: PostgreSQL's DISTINCT needs them; duplicates of a plan
    // and number are dropped below)
    q.prepare(QStringLiteral("SELECT DISTINCT s.plan_id, m.number, m.section_id, m.position FROM "
                             "measure_owners o JOIN "
                             "measures m ON m.id = o.measure_id JOIN sections s ON s.id = "
                             "m.section_id WHERE ") +
              owners + QStringLiteral(" ORDER BY s.plan_id, m.section_id, m.position"));
    q.addBindValue(personId);
    q.addBindValue(sql::text(oldName));
    if (!q.exec())
        return sql::queryError(m_db, q, what);
    QList<std::pair<qint64, QString>> touched;
    while (q.next()) {
        const std::pair<qint64, QString> measure{q.value(0).toLongLong(), q.value(1).toString()};
        if (!touched.contains(measure))
            touched.append(measure);
    }
    q.finish();
    q.prepare(QStringLiteral("UPDATE measure_owners SET name = ?, person_id = ? WHERE ") + owners);
    q.addBindValue(sql::text(newName));
    q.addBindValue(personId);
    q.addBindValue(personId);
    q.addBindValue(sql::text(oldName));
    if (!q.exec())
        return sql::queryError(m_db, q, what);
    return PlanAccess::ownerRenamed(m_db, touched, oldName, newName,
                                    QStringLiteral("переименование в справочнике ответственных"));
}

} // namespace objectivity::storage
