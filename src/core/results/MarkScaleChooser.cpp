#include "objectivity/core/results/MarkScaleChooser.h"

#include <cstdlib>

namespace objectivity::core {

namespace {
bool sameStructure(const MarkScale &s, int maxPrimary) {
    return s.maxPrimary > 0 && maxPrimary > 0 && s.maxPrimary == maxPrimary;
}

QString describe(const MarkScale &s) {
    const QString origin = s.origin == MarkScale::Origin::Official
                               ? QStringLiteral("официальная шкала")
                               : QStringLiteral("шкала, изменённая пользователем,");
    const QString year =
        s.year == 0 ? QStringLiteral("без указания года") : QStringLiteral("%1 года").arg(s.year);
    QString text = QStringLiteral("%1 %2 %3").arg(origin, procedureKindCode(s.kind), year);
    if (!s.source.isEmpty())
        text += QStringLiteral(" (источник: %1)").arg(s.source);
    return text;
}
} // namespace

std::optional<MarkScaleChooser::Choice> MarkScaleChooser::choose(ProcedureKind kind, int year,
                                                                 int grade, const QString &subject,
                                                                 int maxPrimary,
                                                                 const QList<MarkScale> &scales) {
    const MarkScale *own = nullptr, *nearest = nullptr, *anyYear = nullptr;
    for (const MarkScale &s : scales) {
        if (s.kind != kind || s.grade != grade || s.subject != subject)
            continue;
        if (s.year == year && year != 0) {
            if (s.maxPrimary == 0 || maxPrimary == 0 || s.maxPrimary == maxPrimary)
                own = &s;
        } else if (s.year == 0) {
            if (sameStructure(s, maxPrimary) || (s.maxPrimary == 0 && !s.isMarkScale()))
                anyYear = &s;
        } else if (sameStructure(s, maxPrimary)) {
            const int d = std::abs(s.year - year);
            const int best = nearest ? std::abs(nearest->year - year) : 0;
            if (!nearest || d < best || (d == best && s.year > nearest->year))
                nearest = &s;
        }
    }
    if (own)
        return Choice{*own, describe(*own)};
    if (nearest)
        return Choice{*nearest, QStringLiteral("%1: шкалы %2 года нет, взята шкала ближайшего "
                                               "года той же структуры (максимум %3)")
                                    .arg(describe(*nearest))
                                    .arg(year)
                                    .arg(maxPrimary)};
    if (anyYear)
        return Choice{*anyYear, describe(*anyYear)};
    return std::nullopt;
}

} // namespace objectivity::core
