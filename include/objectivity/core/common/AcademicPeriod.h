#pragma once
#include "objectivity/core/common/DateRange.h"

#include <QString>

namespace objectivity::core {

// The period a plan covers, in academic years: 2023/24 .. 2024/25 is startYear=2023, endYear=2025.
// An academic year runs from 1 September of its first year to 31 August of the next.
struct AcademicPeriod {
    int startYear = 0; // calendar year of the first 1 September
    int endYear = 0;   // calendar year of the last 31 August

    bool isValid() const { return startYear > 0 && endYear > startYear; }
    QDate start() const { return QDate(startYear, 9, 1); }
    QDate end() const { return QDate(endYear, 8, 31); }
    DateRange range() const { return {start(), end()}; }
    int yearCount() const { return endYear - startYear; }

    // One academic year starting on 1 September of `year`.
    static AcademicPeriod academicYear(int year) { return {year, year + 1}; }
    // The academic year a day belongs to.
    static AcademicPeriod containing(const QDate &day);
    // "2023/24", or "2022/23–2023/24" for several years.
    QString toDisplayString() const;
    // Reads "2023-2024 учебный год", "2023/24", "на 2022- 2024 годы", "2023-2024 уч. году" from
    // free text.
    static AcademicPeriod fromText(const QString &text);
    // The same period moved by whole academic years (a copy of last year's plan).
    AcademicPeriod shifted(int years) const { return {startYear + years, endYear + years}; }

    friend bool operator==(const AcademicPeriod &, const AcademicPeriod &) = default;
};

} // namespace objectivity::core
