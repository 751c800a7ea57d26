#pragma once
#include "objectivity/core/analysis/AnalysisReport.h"
#include "objectivity/core/analysis/CriterionKind.h"
#include "objectivity/io/export/AnalysisScope.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace objectivity::io {

// The figures the analysis documents print, counted once from an AnalysisReport within a scope:
// per municipality, per criterion and per school, the two kinds of sign always apart. Criteria,
// their titles and kinds come from the engine (the codes found in the report, in its order).
class AnalysisTotals {
public:
    struct Municipality {
        QString name; // empty for the whole region (`total`)
        int schools = 0;
        int schoolsWithResultsSigns = 0;
        int schoolsWithCurrentSigns = 0;
        int schoolsInOfficialList = 0;
        int units = 0;
        int unitsInsufficient = 0;
        int unitsWithResultsSigns = 0;
        int unitsWithCurrentSigns = 0;
        qint64 works = 0; // participants' works (a participant of two subjects counts twice)
        qint64 journalPairs = 0, lowered = 0, confirmed = 0, raised = 0;

        double share(qint64 part) const {
            return journalPairs > 0 ? 100.0 * part / journalPairs : 0;
        }
        double resultsShare() const {
            return schools > 0 ? 100.0 * schoolsWithResultsSigns / schools : 0;
        }
        double currentShare() const {
            return schools > 0 ? 100.0 * schoolsWithCurrentSigns / schools : 0;
        }
    };
    struct Criterion {
        QString code;
        QString title;
        core::CriterionKind kind = core::CriterionKind::Results;
        int tested = 0;   // units on which it was tested
        int findings = 0; // flagged findings (a unit may have several boundaries)
        int units = 0;    // units flagged by it
        int schools = 0;  // schools flagged by it
    };
    struct Finding {
        const core::UnitReport *unit = nullptr;
        const core::CriterionFinding *finding = nullptr;
    };
    struct School {
        QString code, name, municipality;
        int units = 0;
        qint64 works = 0;
        int resultsSigns = 0; // flagged findings of kind Results
        int currentSigns = 0;
        int yearsInRow = 0;
        QString official; // «2023: 3; 2024: 1» from the imported official lists
        QList<Finding> findings;
        bool flagged() const { return resultsSigns + currentSigns > 0; }
    };

    static AnalysisTotals compute(const core::AnalysisReport &report, const AnalysisScope &scope);

    Municipality total;
    QList<Municipality> municipalities; // by name
    QList<Criterion> criteria;          // in the engine's order
    QList<School> schools;              // by municipality, then name
    QList<Finding> findings;            // flagged, results first, then current assessment
    QList<int> years;
    QStringList procedures; // «ВПР», «ОГЭ»…
    QStringList subjects;
    int grades = 0;

    const School *school(const QString &code) const;
    int findingsOfKind(core::CriterionKind kind) const;
};

} // namespace objectivity::io
