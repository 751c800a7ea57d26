#pragma once
#include "objectivity/core/plan/ExecutionReport.h"
#include "objectivity/core/plan/Plan.h"
#include "objectivity/io/export/PlanExportOptions.h"

#include <QList>
#include <QString>

namespace objectivity::io {

// What every printed or exported form of a plan shares: its columns (the plan's own, in its order
// and with its headings; in report mode the status, completion date and note columns are added when
// the plan lacks them), the text of each cell, relative column widths, and the text of the approval
// block and title.
class PlanExportTable {
public:
    PlanExportTable(const core::Plan &plan, const PlanExportOptions &options);

    const QList<core::PlanColumn> &columns() const { return m_columns; }
    // Text of a measure's cell; `row` (report mode) supplies the execution data and overdue mark.
    QString cellText(const core::Measure &measure, int column,
                     const core::ExecutionReport::Row *row = nullptr) const;
    // The section row: «1. Аналитическая работа».
    static QString sectionText(const core::Section &section);
    // Relative widths of the columns, summing to 100.
    QList<double> widthPercents() const;
    // Whether a column holds short centred values (number, dates, status).
    bool isCentered(int column) const;

    // Lines of the approval block, top right: «УТВЕРЖДАЮ», position, «_________ / И.О. Фамилия /»,
    // «Приказ № … от …» (an unknown date as «"___" ________ 20__ г.», the whole line so when the
    // order is unknown too); or the «Приложение к приказу …» line; «ПРОЕКТ» for a draft; nothing
    // for a report.
    QStringList approvalLines() const;
    // The centred title: the plan's title, then its organization and period when the title does
    // not already name them. For a report: «Отчёт об исполнении …» and «по состоянию на …».
    QStringList titleLines() const;

    // «01.07.2022» or ««01» июля 2022 г.».
    static QString formatOrderDate(const QDate &date, PlanExportOptions::OrderDateStyle style);
    static QString formatDate(const QDate &date); // «dd.MM.yyyy», empty for a null date

private:
    const core::Plan &m_plan;
    PlanExportOptions m_options;
    QList<core::PlanColumn> m_columns;
};

} // namespace objectivity::io
