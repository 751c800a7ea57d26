#pragma once
#include "objectivity/core/common/DateRange.h"

#include <QList>
#include <QString>

namespace objectivity::core {

// How a deadline written in Russian free text was understood.
enum class DeadlineKind {
    Unknown, // could not be interpreted; only the text is kept
    Date,    // an exact day: "30.11.2021"
    ByDate,  // no later than a day: "до 09.02.2024", "до 01 июля"
    Month,   // one month: "Март 2024 г.", "апрель"
    MonthRange, // a run of months: "Январь-май 2023", "Август-сентябрь ежегодно"
    MonthList, // separate months: "Июнь, август 2023", "Август, ноябрь"
    WholePeriod, // the whole period: "В течение года", "Весь период", "Постоянно"
    Event, // tied to an event, no dates: "По отдельному графику", "Согласно плану-графику ВПР"
};

// How often a measure comes back, read from the words of its deadline («ежемесячно», «по графику»).
// Monthly, weekly and quarterly deadlines get one window per month (weekly: marked per month) or
// per school quarter, so that their execution is marked window by window.
enum class DeadlineRecurrence {
    Once,    // one window, or separate windows with years written: "до 09.02.2024"
    Yearly,  // "ежегодно"; months without a year in a plan of several academic years
    Monthly, // "ежемесячно", "каждый месяц"
    Weekly, // "еженедельно", "ежедневно", "каждую неделю" (marked per month)
    Quarterly, // "ежеквартально", "раз в четверть", "каждую четверть" (school quarters)
    AsNeeded, // "по мере необходимости", "при необходимости", "по запросу": never overdue
    BySchedule, // "по графику", "согласно плану-графику", "в соответствии с планом работы"
    OnEvent, // "по итогам ГИА", "после проведения ВПР", "по мере издания приказов"
    Continuous, // "постоянно", "систематически", "в течение года"
};

// A measure's deadline: the text exactly as written, and its interpretation against the plan's
// period.
struct Deadline {
    QString text; // always kept as written
    DeadlineKind kind = DeadlineKind::Unknown;
    bool yearly = false;      // "ежегодно": repeats in every academic year of the period
    QDate from;               // first day of the earliest window (null when none)
    QDate to;                 // last day of the latest window (null when none)
    QList<DateRange> windows; // every window in the period, in order
    // How often it comes back (last, so that older brace initialisations keep their meaning).
    DeadlineRecurrence recurrence = DeadlineRecurrence::Once;

    bool hasDates() const { return from.isValid() && to.isValid(); }
    // Whether any window overlaps the given range (used by the «Сроки» view).
    bool fallsWithin(const DateRange &range) const;
    // The first window ending on or after `day`, or an invalid range.
    DateRange nextWindow(const QDate &day) const;

    // Stable code used in JSON and the database: "date", "by_date", "month", ...
    static QString kindCode(DeadlineKind kind);
    static DeadlineKind kindFromCode(const QString &code);
    static QString recurrenceCode(DeadlineRecurrence recurrence); // "once", "monthly", ...
    static DeadlineRecurrence recurrenceFromCode(const QString &code);
    // «однократно», «ежемесячно», «по мере необходимости», ...
    static QString recurrenceDisplayName(DeadlineRecurrence recurrence);
    // A window as a user names it: «август 2025», «сентябрь–октябрь 2023», «2023/24 уч. год»,
    // «01.07.2024», «15.03.2024–20.03.2024».
    static QString windowLabel(const DateRange &window);

    // A short Russian description for the UI: «ежегодно, 01.08–30.09», «до 09.02.2024».
    QString describe() const;

    friend bool operator==(const Deadline &, const Deadline &) = default;
};

} // namespace objectivity::core
