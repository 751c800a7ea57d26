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

// A measure's deadline: the text exactly as written, and its interpretation against the plan's
// period.
struct Deadline {
    QString text; // always kept as written
    DeadlineKind kind = DeadlineKind::Unknown;
    bool yearly = false;      // "ежегодно": repeats in every academic year of the period
    QDate from;               // first day of the earliest window (null when none)
    QDate to;                 // last day of the latest window (null when none)
    QList<DateRange> windows; // every window in the period, in order

    bool hasDates() const { return from.isValid() && to.isValid(); }
    // Whether any window overlaps the given range (used by the «Сроки» view).
    bool fallsWithin(const DateRange &range) const;
    // The first window ending on or after `day`, or an invalid range.
    DateRange nextWindow(const QDate &day) const;

    // Stable code used in JSON and the database: "date", "by_date", "month", ...
    static QString kindCode(DeadlineKind kind);
    static DeadlineKind kindFromCode(const QString &code);
    // A short Russian description for the UI: «ежегодно, 01.08–30.09», «до 09.02.2024».
    QString describe() const;

    friend bool operator==(const Deadline &, const Deadline &) = default;
};

} // namespace objectivity::core
