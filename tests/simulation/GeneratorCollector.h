#pragma once
// A RegionSink that keeps every generated unit in memory (small test regions only).
#include "objectivity/core/analysis/AnalysisDataset.h"
#include "objectivity/simulation/RegionSink.h"

#include <QHash>

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

    // Every collected unit as the analysis reads it from a database (procedures with their
    // scales, schools, participants — with their class when `withClasses`), finished.
    core::AnalysisDataset dataset(bool withClasses = true) const {
        core::AnalysisDataset data;
        QHash<QString, int> procs, schools;
        for (const CollectedUnit &u : units) {
            const core::Procedure &p = u.procedure.procedure;
            const QString pk = QStringLiteral("%1|%2|%3|%4")
                                   .arg(int(p.kind))
                                   .arg(p.year)
                                   .arg(p.grade)
                                   .arg(p.subject);
            if (!procs.contains(pk)) {
                procs.insert(pk, data.addProcedure(p));
                data.setScale(procs.value(pk), u.procedure.scale);
            }
            if (!schools.contains(u.school.school.code))
                schools.insert(u.school.school.code, data.addSchool(u.school.school));
            for (const core::ParticipantResult &r : u.rows) {
                core::ParticipantRow row;
                row.points = r.taskPoints.constData();
                row.pointCount = int(r.taskPoints.size());
                row.primary = r.primaryScore;
                row.mark = r.mark;
                row.testScore = r.testScore;
                row.journal = r.journalMark;
                row.annual = r.annualMark;
                row.medal = int(r.medal);
                data.addParticipant(procs.value(pk), schools.value(u.school.school.code), row,
                                    r.participantCode,
                                    withClasses ? r.className.toUtf8() : QByteArray());
            }
        }
        data.finish();
        return data;
    }
};

} // namespace objectivity::test
