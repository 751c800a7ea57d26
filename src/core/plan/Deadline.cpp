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

struct RecurrenceInfo {
    DeadlineRecurrence recurrence;
    const char *code;
    const char16_t *name;
};
constexpr std::array<RecurrenceInfo, 9> kRecurrences{{
    {DeadlineRecurrence::Once, "once", u"однократно"},
    {DeadlineRecurrence::Yearly, "yearly", u"ежегодно"},
    {DeadlineRecurrence::Monthly, "monthly", u"ежемесячно"},
    {DeadlineRecurrence::Weekly, "weekly", u"еженедельно"},
    {DeadlineRecurrence::Quarterly, "quarterly", u"ежеквартально"},
    {DeadlineRecurrence::AsNeeded, "as_needed", u"по мере необходимости"},
    {DeadlineRecurrence::BySchedule, "schedule", u"по графику"},
    {DeadlineRecurrence::OnEvent, "event", u"по событию"},
    {DeadlineRecurrence::Continuous, "continuous", u"постоянно"},
}};

constexpr std::array<const char16_t *, 12> kMonthNames{
    {u"январь", u"февраль", u"март", u"апрель", u"май", u"июнь", u"июль", u"август", u"сентябрь",
     u"октябрь", u"ноябрь", u"декабрь"}};

QString monthName(int month) {
    return QString::fromUtf16(kMonthNames[std::size_t(month - 1)]);
}

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

QString Deadline::recurrenceCode(DeadlineRecurrence recurrence) {
    for (const auto &r : kRecurrences)
        if (r.recurrence == recurrence)
            return QString::fromLatin1(r.code);
    return QStringLiteral("once");
}

DeadlineRecurrence Deadline::recurrenceFromCode(const QString &code) {
    for (const auto &r : kRecurrences)
        if (code == QLatin1String(r.code))
            return r.recurrence;
    return DeadlineRecurrence::Once;
}

QString Deadline::recurrenceDisplayName(DeadlineRecurrence recurrence) {
    for (const auto &r : kRecurrences)
        if (r.recurrence == recurrence)
            return QString::fromUtf16(r.name);
    return QString();
}

QString Deadline::windowLabel(const DateRange &w) {
    if (!w.isValid())
        return QString();
    if (w.from == w.to)
        return shortDate(w.from);
    const bool wholeMonths = w.from.day() == 1 && w.to.day() == w.to.daysInMonth();
    if (!wholeMonths)
        return shortDate(w.from) + QStringLiteral("–") + shortDate(w.to);
    if (w.from.month() == 9 && w.to.month() == 8 && w.to.year() == w.from.year() + 1)
        return QStringLiteral("%1/%2 уч. год")
            .arg(w.from.year())
            .arg(w.to.year() % 100, 2, 10, QLatin1Char('0'));
    if (w.from.year() == w.to.year() && w.from.month() == w.to.month())
        return monthName(w.from.month()) + u' ' + QString::number(w.from.year());
    if (w.from.year() == w.to.year())
        return monthName(w.from.month()) + QStringLiteral("–") + monthName(w.to.month()) + u' ' +
               QString::number(w.to.year());
    return monthName(w.from.month()) + u' ' + QString::number(w.from.year()) +
           QStringLiteral(" – ") + monthName(w.to.month()) + u' ' + QString::number(w.to.year());
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
    switch (recurrence) {
    case DeadlineRecurrence::Monthly:
    case DeadlineRecurrence::Weekly:
    case DeadlineRecurrence::Quarterly:
        if (hasDates())
            return recurrenceDisplayName(recurrence) + QStringLiteral(", ") + shortDate(from) +
                   QStringLiteral("–") + shortDate(to);
        return recurrenceDisplayName(recurrence);
    case DeadlineRecurrence::AsNeeded:
        return recurrenceDisplayName(recurrence) + QStringLiteral(", без просрочки");
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
