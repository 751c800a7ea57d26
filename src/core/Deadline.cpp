#include "objectivity/core/Deadline.h"

#include <array>

namespace objectivity::core {

namespace {
struct KindInfo {
    DeadlineKind kind;
    const char *code;
};
constexpr std::array<KindInfo, 8> kKinds{{
    {DeadlineKind::Unknown, "unknown"},
    {DeadlineKind::Date, "date"},
    {DeadlineKind::ByDate, "by_date"},
    {DeadlineKind::Month, "month"},
    {DeadlineKind::MonthRange, "month_range"},
    {DeadlineKind::MonthList, "month_list"},
    {DeadlineKind::WholePeriod, "period"},
    {DeadlineKind::Event, "event"},
}};

QString shortDate(const QDate &d) { return d.toString(QStringLiteral("dd.MM.yyyy")); }
QString dayMonth(const QDate &d) { return d.toString(QStringLiteral("dd.MM")); }
} // namespace

bool Deadline::fallsWithin(const DateRange &range) const {
    for (const auto &w : windows)
        if (w.overlaps(range))
            return true;
    return false;
}

DateRange Deadline::nextWindow(const QDate &day) const {
    for (const auto &w : windows)
        if (w.to >= day)
            return w;
    return {};
}

QString Deadline::kindCode(DeadlineKind kind) {
    for (const auto &k : kKinds)
        if (k.kind == kind)
            return QString::fromLatin1(k.code);
    return QStringLiteral("unknown");
}

DeadlineKind Deadline::kindFromCode(const QString &code) {
    for (const auto &k : kKinds)
        if (code == QLatin1String(k.code))
            return k.kind;
    return DeadlineKind::Unknown;
}

QString Deadline::describe() const {
    switch (kind) {
    case DeadlineKind::Unknown:
        return QStringLiteral("срок не распознан");
    case DeadlineKind::Event:
        return QStringLiteral("по событию, без дат");
    case DeadlineKind::WholePeriod:
        return hasDates() ? QStringLiteral("весь период, %1–%2").arg(shortDate(from), shortDate(to))
                          : QStringLiteral("весь период");
    case DeadlineKind::Date:
        return shortDate(from);
    case DeadlineKind::ByDate:
        return QStringLiteral("до %1").arg(shortDate(to));
    default:
        break;
    }
    if (windows.isEmpty())
        return QStringLiteral("срок не распознан");
    QStringList parts;
    if (yearly) {
        // Describe the windows of one year: "ежегодно, 01.08–30.09".
        const int firstYear = windows.first().from.year();
        const QDate firstEnd = windows.first().from.addYears(1);
        for (const auto &w : windows)
            if (w.from < firstEnd || w.from.year() == firstYear)
                parts << dayMonth(w.from) + QStringLiteral("–") + dayMonth(w.to);
        parts.removeDuplicates();
        return QStringLiteral("ежегодно, ") + parts.join(QStringLiteral(", "));
    }
    for (const auto &w : windows)
        parts << shortDate(w.from) + QStringLiteral("–") + shortDate(w.to);
    return parts.join(QStringLiteral(", "));
}

} // namespace objectivity::core
