#include "objectivity/core/analysis/CriterionFinding.h"

namespace objectivity::core {

void CriterionFinding::belowThreshold(const QString &why) {
    reason = staticCode(reason::BelowThreshold);
    reasonText = (label.isEmpty() ? QString() : label + QStringLiteral(": ")) +
                 QStringLiteral("эффект ниже порога: ") + why;
}

void CriterionFinding::explainOutcome(double alpha) {
    // The reason codes and the commonest text («эффект ниже порога», half of a run's findings)
    // are shared literals, not a copy per finding.
    const QString prefix = label.isEmpty() ? QString() : label + QStringLiteral(": ");
    if (flagged) {
        reason = staticCode(reason::Flagged);
        reasonText = prefix + QStringLiteral("признак");
        return;
    }
    if (!reason.isEmpty() || !tested())
        return;
    if (effect) {
        reason = staticCode(reason::NotSignificant);
        reasonText =
            prefix + QStringLiteral("не значимо после поправки (q > %1)")
                         .arg(QString::number(alpha).replace(QLatin1Char('.'), QLatin1Char(',')));
    } else {
        reason = staticCode(reason::BelowThreshold);
        reasonText = prefix.isEmpty() ? QStringLiteral("эффект ниже порога")
                                      : prefix + QStringLiteral("эффект ниже порога");
    }
}

} // namespace objectivity::core
