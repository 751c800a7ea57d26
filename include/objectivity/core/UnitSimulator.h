#pragma once
#include "objectivity/core/RegionPlan.h"

#include <QList>

namespace objectivity::core {

// Draws the results of one ВПР or ОГЭ unit (a school's grade in one procedure) from the students'
// abilities, then applies the manipulations planted in it. Each student has an own random stream,
// so a manipulation changes only what it targets.
class UnitSimulator {
public:
    explicit UnitSimulator(const RegionPlan &plan) : m_plan(plan) {}

    QList<ParticipantResult> simulate(const GeneratedSchool &school,
                                      const GeneratedProcedure &procedure,
                                      const QList<GeneratedStudent> &students) const;

    // Draws task points (with «not attempted» cells) for ability theta; returns the primary score.
    static int drawTasks(const GeneratedProcedure &procedure, double theta, Rng &rng,
                         QList<std::int8_t> *points);

private:
    const RegionPlan &m_plan;
};

} // namespace objectivity::core
