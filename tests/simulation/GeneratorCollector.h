#pragma once
// A RegionSink that keeps every generated unit in memory (small test regions only).
#include "objectivity/simulation/RegionSink.h"

#include <QList>

namespace objectivity::test {

struct CollectedUnit {
    simulation::GeneratedSchool school;
    simulation::GeneratedProcedure procedure;
    QList<core::ParticipantResult> rows;
};

class GeneratorCollector : public simulation::RegionSink {
public:
    void unit(const simulation::GeneratedSchool &school,
              const simulation::GeneratedProcedure &procedure,
              const QList<core::ParticipantResult> &rows) override {
        units << CollectedUnit{school, procedure, rows};
    }
    const CollectedUnit *find(const QString &code, int year, core::ProcedureKind kind, int grade,
                              const QString &subject) const {
        for (const CollectedUnit &u : units) {
            const core::Procedure &p = u.procedure.procedure;
            if (u.school.school.code == code && p.year == year && p.kind == kind &&
                p.grade == grade && p.subject == subject)
                return &u;
        }
        return nullptr;
    }
    QList<CollectedUnit> units;
};

} // namespace objectivity::test
