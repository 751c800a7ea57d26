#include "export/PlanTableRow.h"

#include "objectivity/core/plan/ExecutionReport.h"
#include "objectivity/io/export/PlanExportTable.h"

#include <memory>

namespace objectivity::io {

QList<PlanTableRow> PlanTableRow::rows(const core::Plan &plan, const PlanExportTable &table,
                                       const PlanExportOptions &options) {
    const QList<core::PlanColumn> &columns = table.columns();
    std::unique_ptr<core::ExecutionReport> report;
    if (options.isReport())
        report = std::make_unique<core::ExecutionReport>(plan, options.reportDate);

    QList<PlanTableRow> rows;
    PlanTableRow header{Kind::Header, {}, {}};
    for (const core::PlanColumn &c : columns) {
        header.cells.append(c.heading.simplified());
        header.bold.append(true);
    }
    rows.append(header);
    for (int si = 0; si < plan.sections.size(); ++si) {
        const core::Section &section = plan.sections[si];
        rows.append({Kind::Section, {PlanExportTable::sectionText(section).simplified()}, {true}});
        for (int mi = 0; mi < section.measures.size(); ++mi) {
            const core::Measure &m = section.measures[mi];
            const core::ExecutionReport::Row *er =
                report ? &report->sections()[si].rows[mi] : nullptr;
            PlanTableRow row{Kind::Measure, {}, {}};
            for (int c = 0; c < columns.size(); ++c) {
                row.cells.append(table.cellText(m, c, er).trimmed());
                row.bold.append(er && er->overdue && columns[c].role == core::ColumnRole::Status);
            }
            rows.append(row);
        }
        if (report)
            rows.append(
                {Kind::SectionTotals,
                 {QStringLiteral("Итого по разделу: ") + report->sections()[si].totals.describe()},
                 {false}});
    }
    if (report) {
        const core::ExecutionTotals &t = report->totals();
        rows.append({Kind::PlanTotals,
                     {QStringLiteral("Итого по плану: %1; выполнено %2 %")
                          .arg(t.describe())
                          .arg(t.donePercent())},
                     {true}});
    }
    return rows;
}

} // namespace objectivity::io
