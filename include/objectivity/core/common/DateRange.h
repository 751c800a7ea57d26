#pragma once
#include <QDate>

namespace objectivity::core {

// An inclusive range of calendar days [from, to].
struct DateRange {
    QDate from;
    QDate to;

    bool isValid() const { return from.isValid() && to.isValid() && from <= to; }
    bool contains(const QDate &day) const { return isValid() && day >= from && day <= to; }
    bool overlaps(const DateRange &other) const {
        return isValid() && other.isValid() && from <= other.to && other.from <= to;
    }
    friend bool operator==(const DateRange &, const DateRange &) = default;
};

} // namespace objectivity::core
