#pragma once
#include "objectivity/core/plan/Measure.h"

#include <QStringList>

namespace objectivity::core {

// One measure in the comparison of two revisions: added (only `after`), removed (only `before`) or
// changed (both, with the fields that differ: codes of PlanChange::fieldDisplayName).
struct PlanDiffEntry {
    enum class Kind { Added, Removed, Changed };
    Kind kind = Kind::Changed;
    Measure before;
    Measure after;
    QString sectionBefore; // section titles
    QString sectionAfter;
    QStringList fields;
    double similarity = 1.0; // of the texts, for a changed measure

    static QString kindCode(Kind kind); // "added", "removed", "changed"
    static QString kindDisplayName(Kind kind); // «добавлено», «удалено», «изменено»
};

} // namespace objectivity::core
