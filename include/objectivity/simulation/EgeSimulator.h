#pragma once
#include "objectivity/simulation/SimulatedRegion.h"

#include <QList>

namespace objectivity::simulation {

// Draws a school's grade-11 ЕГЭ in one year: who takes which subject (Русский язык always,
// electives by ability), test scores, annual marks, and medals by the rules of the year
// (MedalRules). With the medals_unsupported manipulation, medals also go to students whose ЕГЭ
// scores do not support them.
class EgeSimulator {
public:
    explicit EgeSimulator(const SimulatedRegion &plan) : m_plan(plan) {}

    // One list of rows per given procedure (all of them ЕГЭ procedures of the same year).
    QList<QList<core::ParticipantResult>>
    simulate(const GeneratedSchool &school, const QList<const GeneratedProcedure *> &procedures,
             const QList<GeneratedStudent> &students) const;

private:
    const SimulatedRegion &m_plan;
};

} // namespace objectivity::simulation
