#include "objectivity/io/export/PlanTableLayout.h"

#include "objectivity/io/plan/PlanColumnClassifier.h"
#include "objectivity/io/plan/PlanTextRules.h"

using objectivity::core::ColumnRole;
using objectivity::core::PlanColumn;

namespace objectivity::io {

int PlanTableLayout::positionOf(ColumnRole role) const {
    for (int p = 0; p < columnAt.size(); ++p)
        if (columnAt[p] >= 0 && columns[columnAt[p]].role == role)
            return p;
    return -1;
}

ColumnRole PlanTableLayout::roleAt(int position) const {
    if (position < 0 || position >= columnAt.size() || columnAt[position] < 0)
        return ColumnRole::Note;
    return columns[columnAt[position]].role;
}

QString PlanTableLayout::headingAt(int position) const {
    if (position < 0 || position >= columnAt.size() || columnAt[position] < 0)
        return {};
    return columns[columnAt[position]].heading;
}

PlanTableLayout PlanTableLayout::fromHeader(const QStringList &cells) {
    PlanTableLayout layout;
    for (int p = 0; p < cells.size(); ++p) {
        const QString heading = PlanTextRules::oneLine(cells[p]);
        if (heading.isEmpty()) {
            layout.columnAt << -1;
            layout.unknownAt << false;
            continue;
        }
        const auto role = PlanColumnClassifier::role(heading);
        layout.columnAt << int(layout.columns.size());
        layout.unknownAt << !role.has_value();
        layout.columns.append(PlanColumn{role.value_or(ColumnRole::Note), heading});
        layout.width = p + 1;
    }
    return layout;
}

PlanTableLayout PlanTableLayout::byPosition(int width) {
    static const ColumnRole order[] = {ColumnRole::Number, ColumnRole::Measure,
                                       ColumnRole::Deadline, ColumnRole::Owners,
                                       ColumnRole::ExpectedResult};
    PlanTableLayout layout;
    for (int p = 0; p < width; ++p) {
        const ColumnRole role = p < 5 ? order[p] : ColumnRole::Note;
        layout.columnAt << p;
        layout.unknownAt << false;
        layout.columns.append(PlanColumn{role, PlanColumn::defaultHeading(role)});
    }
    layout.width = width;
    return layout;
}

} // namespace objectivity::io
