#include "shell/CoreBridge.h"

#include "objectivity/core/plan/DeadlineParser.h"

#if __has_include("objectivity/core/plan/PlanNumbering.h")
#include "objectivity/core/plan/PlanNumbering.h"
#define OBJECTIVITY_HAVE_PLAN_NUMBERING 1
#endif
#if __has_include("objectivity/core/plan/PlanOperations.h")
#include "objectivity/core/plan/PlanOperations.h"
#define OBJECTIVITY_HAVE_PLAN_OPERATIONS 1
#endif

namespace objectivity::gui {

namespace {
[[maybe_unused]] void clearAllIds(core::Plan &plan) {
    plan.id = 0;
    for (auto &s : plan.sections) {
        s.id = 0;
        for (auto &m : s.measures)
            m.id = 0;
    }
}
} // namespace

#ifdef OBJECTIVITY_HAVE_PLAN_NUMBERING
void renumberPlan(core::Plan &plan) {
    core::PlanNumbering::renumber(plan);
}
#else
// Interim numbering until core::PlanNumbering lands: sections "1.", measures "1.1.".
void renumberPlan(core::Plan &plan) {
    for (int s = 0; s < plan.sections.size(); ++s) {
        auto &section = plan.sections[s];
        section.number = QString::number(s + 1) + QLatin1Char('.');
        for (int m = 0; m < section.measures.size(); ++m)
            section.measures[m].number = QStringLiteral("%1.%2.").arg(s + 1).arg(m + 1);
    }
}
#endif

#ifdef OBJECTIVITY_HAVE_PLAN_OPERATIONS
core::Plan revisionOf(const core::Plan &approved) {
    return core::PlanOperations::makeRevision(approved);
}
core::Plan nextYearCopyOf(const core::Plan &plan) {
    return core::PlanOperations::copyToNextAcademicYear(plan);
}
#else
core::Plan revisionOf(const core::Plan &approved) {
    core::Plan p = approved;
    clearAllIds(p);
    p.status = core::PlanStatus::Draft;
    p.approval = {};
    p.parentPlanId = approved.id;
    p.revision = approved.revision + 1;
    return p;
}
core::Plan nextYearCopyOf(const core::Plan &plan) {
    core::Plan p = plan;
    clearAllIds(p);
    p.status = core::PlanStatus::Draft;
    p.approval = {};
    p.parentPlanId = 0;
    p.revision = 1;
    p.period = plan.period.shifted(1);
    for (auto &s : p.sections)
        for (auto &m : s.measures) {
            m.deadline = core::DeadlineParser::parse(m.deadline.text, p.period);
            m.status = core::MeasureStatus::Planned;
            m.completionDate = {};
            m.note.clear();
            m.windowMarks.clear();
        }
    return p;
}
#endif

} // namespace objectivity::gui
