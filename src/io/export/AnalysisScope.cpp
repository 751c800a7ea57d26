#include "objectivity/io/export/AnalysisScope.h"

#include <QStringList>

#include <algorithm>

namespace objectivity::io {

bool AnalysisScope::contains(const core::UnitReport &unit) const {
    if (year != 0 && unit.year != year)
        return false;
    if (kind >= 0 && static_cast<int>(unit.kind) != kind)
        return false;
    if (!municipality.isEmpty() && unit.municipality != municipality)
        return false;
    if (!schoolCode.isEmpty() && unit.schoolCode != schoolCode)
        return false;
    return true;
}

QString AnalysisScope::subjectPhrase(const QList<int> &years) const {
    const QString procedures = kind >= 0
                                   ? core::procedureKindCode(static_cast<core::ProcedureKind>(kind))
                                   : QStringLiteral("ВПР, ОГЭ и ЕГЭ");
    QList<int> shown = year != 0 ? QList<int>{year} : years;
    std::sort(shown.begin(), shown.end());
    shown.erase(std::unique(shown.begin(), shown.end()), shown.end());
    if (shown.isEmpty())
        return procedures;
    if (shown.size() == 1)
        return QStringLiteral("%1 %2 года").arg(procedures).arg(shown.first());
    return QStringLiteral("%1 %2–%3 годов").arg(procedures).arg(shown.first()).arg(shown.last());
}

QString AnalysisScope::reportTitle(const QList<int> &years) const {
    return QStringLiteral("Аналитическая справка по итогам анализа объективности результатов %1")
        .arg(subjectPhrase(years));
}

QString AnalysisScope::filtersText() const {
    QStringList parts;
    parts << QStringLiteral("год: %1").arg(year != 0 ? QString::number(year)
                                                     : QStringLiteral("все годы"));
    parts << QStringLiteral("процедура: %1")
                 .arg(kind >= 0 ? core::procedureKindCode(static_cast<core::ProcedureKind>(kind))
                                : QStringLiteral("все (ВПР, ОГЭ, ЕГЭ)"));
    parts << QStringLiteral("муниципалитет: %1")
                 .arg(municipality.isEmpty() ? QStringLiteral("все") : municipality);
    if (!schoolCode.isEmpty())
        parts << QStringLiteral("школа: %1").arg(schoolCode);
    return parts.join(QStringLiteral("; "));
}

} // namespace objectivity::io
