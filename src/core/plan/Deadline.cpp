#include "objectivity/core/plan/Deadline.h"

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

QString shortDate(const QDate &d) {
    return d.toString(QStringLiteral("dd.MM.yyyy"));
}
QString dayMonth(const QDate &d) {
    return d.toString(QStringLiteral("dd.MM"));
}
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
    default:
        break;
    }
    if (windows.isEmpty()) // a month or day understood, but no period to place it in
        return kind == DeadlineKind::WholePeriod
                   ? QStringLiteral("весь период")
                   : QStringLiteral("даты не определены: нет периода плана");
    if (kind == DeadlineKind::WholePeriod) {
        if (yearly)
            return QStringLiteral("ежегодно");
        // Academic years as a whole read as «весь период»; other spans show their dates.
        if (windows.size() == 1 && from.day() == 1 && from.month() == 9 && to.day() == 31 &&
            to.month() == 8)
            return QStringLiteral("весь период");
    }
    const bool days = kind == DeadlineKind::Date || kind == DeadlineKind::ByDate;
    auto window = [days](const DateRange &w, bool withYear) {
        auto fmt = [withYear](const QDate &d) { return withYear ? shortDate(d) : dayMonth(d); };
        if (days && w.from == w.to)
            return fmt(w.from);
        return QString(fmt(w.from) + QStringLiteral("–") + fmt(w.to));
    };
    // The windows of the first year, and whether the rest repeat them year after year (months
    // without a year in a plan of several academic years).
    const QDate firstYearEnd = windows.first().from.addYears(1);
    QList<DateRange> firstYear;
    for (const auto &w : windows)
        if (w.from < firstYearEnd)
            firstYear << w;
    bool repeats = windows.size() > firstYear.size() && windows.size() % firstYear.size() == 0;
    for (qsizetype i = 0; repeats && i < windows.size(); ++i) {
        const DateRange &base = firstYear[i % firstYear.size()];
        const int shift = int(i / firstYear.size());
        repeats = windows[i] == DateRange{base.from.addYears(shift), base.to.addYears(shift)};
    }
    QStringList parts;
    for (const auto &w : (yearly || repeats) ? firstYear : windows)
        parts << window(w, !(yearly || repeats));
    parts.removeDuplicates();
    const QString list = parts.join(QStringLiteral(", "));
    const QString until = kind == DeadlineKind::ByDate ? QStringLiteral("до ") : QString();
    if (yearly)
        return QStringLiteral("ежегодно, ") + until + list;
    if (repeats)
        return QStringLiteral("каждый учебный год, ") + until + list;
    return until + list;
}

} // namespace objectivity::core
