#pragma once
#include "objectivity/core/analysis/AnalysisReport.h"

#include <QList>
#include <QSet>

#include <functional>

namespace objectivity::core {

// Runs of consecutive years with signs («лет подряд»): the engine's school summaries, the
// history of a run for one year and the window's overview count them the same way.
class YearsInRow {
public:
    // The longest run of consecutive years among `years` (any order, repeats allowed; 0 if none).
    static int longest(QList<int> years);
    // The run of consecutive years among `years` that ends at `year` (0 if `year` is not there).
    static int endingAt(const QSet<int> &years, int year);

    // A run for `year` (`report`) looks back: SchoolSummary::yearsInRow becomes the run of years
    // with signs of results that ends at `year`, each earlier year as `runYear(y)` — a run for
    // that year on its own, with its own correction — finds its schools. Earlier years are run
    // while some school has had signs every year since and `years` (the data's) has them; a
    // cancelled one cancels `report`. Sets AnalysisReport::yearsInRowOverHistory.
    static void countBack(AnalysisReport &report, int year, const QSet<int> &years,
                          const std::function<AnalysisReport(int year)> &runYear);
};

} // namespace objectivity::core
