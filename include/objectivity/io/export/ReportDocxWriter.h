#pragma once
#include "objectivity/core/common/Result.h"
#include "objectivity/io/export/ReportDocument.h"

namespace objectivity::io {

// A ReportDocument as a Word document (.docx): the same blocks as the PDF, A4 portrait.
class ReportDocxWriter {
public:
    static core::Status write(const ReportDocument &doc, const QString &path);
};

} // namespace objectivity::io
