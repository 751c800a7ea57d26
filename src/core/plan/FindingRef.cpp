#include "objectivity/core/plan/FindingRef.h"

#include "objectivity/core/analysis/CriterionTitle.h"

#include <QStringList>

namespace objectivity::core {

QString FindingRef::describe() const {
    QStringList parts{criterionTitle(criterion),
                      QStringLiteral("%1 %2").arg(procedureKindCode(procedure)).arg(year)};
    if (!subject.isEmpty())
        parts << subject.toLower();
    if (!className.isEmpty())
        parts << QStringLiteral("%1 класс").arg(className);
    else if (grade > 0)
        parts << QStringLiteral("%1 класс").arg(grade);
    return parts.join(QStringLiteral(", "));
}

} // namespace objectivity::core
