#include "objectivity/core/analysis/YearsInRow.h"

#include <QHash>

#include <algorithm>

namespace objectivity::core {

int YearsInRow::longest(QList<int> years) {
    std::sort(years.begin(), years.end());
    int run = 0, best = 0;
    for (qsizetype i = 0; i < years.size(); ++i) {
        if (i > 0 && years[i] == years[i - 1])
            continue;
        run = i > 0 && years[i] == years[i - 1] + 1 ? run + 1 : 1;
        best = std::max(best, run);
    }
    return best;
}

int YearsInRow::endingAt(const QSet<int> &years, int year) {
    int run = 0;
    while (years.contains(year - run))
        ++run;
    return run;
}

void YearsInRow::countBack(AnalysisReport &report, int year, const QSet<int> &years,
                           const std::function<AnalysisReport(int year)> &runYear) {
    // each school with signs in `year`, and the years it had them running back from it
    QHash<QString, QSet<int>> signedYears;
    for (const SchoolSummary &s : report.schools)
        if (s.markers > 0)
            signedYears[s.schoolCode].insert(year);
    auto goesOn = [&](int earlier) {
        return std::any_of(signedYears.cbegin(), signedYears.cend(),
                           [&](const QSet<int> &y) { return endingAt(y, year) == year - earlier; });
    };
    for (int earlier = year - 1; years.contains(earlier) && goesOn(earlier); --earlier) {
        const AnalysisReport before = runYear(earlier);
        if (before.cancelled) {
            report.cancelled = true;
            report.units.clear();
            return;
        }
        for (const SchoolSummary &s : before.schools)
            if (s.markers > 0 && signedYears.contains(s.schoolCode))
                signedYears[s.schoolCode].insert(earlier);
    }
    report.yearsInRowOverHistory = years.contains(year - 1);
    for (SchoolSummary &s : report.schools)
        s.yearsInRow = endingAt(signedYears.value(s.schoolCode), year);
}

} // namespace objectivity::core
