#include "objectivity/core/plan/DeadlineParser.h"

#include <QRegularExpression>

#include <algorithm>
#include <array>
#include <utility>

// How a deadline text is read (the order of the checks is the rule for mixed texts):
//  1. "в течение (учебного) года", "весь период", "в течение всего периода" → WholePeriod, even
//     when an event follows ("В течение года по отдельному плану"): the measure runs all year,
//     the separate schedule only details it. Years written in it ("В течение 2023-2024 учебного
//     года") give the span; otherwise the plan's period.
//  2. Any explicit day or month ("до 01 июля", "Март 2024 г.", "Август-сентябрь", "I четверть")
//     → dated kinds, even when event words are present: written dates are the strongest
//     information ("Апрель 2024 (по графику ВПР)" is April 2024).
//  3. Event words ("по отдельному графику", "согласно", "в соответствии", "при проведении",
//     "после", "по мере", "по итогам", "в сроки", ...) → Event, even with "постоянно" or
//     "регулярно" ("Регулярно, при подготовке к проведению оценочной процедуры"): the event
//     decides when.
//  4. Continuous words ("постоянно", "систематически", "регулярно", "ежемесячно", "раз в
//     четверть") → WholePeriod.
//  5. Years only: "2022-2024 год" → WholePeriod over those academic years (1 Sep 2022 – 31 Aug
//     2024); one year "2024 год" → that calendar year.
//  6. "ежегодно" alone → WholePeriod, yearly, one window per academic year of the period.
//  7. The recurrence is read from the words over all the above (see `recurrenceOf`): monthly,
//     weekly and quarterly windows are cut into months or school quarters (Sep–Oct, Nov–Dec,
//     Jan–Mar, Apr–May) so that each can be marked; «по мере необходимости» is never overdue.
// Months: a year written after a month or range applies to it and to the preceding months without
// a year ("Июнь, август 2023"; "Август 2023 г., январь, март 2024 г."); a range's start is the
// latest occurrence of its first month not after its last month ("Август-сентябрь" → Aug–Sep of
// the same year, "Декабрь-январь 2024" → Dec 2023–Jan 2024). Months with no year at all are placed
// in every academic year of the period (Sep–Dec in its first calendar year, Jan–Aug in the
// second). Days: "до", "не позднее", "к" make a ByDate; "15-20 марта", "с 15 по 20 марта" and
// "с 01.09.2023 по 15.09.2023" are one Date window; otherwise a Date or ByDate window is the day.

namespace objectivity::core {

namespace {

constexpr auto kRxOptions =
    QRegularExpression::UseUnicodePropertiesOption | QRegularExpression::CaseInsensitiveOption;

// School quarters and halves as month ranges (approximate: the exact days vary by region):
// "I четверть" → Sep–Oct, "2 четверть" → Nov–Dec, "3" → Jan–Mar, "4" → Apr–May; "I полугодие" →
// Sep–Dec, "II полугодие" → Jan–May; "конец учебного года" → May. After "по итогам", "по
// окончании", "после" the period is an event and stays as written.
QString periodsAsMonths(const QString &s) {
    static const QRegularExpression part(
        QStringLiteral(
            R"((?<![\p{L}\d])(?<n>iv|i{1,3}|[1-4]|перв\p{L}*|втор\p{L}*|трет\p{L}*|)"
            R"(четверт\p{L}*)(?:\s*-?\s*(?:я|е|ое|ая|ой|ом|ей))?\s+(?<what>четверт|полугоди)\p{L}*)"),
        QRegularExpression::UseUnicodePropertiesOption);
    static const QRegularExpression endOfYear(
        QStringLiteral(R"((?:в\s+)?(?:конец|конце|конца)\s+учебного\s+года)"),
        QRegularExpression::UseUnicodePropertiesOption);
    static const QRegularExpression eventBefore(
        QStringLiteral(R"((итог|оконч|после|заверш)\p{L}*\s*$)"),
        QRegularExpression::UseUnicodePropertiesOption);
    QString out;
    qsizetype last = 0;
    auto it = part.globalMatch(s);
    while (it.hasNext()) {
        const auto m = it.next();
        const QString before = s.mid(last, m.capturedStart() - last);
        out += before;
        last = m.capturedEnd();
        const QString n = m.captured(u"n");
        int index = 0;
        if (n == u"1" || n.startsWith(u"перв") || n == u"i")
            index = 1;
        else if (n == u"2" || n.startsWith(u"втор") || n == u"ii")
            index = 2;
        else if (n == u"3" || n.startsWith(u"трет") || n == u"iii")
            index = 3;
        else if (n == u"4" || n.startsWith(u"четверт") || n == u"iv")
            index = 4;
        const bool half = m.captured(u"what") == u"полугоди";
        static const std::array<const char16_t *, 4> quarters{
            {u"сентябрь-октябрь", u"ноябрь-декабрь", u"январь-март", u"апрель-май"}};
        static const std::array<const char16_t *, 2> halves{{u"сентябрь-декабрь", u"январь-май"}};
        const bool valid = half ? index >= 1 && index <= 2 : index >= 1;
        if (!valid || eventBefore.match(out).hasMatch()) {
            out += m.captured(0);
            continue;
        }
        out += u' ' + QString::fromUtf16(half ? halves[index - 1] : quarters[index - 1]) + u' ';
    }
    out += s.mid(last);
    out.replace(endOfYear, QStringLiteral(" май "));
    return out;
}

QString normalised(const QString &text) {
    QString s = text.toLower();
    s.replace(u'ё', u'е');
    s.replace(QChar(0x0456), u'i'); // Cyrillic «і» typed for the Roman I
    s.replace(QChar(0x00A0), u' ');
    s.replace(QChar(0x2013), u'-'); // en dash
    s.replace(QChar(0x2014), u'-'); // em dash
    s.replace(QChar(0x2212), u'-'); // minus
    // "2023/24" and "2023/2024" are spans of academic years.
    static const QRegularExpression shortSpan(
        QStringLiteral(R"((?<!\d)(20\d\d)\s*/\s*(\d\d)(?!\d))"));
    QString out;
    qsizetype last = 0;
    auto it = shortSpan.globalMatch(s);
    while (it.hasNext()) {
        const auto m = it.next();
        const int a = m.captured(1).toInt();
        const int b = (a / 100) * 100 + m.captured(2).toInt();
        out += s.mid(last, m.capturedStart() - last);
        out += QStringLiteral("%1-%2").arg(a).arg(b);
        last = m.capturedEnd();
    }
    out += s.mid(last);
    return periodsAsMonths(out).simplified();
}

// 1..12 for a Russian month word in any common case ("март", "марта", "мае", "сент."), else 0.
int monthOf(const QString &word) {
    static const std::array<std::pair<const char16_t *, int>, 11> stems{{
        {u"январ", 1},
        {u"феврал", 2},
        {u"март", 3},
        {u"апрел", 4},
        {u"июн", 6},
        {u"июл", 7},
        {u"август", 8},
        {u"сентябр", 9},
        {u"октябр", 10},
        {u"ноябр", 11},
        {u"декабр", 12},
    }};
    static const std::array<std::pair<const char16_t *, int>, 14> exact{{
        {u"май", 5},
        {u"мая", 5},
        {u"мае", 5},
        {u"янв", 1},
        {u"фев", 2},
        {u"мар", 3},
        {u"апр", 4},
        {u"авг", 8},
        {u"сен", 9},
        {u"сент", 9},
        {u"окт", 10},
        {u"ноя", 11},
        {u"нояб", 11},
        {u"дек", 12},
    }};
    for (const auto &[w, m] : exact)
        if (word == QStringView(w))
            return m;
    for (const auto &[stem, m] : stems)
        if (word.startsWith(QStringView(stem)))
            return m;
    return 0;
}

// Whether any of the patterns matches; the patterns are compiled once per call site.
bool matchesAny(const QString &s, const QList<QRegularExpression> &patterns) {
    return std::any_of(patterns.begin(), patterns.end(),
                       [&s](const QRegularExpression &rx) { return rx.match(s).hasMatch(); });
}

QList<QRegularExpression> compiled(std::initializer_list<const char16_t *> patterns) {
    QList<QRegularExpression> out;
    for (const char16_t *p : patterns)
        out.append(QRegularExpression(QString::fromUtf16(p), kRxOptions));
    return out;
}

bool isWholeYearPhrase(const QString &s) {
    static const auto patterns = compiled({
        u"в\\s+течени[еи]\\s+(всего\\s+)?(20\\d\\d\\s*-?\\s*(20\\d\\d\\s+)?)?(учебного\\s+|"
        u"календарного\\s+)?года",
        u"в\\s+течени[еи]\\s+всего\\s+(учебного\\s+)?(периода|срока)",
        u"(^|\\s)весь\\s+(учебный\\s+)?(период|год)",
        u"(^|\\s)круглогодично",
    });
    return matchesAny(s, patterns);
}

bool isEventPhrase(const QString &s) {
    static const auto patterns = compiled({
        u"\\bпо\\s+(отдельн|мере|план|график|итог|результат|запрос|необходимост|окончани|"
        u"завершени)",
        u"\\b(согласно|после|при|перед)\\b",
        u"\\bв\\s+(соответствии|сроки|установленные|дни|день|период|ходе)\\b",
        u"\\bв\\s+течени[еи]\\s+(\\d{1,3}\\s|периода|заявленного)",
        u"график|\\bсобыти",
    });
    return matchesAny(s, patterns);
}

bool isContinuousPhrase(const QString &s) {
    static const auto patterns = compiled({
        u"\\b(постоянно|систематически|регулярно|ежемесячно|еженедельно|ежедневно|ежеквартально|"
        u"ежечетвертно|на\\s+протяжении)",
        u"\\bраз\\s+в\\b|\\bкажд\\w+|четверт|полугоди|триместр",
    });
    return matchesAny(s, patterns);
}

bool isYearlyPhrase(const QString &s) {
    static const auto patterns = compiled({u"\\b(ежегодн\\w*|каждый\\s+(учебный\\s+)?год)"});
    return matchesAny(s, patterns);
}

struct MonthRef {
    int month = 0;
    int year = 0; // 0: not written
};

struct MonthEntry {
    MonthRef start;
    MonthRef end;
};

struct DayItem {
    int day = 0;
    int month = 0;
    int year = 0; // 0: not written
    bool until = false;
    bool rangeEnd = false; // the end of "D1 - D2" / "с D1 по D2": joins the previous day item
};

// The dated content of a text: days and months with their years as written.
struct Scan {
    QList<MonthEntry> months;
    QList<DayItem> days;
    QList<int> freeYears; // years not attached to a day or month
};

int fullYear(const QString &digits) {
    const int y = digits.toInt();
    return digits.size() == 2 ? 2000 + y : y;
}

// Gives `year` to the last entry and to the entries before it that have none, each placed at the
// latest occurrence of its month not after the entry that follows it.
void attachYear(QList<MonthEntry> &months, int year) {
    MonthRef next{13, year + 1}; // sentinel: everything is before it
    for (qsizetype i = months.size() - 1; i >= 0; --i) {
        MonthEntry &e = months[i];
        if (e.end.year != 0)
            break;
        if (i == months.size() - 1)
            e.end.year = year;
        else
            e.end.year = e.end.month <= next.month ? next.year : next.year - 1;
        e.start.year = e.start.month <= e.end.month ? e.end.year : e.end.year - 1;
        next = e.start;
    }
}

Scan scan(const QString &s) {
    static const QRegularExpression token(
        QStringLiteral(R"((?<date>(?<!\d)\d{1,2}\.\d{1,2}\.(?:\d{4}|\d{2})(?![\d]))|)"
                       R"((?<dm>(?<!\d)\d{1,2}\s+\p{L}+)|)"
                       R"((?<sd>(?<![\d.])\d{1,2}\.\d{1,2}(?![\d]))|)"
                       R"((?<year>(?<!\d)(?:19|20)\d\d(?!\d))|)"
                       R"((?<num>(?<![\d.])\d{1,2}(?![\d.]))|)"
                       R"((?<word>\p{L}+\.?)|)"
                       R"((?<dash>-))"),
        QRegularExpression::UseUnicodePropertiesOption);
    Scan out;
    bool pendingUntil = false;
    bool pendingDash = false;
    bool pendingRangeEnd = false; // "по" after a day item
    int bareDay = 0;              // "15" of "15-20 марта" / "с 15 по 20 марта"
    enum class Last { None, Month, Day, Year } last = Last::None;

    auto addDay = [&](int d, int m, int y) {
        if (m < 1 || m > 12 || d < 1 || d > 31)
            return;
        DayItem item{d, m, y, pendingUntil, false};
        if ((pendingDash || pendingRangeEnd) && bareDay > 0 && bareDay <= d) {
            out.days.append(DayItem{bareDay, m, y, pendingUntil, false});
            item.until = false;
            item.rangeEnd = true;
        } else if ((pendingDash || pendingRangeEnd) && last == Last::Day) {
            item.rangeEnd = true;
        }
        bareDay = 0;
        out.days.append(item);
        pendingUntil = false;
        pendingDash = pendingRangeEnd = false;
        last = Last::Day;
    };
    auto addMonth = [&](int m) {
        if (pendingDash && last == Last::Month && !out.months.isEmpty() &&
            out.months.last().start.month == out.months.last().end.month &&
            out.months.last().start.year == out.months.last().end.year) {
            MonthEntry &e = out.months.last();
            e.end = {m, 0};
            if (e.start.year != 0) // "Август 2023 - сентябрь": the range follows its start
                e.end.year = m >= e.start.month ? e.start.year : e.start.year + 1;
        } else {
            out.months.append(MonthEntry{{m, 0}, {m, 0}});
        }
        pendingDash = false;
        pendingUntil = false; // "до мая" is read as the month
        bareDay = 0;
        last = Last::Month;
    };
    auto onWord = [&](QString word) {
        if (word.endsWith(u'.'))
            word.chop(1);
        const int month = monthOf(word);
        if (month > 0) {
            addMonth(month);
            return;
        }
        if (word == u"до" || word == u"позднее" || word == u"к") {
            pendingUntil = true;
        } else if (word == u"по" && (last == Last::Day || bareDay > 0)) {
            pendingRangeEnd = true;
            return;
        } else if (word == u"по" && last == Last::Month) {
            pendingDash = true; // "с сентября по декабрь": a range of months
            return;
        }
        // Other words ("г", "года", "ежегодно", "и") neither end nor start an item.
        if (word != u"с" && word != u"не")
            bareDay = 0;
    };

    auto it = token.globalMatch(s);
    while (it.hasNext()) {
        const auto m = it.next();
        if (m.hasCaptured(u"date")) {
            const QStringList parts = m.captured(u"date").split(u'.');
            addDay(parts[0].toInt(), parts[1].toInt(), fullYear(parts[2]));
        } else if (m.hasCaptured(u"dm")) {
            const QStringList parts = m.captured(u"dm").split(u' ', Qt::SkipEmptyParts);
            const int month = monthOf(parts.value(1));
            if (month > 0) {
                addDay(parts[0].toInt(), month, 0);
            } else { // a number and a word: "15 по", "5 дней"
                bareDay = parts[0].toInt();
                last = Last::None;
                onWord(parts.value(1));
            }
        } else if (m.hasCaptured(u"num")) {
            bareDay = m.captured(u"num").toInt();
            last = Last::None;
        } else if (m.hasCaptured(u"sd")) {
            const QStringList parts = m.captured(u"sd").split(u'.');
            addDay(parts[0].toInt(), parts[1].toInt(), 0);
        } else if (m.hasCaptured(u"year")) {
            const int year = m.captured(u"year").toInt();
            if (last == Last::Day && out.days.last().year == 0) {
                DayItem &end = out.days.last();
                end.year = year;
                if (end.rangeEnd && out.days.size() > 1 &&
                    out.days[out.days.size() - 2].year == 0) {
                    DayItem &start = out.days[out.days.size() - 2];
                    start.year = start.month <= end.month ? year : year - 1;
                }
            } else if (last == Last::Month && !pendingDash && !out.months.isEmpty() &&
                       out.months.last().end.year == 0) {
                attachYear(out.months, year);
            } else {
                out.freeYears.append(year);
                last = Last::Year;
            }
            pendingDash = false;
        } else if (m.hasCaptured(u"dash")) {
            pendingDash = true;
        } else {
            onWord(m.captured(u"word"));
        }
    }
    return out;
}

// The calendar year a month falls in within the academic year starting 1 September of `startYear`.
int yearInAcademicYear(int month, int startYear) {
    return month >= 9 ? startYear : startYear + 1;
}

DateRange monthWindow(const MonthRef &from, const MonthRef &to) {
    const QDate first(from.year, from.month, 1);
    const QDate lastMonth(to.year, to.month, 1);
    return {first, lastMonth.addDays(lastMonth.daysInMonth() - 1)};
}

// Years for the entries still without one: after a dated entry, the next occurrence; otherwise
// every academic year of the period. Returns false when there is nothing to resolve against.
QList<DateRange> monthWindows(QList<MonthEntry> months, const AcademicPeriod &period) {
    QList<DateRange> windows;
    bool anyYear = false;
    for (const auto &e : months)
        anyYear = anyYear || e.end.year != 0;
    if (anyYear) {
        MonthRef prev;
        for (auto &e : months) {
            if (e.end.year == 0 && prev.year != 0) {
                e.start.year = e.start.month > prev.month ? prev.year : prev.year + 1;
                e.end.year = e.end.month >= e.start.month ? e.start.year : e.start.year + 1;
            }
            if (e.end.year != 0)
                prev = e.end;
        }
        for (const auto &e : months)
            if (e.end.year != 0)
                windows.append(monthWindow(e.start, e.end));
        return windows;
    }
    if (!period.isValid())
        return windows;
    for (int y = period.startYear; y < period.endYear; ++y) {
        for (const auto &e : months) {
            MonthRef end{e.end.month, yearInAcademicYear(e.end.month, y)};
            MonthRef start{e.start.month, e.start.month <= end.month ? end.year : end.year - 1};
            windows.append(monthWindow(start, end));
        }
    }
    return windows;
}

QList<DateRange> dayWindows(const QList<DayItem> &days, const AcademicPeriod &period) {
    QList<DateRange> windows;
    const bool anyYear =
        std::any_of(days.begin(), days.end(), [](const DayItem &d) { return d.year != 0; });
    QList<int> years;
    if (anyYear) {
        years.append(0);
    } else if (period.isValid()) {
        for (int y = period.startYear; y < period.endYear; ++y)
            years.append(y);
    }
    for (int ay : years) {
        for (const auto &d : days) {
            int year = d.year;
            if (year == 0 && !anyYear)
                year = yearInAcademicYear(d.month, ay);
            if (year == 0 && !windows.isEmpty()) // after a dated day: the next occurrence
                year = windows.last().to.month() <= d.month ? windows.last().to.year()
                                                            : windows.last().to.year() + 1;
            QDate day(year, d.month, 1);
            if (!day.isValid())
                continue;
            day = QDate(year, d.month, std::min(d.day, day.daysInMonth()));
            if (d.rangeEnd && !windows.isEmpty() && windows.last().from <= day)
                windows.last().to = day;
            else
                windows.append({day, day});
        }
    }
    return windows;
}

void finish(Deadline &d, QList<DateRange> windows) {
    std::sort(windows.begin(), windows.end(), [](const DateRange &a, const DateRange &b) {
        return a.from < b.from || (a.from == b.from && a.to < b.to);
    });
    windows.erase(std::unique(windows.begin(), windows.end()), windows.end());
    d.windows = windows;
    d.from = d.to = QDate();
    for (const auto &w : windows) {
        if (!d.from.isValid() || w.from < d.from)
            d.from = w.from;
        if (!d.to.isValid() || w.to > d.to)
            d.to = w.to;
    }
}

QList<DateRange> academicYearWindows(const AcademicPeriod &period) {
    QList<DateRange> windows;
    if (period.isValid())
        for (int y = period.startYear; y < period.endYear; ++y)
            windows.append(AcademicPeriod::academicYear(y).range());
    return windows;
}

bool anyYearWritten(const Scan &found) {
    if (!found.freeYears.isEmpty())
        return true;
    for (const auto &e : found.months)
        if (e.end.year != 0)
            return true;
    return std::any_of(found.days.begin(), found.days.end(),
                       [](const DayItem &day) { return day.year != 0; });
}

// How often the measure comes back, from its words and what was read of its dates.
DeadlineRecurrence recurrenceOf(const QString &s, const Deadline &d, const Scan &found,
                                const AcademicPeriod &period) {
    static const auto asNeeded = compiled({
        u"(по|при)\\s+(мере\\s+)?необходимост",
        u"\\bпо\\s+(мере\\s+)?(запрос|потребност|обращени)",
    });
    static const auto monthly =
        compiled({u"\\bежемесячн|\\bкажд\\w*\\s+месяц|\\bраз\\s+в\\s+месяц"});
    static const auto weekly = compiled({
        u"\\bеженедельн|\\bежедневн|\\bкажд\\w*\\s+(недел|день)|\\bраз\\s+в\\s+неделю",
    });
    static const auto quarterly = compiled({
        u"\\bежекварталн|\\bежеквартальн|\\bежечетвертн|\\b(раз\\s+в|кажд\\w*)\\s+(четверть|"
        u"квартал)",
    });
    static const auto schedule = compiled({
        u"график|\\bпо\\s+(отдельному\\s+)?плану|\\bсогласно\\s+план|"
        u"\\bв\\s+соответствии\\s+с\\s+план",
    });
    if (matchesAny(s, asNeeded))
        return DeadlineRecurrence::AsNeeded;
    if (matchesAny(s, monthly))
        return DeadlineRecurrence::Monthly;
    if (matchesAny(s, weekly))
        return DeadlineRecurrence::Weekly;
    if (matchesAny(s, quarterly))
        return DeadlineRecurrence::Quarterly;
    if (d.kind == DeadlineKind::Event) {
        if (matchesAny(s, schedule))
            return DeadlineRecurrence::BySchedule;
        return DeadlineRecurrence::OnEvent; // "по мере издания приказов", "по итогам ГИА"
    }
    if (d.yearly)
        return DeadlineRecurrence::Yearly;
    if (d.kind == DeadlineKind::WholePeriod) {
        // "В течение года по отдельному плану": all year, on a schedule of its own
        if (matchesAny(s, schedule))
            return DeadlineRecurrence::BySchedule;
        return DeadlineRecurrence::Continuous;
    }
    const bool dated = !found.months.isEmpty() || !found.days.isEmpty();
    if (dated && !anyYearWritten(found) && period.yearCount() > 1)
        return DeadlineRecurrence::Yearly; // "Август, ноябрь" in a plan of two academic years
    return DeadlineRecurrence::Once;
}

// Cuts each window into calendar months (monthly, weekly) or school quarters (quarterly).
QList<DateRange> cutWindows(const QList<DateRange> &windows, DeadlineRecurrence recurrence) {
    QList<DateRange> out;
    for (const DateRange &w : windows) {
        if (!w.isValid())
            continue;
        QDate start(w.from.year(), w.from.month(), 1);
        while (start <= w.to) {
            QDate end = start.addMonths(1).addDays(-1);
            if (recurrence == DeadlineRecurrence::Quarterly) {
                // school quarters: Sep–Oct, Nov–Dec, Jan–Mar, Apr–May; June–August is the summer
                const int m = start.month();
                const int last = m >= 9 ? (m <= 10 ? 10 : 12) : (m <= 3 ? 3 : (m <= 5 ? 5 : 8));
                const QDate lastMonth(start.year(), last, 1);
                end = lastMonth.addDays(lastMonth.daysInMonth() - 1);
                if (m >= 6 && m <= 8) { // summer: no quarter
                    start = end.addDays(1);
                    continue;
                }
            }
            out.append({std::max(start, w.from), std::min(end, w.to)});
            start = end.addDays(1);
        }
    }
    return out;
}

Deadline parseDates(const QString &text, const QString &s, const Scan &found,
                    const AcademicPeriod &period);

} // namespace

Deadline DeadlineParser::parse(const QString &text, const AcademicPeriod &period) {
    const QString s = normalised(text);
    if (s.isEmpty()) {
        Deadline d;
        d.text = text;
        return d;
    }
    const Scan found = scan(s);
    Deadline d = parseDates(text, s, found, period);
    d.recurrence = recurrenceOf(s, d, found, period);
    if (d.recurrence == DeadlineRecurrence::Monthly || d.recurrence == DeadlineRecurrence::Weekly ||
        d.recurrence == DeadlineRecurrence::Quarterly)
        finish(d, cutWindows(d.windows, d.recurrence));
    return d;
}

namespace {

Deadline parseDates(const QString &text, const QString &s, const Scan &found,
                    const AcademicPeriod &period) {
    Deadline d;
    d.text = text;
    d.yearly = isYearlyPhrase(s);

    if (isWholeYearPhrase(s)) {
        d.kind = DeadlineKind::WholePeriod;
        const auto [lo, hi] = std::minmax_element(found.freeYears.begin(), found.freeYears.end());
        if (lo != found.freeYears.end() && *lo < *hi) // "В течение 2023-2024 учебного года"
            finish(d, {{QDate(*lo, 9, 1), QDate(*hi, 8, 31)}});
        else if (d.yearly)
            finish(d, academicYearWindows(period));
        else if (period.isValid())
            finish(d, {period.range()});
        return d;
    }

    if (!found.months.isEmpty() || !found.days.isEmpty()) {
        QList<DateRange> windows = monthWindows(found.months, period);
        windows += dayWindows(found.days, period);
        if (found.months.isEmpty()) {
            d.kind = found.days.first().until ? DeadlineKind::ByDate : DeadlineKind::Date;
        } else if (!found.days.isEmpty() || found.months.size() > 1) {
            d.kind = DeadlineKind::MonthList;
        } else {
            const MonthEntry &e = found.months.first();
            d.kind = e.start.month == e.end.month && e.start.year == e.end.year
                         ? DeadlineKind::Month
                         : DeadlineKind::MonthRange;
        }
        finish(d, windows);
        return d;
    }

    if (isEventPhrase(s)) {
        d.kind = DeadlineKind::Event;
        d.yearly = false;
        return d;
    }
    if (isContinuousPhrase(s)) {
        d.kind = DeadlineKind::WholePeriod;
        if (d.yearly)
            finish(d, academicYearWindows(period));
        else if (period.isValid())
            finish(d, {period.range()});
        return d;
    }
    if (!found.freeYears.isEmpty()) {
        d.kind = DeadlineKind::WholePeriod;
        const auto [lo, hi] = std::minmax_element(found.freeYears.begin(), found.freeYears.end());
        if (*lo == *hi)
            finish(d, {{QDate(*lo, 1, 1), QDate(*lo, 12, 31)}});
        else
            finish(d, {{QDate(*lo, 9, 1), QDate(*hi, 8, 31)}});
        return d;
    }
    if (d.yearly) {
        d.kind = DeadlineKind::WholePeriod;
        finish(d, academicYearWindows(period));
        return d;
    }
    return d;
}

} // namespace

} // namespace objectivity::core
