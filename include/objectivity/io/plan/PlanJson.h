#pragma once
#include "objectivity/core/common/Result.h"
#include "objectivity/core/plan/Plan.h"

#include <QByteArray>
#include <QJsonObject>

namespace objectivity::io {

// A plan as JSON, for `objectivity-cli plan show --json`, tests and the clipboard. Keys are
// snake_case; dates are "YYYY-MM-DD" or null; codes are the stable ones of the core (status
// "approved", deadline kind "month_range", column role "owners"). fromJson(toJson(plan)) == plan.
//
// { "format": "objectivity-plan", "version": 1, "id", "title", "organization" (name),
//   "organization_kind", "municipality", "period": {"start_year", "end_year", "text"},
//   "status", "status_name", "revision", "parent_plan_id", "source_file", "note", "created_at",
//   "updated_at", "approval": {"approver_name", "approver_position", "order_number", "order_date",
//   "appendix_line", "issuer"}, "columns": [{"role", "heading"}], "measure_count", "sections":
//   [{"id", "number", "title", "measures": [{"id", "number", "text",
//       "deadline": {"text", "kind", "yearly", "from", "to", "windows": [{"from", "to"}],
//       "description"}, "owners": [..], "expected_result", "status", "completion_date", "note"}]}],
//   "warnings": [..] }
class PlanJson {
public:
    static QJsonObject toJson(const core::Plan &plan);
    static QByteArray toBytes(const core::Plan &plan, bool indented = true);

    // Reads what toJson wrote. `sourceName` names the input in errors.
    static core::Result<core::Plan> fromJson(const QJsonObject &object, const QString &sourceName);
    static core::Result<core::Plan> fromBytes(const QByteArray &json, const QString &sourceName);
};

} // namespace objectivity::io
