#pragma once
#include "objectivity/simulation/SimulatedRegion.h"

#include <QList>

namespace objectivity::simulation {

// Draws the results of one ВПР or ОГЭ unit (a school's grade in one procedure) from the students'
// abilities, then applies the manipulations planted in it. Each student has an own random stream,
// so a manipulation changes only what it targets.
class UnitSimulator {
public:
    explicit UnitSimulator(const SimulatedRegion &plan) : m_plan(plan) {}

    QList<core::ParticipantResult> simulate(const GeneratedSchool &school,
                                            const GeneratedProcedure &procedure,
                                            const QList<GeneratedStudent> &students) const;

    // Draws task points (with «not attempted» cells) for ability theta, each task's ability moved
    // by its offset in taskOffsets when given (the class teacher's profile); returns the primary
    // score.
    static int drawTasks(const GeneratedProcedure &procedure, double theta, Rng &rng,
                         QList<std::int8_t> *points, const QList<double> *taskOffsets = nullptr);

private:
    const SimulatedRegion &m_plan;
};

} // namespace objectivity::simulation
