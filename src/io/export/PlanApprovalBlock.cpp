#include "export/PlanApprovalBlock.h"

#include "objectivity/io/export/PlanExportTable.h"

#include <QRegularExpression>

namespace objectivity::io {

const QString &PlanApprovalBlock::blankDate() {
    static const QString text = QStringLiteral("\"___\" ________ 20__ г.");
    return text;
}

QStringList PlanApprovalBlock::lines(const PlanExportTable &table) {
    return completed(table.approvalLines());
}

QStringList PlanApprovalBlock::completed(QStringList lines) {
    if (lines.isEmpty() || lines.first() != QStringLiteral("УТВЕРЖДАЮ"))
        return lines;
    // A year is part of a date as the block writes it («01.07.2022», ««01» июля 2022 г.», an
    // appendix line's «от 04 марта 2024г»), or the blank itself.
    static const QRegularExpression date(QStringLiteral("(?<!\\d)(19|20)\\d\\d(?!\\d)|20__"));
    for (const QString &line : std::as_const(lines))
        if (date.match(line).hasMatch())
            return lines;
    for (QString &line : lines)
        if (line.startsWith(QStringLiteral("Приказ"))) {
            line += QStringLiteral(" от ") + blankDate();
            return lines;
        }
    lines << blankDate();
    return lines;
}

bool PlanApprovalBlock::firstLineIsHeading(const QStringList &lines) {
    return !lines.isEmpty() && (lines.first() == QStringLiteral("УТВЕРЖДАЮ") ||
                                lines.first() == QStringLiteral("ПРОЕКТ"));
}

} // namespace objectivity::io
