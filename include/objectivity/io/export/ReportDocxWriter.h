#pragma once
#include "objectivity/core/common/Result.h"
#include "objectivity/io/export/ReportDocument.h"

namespace objectivity::io {

// A ReportDocument as a Word document (.docx, io::DocxDocument): the same blocks as the PDF, A4
// portrait with the same margins, Times New Roman 14 pt (tables 11 pt), page numbers in the footer.
class ReportDocxWriter {
public:
    static core::Status write(const ReportDocument &doc, const QString &path);
};

} // namespace objectivity::io
