#pragma once
#include <QStringList>

namespace objectivity::io {

class PlanExportTable;

// The approval block of the editable forms (DOCX, ODT): PlanExportTable::approvalLines() with the
// date line the director fills in by hand when the order's date is unknown — «Приказ № 149 от
// "___" ________ 20__ г.», or the line «"___" ________ 20__ г.» under the signature when there is
// no order either. A block that already has a date (or the blank) is returned unchanged.
class PlanApprovalBlock {
public:
    static QStringList lines(const PlanExportTable &table);
    static QStringList completed(QStringList lines);
    static const QString &blankDate();
    // Whether the first line is a heading to print in bold («УТВЕРЖДАЮ», «ПРОЕКТ»).
    static bool firstLineIsHeading(const QStringList &lines);
};

} // namespace objectivity::io
