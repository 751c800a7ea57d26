#pragma once
#include <QDate>

namespace objectivity::io {

// How a plan is printed or exported: the plan itself or its execution report on a date, and the
// page orientation (A4 landscape by default, as wide tables are printed in Russian offices).
struct PlanExportOptions {
    enum class Orientation { Landscape, Portrait };
    enum class OrderDateStyle { Numeric, Words }; // «01.07.2022» or ««01» июля 2022 г.»

    Orientation orientation = Orientation::Landscape;
    OrderDateStyle orderDateStyle = OrderDateStyle::Numeric;
    // A valid date makes it the execution report on that date: status, completion date and note
    // columns, overdue marks and totals per section.
    QDate reportDate;

    bool isReport() const { return reportDate.isValid(); }
    static PlanExportOptions report(const QDate &date) {
        PlanExportOptions o;
        o.reportDate = date;
        return o;
    }
};

} // namespace objectivity::io
