#include "plan/LostEdits.h"

#include "objectivity/core/common/MessageText.h"
#include "objectivity/core/plan/PlanChangeLog.h"

#include <QStringList>

namespace objectivity::gui {

QString LostEdits::describe(const core::Plan &stored, const core::Plan &mine) {
    const QList<core::PlanChange> changes = core::PlanChangeLog::between(stored, mine);
    if (changes.isEmpty())
        return {};
    constexpr int kNamed = 3;
    QStringList parts;
    for (const core::PlanChange &c : changes) {
        if (parts.size() == kNamed)
            break;
        QString part = c.target.isEmpty() ? QStringLiteral("план") : c.target;
        if (!c.field.isEmpty()) {
            part += QStringLiteral(" — «%1»").arg(core::PlanChange::fieldDisplayName(c.field));
            if (!c.newValue.isEmpty())
                part += QStringLiteral(": ") + core::quoteForMessage(c.newValue, 80);
        } else {
            part += QStringLiteral(" — ") + core::PlanChange::actionDisplayName(c.action);
        }
        parts << part;
    }
    QString text = QStringLiteral("Не сохранено: ") + parts.join(QStringLiteral("; "));
    if (changes.size() > kNamed)
        text += QStringLiteral(" и ещё %1 изм.").arg(changes.size() - kNamed);
    return text + QLatin1Char('.');
}

} // namespace objectivity::gui
