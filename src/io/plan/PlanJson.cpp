#include "objectivity/io/plan/PlanJson.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace objectivity::io {

using namespace Qt::StringLiterals;

namespace {

constexpr int kVersion = 1;

QJsonValue dateJson(const QDate &date) {
    return date.isValid() ? QJsonValue(date.toString(Qt::ISODate)) : QJsonValue(QJsonValue::Null);
}
QDate dateFrom(const QJsonValue &value) {
    return value.isString() ? QDate::fromString(value.toString(), Qt::ISODate) : QDate();
}
QJsonValue dateTimeJson(const QDateTime &moment) {
    return moment.isValid() ? QJsonValue(moment.toString(Qt::ISODate))
                            : QJsonValue(QJsonValue::Null);
}
QDateTime dateTimeFrom(const QJsonValue &value) {
    return value.isString() ? QDateTime::fromString(value.toString(), Qt::ISODate) : QDateTime();
}
QJsonValue idJson(qint64 id) {
    return id > 0 ? QJsonValue(id) : QJsonValue(QJsonValue::Null);
}
qint64 idFrom(const QJsonValue &value) {
    return value.isDouble() ? qint64(value.toDouble()) : 0;
}

QStringList stringsFrom(const QJsonValue &value) {
    QStringList strings;
    for (const auto &v : value.toArray())
        strings << v.toString();
    return strings;
}

QJsonObject deadlineJson(const core::Deadline &d) {
    QJsonArray windows;
    for (const auto &w : d.windows)
        windows.append(QJsonObject{{u"from"_s, dateJson(w.from)}, {u"to"_s, dateJson(w.to)}});
    return {{u"text"_s, d.text},
            {u"kind"_s, core::Deadline::kindCode(d.kind)},
            {u"yearly"_s, d.yearly},
            {u"recurrence"_s, core::Deadline::recurrenceCode(d.recurrence)},
            {u"from"_s, dateJson(d.from)},
            {u"to"_s, dateJson(d.to)},
            {u"windows"_s, windows},
            {u"description"_s, d.describe()}};
}

core::Deadline deadlineFrom(const QJsonObject &o) {
    core::Deadline d;
    d.text = o.value(u"text"_s).toString();
    d.kind = core::Deadline::kindFromCode(o.value(u"kind"_s).toString());
    d.yearly = o.value(u"yearly"_s).toBool();
    d.recurrence = core::Deadline::recurrenceFromCode(o.value(u"recurrence"_s).toString());
    d.from = dateFrom(o.value(u"from"_s));
    d.to = dateFrom(o.value(u"to"_s));
    for (const auto &v : o.value(u"windows"_s).toArray()) {
        const QJsonObject w = v.toObject();
        d.windows.append({dateFrom(w.value(u"from"_s)), dateFrom(w.value(u"to"_s))});
    }
    return d;
}

QJsonArray windowMarksJson(const QList<core::WindowMark> &marks) {
    QJsonArray out;
    for (const core::WindowMark &w : marks)
        out.append(QJsonObject{{u"from"_s, dateJson(w.window.from)},
                               {u"to"_s, dateJson(w.window.to)},
                               {u"status"_s, core::Measure::statusCode(w.status)},
                               {u"completion_date"_s, dateJson(w.completionDate)},
                               {u"note"_s, w.note}});
    return out;
}

QList<core::WindowMark> windowMarksFrom(const QJsonValue &value) {
    QList<core::WindowMark> out;
    for (const auto &v : value.toArray()) {
        const QJsonObject o = v.toObject();
        core::WindowMark w;
        w.window = {dateFrom(o.value(u"from"_s)), dateFrom(o.value(u"to"_s))};
        w.status = core::Measure::statusFromCode(o.value(u"status"_s).toString(u"planned"_s));
        w.completionDate = dateFrom(o.value(u"completion_date"_s));
        w.note = o.value(u"note"_s).toString();
        out.append(w);
    }
    return out;
}

QJsonObject measureJson(const core::Measure &m) {
    return {{u"id"_s, idJson(m.id)},
            {u"number"_s, m.number},
            {u"text"_s, m.text},
            {u"deadline"_s, deadlineJson(m.deadline)},
            {u"owners"_s, QJsonArray::fromStringList(m.owners)},
            {u"expected_result"_s, m.expectedResult},
            {u"status"_s, core::Measure::statusCode(m.status)},
            {u"completion_date"_s, dateJson(m.completionDate)},
            {u"note"_s, m.note},
            {u"window_marks"_s, windowMarksJson(m.windowMarks)}};
}

core::Measure measureFrom(const QJsonObject &o) {
    core::Measure m;
    m.id = idFrom(o.value(u"id"_s));
    m.number = o.value(u"number"_s).toString();
    m.text = o.value(u"text"_s).toString();
    m.deadline = deadlineFrom(o.value(u"deadline"_s).toObject());
    m.owners = stringsFrom(o.value(u"owners"_s));
    m.expectedResult = o.value(u"expected_result"_s).toString();
    m.status = core::Measure::statusFromCode(o.value(u"status"_s).toString(u"planned"_s));
    m.completionDate = dateFrom(o.value(u"completion_date"_s));
    m.note = o.value(u"note"_s).toString();
    m.windowMarks = windowMarksFrom(o.value(u"window_marks"_s));
    return m;
}

core::Error jsonError(const QString &sourceName, const QString &message) {
    core::Error e;
    e.file = sourceName;
    e.message = message;
    return e;
}

} // namespace

QJsonObject PlanJson::toJson(const core::Plan &plan) {
    QJsonArray columns;
    for (const auto &c : plan.columns)
        columns.append(QJsonObject{{u"role"_s, core::PlanColumn::roleCode(c.role)},
                                   {u"heading"_s, c.heading}});
    QJsonArray sections;
    for (const auto &s : plan.sections) {
        QJsonArray measures;
        for (const auto &m : s.measures)
            measures.append(measureJson(m));
        sections.append(QJsonObject{{u"id"_s, idJson(s.id)},
                                    {u"number"_s, s.number},
                                    {u"title"_s, s.title},
                                    {u"measures"_s, measures}});
    }
    const core::Approval &a = plan.approval;
    return {{u"format"_s, u"objectivity-plan"_s},
            {u"version"_s, kVersion},
            {u"id"_s, idJson(plan.id)},
            {u"title"_s, plan.title},
            {u"organization"_s, plan.organization.name},
            {u"organization_kind"_s, core::Organization::kindCode(plan.organization.kind)},
            {u"municipality"_s, plan.organization.municipality},
            {u"period"_s,
             QJsonObject{
                 {u"start_year"_s, plan.period.startYear},
                 {u"end_year"_s, plan.period.endYear},
                 {u"text"_s, plan.period.isValid() ? plan.period.toDisplayString() : QString()}}},
            {u"status"_s, core::Plan::statusCode(plan.status)},
            {u"status_name"_s, core::Plan::statusDisplayName(plan.status)},
            {u"revision"_s, plan.revision},
            {u"parent_plan_id"_s, idJson(plan.parentPlanId)},
            {u"source_file"_s, plan.sourceFile},
            {u"note"_s, plan.note},
            {u"created_at"_s, dateTimeJson(plan.createdAt)},
            {u"updated_at"_s, dateTimeJson(plan.updatedAt)},
            {u"approval"_s, QJsonObject{{u"approver_name"_s, a.approverName},
                                        {u"approver_position"_s, a.approverPosition},
                                        {u"order_number"_s, a.orderNumber},
                                        {u"order_date"_s, dateJson(a.orderDate)},
                                        {u"appendix_line"_s, a.appendixLine},
                                        {u"issuer"_s, a.issuer}}},
            {u"columns"_s, columns},
            {u"measure_count"_s, plan.measureCount()},
            {u"sections"_s, sections},
            {u"warnings"_s, QJsonArray::fromStringList(plan.warnings)}};
}

QByteArray PlanJson::toBytes(const core::Plan &plan, bool indented) {
    return QJsonDocument(toJson(plan))
        .toJson(indented ? QJsonDocument::Indented : QJsonDocument::Compact);
}

core::Result<core::Plan> PlanJson::fromJson(const QJsonObject &o, const QString &sourceName) {
    if (o.value(u"format"_s).toString() != u"objectivity-plan"_s)
        return jsonError(sourceName, u"это не план программы «Объективность» в формате JSON"_s);
    if (o.value(u"version"_s).toInt() > kVersion)
        return jsonError(sourceName,
                         u"план записан более новой версией программы; обновите программу"_s);
    core::Plan plan;
    plan.id = idFrom(o.value(u"id"_s));
    plan.title = o.value(u"title"_s).toString();
    plan.organization.name = o.value(u"organization"_s).toString();
    plan.organization.kind =
        core::Organization::kindFromCode(o.value(u"organization_kind"_s).toString());
    plan.organization.municipality = o.value(u"municipality"_s).toString();
    const QJsonObject period = o.value(u"period"_s).toObject();
    plan.period = {period.value(u"start_year"_s).toInt(), period.value(u"end_year"_s).toInt()};
    plan.status = core::Plan::statusFromCode(o.value(u"status"_s).toString());
    plan.revision = o.value(u"revision"_s).toInt(1);
    plan.parentPlanId = idFrom(o.value(u"parent_plan_id"_s));
    plan.sourceFile = o.value(u"source_file"_s).toString();
    plan.note = o.value(u"note"_s).toString();
    plan.createdAt = dateTimeFrom(o.value(u"created_at"_s));
    plan.updatedAt = dateTimeFrom(o.value(u"updated_at"_s));
    const QJsonObject a = o.value(u"approval"_s).toObject();
    plan.approval.approverName = a.value(u"approver_name"_s).toString();
    plan.approval.approverPosition = a.value(u"approver_position"_s).toString();
    plan.approval.orderNumber = a.value(u"order_number"_s).toString();
    plan.approval.orderDate = dateFrom(a.value(u"order_date"_s));
    plan.approval.appendixLine = a.value(u"appendix_line"_s).toString();
    plan.approval.issuer = a.value(u"issuer"_s).toString();
    if (o.contains(u"columns"_s)) {
        plan.columns.clear();
        for (const auto &v : o.value(u"columns"_s).toArray()) {
            const QJsonObject c = v.toObject();
            plan.columns.append({core::PlanColumn::roleFromCode(c.value(u"role"_s).toString()),
                                 c.value(u"heading"_s).toString()});
        }
    }
    for (const auto &v : o.value(u"sections"_s).toArray()) {
        const QJsonObject s = v.toObject();
        core::Section section;
        section.id = idFrom(s.value(u"id"_s));
        section.number = s.value(u"number"_s).toString();
        section.title = s.value(u"title"_s).toString();
        for (const auto &m : s.value(u"measures"_s).toArray())
            section.measures.append(measureFrom(m.toObject()));
        plan.sections.append(section);
    }
    plan.warnings = stringsFrom(o.value(u"warnings"_s));
    return plan;
}

core::Result<core::Plan> PlanJson::fromBytes(const QByteArray &json, const QString &sourceName) {
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject()) {
        core::Error e =
            jsonError(sourceName, u"файл не является JSON: %1"_s.arg(error.errorString()));
        return e;
    }
    return fromJson(doc.object(), sourceName);
}

} // namespace objectivity::io
