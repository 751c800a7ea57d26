#include "objectivity/gui/analysis/AnalysisOverview.h"

#include "objectivity/core/analysis/CriterionKind.h"
#include "objectivity/core/analysis/YearsInRow.h"

#include <QHash>
#include <QMap>
#include <QSet>

#include <algorithm>

namespace objectivity::gui {

AnalysisOverview AnalysisOverview::compute(const core::AnalysisReport &report,
                                           const Filter &filter) {
    QMap<QString, SchoolRow> schools; // by code
    // The years with signs come from every year: a year chosen in the filter still shows how
    // many years running up to it the school has had signs.
    QHash<QString, QSet<int>> yearsWithSigns;
    for (const auto &u : report.units) {
        if ((filter.kind >= 0 && static_cast<int>(u.kind) != filter.kind) ||
            (!filter.municipality.isEmpty() && u.municipality != filter.municipality))
            continue;
        for (const auto &f : u.findings)
            if (f.flagged && f.kind() == core::CriterionKind::Results) {
                yearsWithSigns[u.schoolCode].insert(u.year);
                break;
            }
        if (filter.year && u.year != filter.year)
            continue;
        SchoolRow &s = schools[u.schoolCode];
        s.code = u.schoolCode;
        s.name = u.schoolName;
        s.municipality = u.municipality;
        bool results = false, current = false;
        for (const auto &f : u.findings)
            if (f.flagged)
                (f.kind() == core::CriterionKind::Results ? results : current) = true;
        s.resultsSigns += results ? 1 : 0;
        s.currentSigns += current ? 1 : 0;
    }
    QHash<QString, const core::SchoolSummary *> summaries;
    for (const auto &s : report.schools)
        summaries.insert(s.schoolCode, &s);
    AnalysisOverview o;
    QMap<QString, MunicipalityRow> byName;
    o.total.municipality = QStringLiteral("Итого");
    for (auto it = schools.begin(); it != schools.end(); ++it) {
        SchoolRow &row = *it;
        const QSet<int> withSigns = yearsWithSigns.value(row.code);
        const core::SchoolSummary *summary = summaries.value(row.code);
        if (report.yearsInRowOverHistory) {
            // a run for one year: the engine counted the years before it
            row.yearsInRow = row.resultsSigns > 0 && summary ? summary->yearsInRow : 0;
        } else {
            // with a year chosen, the run of years with signs that ends at it
            row.yearsInRow = filter.year ? core::YearsInRow::endingAt(withSigns, filter.year)
                                         : core::YearsInRow::longest(withSigns.values());
        }
        if (summary)
            for (auto y = summary->officialByYear.cbegin(); y != summary->officialByYear.cend();
                 ++y)
                if (!filter.year || y.key() == filter.year)
                    row.officialYears << y.key();
        MunicipalityRow &m = byName[row.municipality];
        m.municipality = row.municipality;
        for (MunicipalityRow *r : {&m, &o.total}) {
            ++r->schools;
            r->withResults += row.resultsSigns > 0 ? 1 : 0;
            r->withCurrent += row.currentSigns > 0 ? 1 : 0;
            r->official += row.officialYears.isEmpty() ? 0 : 1;
        }
        o.schools << row;
    }
    o.municipalities = byName.values();
    std::stable_sort(o.schools.begin(), o.schools.end(), [](const auto &a, const auto &b) {
        return std::make_tuple(-a.resultsSigns, -a.yearsInRow, -a.currentSigns, a.code) <
               std::make_tuple(-b.resultsSigns, -b.yearsInRow, -b.currentSigns, b.code);
    });
    return o;
}

QList<AnalysisOverview::MunicipalityRow> AnalysisOverview::topByShare(int limit) const {
    QList<MunicipalityRow> rows = municipalities;
    // shares compared exactly, as fractions of whole numbers: a/b − c/d has the sign of a·d − c·b
    std::stable_sort(rows.begin(), rows.end(), [](const auto &x, const auto &y) {
        const qint64 xs = std::max(1, x.schools), ys = std::max(1, y.schools);
        if (const qint64 d = x.withResults * ys - y.withResults * xs; d != 0)
            return d > 0;
        if (const qint64 d = x.withCurrent * ys - y.withCurrent * xs; d != 0)
            return d > 0;
        if (x.withResults != y.withResults)
            return x.withResults > y.withResults;
        return x.municipality < y.municipality;
    });
    if (rows.size() > limit)
        rows.resize(std::max(0, limit));
    return rows;
}

} // namespace objectivity::gui
