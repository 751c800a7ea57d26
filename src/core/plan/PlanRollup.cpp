#include "objectivity/core/plan/PlanRollup.h"

#include "objectivity/core/plan/ExecutionReport.h"

#include <QCollator>
#include <QHash>
#include <QLocale>

#include <algorithm>

namespace objectivity::core {

RollupState PlanRollup::stateOf(const Measure &copy, const QDate &date, const QDate &floor) {
    int windowsDone = 0;
    if (copy.isMarkedPerWindow()) {
        for (const DateRange &w : copy.deadline.windows)
            windowsDone += copy.windowStatus(w) == MeasureStatus::Done ? 1 : 0;
        if (windowsDone == copy.deadline.windows.size())
            return RollupState::Done;
    } else if (copy.status == MeasureStatus::Done) {
        return RollupState::Done;
    }
    if (copy.status == MeasureStatus::NotDone || ExecutionReport::isOverdue(copy, date, floor))
        return RollupState::Overdue;
    if (copy.status == MeasureStatus::InProgress || copy.status == MeasureStatus::Postponed ||
        windowsDone > 0 || copy.status == MeasureStatus::Done) // some windows reopened
        return RollupState::InProgress;
    return RollupState::NotStarted;
}

QString PlanRollup::MeasureRow::overdueSchoolsText(int max) const {
    if (overdueSchools.size() <= max)
        return overdueSchools.join(QStringLiteral(", "));
    return QStringList(overdueSchools.mid(0, max)).join(QStringLiteral(", ")) +
           QStringLiteral(" и ещё %1").arg(overdueSchools.size() - max);
}

PlanRollup PlanRollup::build(const Plan &municipal, const QList<RollupCopy> &copies,
                             const QDate &date) {
    PlanRollup rollup;
    rollup.date = date;

    // Plan order of the municipal measures.
    QHash<qint64, qsizetype> measureRow;
    QList<MeasureRow> all;
    for (const Section &section : municipal.sections)
        for (const Measure &m : section.measures) {
            MeasureRow row;
            row.measureId = m.id;
            row.sectionNumber = section.number;
            row.number = m.number;
            row.text = m.text;
            row.deadline = m.deadline.text;
            measureRow.insert(m.id, all.size());
            all.append(row);
        }

    QHash<qint64, qsizetype> schoolRow;
    QHash<qint64, QList<qsizetype>> overdueBySchool; // school → measure rows
    for (const RollupCopy &copy : copies) {
        const auto m = measureRow.constFind(copy.municipalMeasureId);
        if (m == measureRow.constEnd())
            continue;
        const RollupState state = stateOf(copy.measure, date, copy.overdueFloor);
        MeasureRow &mr = all[*m];
        mr.counts.add(state);
        if (state == RollupState::Overdue)
            mr.overdueSchools << copy.schoolName;

        auto s = schoolRow.constFind(copy.schoolId);
        if (s == schoolRow.constEnd()) {
            SchoolRow row;
            row.schoolId = copy.schoolId;
            row.name = copy.schoolName;
            row.code = copy.schoolCode;
            row.planId = copy.planId;
            row.planTitle = copy.planTitle;
            s = schoolRow.insert(copy.schoolId, rollup.schools.size());
            rollup.schools.append(row);
        }
        rollup.schools[*s].counts.add(state);
        if (state == RollupState::Overdue)
            overdueBySchool[copy.schoolId].append(*m);
        rollup.totals.add(state);
    }

    QCollator collator(QLocale(QLocale::Russian, QLocale::Russia));
    collator.setNumericMode(true);
    for (MeasureRow &row : all) {
        if (row.counts.total == 0)
            continue;
        std::sort(row.overdueSchools.begin(), row.overdueSchools.end(),
                  [&](const QString &a, const QString &b) { return collator.compare(a, b) < 0; });
        rollup.measures.append(row);
    }
    for (SchoolRow &row : rollup.schools) {
        QList<qsizetype> rows = overdueBySchool.value(row.schoolId);
        std::sort(rows.begin(), rows.end());
        for (qsizetype i : rows)
            row.overdueMeasures << all.at(i).number;
    }
    std::stable_sort(rollup.schools.begin(), rollup.schools.end(),
                     [&](const SchoolRow &a, const SchoolRow &b) {
                         return collator.compare(a.name, b.name) < 0;
                     });
    return rollup;
}

} // namespace objectivity::core
