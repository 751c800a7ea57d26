#pragma once
// The analysis of a small generated region (simulation::RegionGenerator straight into a
// core::AnalysisDataset, no database): a real AnalysisReport with planted manipulations, for
// the tests of the analysis documents (workbook, «аналитическая справка»).
#include "objectivity/core/analysis/AnalysisEngine.h"
#include "objectivity/simulation/RegionGenerator.h"
#include "objectivity/simulation/RegionSink.h"

#include <QHash>

namespace objectivity::test {

class DatasetSink : public simulation::RegionSink {
public:
    void unit(const simulation::GeneratedSchool &school, const simulation::GeneratedProcedure &g,
              const QList<core::ParticipantResult> &rows) override {
        const core::Procedure &p = g.procedure;
        const QString key =
            QStringLiteral("%1|%2|%3|%4").arg(int(p.kind)).arg(p.year).arg(p.grade).arg(p.subject);
        if (!m_procedures.contains(key)) {
            m_procedures.insert(key, data.addProcedure(p));
            data.setScale(m_procedures.value(key), g.scale);
        }
        if (!m_schools.contains(school.school.code))
            m_schools.insert(school.school.code, data.addSchool(school.school));
        for (const core::ParticipantResult &r : rows) {
            core::ParticipantRow row;
            row.points = r.taskPoints.constData();
            row.pointCount = int(r.taskPoints.size());
            row.primary = r.primaryScore;
            row.mark = r.mark;
            row.testScore = r.testScore;
            row.journal = r.journalMark;
            row.annual = r.annualMark;
            row.medal = int(r.medal);
            data.addParticipant(m_procedures.value(key), m_schools.value(school.school.code), row,
                                r.participantCode);
        }
    }
    core::AnalysisDataset data;

private:
    QHash<QString, int> m_procedures, m_schools;
};

// 60 schools in 4 municipalities, 2023–2024, seed 7; analysed once per test program.
inline const core::AnalysisReport &generatedReport() {
    static const core::AnalysisReport report = [] {
        simulation::GeneratorOptions o;
        o.seed = 7;
        o.schools = 60;
        o.municipalities = 4;
        o.firstYear = 2023;
        o.lastYear = 2024;
        DatasetSink sink;
        simulation::RegionGenerator(o).run(sink);
        sink.data.finish();
        return core::AnalysisEngine::run(sink.data, core::AnalysisSettings());
    }();
    return report;
}

} // namespace objectivity::test
