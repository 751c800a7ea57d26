#pragma once
#include "objectivity/core/analysis/AnalysisReport.h"

#include <QList>
#include <QString>

namespace objectivity::gui {

// The overview of an analysis report: per municipality and per school, counted over the units
// that pass the filter (year, procedure, municipality). A school «with signs» of a kind has at
// least one unit flagged by a criterion of that kind (core::CriterionKind); «in the official
// list» means an imported list of flagged schools names it for a year of the filter (any year
// when the year is not filtered).
class AnalysisOverview {
public:
    struct Filter {
        int year = 0;         // 0 = every year
        int kind = -1;        // core::ProcedureKind as int; -1 = every procedure
        QString municipality; // empty = every municipality
    };
    struct MunicipalityRow {
        QString municipality;
        int schools = 0;     // schools with at least one unit analysed
        int withResults = 0; // schools with signs of kind Results
        int withCurrent = 0; // schools with signs of kind CurrentAssessment
        int official = 0;    // analysed schools in the official list
        double resultsShare() const { return schools > 0 ? 100.0 * withResults / schools : 0; }
        double currentShare() const { return schools > 0 ? 100.0 * withCurrent / schools : 0; }
        double officialShare() const { return schools > 0 ? 100.0 * official / schools : 0; }
    };
    struct SchoolRow {
        QString code, name, municipality;
        int resultsSigns = 0; // units with signs of kind Results (as SchoolSummary::markers)
        int currentSigns = 0; // units with signs of kind CurrentAssessment
        // Consecutive years with signs of kind Results: the longest run; with a year in the
        // filter, the run that ends at that year (0 when the school has none that year). Years
        // outside the filter count, the procedure and municipality filters apply. A report of
        // one year whose engine looked back (yearsInRowOverHistory) gives its schools' own
        // count.
        int yearsInRow = 0;
        QList<int> officialYears;
    };

    static AnalysisOverview compute(const core::AnalysisReport &report, const Filter &filter);
    // The municipalities a chart has room for: at most `limit`, the highest share of schools
    // with signs of non-objective results first (then of current assessment, more schools with
    // signs, the name).
    QList<MunicipalityRow> topByShare(int limit) const;

    QList<MunicipalityRow> municipalities; // by name; the total is not among them
    MunicipalityRow total;                 // municipality «Итого»
    QList<SchoolRow> schools; // every analysed school, most signs first (results, then current)
};

} // namespace objectivity::gui
