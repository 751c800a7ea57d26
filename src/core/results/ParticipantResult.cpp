#include "objectivity/core/results/ParticipantResult.h"

namespace objectivity::core {

QString medalCode(Medal medal) {
    switch (medal) {
    case Medal::Gold:
        return QStringLiteral("золото");
    case Medal::Silver:
        return QStringLiteral("серебро");
    case Medal::None:
        break;
    }
    return QString();
}

bool medalFromText(const QString &text, int year, Medal *medal) {
    const QString t = text.trimmed().toLower().replace(QChar(u'ё'), QChar(u'е'));
    // a medal without its degree: before 2024 the only medal; from 2024 judged by the silver
    // medal's conditions (the weaker ones: the analysis never applies stricter rules than awarded)
    const Medal undegreed = year >= 2024 ? Medal::Silver : Medal::Gold;
    Medal found;
    if (t.isEmpty() || t == QStringLiteral("нет") || t == QStringLiteral("-") ||
        t == QStringLiteral("—") || t == QStringLiteral("0"))
        found = Medal::None;
    else if (t == QStringLiteral("да") || t == QStringLiteral("есть") || t == QStringLiteral("+") ||
             t.startsWith(QStringLiteral("медал")) ||
             t.startsWith(QStringLiteral("за особые успехи")))
        found = t.contains(QStringLiteral("ii степени"))  ? Medal::Silver
                : t.contains(QStringLiteral("i степени")) ? Medal::Gold
                                                          : undegreed;
    else if (t.startsWith(QStringLiteral("золот")) || t.startsWith(QStringLiteral("i степени")) ||
             t == QStringLiteral("1"))
        found = Medal::Gold;
    else if (t.startsWith(QStringLiteral("серебр")) || t.startsWith(QStringLiteral("ii степени")) ||
             t == QStringLiteral("2"))
        found = Medal::Silver;
    else
        return false;
    if (medal)
        *medal = found;
    return true;
}

QString journalPeriodCode(JournalPeriod period) {
    switch (period) {
    case JournalPeriod::Quarter:
        return QStringLiteral("четверть");
    case JournalPeriod::HalfYear:
        return QStringLiteral("полугодие");
    case JournalPeriod::Year:
        return QStringLiteral("год");
    case JournalPeriod::Unknown:
        break;
    }
    return QString();
}

bool journalPeriodFromText(const QString &text, JournalPeriod *period) {
    const QString t = text.trimmed().toLower();
    JournalPeriod found;
    if (t.isEmpty())
        found = JournalPeriod::Unknown;
    // as schools write it: «четверть», «3 четверть», «III четверть», «за 2-ю четверть»,
    // «I полугодие», «триместр», «год», «годовая», «за год»
    else if (t.contains(QStringLiteral("четверт")) || t.contains(QStringLiteral("триместр")))
        found = JournalPeriod::Quarter;
    else if (t.contains(QStringLiteral("полугод")))
        found = JournalPeriod::HalfYear;
    else if (t == QStringLiteral("год") || t.startsWith(QStringLiteral("годов")) ||
             t.endsWith(QStringLiteral(" год")))
        found = JournalPeriod::Year;
    else
        return false;
    if (period)
        *period = found;
    return true;
}

} // namespace objectivity::core
