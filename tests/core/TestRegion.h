#pragma once
// The pieces of the small regions the criterion tests build by hand: a ВПР 2024 procedure of ten
// two-point tasks and an ordinary school «s<N>». Each test fills in its own participants.
#include "objectivity/core/analysis/AnalysisDataset.h"

namespace objectivity::test {

// ВПР 2024, grade 6, `subject`, ten tasks of 2 points, all basic unless `advancedFrom` (tasks from
// that index on are of the advanced level).
inline core::Procedure vprProcedure(int id, const QString &subject, int advancedFrom = 10) {
    core::Procedure p;
    p.id = id;
    p.kind = core::ProcedureKind::VPR;
    p.year = 2024;
    p.grade = 6;
    p.subject = subject;
    for (int t = 0; t < 10; ++t)
        p.tasks.append({QString::number(t + 1), 2,
                        t < advancedFrom ? core::TaskLevel::Basic : core::TaskLevel::Advanced});
    return p;
}

// An ordinary school (СОШ) with id `id`, code and name «s<id>».
inline void addOrdinarySchool(core::AnalysisDataset &data, int id) {
    core::School school;
    school.id = id;
    school.code = QStringLiteral("s%1").arg(id);
    school.name = school.code;
    school.kind = core::SchoolKind::Sosh;
    data.addSchool(school);
}

// A work raised after its journal mark was given: one more point on each of the first `tasks` tasks
// that had less than their 2; returns the points added.
inline int raiseFirstTasks(core::ParticipantResult &r, int tasks) {
    int added = 0;
    for (int t = 0; t < tasks; ++t)
        if (r.taskPoints[t] < 2) {
            ++r.taskPoints[t];
            ++added;
        }
    return added;
}

} // namespace objectivity::test
