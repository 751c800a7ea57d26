#pragma once
#include "objectivity/core/common/Result.h"
#include "objectivity/core/plan/Plan.h"
#include "objectivity/core/plan/PlanRollup.h"

namespace objectivity::io {

// The roll-up of a municipal plan as an Excel workbook: sheet «По мероприятиям» (per municipal
// measure: schools, done, in progress, overdue, not started, share done, the overdue schools) and
// sheet «По школам» (per school: linked measures by state, share done, the overdue measures).
// Title and date above the table, the header row frozen, shares as percents, overdue counts on
// a red fill; A4 landscape. Written next to the target and renamed over it.
class PlanRollupXlsxWriter {
public:
    static core::Status write(const core::Plan &municipal, const core::PlanRollup &rollup,
                              const QString &path);
    // «Свод по школам: <plan title>», the documents' common title.
    static QString title(const core::Plan &municipal);
};

} // namespace objectivity::io
