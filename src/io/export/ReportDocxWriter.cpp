#include "objectivity/io/export/ReportDocxWriter.h"

namespace objectivity::io {

core::Status ReportDocxWriter::write(const ReportDocument &doc, const QString &path) {
    Q_UNUSED(doc);
    return core::Error{
        QStringLiteral("Справка в формате DOCX пока не формируется: сохраните её в PDF"), path, -1,
        -1};
}

} // namespace objectivity::io
