#pragma once
#include "objectivity/core/plan/Plan.h"
#include "objectivity/core/plan/PlanDiffEntry.h"

#include <QList>

namespace objectivity::core {

// Two revisions (or any two plans) compared measure by measure. Ids differ between revisions, so
// measures are matched by their text: the same text first, then the most similar pairs (words in
// common, Dice coefficient) with a bonus for the same number, down to a similarity of 0.5 (0.3 for
// the same number). Unmatched measures of the first plan are removed, of the second added; matched
// ones with a different field are changed. Entries follow the second plan's order, removed ones
// after them.
class PlanDiff {
public:
    static PlanDiff compare(const Plan &before, const Plan &after);
    // Words in common (lower case, letters and digits) of two texts: 0…1.
    static double similarity(const QString &a, const QString &b);

    QList<PlanDiffEntry> entries;
    int count(PlanDiffEntry::Kind kind) const;
    bool isEmpty() const { return entries.isEmpty(); }
};

} // namespace objectivity::core
