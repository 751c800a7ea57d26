#include "PlanTextView.h"

#include <QStringList>

#include <algorithm>

namespace objectivity::cli {

using namespace Qt::StringLiterals;

namespace {

QString shortDate(const QDate &d) {
    return d.toString(u"dd.MM.yyyy"_s);
}

QString periodText(const core::AcademicPeriod &period) {
    return period.isValid() ? period.toDisplayString() : u"не указан"_s;
}

// Keeps a cell to `width` characters, ending with "…" when cut.
QString fit(const QString &text, int width) {
    QString single = text.simplified();
    return single.size() <= width ? single : single.left(width - 1) + u"…"_s;
}

QString approvalText(const core::Approval &a) {
    QStringList parts;
    const QString who = QStringList{a.approverPosition, a.approverName}.join(u' ').simplified();
    if (!who.isEmpty())
        parts << who;
    QString order;
    if (!a.orderNumber.isEmpty())
        order = u"приказ № "_s + a.orderNumber;
    if (a.orderDate.isValid())
        order += (order.isEmpty() ? u"приказ от "_s : u" от "_s) + shortDate(a.orderDate);
    if (!order.isEmpty())
        parts << order;
    return parts.join(u"; "_s);
}

void appendMeasure(QStringList &lines, const core::Measure &m) {
    const QString indent = u"      "_s;
    lines << u"  "_s + (m.number.isEmpty() ? u"—"_s : m.number) + u' ' + m.text.simplified();
    QString deadline = m.deadline.text.simplified();
    if (deadline.isEmpty())
        deadline = u"не указан"_s;
    else if (m.deadline.kind != core::DeadlineKind::Unknown)
        deadline += u" ("_s + m.deadline.describe() + u')';
    lines << indent + u"Срок: "_s + deadline;
    if (!m.owners.isEmpty())
        lines << indent + u"Ответственные: "_s + m.owners.join(u"; "_s);
    if (!m.expectedResult.isEmpty())
        lines << indent + u"Ожидаемый результат: "_s + m.expectedResult.simplified();
    if (m.status != core::MeasureStatus::Planned || m.completionDate.isValid()) {
        QString done = core::Measure::statusDisplayName(m.status);
        if (m.completionDate.isValid())
            done += u", "_s + shortDate(m.completionDate);
        lines << indent + u"Выполнение: "_s + done;
    }
    if (m.isMarkedPerWindow() && !m.windowMarks.isEmpty())
        lines << indent + u"По срокам: "_s + m.windowStatusesText();
    if (!m.note.isEmpty())
        lines << indent + u"Примечание: "_s + m.note.simplified();
}

} // namespace

QString PlanTextView::plan(const core::Plan &plan) {
    QStringList lines;
    lines << u"План №%1: %2"_s.arg(plan.id).arg(
        plan.title.simplified().isEmpty() ? u"(без названия)"_s : plan.title.simplified());
    QString org = plan.organization.name.isEmpty() ? u"не указана"_s : plan.organization.name;
    if (!plan.organization.municipality.isEmpty())
        org += u" ("_s + plan.organization.municipality + u')';
    lines << u"Организация: "_s + org;
    lines << u"Период: "_s + periodText(plan.period);
    lines << u"Статус: %1, редакция %2"_s.arg(core::Plan::statusDisplayName(plan.status))
                 .arg(plan.revision);
    const QString approval = approvalText(plan.approval);
    if (!approval.isEmpty())
        lines << u"Утверждение: "_s + approval;
    if (!plan.approval.appendixLine.isEmpty())
        lines << plan.approval.appendixLine.simplified();
    if (!plan.sourceFile.isEmpty())
        lines << u"Источник: "_s + plan.sourceFile;

    int done = 0;
    for (const auto &section : plan.sections) {
        lines << QString();
        lines << QStringList{section.number, section.title.simplified()}.join(u' ').trimmed();
        for (const auto &m : section.measures) {
            appendMeasure(lines, m);
            if (m.status == core::MeasureStatus::Done)
                ++done;
        }
    }
    lines << QString();
    lines << u"Всего: разделов %1, мероприятий %2, выполнено %3."_s.arg(plan.sections.size())
                 .arg(plan.measureCount())
                 .arg(done);
    if (!plan.note.isEmpty())
        lines << u"Текст вне разделов: "_s + plan.note.simplified();
    if (!plan.warnings.isEmpty()) {
        lines << u"Предупреждения импорта (%1):"_s.arg(plan.warnings.size());
        for (const QString &w : plan.warnings)
            lines << u"  - "_s + w;
    }
    return lines.join(u'\n') + u'\n';
}

QString PlanTextView::table(const QList<storage::PlanSummary> &plans) {
    if (plans.isEmpty())
        return u"В базе нет планов.\n"_s;
    const QStringList header{u"ID"_s,     u"Организация"_s, u"Период"_s,
                             u"Статус"_s, u"Название"_s,    u"Мероприятия"_s};
    QList<QStringList> rows{header};
    for (const auto &p : plans) {
        QString status = core::Plan::statusDisplayName(p.status);
        if (p.revision > 1)
            status += u", ред. %1"_s.arg(p.revision);
        rows << QStringList{QString::number(p.id),
                            fit(p.organizationName.isEmpty() ? u"—"_s : p.organizationName, 40),
                            periodText(p.period),
                            status,
                            fit(p.title.isEmpty() ? u"(без названия)"_s : p.title, 60),
                            u"%1 (выполнено %2)"_s.arg(p.measureCount).arg(p.doneCount)};
    }
    QList<qsizetype> widths(header.size(), 0);
    for (const auto &row : rows)
        for (qsizetype i = 0; i < row.size(); ++i)
            widths[i] = std::max(widths[i], row[i].size());
    QString out;
    for (const auto &row : rows) {
        QStringList cells;
        for (qsizetype i = 0; i < row.size(); ++i)
            cells << (i + 1 == row.size() ? row[i] : row[i].leftJustified(widths[i]));
        out += cells.join(u"  "_s) + u'\n';
    }
    out += u"Планов: %1\n"_s.arg(plans.size());
    return out;
}

} // namespace objectivity::cli
