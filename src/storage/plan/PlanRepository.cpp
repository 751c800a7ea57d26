#include "objectivity/storage/plan/PlanRepository.h"

#include "SqlSupport.h"
#include "objectivity/core/plan/DeadlineParser.h"
#include "objectivity/storage/Database.h"
#include "plan/PlanWriter.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace objectivity::storage {

using core::Result;
using core::Status;

namespace {

QList<core::DateRange> windowsFrom(const QString &json) {
    QList<core::DateRange> windows;
    const QJsonArray array = QJsonDocument::fromJson(json.toUtf8()).array();
    for (const auto &value : array) {
        const QJsonObject o = value.toObject();
        windows.append({QDate::fromString(o.value(QLatin1String("from")).toString(), Qt::ISODate),
                        QDate::fromString(o.value(QLatin1String("to")).toString(), Qt::ISODate)});
    }
    return windows;
}

QStringList stringsFrom(const QString &json) {
    QStringList strings;
    const QJsonArray array = QJsonDocument::fromJson(json.toUtf8()).array();
    for (const auto &value : array)
        strings << value.toString();
    return strings;
}

} // namespace

Result<QList<PlanSummary>> PlanRepository::list() const {
    QSqlQuery q(m_db.connection());
    const QString measures =
        QStringLiteral("SELECT count(*) FROM measures m JOIN sections s ON s.id = m.section_id "
                       "WHERE s.plan_id = p.id");
    if (!q.exec(QStringLiteral(
                    "SELECT p.id, p.title, COALESCE(p.organization_id, 0), COALESCE(o.name, ''), "
                    "p.period_start_year, p.period_end_year, p.status, p.revision, "
                    "COALESCE(p.parent_plan_id, 0), (") +
                measures + QStringLiteral("), (") + measures +
                QStringLiteral(
                    " AND m.status = 'done') FROM plans p LEFT JOIN organizations o ON o.id = "
                    "p.organization_id ORDER BY COALESCE(o.name, ''), p.period_start_year, "
                    "p.period_end_year, p.revision, p.id")))
        return sql::queryError(m_db, q, QStringLiteral("не удалось прочитать список планов"));
    QList<PlanSummary> rows;
    while (q.next()) {
        PlanSummary s;
        s.id = q.value(0).toLongLong();
        s.title = q.value(1).toString();
        s.organizationId = q.value(2).toLongLong();
        s.organizationName = q.value(3).toString();
        s.period = {q.value(4).toInt(), q.value(5).toInt()};
        s.status = core::Plan::statusFromCode(q.value(6).toString());
        s.revision = q.value(7).toInt();
        s.parentPlanId = q.value(8).toLongLong();
        s.measureCount = q.value(9).toInt();
        s.doneCount = q.value(10).toInt();
        rows.append(s);
    }
    return rows;
}

Result<core::Plan> PlanRepository::load(qint64 planId) const {
    const QString what = QStringLiteral("не удалось прочитать план №%1").arg(planId);
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral(
        "SELECT p.title, COALESCE(p.organization_id, 0), o.name, o.kind, o.municipality, "
        "p.period_start_year, "
        "p.period_end_year, p.status, p.approver_position, p.approver_name, p.order_number, "
        "p.order_date, "
        "p.appendix_line, p.issuer, p.note, p.warnings, COALESCE(p.parent_plan_id, 0), p.revision, "
        "p.source_file, p.created_at, p.updated_at FROM plans p LEFT JOIN organizations o ON o.id "
        "= "
        "p.organization_id WHERE p.id = ?"));
    q.addBindValue(planId);
    if (!q.exec())
        return sql::queryError(m_db, q, what);
    if (!q.next())
        return sql::error(m_db, QStringLiteral("план №%1 не найден в базе данных").arg(planId));

    core::Plan plan;
    plan.id = planId;
    plan.title = q.value(0).toString();
    plan.organization.id = q.value(1).toLongLong();
    if (plan.organization.id > 0) {
        plan.organization.name = q.value(2).toString();
        plan.organization.kind = core::Organization::kindFromCode(q.value(3).toString());
        plan.organization.municipality = q.value(4).toString();
    }
    plan.period = {q.value(5).toInt(), q.value(6).toInt()};
    plan.status = core::Plan::statusFromCode(q.value(7).toString());
    plan.approval.approverPosition = q.value(8).toString();
    plan.approval.approverName = q.value(9).toString();
    plan.approval.orderNumber = q.value(10).toString();
    plan.approval.orderDate = sql::dateFrom(q.value(11));
    plan.approval.appendixLine = q.value(12).toString();
    plan.approval.issuer = q.value(13).toString();
    plan.note = q.value(14).toString();
    plan.warnings = stringsFrom(q.value(15).toString());
    plan.parentPlanId = q.value(16).toLongLong();
    plan.revision = q.value(17).toInt();
    plan.sourceFile = q.value(18).toString();
    plan.createdAt = sql::dateTimeFrom(q.value(19));
    plan.updatedAt = sql::dateTimeFrom(q.value(20));

    plan.columns.clear();
    q.prepare(QStringLiteral(
        "SELECT role, heading FROM plan_columns WHERE plan_id = ? ORDER BY position"));
    q.addBindValue(planId);
    if (!q.exec())
        return sql::queryError(m_db, q, what);
    while (q.next())
        plan.columns.append(
            {core::PlanColumn::roleFromCode(q.value(0).toString()), q.value(1).toString()});

    QHash<qint64, qsizetype> sectionIndex;
    q.prepare(QStringLiteral(
        "SELECT id, number, title FROM sections WHERE plan_id = ? ORDER BY position, id"));
    q.addBindValue(planId);
    if (!q.exec())
        return sql::queryError(m_db, q, what);
    while (q.next()) {
        core::Section s;
        s.id = q.value(0).toLongLong();
        s.number = q.value(1).toString();
        s.title = q.value(2).toString();
        sectionIndex.insert(s.id, plan.sections.size());
        plan.sections.append(s);
    }

    // Where each measure is: section index and index in it.
    QHash<qint64, std::pair<qsizetype, qsizetype>> measureIndex;
    q.prepare(QStringLiteral(
        "SELECT m.id, m.section_id, m.number, m.text, m.deadline_text, m.deadline_kind, "
        "m.deadline_yearly, "
        "m.deadline_from, m.deadline_to, m.deadline_windows, m.expected_result, m.status, "
        "m.completion_date, "
        "m.note, r.recurrence FROM measures m JOIN sections s ON s.id = m.section_id LEFT JOIN "
        "measure_recurrence r ON r.measure_id = m.id "
        "WHERE s.plan_id = ? "
        "ORDER BY m.section_id, m.position, m.id"));
    q.addBindValue(planId);
    if (!q.exec())
        return sql::queryError(m_db, q, what);
    while (q.next()) {
        core::Measure m;
        m.id = q.value(0).toLongLong();
        m.number = q.value(2).toString();
        m.text = q.value(3).toString();
        m.deadline.text = q.value(4).toString();
        m.deadline.kind = core::Deadline::kindFromCode(q.value(5).toString());
        m.deadline.yearly = q.value(6).toInt() != 0;
        m.deadline.from = sql::dateFrom(q.value(7));
        m.deadline.to = sql::dateFrom(q.value(8));
        m.deadline.windows = windowsFrom(q.value(9).toString());
        m.expectedResult = q.value(10).toString();
        m.status = core::Measure::statusFromCode(q.value(11).toString());
        m.completionDate = sql::dateFrom(q.value(12));
        m.note = q.value(13).toString();
        if (q.value(14).isNull()) // stored before migration 007: read the text again
            m.deadline = core::DeadlineParser::parse(m.deadline.text, plan.period);
        else
            m.deadline.recurrence = core::Deadline::recurrenceFromCode(q.value(14).toString());
        const qsizetype si = sectionIndex.value(q.value(1).toLongLong());
        auto &measures = plan.sections[si].measures;
        measureIndex.insert(m.id, {si, measures.size()});
        measures.append(m);
    }

    q.prepare(QStringLiteral(
        "SELECT o.measure_id, o.name FROM measure_owners o JOIN measures m ON m.id = "
        "o.measure_id JOIN sections s ON s.id = m.section_id WHERE s.plan_id = ? "
        "ORDER BY o.measure_id, o.position"));
    q.addBindValue(planId);
    if (!q.exec())
        return sql::queryError(m_db, q, what);
    while (q.next()) {
        const auto [si, mi] = measureIndex.value(q.value(0).toLongLong());
        plan.sections[si].measures[mi].owners << q.value(1).toString();
    }

    q.prepare(QStringLiteral(
        "SELECT w.measure_id, w.window_from, w.window_to, w.status, w.completion_date, w.note "
        "FROM measure_window_marks w JOIN measures m ON m.id = w.measure_id JOIN sections s ON "
        "s.id = m.section_id WHERE s.plan_id = ? ORDER BY w.measure_id, w.window_from, "
        "w.window_to"));
    q.addBindValue(planId);
    if (!q.exec())
        return sql::queryError(m_db, q, what);
    while (q.next()) {
        const auto [si, mi] = measureIndex.value(q.value(0).toLongLong());
        core::WindowMark mark;
        mark.window = {sql::dateFrom(q.value(1)), sql::dateFrom(q.value(2))};
        mark.status = core::Measure::statusFromCode(q.value(3).toString());
        mark.completionDate = sql::dateFrom(q.value(4));
        mark.note = q.value(5).toString();
        plan.sections[si].measures[mi].windowMarks.append(mark);
    }
    return plan;
}

Status PlanRepository::save(core::Plan &plan) {
    core::Plan work = plan; // ids land in `plan` only when the transaction commits
    Status s = m_db.transaction([&]() -> Status {
        if (work.id <= 0)
            return PlanWriter(m_db).write(work, nullptr);
        auto stored = load(work.id);
        if (!stored)
            return stored.error();
        return PlanWriter(m_db).write(work, &stored.value());
    });
    if (s)
        plan = std::move(work);
    return s;
}

Status PlanRepository::updateMeasureExecution(const core::Measure &measure) {
    return m_db.transaction([&]() -> Status {
        QSqlQuery q(m_db.connection());
        q.prepare(QStringLiteral(
            "UPDATE measures SET status = ?, completion_date = ?, note = ? WHERE id = ?"));
        q.addBindValue(core::Measure::statusCode(measure.status));
        q.addBindValue(sql::dateValue(measure.completionDate));
        q.addBindValue(sql::text(measure.note));
        q.addBindValue(measure.id);
        if (!q.exec())
            return sql::queryError(m_db, q,
                                   QStringLiteral("не удалось сохранить выполнение мероприятия %1")
                                       .arg(measure.number));
        if (q.numRowsAffected() < 1)
            return sql::error(
                m_db,
                QStringLiteral("мероприятие %1 не найдено в базе данных (возможно, план изменён)")
                    .arg(measure.number));
        if (Status s = PlanWriter(m_db).writeWindowMarks(measure); !s)
            return s;
        q.prepare(QStringLiteral(
            "UPDATE plans SET updated_at = ? WHERE id = (SELECT s.plan_id FROM measures m "
            "JOIN sections s ON s.id = m.section_id WHERE m.id = ?)"));
        q.addBindValue(sql::dateTimeText(sql::nowToSecond()));
        q.addBindValue(measure.id);
        if (!q.exec())
            return sql::queryError(m_db, q,
                                   QStringLiteral("не удалось сохранить выполнение мероприятия"));
        return {};
    });
}

Status PlanRepository::remove(qint64 planId) {
    return m_db.transaction([&]() -> Status {
        QSqlQuery q(m_db.connection());
        q.prepare(QStringLiteral("DELETE FROM plans WHERE id = ?"));
        q.addBindValue(planId);
        if (!q.exec())
            return sql::queryError(m_db, q,
                                   QStringLiteral("не удалось удалить план №%1").arg(planId));
        if (q.numRowsAffected() < 1)
            return sql::error(m_db, QStringLiteral("план №%1 не найден в базе данных").arg(planId));
        return {};
    });
}

} // namespace objectivity::storage
