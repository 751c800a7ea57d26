#include "objectivity/core/plan/PlanChangeLog.h"

#include <QHash>
#include <QSet>

namespace objectivity::core {

namespace {

PlanChange change(const QString &action, const QString &target, const QString &field,
                  const QString &oldValue, const QString &newValue) {
    PlanChange c;
    c.action = action;
    c.target = target;
    c.field = field;
    c.oldValue = oldValue;
    c.newValue = newValue;
    return c;
}

void compare(QList<PlanChange> &out, const QString &target, const QString &field,
             const QString &oldValue, const QString &newValue) {
    if (oldValue != newValue)
        out << change(PlanChange::isExecutionField(field) ? QStringLiteral("execution")
                                                          : QStringLiteral("edit"),
                      target, field, oldValue, newValue);
}

QString sectionTarget(const Section &s) {
    return s.number.isEmpty() ? QStringLiteral("раздел «%1»").arg(s.title.left(60))
                              : QStringLiteral("раздел %1").arg(s.number);
}

QString columnsText(const QList<PlanColumn> &columns) {
    QStringList headings;
    for (const auto &c : columns)
        headings << c.heading;
    return headings.join(QStringLiteral(" | "));
}

QString approverText(const Approval &a) {
    return QStringList{a.approverPosition, a.approverName}.join(QLatin1Char(' ')).simplified();
}

} // namespace

QString PlanChangeLog::ownersText(const QStringList &owners) {
    return owners.join(QStringLiteral("; "));
}

QString PlanChangeLog::dateText(const QDate &date) {
    return date.isValid() ? date.toString(QStringLiteral("dd.MM.yyyy")) : QString();
}

QString PlanChangeLog::orderText(const Approval &approval) {
    QStringList parts;
    if (!approval.orderNumber.isEmpty())
        parts << QStringLiteral("№ ") + approval.orderNumber;
    if (approval.orderDate.isValid())
        parts << QStringLiteral("от ") + dateText(approval.orderDate);
    return parts.join(QLatin1Char(' '));
}

QString PlanChangeLog::measureTarget(const Measure &measure) {
    return measure.number.isEmpty() ? QStringLiteral("мероприятие «%1»").arg(measure.text.left(60))
                                    : QStringLiteral("мероприятие %1").arg(measure.number);
}

QString PlanChangeLog::windowMarksText(const QList<WindowMark> &marks) {
    QStringList parts;
    for (const WindowMark &m : marks) {
        QString part = Deadline::windowLabel(m.window) + QStringLiteral(" — ") +
                       Measure::statusDisplayName(m.status);
        if (m.completionDate.isValid())
            part += u' ' + dateText(m.completionDate);
        if (!m.note.isEmpty())
            part += QStringLiteral(" (") + m.note + u')';
        parts << part;
    }
    return parts.join(QStringLiteral("; "));
}

QList<PlanChange> PlanChangeLog::measureChanges(const Measure &before, const Measure &after) {
    QList<PlanChange> out;
    const QString target = measureTarget(after);
    compare(out, target, QStringLiteral("number"), before.number, after.number);
    compare(out, target, QStringLiteral("text"), before.text, after.text);
    compare(out, target, QStringLiteral("deadline"), before.deadline.text, after.deadline.text);
    compare(out, target, QStringLiteral("owners"), ownersText(before.owners),
            ownersText(after.owners));
    compare(out, target, QStringLiteral("expected_result"), before.expectedResult,
            after.expectedResult);
    compare(out, target, QStringLiteral("status"), Measure::statusDisplayName(before.status),
            Measure::statusDisplayName(after.status));
    compare(out, target, QStringLiteral("completion_date"), dateText(before.completionDate),
            dateText(after.completionDate));
    compare(out, target, QStringLiteral("note"), before.note, after.note);
    compare(out, target, QStringLiteral("window_marks"), windowMarksText(before.windowMarks),
            windowMarksText(after.windowMarks));
    return out;
}

QList<PlanChange> PlanChangeLog::between(const Plan &before, const Plan &after) {
    QList<PlanChange> out;
    compare(out, QString(), QStringLiteral("title"), before.title, after.title);
    compare(out, QString(), QStringLiteral("period"), before.period.toDisplayString(),
            after.period.toDisplayString());
    compare(out, QString(), QStringLiteral("organization"), before.organization.name,
            after.organization.name);
    compare(out, QString(), QStringLiteral("plan_status"), Plan::statusDisplayName(before.status),
            Plan::statusDisplayName(after.status));
    compare(out, QString(), QStringLiteral("order"), orderText(before.approval),
            orderText(after.approval));
    compare(out, QString(), QStringLiteral("approver"), approverText(before.approval),
            approverText(after.approval));
    compare(out, QString(), QStringLiteral("columns"), columnsText(before.columns),
            columnsText(after.columns));
    compare(out, QString(), QStringLiteral("plan_note"), before.note, after.note);

    QHash<qint64, const Section *> oldSections;
    QHash<qint64, std::pair<const Measure *, const Section *>> oldMeasures;
    for (const Section &s : before.sections) {
        oldSections.insert(s.id, &s);
        for (const Measure &m : s.measures)
            oldMeasures.insert(m.id, {&m, &s});
    }
    QSet<qint64> seenSections;
    QSet<qint64> seenMeasures;
    for (const Section &s : after.sections) {
        const Section *was = s.id > 0 ? oldSections.value(s.id) : nullptr;
        if (was && !seenSections.contains(s.id)) {
            seenSections.insert(s.id);
            compare(out, sectionTarget(s), QStringLiteral("number"), was->number, s.number);
            compare(out, sectionTarget(s), QStringLiteral("title"), was->title, s.title);
        } else {
            out << change(QStringLiteral("add"), sectionTarget(s), QStringLiteral("section"),
                          QString(), s.title);
        }
        for (const Measure &m : s.measures) {
            const auto [oldMeasure, oldSection] =
                m.id > 0 ? oldMeasures.value(m.id)
                         : std::pair<const Measure *, const Section *>{nullptr, nullptr};
            if (!oldMeasure || seenMeasures.contains(m.id)) {
                out << change(QStringLiteral("add"), measureTarget(m), QStringLiteral("text"),
                              QString(), m.text);
                continue;
            }
            seenMeasures.insert(m.id);
            if (oldSection->id != s.id)
                out << change(QStringLiteral("edit"), measureTarget(m), QStringLiteral("section"),
                              oldSection->title, s.title);
            out << measureChanges(*oldMeasure, m);
        }
    }
    for (const Section &s : before.sections) {
        for (const Measure &m : s.measures)
            if (!seenMeasures.contains(m.id))
                out << change(QStringLiteral("remove"), measureTarget(m), QStringLiteral("text"),
                              m.text, QString());
        if (!seenSections.contains(s.id))
            out << change(QStringLiteral("remove"), sectionTarget(s), QStringLiteral("section"),
                          s.title, QString());
    }
    return out;
}

} // namespace objectivity::core
