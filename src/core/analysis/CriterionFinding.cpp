#include "objectivity/core/analysis/CriterionFinding.h"

namespace objectivity::core {

void CriterionFinding::explainOutcome(double alpha) {
    const QString prefix = label.isEmpty() ? QString() : label + QStringLiteral(": ");
    if (flagged) {
        reason = QString::fromUtf16(reason::Flagged);
        reasonText = prefix + QStringLiteral("признак");
        return;
    }
    if (!reason.isEmpty() || !tested())
        return;
    if (effect) {
        reason = QString::fromUtf16(reason::NotSignificant);
        reasonText =
            prefix + QStringLiteral("не значимо после поправки (q > %1)")
                         .arg(QString::number(alpha).replace(QLatin1Char('.'), QLatin1Char(',')));
    } else {
        reason = QString::fromUtf16(reason::BelowThreshold);
        reasonText = prefix + QStringLiteral("эффект ниже порога");
    }
}

} // namespace objectivity::core
