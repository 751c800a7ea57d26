#include "objectivity/storage/plan/PlanRepository.h"

#include "SqlSupport.h"
#include "objectivity/core/plan/ApprovalWorkflow.h"
#include "objectivity/core/plan/DeadlineParser.h"
#include "objectivity/core/plan/PlanChangeLog.h"
#include "objectivity/storage/Database.h"
#include "plan/PlanAccess.h"
#include "plan/PlanVersion.h"
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

core::Error plainError(const QString &message) {
    core::Error e;
    e.message = message;
    return e;
}

QStringList stringsFrom(const QString &json) {
    QStringList strings;
    const QJsonArray array = QJsonDocument::fromJson(json.toUtf8()).array();
    for (const auto &value : array)
        strings << value.toString();
    return strings;
}

// One row of `SELECT id, at, user_name, action, target, field, old_value, new_value, comment FROM
// plan_history` (history() and lastChange()).
core::PlanChange changeFrom(const QSqlQuery &q, qint64 planId) {
    core::PlanChange c;
    c.id = q.value(0).toLongLong();
    c.planId = planId;
    c.at = sql::dateTimeFrom(q.value(1));
    c.user = q.value(2).toString();
    c.action = q.value(3).toString();
    c.target = q.value(4).toString();
    c.field = q.value(5).toString();
    c.oldValue = q.value(6).toString();
    c.newValue = q.value(7).toString();
    c.comment = q.value(8).toString();
    return c;
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
        "p.source_file, p.created_at, p.updated_at, p.version FROM plans p LEFT JOIN organizations "
        "o ON o.id "
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
    plan.version = q.value(21).toInt();

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

Status PlanRepository::save(core::Plan &plan, core::Plan *current) {
    core::Plan work = plan; // ids land in `plan` only when the transaction commits
    Status s = m_db.transaction([&]() -> Status {
        if (work.id <= 0) {
            const bool approved = work.status == core::PlanStatus::Approved ||
                                  work.status == core::PlanStatus::Superseded;
            if (Status c = PlanAccess::check(
                    m_db, approved ? core::PlanAction::ImportApproved : core::PlanAction::Create,
                    core::PlanStatus::Draft, work.organization.kind);
                !c)
                return c;
            if (Status w = PlanWriter(m_db).write(work, nullptr); !w)
                return w;
            work.version = 1;
            return PlanAccess::record(
                m_db, work.id,
                work.sourceFile.isEmpty() ? QStringLiteral("create") : QStringLiteral("import"),
                approved
                    ? QStringLiteral("приказ %1").arg(core::PlanChangeLog::orderText(work.approval))
                    : QString(),
                QStringLiteral("plan_status"), QString(),
                core::Plan::statusDisplayName(work.status));
        }
        // First the version: the stale writer is refused before anything else is read or written.
        auto version = PlanVersion::raise(m_db, work.id, work.version);
        if (!version)
            return version.error();
        auto stored = load(work.id);
        if (!stored)
            return stored.error();
        work.version = *version;
        const QList<core::PlanChange> changes = core::PlanChangeLog::between(*stored, work);
        bool executionOnly = true;
        for (const core::PlanChange &c : changes) {
            if (c.field == QLatin1String("plan_status"))
                return plainError(QStringLiteral(
                    "Статус плана меняется только действиями утверждения: отправить на "
                    "утверждение, утвердить, вернуть на доработку, новая редакция."));
            if (c.action != QLatin1String("execution"))
                executionOnly = false;
        }
        if (!changes.isEmpty()) {
            if (Status c = PlanAccess::check(m_db,
                                             executionOnly ? core::PlanAction::MarkExecution
                                                           : core::PlanAction::EditText,
                                             *stored);
                !c)
                return c;
        }
        if (Status w = PlanWriter(m_db).write(work, &stored.value()); !w)
            return w;
        return PlanAccess::record(m_db, work.id, changes);
    });
    if (s)
        plan = std::move(work);
    else if (current && s.error().code == core::ErrorCode::PlanChanged && plan.id > 0)
        if (auto fresh = load(plan.id))
            *current = std::move(fresh.value());
    return s;
}

Status PlanRepository::updateMeasureExecution(const core::Measure &measure, int *planVersion) {
    int newVersion = 0;
    Status s = m_db.transaction([&]() -> Status {
        QSqlQuery q(m_db.connection());
        q.prepare(QStringLiteral(
            "SELECT m.status, m.completion_date, m.note, s.plan_id, p.status, "
            "COALESCE(o.kind, 'school') FROM measures m JOIN sections s ON s.id = m.section_id "
            "JOIN plans p ON p.id = s.plan_id LEFT JOIN organizations o ON o.id = "
            "p.organization_id WHERE m.id = ?"));
        q.addBindValue(measure.id);
        if (!q.exec())
            return sql::queryError(
                m_db, q, QStringLiteral("не удалось прочитать мероприятие %1").arg(measure.number));
        if (!q.next())
            return sql::error(
                m_db,
                QStringLiteral("мероприятие %1 не найдено в базе данных (возможно, план изменён)")
                    .arg(measure.number));
        core::Measure before = measure;
        before.status = core::Measure::statusFromCode(q.value(0).toString());
        before.completionDate = sql::dateFrom(q.value(1));
        before.note = q.value(2).toString();
        const qint64 planId = q.value(3).toLongLong();
        const core::PlanStatus planStatus = core::Plan::statusFromCode(q.value(4).toString());
        const core::OrganizationKind kind = core::Organization::kindFromCode(q.value(5).toString());
        q.finish();
        q.prepare(QStringLiteral("SELECT window_from, window_to, status, completion_date, note "
                                 "FROM measure_window_marks WHERE measure_id = ? "
                                 "ORDER BY window_from, window_to"));
        q.addBindValue(measure.id);
        if (!q.exec())
            return sql::queryError(
                m_db, q, QStringLiteral("не удалось прочитать мероприятие %1").arg(measure.number));
        before.windowMarks.clear();
        while (q.next()) {
            core::WindowMark mark;
            mark.window = {sql::dateFrom(q.value(0)), sql::dateFrom(q.value(1))};
            mark.status = core::Measure::statusFromCode(q.value(2).toString());
            mark.completionDate = sql::dateFrom(q.value(3));
            mark.note = q.value(4).toString();
            before.windowMarks.append(mark);
        }
        q.finish();
        const QList<core::PlanChange> changes =
            core::PlanChangeLog::measureChanges(before, measure);
        if (changes.isEmpty())
            return {};
        if (Status c = PlanAccess::check(m_db, core::PlanAction::MarkExecution, planStatus, kind);
            !c)
            return c;
        auto version = PlanVersion::raise(m_db, planId, planVersion ? *planVersion : 0);
        if (!version)
            return version.error();
        newVersion = *version;
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
        if (Status s = PlanWriter(m_db).writeWindowMarks(measure); !s)
            return s;
        q.prepare(QStringLiteral("UPDATE plans SET updated_at = ? WHERE id = ?"));
        q.addBindValue(sql::dateTimeText(sql::nowToSecond()));
        q.addBindValue(planId);
        if (!q.exec())
            return sql::queryError(m_db, q,
                                   QStringLiteral("не удалось сохранить выполнение мероприятия"));
        return PlanAccess::record(m_db, planId, changes);
    });
    if (s && planVersion && newVersion > 0)
        *planVersion = newVersion;
    return s;
}

Status PlanRepository::transition(qint64 planId, core::PlanAction action,
                                  const std::function<Status(core::Plan &)> &change,
                                  const QString &historyAction, const QString &comment,
                                  int expectedVersion) {
    return m_db.transaction([&]() -> Status {
        if (auto v = PlanVersion::raise(m_db, planId, expectedVersion); !v)
            return v.error();
        auto stored = load(planId);
        if (!stored)
            return stored.error();
        if (Status c = PlanAccess::check(m_db, action, *stored); !c)
            return c;
        core::Plan work = *stored;
        if (Status c = change(work); !c)
            return c;
        if (Status w = PlanWriter(m_db).write(work, &stored.value()); !w)
            return w;
        return PlanAccess::record(m_db, planId, historyAction, comment,
                                  QStringLiteral("plan_status"),
                                  core::Plan::statusDisplayName(stored->status),
                                  core::Plan::statusDisplayName(work.status));
    });
}

Status PlanRepository::submit(qint64 planId, int expectedVersion) {
    return transition(
        planId, core::PlanAction::Submit,
        [](core::Plan &p) { return core::ApprovalWorkflow::submit(p); }, QStringLiteral("submit"),
        QString(), expectedVersion);
}

Status PlanRepository::approve(qint64 planId, const core::Approval &approval, int expectedVersion) {
    qint64 parentId = 0;
    return transition(
        planId, core::PlanAction::Approve,
        [&](core::Plan &p) -> Status {
            if (Status s = core::ApprovalWorkflow::approve(p, approval); !s)
                return s;
            parentId = p.parentPlanId;
            if (parentId <= 0)
                return {};
            // The approved plan this revision replaces becomes «заменён».
            auto parent = load(parentId);
            if (!parent || parent->status != core::PlanStatus::Approved)
                return {};
            core::Plan replaced = *parent;
            if (Status s = core::ApprovalWorkflow::supersede(replaced); !s)
                return s;
            if (Status v = PlanVersion::raise(m_db, {parentId}); !v)
                return v;
            if (Status w = PlanWriter(m_db).write(replaced, &parent.value()); !w)
                return w;
            return PlanAccess::record(m_db, parentId, QStringLiteral("supersede"),
                                      QStringLiteral("утверждена редакция %1 (план №%2), приказ %3")
                                          .arg(p.revision)
                                          .arg(p.id)
                                          .arg(core::PlanChangeLog::orderText(p.approval)),
                                      QStringLiteral("plan_status"),
                                      core::Plan::statusDisplayName(core::PlanStatus::Approved),
                                      core::Plan::statusDisplayName(core::PlanStatus::Superseded));
        },
        QStringLiteral("approve"),
        QStringLiteral("приказ %1").arg(core::PlanChangeLog::orderText(approval)), expectedVersion);
}

Status PlanRepository::returnToDraft(qint64 planId, const QString &comment, int expectedVersion) {
    return transition(
        planId, core::PlanAction::Return,
        [&](core::Plan &p) { return core::ApprovalWorkflow::returnToDraft(p, comment); },
        QStringLiteral("return"), comment.trimmed(), expectedVersion);
}

core::Result<qint64> PlanRepository::revise(qint64 planId) {
    core::Plan draft;
    Status s = m_db.transaction([&]() -> Status {
        auto stored = load(planId);
        if (!stored)
            return stored.error();
        if (Status c = PlanAccess::check(m_db, core::PlanAction::Revise, *stored); !c)
            return c;
        QSqlQuery q(m_db.connection());
        q.prepare(QStringLiteral("SELECT id, revision FROM plans WHERE parent_plan_id = ? AND "
                                 "status IN ('draft', 'pending') ORDER BY id LIMIT 1"));
        q.addBindValue(planId);
        if (!q.exec())
            return sql::queryError(m_db, q, QStringLiteral("не удалось прочитать редакции плана"));
        if (q.next())
            return plainError(QStringLiteral("У плана №%1 уже есть новая редакция %2 (план №%3), "
                                             "она ещё не утверждена: продолжайте её.")
                                  .arg(planId)
                                  .arg(q.value(1).toInt())
                                  .arg(q.value(0).toLongLong()));
        q.finish();
        auto revised = core::ApprovalWorkflow::revise(*stored);
        if (!revised)
            return revised.error();
        draft = std::move(revised.value());
        if (Status w = PlanWriter(m_db).write(draft, nullptr); !w)
            return w;
        if (Status r = PlanAccess::record(
                m_db, planId, QStringLiteral("revise"),
                QStringLiteral("новая редакция %1 — план №%2").arg(draft.revision).arg(draft.id));
            !r)
            return r;
        return PlanAccess::record(
            m_db, draft.id, QStringLiteral("create"),
            QStringLiteral("редакция %1 плана №%2").arg(draft.revision).arg(planId),
            QStringLiteral("plan_status"), QString(), core::Plan::statusDisplayName(draft.status));
    });
    if (!s)
        return s.error();
    return draft.id;
}

Status PlanRepository::remove(qint64 planId, bool force) {
    return m_db.transaction([&]() -> Status {
        QSqlQuery q(m_db.connection());
        q.prepare(QStringLiteral("SELECT p.status, COALESCE(o.kind, 'school'), p.title FROM "
                                 "plans p LEFT JOIN organizations o ON o.id = p.organization_id "
                                 "WHERE p.id = ?"));
        q.addBindValue(planId);
        if (!q.exec())
            return sql::queryError(m_db, q,
                                   QStringLiteral("не удалось удалить план №%1").arg(planId));
        if (!q.next())
            return sql::error(m_db, QStringLiteral("план №%1 не найден в базе данных").arg(planId));
        const core::PlanStatus status = core::Plan::statusFromCode(q.value(0).toString());
        const core::OrganizationKind kind = core::Organization::kindFromCode(q.value(1).toString());
        const QString title = q.value(2).toString();
        q.finish();
        const bool approved =
            status == core::PlanStatus::Approved || status == core::PlanStatus::Superseded;
        // An approved plan without force: the state's reason first, whoever asks.
        if (approved && !force) {
            if (Status c = core::PlanPermissions::check(std::nullopt, core::PlanAction::Remove,
                                                        status, kind);
                !c)
                return c;
        }
        if (Status c = PlanAccess::check(
                m_db, approved && force ? core::PlanAction::ForceRemove : core::PlanAction::Remove,
                status, kind);
            !c)
            return c;
        // The history row first: on a server a row of plan_history is written only for a plan
        // the account may see (row-level security), and a removed plan is seen by nobody.
        if (Status r = PlanAccess::record(
                m_db, planId, QStringLiteral("delete"),
                QStringLiteral("план «%1», статус «%2»")
                    .arg(title.simplified().left(120), core::Plan::statusDisplayName(status)));
            !r)
            return r;
        q.prepare(QStringLiteral("DELETE FROM plans WHERE id = ?"));
        q.addBindValue(planId);
        if (!q.exec())
            return sql::queryError(m_db, q,
                                   QStringLiteral("не удалось удалить план №%1").arg(planId));
        return {};
    });
}

core::Result<QList<core::PlanChange>> PlanRepository::history(qint64 planId) const {
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral("SELECT id, at, user_name, action, target, field, old_value, "
                             "new_value, comment FROM plan_history WHERE plan_id = ? ORDER BY id"));
    q.addBindValue(planId);
    if (!q.exec())
        return sql::queryError(
            m_db, q, QStringLiteral("не удалось прочитать историю плана №%1").arg(planId));
    QList<core::PlanChange> rows;
    while (q.next()) {
        rows.append(changeFrom(q, planId));
    }
    return rows;
}

core::Result<QString> PlanRepository::lastReturnComment(qint64 planId) const {
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral("SELECT comment FROM plan_history WHERE plan_id = ? AND action = "
                             "'return' ORDER BY id DESC LIMIT 1"));
    q.addBindValue(planId);
    if (!q.exec())
        return sql::queryError(
            m_db, q, QStringLiteral("не удалось прочитать историю плана №%1").arg(planId));
    return q.next() ? q.value(0).toString() : QString();
}

core::Result<int> PlanRepository::version(qint64 planId) const {
    return PlanVersion::stored(m_db, planId);
}

core::Result<std::optional<core::PlanChange>> PlanRepository::lastChange(qint64 planId) const {
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral("SELECT id, at, user_name, action, target, field, old_value, "
                             "new_value, comment FROM plan_history WHERE plan_id = ? ORDER BY id "
                             "DESC LIMIT 1"));
    q.addBindValue(planId);
    if (!q.exec())
        return sql::queryError(
            m_db, q, QStringLiteral("не удалось прочитать историю плана №%1").arg(planId));
    if (!q.next())
        return std::optional<core::PlanChange>();
    return std::optional<core::PlanChange>(changeFrom(q, planId));
}

} // namespace objectivity::storage
