#pragma once
#include "objectivity/core/plan/Approval.h"
#include "objectivity/core/plan/Measure.h"
#include "objectivity/core/plan/Plan.h"
#include "objectivity/core/plan/PlanChange.h"

#include <QList>

namespace objectivity::core {

// The field-level changes between two states of the same plan, matched by id (a section or measure
// with id 0 or an id the earlier state lacks is new). Pure: who and when are filled in by storage.
class PlanChangeLog {
public:
    static QList<PlanChange> between(const Plan &before, const Plan &after);
    // Only the changes of one measure (same id).
    static QList<PlanChange> measureChanges(const Measure &before, const Measure &after);

    // The texts history and diff show for a value.
    static QString ownersText(const QStringList &owners);
    static QString dateText(const QDate &date);
    static QString orderText(const Approval &approval); // «№ 149 от 01.07.2022»
    static QString measureTarget(const Measure &measure);
    // «август 2025 — выполнено 25.08.2025; ноябрь 2025 — запланировано»
    static QString windowMarksText(const QList<WindowMark> &marks);
};

} // namespace objectivity::core
