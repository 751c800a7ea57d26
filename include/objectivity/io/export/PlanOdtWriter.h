#pragma once
#include "objectivity/core/common/Result.h"
#include "objectivity/core/plan/Plan.h"
#include "objectivity/io/export/PlanExportOptions.h"

#include <QString>

namespace objectivity::io {

// Writes the printed form of a plan (or its execution report) as an OpenDocument text (.odt) that
// LibreOffice Writer and Word open for editing. The file is replaced only when fully written.
class PlanOdtWriter {
public:
    static core::Status write(const core::Plan &plan, const QString &path,
                              const PlanExportOptions &options = {});
};

} // namespace objectivity::io
