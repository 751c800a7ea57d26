#include "objectivity/core/analysis/CriterionFinding.h"

namespace objectivity::core {

void CriterionFinding::explainOutcome(double alpha) {
    // Without a label the texts are the same for every finding: one shared copy each (the
    // report holds hundreds of thousands of findings).
    const QString prefix = label.isEmpty() ? QString() : label + QStringLiteral(": ");
    if (flagged) {
        reason = staticCode(reason::Flagged);
        reasonText = prefix + QStringLiteral("признак");
        return;
    }
    if (!reason.isEmpty() || !tested())
        return;
    if (effect) {
        thread_local double sharedAlpha = std::nan("");
        thread_local QString shared;
        if (!(alpha == sharedAlpha)) {
            sharedAlpha = alpha;
            shared = QStringLiteral("не значимо после поправки (q > %1)")
                         .arg(QString::number(alpha).replace(QLatin1Char('.'), QLatin1Char(',')));
        }
        reason = staticCode(reason::NotSignificant);
        reasonText = prefix.isEmpty() ? shared : prefix + shared;
    } else {
        reason = staticCode(reason::BelowThreshold);
        reasonText = prefix.isEmpty() ? QStringLiteral("эффект ниже порога")
                                      : prefix + QStringLiteral("эффект ниже порога");
    }
}

} // namespace objectivity::core
