#include "objectivity/io/export/PlanExportTable.h"

#include <array>

namespace objectivity::io {

using core::ColumnRole;
using core::PlanColumn;

namespace {

double roleWeight(ColumnRole role, bool report) {
    // In a report three more columns share the width: the text columns give way so that
    // «запланировано» (bold when overdue) and «Дата выполнения» fit without breaking inside a word.
    switch (role) {
    case ColumnRole::Number:
        return report ? 7 : 6;
    case ColumnRole::Measure:
        return report ? 25 : 40;
    case ColumnRole::Deadline:
        return report ? 12 : 14;
    case ColumnRole::Owners:
        return report ? 16 : 17;
    case ColumnRole::ExpectedResult:
        return report ? 18 : 22;
    case ColumnRole::Status:
        return report ? 17 : 13;
    case ColumnRole::CompletionDate:
        return report ? 13 : 11;
    case ColumnRole::Note:
        return report ? 12 : 18;
    }
    return 15;
}

// The date line of a signature block whose date is not known, filled in by hand.
const QString kBlankDate = QStringLiteral("\"___\" ________ 20__ г.");

bool isDraft(core::PlanStatus status) {
    return status == core::PlanStatus::Draft || status == core::PlanStatus::PendingApproval;
}

} // namespace

PlanExportTable::PlanExportTable(const core::Plan &plan, const PlanExportOptions &options)
    : m_plan(plan), m_options(options), m_columns(plan.columns) {
    if (m_columns.isEmpty())
        m_columns = PlanColumn::defaultColumns();
    if (options.isReport()) {
        for (ColumnRole role : {ColumnRole::Status, ColumnRole::CompletionDate, ColumnRole::Note}) {
            bool present = false;
            for (const PlanColumn &c : std::as_const(m_columns))
                present = present || c.role == role;
            if (!present)
                m_columns.append({role, PlanColumn::defaultHeading(role)});
        }
    }
}

QString PlanExportTable::cellText(const core::Measure &measure, int column,
                                  const core::ExecutionReport::Row *row) const {
    switch (m_columns.at(column).role) {
    case ColumnRole::Number:
        return measure.number;
    case ColumnRole::Measure:
        return measure.text;
    case ColumnRole::Deadline:
        return measure.deadline.text;
    case ColumnRole::Owners:
        return measure.owners.join(u'\n');
    case ColumnRole::ExpectedResult:
        return measure.expectedResult;
    case ColumnRole::Status: {
        QString text = core::Measure::statusDisplayName(row ? row->status : measure.status);
        // a recurring measure: every window on a line of its own, «август 2025 — выполнено»
        for (const auto &w : row ? row->windows : QList<core::ExecutionReport::WindowRow>()) {
            text += u'\n' + w.label + QStringLiteral(" — ") +
                    core::Measure::statusDisplayName(w.status);
            if (w.completionDate.isValid())
                text += u' ' + formatDate(w.completionDate);
        }
        if (row && row->overdue)
            text +=
                QStringLiteral("\nпросрочено (срок до %1)").arg(formatDate(row->missedDeadline));
        return text;
    }
    case ColumnRole::CompletionDate:
        return formatDate(row ? row->completionDate : measure.completionDate);
    case ColumnRole::Note:
        return row ? row->note : measure.note;
    }
    return {};
}

QString PlanExportTable::sectionText(const core::Section &section) {
    const QString number = section.number.trimmed();
    if (number.isEmpty())
        return section.title;
    return section.title.isEmpty() ? number : number + u' ' + section.title;
}

QList<double> PlanExportTable::widthPercents() const {
    QList<double> widths;
    double sum = 0;
    for (const PlanColumn &c : m_columns) {
        widths.append(roleWeight(c.role, m_options.isReport()));
        sum += widths.last();
    }
    for (double &w : widths)
        w = w * 100.0 / sum;
    return widths;
}

bool PlanExportTable::isCentered(int column) const {
    const ColumnRole role = m_columns.at(column).role;
    return role == ColumnRole::Number || role == ColumnRole::CompletionDate ||
           role == ColumnRole::Deadline || role == ColumnRole::Status;
}

QStringList PlanExportTable::approvalLines() const {
    if (m_options.isReport())
        return {};
    if (isDraft(m_plan.status))
        return {QStringLiteral("ПРОЕКТ")};
    const core::Approval &a = m_plan.approval;
    const QString appendix = a.appendixLine.simplified();
    const bool hasApprover =
        !a.approverPosition.trimmed().isEmpty() || !a.approverName.trimmed().isEmpty();
    // «Приложение к приказу …» alone, or under the signature block when the plan has both (the
    // appendix line then names the order).
    if (!appendix.isEmpty() && !hasApprover)
        return {appendix};
    QStringList lines{QStringLiteral("УТВЕРЖДАЮ")};
    if (!a.approverPosition.trimmed().isEmpty())
        lines << a.approverPosition.simplified();
    lines << QStringLiteral("_________ / %1 /")
                 .arg(a.approverName.trimmed().isEmpty() ? QStringLiteral("              ")
                                                         : a.approverName.simplified());
    if (!appendix.isEmpty())
        return lines << appendix;
    QString order;
    if (!a.orderNumber.trimmed().isEmpty())
        order = QStringLiteral("Приказ № ") + a.orderNumber.trimmed();
    if (a.orderDate.isValid())
        order = (order.isEmpty() ? QStringLiteral("Приказ") : order) + QStringLiteral(" от ") +
                formatOrderDate(a.orderDate, m_options.orderDateStyle);
    else if (!order.isEmpty())
        order += QStringLiteral(" от ") + kBlankDate;
    // Without a known date the director dates the signature by hand.
    lines << (order.isEmpty() ? kBlankDate : order);
    return lines;
}

QStringList PlanExportTable::titleLines() const {
    QString title = m_plan.title.simplified();
    if (title.isEmpty())
        title = QStringLiteral("План мероприятий по обеспечению объективности проведения "
                               "оценочных процедур");
    QStringList lines;
    if (m_options.isReport())
        lines << QStringLiteral("Отчёт об исполнении плана");
    lines << title;
    const QString org = m_plan.organization.name.simplified();
    if (!org.isEmpty() && !title.contains(org, Qt::CaseInsensitive))
        lines << org;
    const core::AcademicPeriod &p = m_plan.period;
    if (p.isValid() && !title.contains(QString::number(p.startYear)))
        lines << (p.yearCount() == 1 ? QStringLiteral("на %1 учебный год")
                                     : QStringLiteral("на %1 учебные годы"))
                     .arg(p.toDisplayString());
    if (m_options.isReport())
        lines << QStringLiteral("по состоянию на ") + formatDate(m_options.reportDate);
    return lines;
}

QString PlanExportTable::formatDate(const QDate &date) {
    return date.isValid() ? date.toString(QStringLiteral("dd.MM.yyyy")) : QString();
}

QString PlanExportTable::formatOrderDate(const QDate &date,
                                         PlanExportOptions::OrderDateStyle style) {
    if (!date.isValid())
        return {};
    if (style == PlanExportOptions::OrderDateStyle::Numeric)
        return formatDate(date);
    static constexpr std::array<const char16_t *, 12> kMonths{
        u"января", u"февраля", u"марта",    u"апреля",  u"мая",    u"июня",
        u"июля",   u"августа", u"сентября", u"октября", u"ноября", u"декабря"};
    return QStringLiteral("«%1» %2 %3 г.")
        .arg(date.day(), 2, 10, QLatin1Char('0'))
        .arg(QString::fromUtf16(kMonths[size_t(date.month() - 1)]))
        .arg(date.year());
}

} // namespace objectivity::io
