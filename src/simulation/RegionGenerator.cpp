#include "objectivity/simulation/RegionGenerator.h"

#include "objectivity/simulation/EgeSimulator.h"
#include "objectivity/simulation/UnitSimulator.h"

namespace objectivity::simulation {

RegionGenerator::Summary RegionGenerator::run(RegionSink &sink) const {
    Summary summary;
    const UnitSimulator units(m_plan);
    const EgeSimulator ege(m_plan);
    const GeneratorOptions &opt = m_plan.options();
    for (int year = opt.firstYear; year <= opt.lastYear; ++year) {
        const QList<GeneratedProcedure> &procedures = m_plan.procedures(year);
        for (const GeneratedSchool &school : m_plan.schools()) {
            if (sink.cancelled()) {
                summary.cancelled = true;
                return summary;
            }
            sink.beginSchoolYear(school, year);
            QList<const GeneratedProcedure *> egeProcedures;
            for (const GeneratedProcedure &g : procedures) {
                if (!school.hasGrade(g.procedure.grade))
                    continue;
                if (g.procedure.kind == core::ProcedureKind::EGE) {
                    egeProcedures << &g;
                    continue;
                }
                const QList<core::ParticipantResult> rows =
                    units.simulate(school, g, m_plan.students(school, year, g.procedure.grade));
                if (rows.isEmpty())
                    continue;
                sink.unit(school, g, rows);
                summary.rows += rows.size();
                ++summary.units;
            }
            if (!egeProcedures.isEmpty()) {
                const auto lists =
                    ege.simulate(school, egeProcedures, m_plan.students(school, year, 11));
                for (int i = 0; i < egeProcedures.size(); ++i) {
                    if (lists.at(i).isEmpty())
                        continue;
                    sink.unit(school, *egeProcedures.at(i), lists.at(i));
                    summary.rows += lists.at(i).size();
                    ++summary.units;
                }
            }
            sink.endSchoolYear(school, year);
        }
    }
    return summary;
}

} // namespace objectivity::simulation
