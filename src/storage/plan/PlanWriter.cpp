#include "plan/PlanWriter.h"

#include "SqlSupport.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace objectivity::storage {

using core::Status;

namespace {

QString windowsJson(const QList<core::DateRange> &windows) {
    QJsonArray array;
    for (const auto &w : windows)
        array.append(QJsonObject{{QStringLiteral("from"), w.from.toString(Qt::ISODate)},
                                 {QStringLiteral("to"), w.to.toString(Qt::ISODate)}});
    return QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact));
}

QString stringsJson(const QStringList &strings) {
    return QString::fromUtf8(
        QJsonDocument(QJsonArray::fromStringList(strings)).toJson(QJsonDocument::Compact));
}

} // namespace

Status PlanWriter::write(core::Plan &plan, const core::Plan *stored) {
    m_stored = stored;
    auto org = organizationId(plan.organization);
    if (!org)
        return org.error();
    plan.organization.id = *org;
    if (Status s = writePlanRow(plan); !s)
        return s;
    if (!m_stored || m_stored->columns != plan.columns) {
        if (Status s = writeColumns(plan); !s)
            return s;
    }
    return writeSections(plan);
}

core::Result<qint64> PlanWriter::organizationId(core::Organization &organization) {
    // Signed in on a server with a person's account: the organization it works for.
    const auto &actor = m_db.actor();
    if (m_db.serverOrganizationId() > 0 && actor) {
        QSqlQuery own(m_db.connection());
        own.prepare(QStringLiteral("SELECT name, kind, municipality FROM organizations WHERE id "
                                   "= ?"));
        own.addBindValue(m_db.serverOrganizationId());
        if (!own.exec())
            return sql::queryError(m_db, own, QStringLiteral("не удалось найти организацию"));
        if (own.next()) {
            const bool school =
                actor->role == core::Role::Deputy || actor->role == core::Role::Director;
            if (school) {
                // A school's account writes the plans of its own school (row-level security
                // admits no other): whatever the document names, the plan is its school's.
                organization.name = own.value(0).toString();
                organization.kind = core::Organization::kindFromCode(own.value(1).toString());
                organization.municipality = own.value(2).toString();
                return m_db.serverOrganizationId();
            }
            // A department's account: its own plan whose document names no municipality (the
            // usual case: «МКУ «Управление образования» г. …») is a plan of the department's
            // municipality — row-level security admits the department's area only.
            if (organization.kind != core::OrganizationKind::School &&
                organization.municipality.isEmpty()) {
                if (organization.name.isEmpty())
                    organization.name = own.value(0).toString();
                organization.municipality = own.value(2).toString();
            }
        }
    }
    if (organization.name.isEmpty() && organization.municipality.isEmpty())
        return qint64(0);
    QSqlQuery q(m_db.connection());
    q.prepare(
        QStringLiteral("SELECT id, kind FROM organizations WHERE name = ? AND municipality = ?"));
    q.addBindValue(sql::text(organization.name));
    q.addBindValue(sql::text(organization.municipality));
    if (!q.exec())
        return sql::queryError(m_db, q, QStringLiteral("не удалось найти организацию"));
    const QString kind = core::Organization::kindCode(organization.kind);
    if (q.next()) {
        const qint64 id = q.value(0).toLongLong();
        if (q.value(1).toString() != kind) {
            QSqlQuery u(m_db.connection());
            u.prepare(QStringLiteral("UPDATE organizations SET kind = ? WHERE id = ?"));
            u.addBindValue(kind);
            u.addBindValue(id);
            if (!u.exec())
                return sql::queryError(m_db, u, QStringLiteral("не удалось обновить организацию"));
        }
        return id;
    }
    q.finish();
    q.prepare(
        QStringLiteral("INSERT INTO organizations (name, kind, municipality) VALUES (?, ?, ?) "
                       "RETURNING id"));
    q.addBindValue(sql::text(organization.name));
    q.addBindValue(kind);
    q.addBindValue(sql::text(organization.municipality));
    qint64 newId = 0;
    if (!sql::execReturningId(q, &newId))
        return sql::queryError(m_db, q, QStringLiteral("не удалось добавить организацию"));
    return newId;
}

Status PlanWriter::writePlanRow(core::Plan &plan) {
    const QDateTime now = sql::nowToSecond();
    if (!plan.createdAt.isValid())
        plan.createdAt = now;
    plan.createdAt = plan.createdAt.addMSecs(-plan.createdAt.time().msec());
    plan.updatedAt = now;

    QSqlQuery q(m_db.connection());
    const QString fields = QStringLiteral(
        "organization_id = :org, title = :title, period_start_year = :start, period_end_year = "
        ":end, "
        "status = :status, approver_position = :apos, approver_name = :aname, order_number = "
        ":onum, "
        "order_date = :odate, appendix_line = :appendix, issuer = :issuer, note = :note, "
        "warnings = :warnings, parent_plan_id = :parent, revision = :revision, source_file = "
        ":source, "
        "created_at = :created, updated_at = :updated");
    if (plan.id > 0) {
        q.prepare(QStringLiteral("UPDATE plans SET ") + fields + QStringLiteral(" WHERE id = :id"));
        q.bindValue(QStringLiteral(":id"), plan.id);
    } else {
        q.prepare(QStringLiteral("INSERT INTO plans (organization_id, title, period_start_year, "
                                 "period_end_year, status, "
                                 "approver_position, approver_name, order_number, order_date, "
                                 "appendix_line, issuer, note, "
                                 "warnings, parent_plan_id, revision, source_file, created_at, "
                                 "updated_at) VALUES (:org, :title, "
                                 ":start, :end, :status, :apos, :aname, :onum, :odate, :appendix, "
                                 ":issuer, :note, :warnings, "
                                 ":parent, :revision, :source, :created, :updated) RETURNING id"));
    }
    q.bindValue(QStringLiteral(":org"), sql::idValue(plan.organization.id));
    q.bindValue(QStringLiteral(":title"), sql::text(plan.title));
    q.bindValue(QStringLiteral(":start"), plan.period.startYear);
    q.bindValue(QStringLiteral(":end"), plan.period.endYear);
    q.bindValue(QStringLiteral(":status"), core::Plan::statusCode(plan.status));
    q.bindValue(QStringLiteral(":apos"), sql::text(plan.approval.approverPosition));
    q.bindValue(QStringLiteral(":aname"), sql::text(plan.approval.approverName));
    q.bindValue(QStringLiteral(":onum"), sql::text(plan.approval.orderNumber));
    q.bindValue(QStringLiteral(":odate"), sql::dateValue(plan.approval.orderDate));
    q.bindValue(QStringLiteral(":appendix"), sql::text(plan.approval.appendixLine));
    q.bindValue(QStringLiteral(":issuer"), sql::text(plan.approval.issuer));
    q.bindValue(QStringLiteral(":note"), sql::text(plan.note));
    q.bindValue(QStringLiteral(":warnings"), stringsJson(plan.warnings));
    q.bindValue(QStringLiteral(":parent"), sql::idValue(plan.parentPlanId));
    q.bindValue(QStringLiteral(":revision"), plan.revision);
    q.bindValue(QStringLiteral(":source"), sql::text(plan.sourceFile));
    q.bindValue(QStringLiteral(":created"), sql::dateTimeText(plan.createdAt));
    q.bindValue(QStringLiteral(":updated"), sql::dateTimeText(plan.updatedAt));
    if (plan.id > 0) {
        if (!q.exec())
            return sql::queryError(
                m_db, q, QStringLiteral("не удалось сохранить план «%1»").arg(plan.title));
        if (q.numRowsAffected() < 1)
            return sql::error(
                m_db, QStringLiteral("план №%1 не найден в базе данных (возможно, он удалён)")
                          .arg(plan.id));
    } else if (!sql::execReturningId(q, &plan.id)) {
        return sql::queryError(m_db, q,
                               QStringLiteral("не удалось сохранить план «%1»").arg(plan.title));
    }
    return {};
}

Status PlanWriter::writeColumns(const core::Plan &plan) {
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral("DELETE FROM plan_columns WHERE plan_id = ?"));
    q.addBindValue(plan.id);
    if (!q.exec())
        return sql::queryError(m_db, q, QStringLiteral("не удалось сохранить столбцы плана"));
    q.prepare(QStringLiteral(
        "INSERT INTO plan_columns (plan_id, position, role, heading) VALUES (?, ?, ?, ?)"));
    for (int i = 0; i < plan.columns.size(); ++i) {
        q.addBindValue(plan.id);
        q.addBindValue(i);
        q.addBindValue(core::PlanColumn::roleCode(plan.columns.at(i).role));
        q.addBindValue(sql::text(plan.columns.at(i).heading));
        if (!q.exec())
            return sql::queryError(m_db, q, QStringLiteral("не удалось сохранить столбцы плана"));
    }
    return {};
}

core::Result<QSet<qint64>> PlanWriter::ids(const QString &sqlText, qint64 planId) {
    QSet<qint64> result;
    QSqlQuery q(m_db.connection());
    q.prepare(sqlText);
    q.addBindValue(planId);
    if (!q.exec())
        return sql::queryError(m_db, q, QStringLiteral("не удалось прочитать план"));
    while (q.next())
        result.insert(q.value(0).toLongLong());
    return result;
}

Status PlanWriter::deleteMissing(const QString &table, const QSet<qint64> &existing,
                                 const QSet<qint64> &kept) {
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral("DELETE FROM %1 WHERE id = ?").arg(table));
    for (qint64 id : existing) {
        if (kept.contains(id))
            continue;
        q.addBindValue(id);
        if (!q.exec())
            return sql::queryError(m_db, q, QStringLiteral("не удалось удалить строку плана"));
    }
    return {};
}

Status PlanWriter::writeSections(core::Plan &plan) {
    // What is stored now: ids, and where each section and measure stands, to skip unchanged rows.
    QSet<qint64> existingSections;
    QSet<qint64> existingMeasures;
    QHash<qint64, std::pair<int, const core::Section *>> storedSections;
    QHash<qint64, StoredMeasure> storedMeasures;
    if (m_stored) {
        for (int i = 0; i < m_stored->sections.size(); ++i) {
            const core::Section &section = m_stored->sections.at(i);
            existingSections.insert(section.id);
            storedSections.insert(section.id, {i, &section});
            for (int j = 0; j < section.measures.size(); ++j) {
                existingMeasures.insert(section.measures.at(j).id);
                storedMeasures.insert(section.measures.at(j).id,
                                      {section.id, j, &section.measures.at(j)});
            }
        }
    } else if (plan.id > 0) {
        auto sections = ids(QStringLiteral("SELECT id FROM sections WHERE plan_id = ?"), plan.id);
        if (!sections)
            return sections.error();
        auto measures = ids(QStringLiteral("SELECT m.id FROM measures m JOIN sections s ON s.id = "
                                           "m.section_id WHERE s.plan_id = ?"),
                            plan.id);
        if (!measures)
            return measures.error();
        existingSections = *sections;
        existingMeasures = *measures;
    }

    // An id is updated once; a second row with the same id (a copied row) is inserted as new.
    QSet<qint64> updatableSections = existingSections;
    QSet<qint64> updatableMeasures = existingMeasures;
    QSet<qint64> keptSections;
    QSet<qint64> keptMeasures;
    QSqlQuery q(m_db.connection());
    for (int i = 0; i < plan.sections.size(); ++i) {
        core::Section &section = plan.sections[i];
        const bool update = section.id > 0 && updatableSections.remove(section.id);
        const auto storedSection = storedSections.value(section.id);
        const bool unchanged = update && storedSection.second && storedSection.first == i &&
                               storedSection.second->number == section.number &&
                               storedSection.second->title == section.title;
        if (unchanged) {
            // nothing to write for the section row itself
        } else if (update) {
            q.prepare(QStringLiteral(
                "UPDATE sections SET position = ?, number = ?, title = ? WHERE id = ?"));
        } else {
            q.prepare(QStringLiteral(
                "INSERT INTO sections (position, number, title, plan_id) VALUES (?, ?, ?, ?) "
                "RETURNING id"));
        }
        if (!unchanged) {
            q.addBindValue(i);
            q.addBindValue(sql::text(section.number));
            q.addBindValue(sql::text(section.title));
            q.addBindValue(update ? section.id : plan.id);
            qint64 newId = 0;
            if (!sql::execReturningId(q, &newId))
                return sql::queryError(
                    m_db, q,
                    QStringLiteral("не удалось сохранить раздел «%1»").arg(section.number));
            if (!update)
                section.id = newId;
        }
        keptSections.insert(section.id);
        for (int j = 0; j < section.measures.size(); ++j) {
            core::Measure &measure = section.measures[j];
            const StoredMeasure was = storedMeasures.value(measure.id);
            if (was.measure && was.sectionId == section.id && was.position == j &&
                *was.measure == measure && updatableMeasures.remove(measure.id)) {
                keptMeasures.insert(measure.id);
                continue; // stored exactly like this
            }
            if (Status s = writeMeasure(measure, section.id, j, updatableMeasures); !s)
                return s;
            keptMeasures.insert(measure.id);
        }
    }
    // Measures first: a measure moved out of a deleted section must not go with it.
    if (Status s = deleteMissing(QStringLiteral("measures"), existingMeasures, keptMeasures); !s)
        return s;
    return deleteMissing(QStringLiteral("sections"), existingSections, keptSections);
}

Status PlanWriter::writeMeasure(core::Measure &measure, qint64 sectionId, int position,
                                QSet<qint64> &updatable) {
    const bool update = measure.id > 0 && updatable.remove(measure.id);
    QSqlQuery q(m_db.connection());
    const QString columns = QStringLiteral(
        "section_id, position, number, text, deadline_text, deadline_kind, deadline_yearly, "
        "deadline_from, "
        "deadline_to, deadline_windows, expected_result, status, completion_date, note");
    if (update) {
        q.prepare(QStringLiteral("UPDATE measures SET (") + columns +
                  QStringLiteral(") = (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) WHERE id = ?"));
    } else {
        q.prepare(
            QStringLiteral("INSERT INTO measures (") + columns +
            QStringLiteral(") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id"));
    }
    const core::Deadline &d = measure.deadline;
    q.addBindValue(sectionId);
    q.addBindValue(position);
    q.addBindValue(sql::text(measure.number));
    q.addBindValue(sql::text(measure.text));
    q.addBindValue(sql::text(d.text));
    q.addBindValue(core::Deadline::kindCode(d.kind));
    q.addBindValue(d.yearly ? 1 : 0);
    q.addBindValue(sql::dateValue(d.from));
    q.addBindValue(sql::dateValue(d.to));
    q.addBindValue(windowsJson(d.windows));
    q.addBindValue(sql::text(measure.expectedResult));
    q.addBindValue(core::Measure::statusCode(measure.status));
    q.addBindValue(sql::dateValue(measure.completionDate));
    q.addBindValue(sql::text(measure.note));
    if (update)
        q.addBindValue(measure.id);
    qint64 newId = 0;
    if (!sql::execReturningId(q, &newId))
        return sql::queryError(
            m_db, q, QStringLiteral("не удалось сохранить мероприятие %1").arg(measure.number));
    if (!update)
        measure.id = newId;
    q.prepare(
        QStringLiteral("INSERT INTO measure_recurrence (measure_id, recurrence) VALUES (?, ?) "
                       "ON CONFLICT (measure_id) DO UPDATE SET recurrence = excluded.recurrence"));
    q.addBindValue(measure.id);
    q.addBindValue(core::Deadline::recurrenceCode(d.recurrence));
    if (!q.exec())
        return sql::queryError(
            m_db, q, QStringLiteral("не удалось сохранить мероприятие %1").arg(measure.number));
    if (Status s = writeWindowMarks(measure); !s)
        return s;
    return writeOwners(measure);
}

Status PlanWriter::writeWindowMarks(const core::Measure &measure) {
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral("DELETE FROM measure_window_marks WHERE measure_id = ?"));
    q.addBindValue(measure.id);
    const QString what = QStringLiteral("не удалось сохранить выполнение по срокам мероприятия %1")
                             .arg(measure.number);
    if (!q.exec())
        return sql::queryError(m_db, q, what);
    q.prepare(QStringLiteral(
        "INSERT INTO measure_window_marks (measure_id, window_from, window_to, status, "
        "completion_date, note) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (measure_id, window_from, "
        "window_to) DO UPDATE SET status = excluded.status, completion_date = "
        "excluded.completion_date, note = excluded.note"));
    for (const core::WindowMark &mark : measure.windowMarks) {
        q.addBindValue(measure.id);
        q.addBindValue(sql::dateValue(mark.window.from));
        q.addBindValue(sql::dateValue(mark.window.to));
        q.addBindValue(core::Measure::statusCode(mark.status));
        q.addBindValue(sql::dateValue(mark.completionDate));
        q.addBindValue(sql::text(mark.note));
        if (!q.exec())
            return sql::queryError(m_db, q, what);
    }
    return {};
}

Status PlanWriter::writeOwners(const core::Measure &measure) {
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral("DELETE FROM measure_owners WHERE measure_id = ?"));
    q.addBindValue(measure.id);
    if (!q.exec())
        return sql::queryError(m_db, q, QStringLiteral("не удалось сохранить ответственных"));
    q.prepare(QStringLiteral("INSERT INTO measure_owners (measure_id, position, name, person_id) "
                             "VALUES (?, ?, ?, (SELECT id FROM people WHERE name = ?))"));
    for (int i = 0; i < measure.owners.size(); ++i) {
        q.addBindValue(measure.id);
        q.addBindValue(i);
        q.addBindValue(sql::text(measure.owners.at(i)));
        q.addBindValue(sql::text(measure.owners.at(i)));
        if (!q.exec())
            return sql::queryError(m_db, q, QStringLiteral("не удалось сохранить ответственных"));
    }
    return {};
}

} // namespace objectivity::storage
