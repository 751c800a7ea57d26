#pragma once
#include "objectivity/core/plan/PlanColumn.h"

#include <QList>
#include <QStringList>

namespace objectivity::io {

// The columns of a plan's table as its header row defines them: the role of each cell position and
// the headings exactly as written, in the document's order.
struct PlanTableLayout {
    QList<core::PlanColumn> columns; // one per recognised or unknown heading, document order
    QList<int> columnAt;   // per cell position: index into `columns`, -1 for an empty heading
    QList<bool> unknownAt; // per cell position: the heading had no recognisable role
    int width = 0;         // cell positions up to the last heading

    // The first cell position holding a role, or -1.
    int positionOf(core::ColumnRole role) const;
    // The role of a cell position; Note for positions beyond the header or with an empty heading.
    core::ColumnRole roleAt(int position) const;
    QString headingAt(int position) const;
    bool hasHeading(int position) const {
        return position < columnAt.size() && columnAt[position] >= 0;
    }

    static PlanTableLayout fromHeader(const QStringList &cells);
    // For a table without a header row: №, Мероприятия, Сроки, Ответственные, Ожидаемый результат,
    // then notes, for `width` positions.
    static PlanTableLayout byPosition(int width);
};

} // namespace objectivity::io
