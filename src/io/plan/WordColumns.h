#pragma once
#include "objectivity/core/plan/PlanColumn.h"

#include <QList>
#include <QPair>

namespace objectivity::io {

// The columns of a table rebuilt from word positions: where they part, where their text starts,
// which cell of a row each is (WordColumnFinder finds them, WordRowAssembler fills rows).
struct WordColumns {
    bool ok = false;
    QList<double> bounds;              // bounds[i] separates column i and i+1
    QList<double> lefts;               // where the text of each column starts
    QList<QPair<double, double>> runs; // the header's columns: from, to
    // A column headed «№ Мероприятия» (the number column ran into the next one): the number a
    // line starts with is a cell of its own.
    int mergedNumber = -1;
    QList<core::ColumnRole> roles; // per cell of a row

    int count() const { return int(lefts.size()); }
    int cells() const { return count() + (mergedNumber >= 0 ? 1 : 0); }
    int at(double x) const {
        int c = 0;
        while (c < bounds.size() && x > bounds[c])
            ++c;
        return c;
    }
    int cellOf(int column) const {
        return mergedNumber >= 0 && column > mergedNumber ? column + 1 : column;
    }
    int numberCell() const { return int(roles.indexOf(core::ColumnRole::Number)); }
};

} // namespace objectivity::io
