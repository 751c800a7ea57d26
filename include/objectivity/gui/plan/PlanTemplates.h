#pragma once
#include "objectivity/core/plan/Plan.h"

#include <QStringList>

namespace objectivity::gui {

// Templates for a new plan, with measures typical of the real plans and owners named by role
// («Администрация ОО», «Заместитель директора по УВР», ...). Deadlines are read against the period.
class PlanTemplates {
public:
    enum class Kind { School, Municipal };
    static QList<Kind> all() { return {Kind::School, Kind::Municipal}; }
    static QString displayName(Kind kind);
    static core::Plan build(Kind kind, const core::Organization &organization,
                            const core::AcademicPeriod &period);
    // The owner roles the templates use (seed the staff directory).
    static QStringList roles();
};

} // namespace objectivity::gui
