#pragma once
#include "objectivity/core/common/Result.h"
#include "objectivity/core/plan/Plan.h"
#include "objectivity/core/plan/PlanRollup.h"
#include "objectivity/io/export/ReportDocument.h"

namespace objectivity::io {

// The roll-up of a municipal plan as a printed document (A4 landscape, ReportPdfWriter): the
// department, the title, the date of the roll-up, the totals, then the table by measures and the
// table by schools (their header rows repeated on every page, page numbers from the second page).
class PlanRollupReport {
public:
    static ReportDocument build(const core::Plan &municipal, const core::PlanRollup &rollup);
    static core::Status writePdf(const core::Plan &municipal, const core::PlanRollup &rollup,
                                 const QString &path);
};

} // namespace objectivity::io
