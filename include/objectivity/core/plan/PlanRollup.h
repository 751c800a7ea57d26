#pragma once
#include "objectivity/core/plan/Plan.h"
#include "objectivity/core/plan/RollupCopy.h"
#include "objectivity/core/plan/RollupCounts.h"

#include <QDate>
#include <QList>

namespace objectivity::core {

// The roll-up («свод по школам») of a municipal plan on a date: per municipal measure, how many
// schools have it (linked copies) and how many of them have done it, are at it, are overdue or have
// not started; per school, its linked measures by state and the share done.
class PlanRollup {
public:
    struct MeasureRow {
        qint64 measureId = 0;
        QString sectionNumber;
        QString number;
        QString text;
        QString deadline; // as written
        RollupCounts counts;
        QStringList overdueSchools; // names, sorted
        // The names joined for a printed cell: at most `max`, then «и ещё N» (a department of a
        // hundred schools must not get a page-long cell).
        QString overdueSchoolsText(int max = 10) const;
    };
    struct SchoolRow {
        qint64 schoolId = 0;
        QString name;
        QString code;
        qint64 planId = 0;
        QString planTitle;
        RollupCounts counts;
        QStringList overdueMeasures; // numbers of the municipal measures, in plan order
    };

    // `copies` may come in any order; a copy of a measure the plan does not hold is ignored.
    static PlanRollup build(const Plan &municipal, const QList<RollupCopy> &copies,
                            const QDate &date);
    // The state of one school's copy on `date`.
    static RollupState stateOf(const Measure &copy, const QDate &date, const QDate &floor = {});

    QDate date;
    QList<MeasureRow> measures; // measures of the plan with at least one copy, in plan order
    QList<SchoolRow> schools;   // by name
    RollupCounts totals;        // every copy
};

} // namespace objectivity::core
