#include "objectivity/core/analysis/JournalSchoolBaseline.h"

#include "objectivity/core/stats/RobustScale.h"

#include <algorithm>
#include <cmath>
#include <tuple>
#include <unordered_map>
#include <utility>

namespace objectivity::core {

namespace {

// Least-squares sums of the journal level y on the position x; add(…, −1) leaves a unit out.
struct LineSums {
    double n = 0, x = 0, y = 0, xx = 0, xy = 0, yy = 0;
    void add(double px, double py, double sign = 1) {
        n += sign;
        x += sign * px;
        y += sign * py;
        xx += sign * px * px;
        xy += sign * px * py;
        yy += sign * py * py;
    }
    // slope and its standard error (residual variance on n − 2 degrees of freedom); NaN with
    // fewer than 3 units or no spread of x
    std::pair<double, double> slope() const {
        const double sxx = xx - x * x / n, sxy = xy - x * y / n, syy = yy - y * y / n;
        if (n < 3 || !(sxx > 1e-12))
            return {std::nan(""), std::nan("")};
        const double b = sxy / sxx;
        const double residual = std::max(0.0, syy - b * sxy) / (n - 2);
        return {b, std::sqrt(residual / sxx)};
    }
};

// The median of sorted[0..n) without the element at `skip` (n ≥ 2): position p of the n − 1 left
// is p below `skip`, p + 1 from it on.
template <typename Value>
double medianWithout(const std::vector<std::size_t> &sorted, std::size_t skip, Value value) {
    const std::size_t m = sorted.size() - 1;
    auto at = [&](std::size_t p) { return value(sorted[p < skip ? p : p + 1]); };
    return m % 2 == 1 ? at(m / 2) : (at(m / 2 - 1) + at(m / 2)) / 2;
}

} // namespace

JournalSchoolBaseline::Entry JournalSchoolBaseline::entryOf(int school,
                                                            const JournalSpread::Counts &counts,
                                                            const JournalSpread &spread) {
    return {school,
            spread.expected(counts.position) - counts.shift(),
            counts.journalMean() - spread.journalMean,
            counts.pairs > 0 ? spread.diffVar / counts.pairs : 0,
            counts.position,
            -1};
}

JournalSchoolBaseline JournalSchoolBaseline::of(const std::vector<Entry> &entries, int minOthers) {
    JournalSchoolBaseline b;
    b.m_entries = entries;
    b.m_within.resize(entries.size());
    std::unordered_map<int, std::vector<std::size_t>> bySchool;
    for (std::size_t i = 0; i < entries.size(); ++i)
        bySchool[entries[i].school].push_back(i);
    std::vector<double> differences, variances;
    std::vector<std::size_t> byResidual, byLevel, byPosition;
    std::vector<double> cohortPositions, schoolSlopes;
    for (const auto &[school, members] : bySchool) {
        const int others = static_cast<int>(members.size()) - 1;
        for (const std::size_t i : members)
            b.m_within[i].others = others;
        if (others < std::max(1, minOthers))
            continue;
        // each member's rank in the school's sorted residuals and levels: the median of the others
        // is read off the sorted list without the member (a school of 300 classes: no 300 copies)
        byResidual = members;
        byLevel = members;
        byPosition = members;
        std::sort(byResidual.begin(), byResidual.end(), [&](std::size_t x, std::size_t y) {
            return entries[x].residual < entries[y].residual;
        });
        std::sort(byLevel.begin(), byLevel.end(), [&](std::size_t x, std::size_t y) {
            return entries[x].level < entries[y].level;
        });
        std::sort(byPosition.begin(), byPosition.end(), [&](std::size_t x, std::size_t y) {
            return entries[x].position < entries[y].position;
        });
        LineSums line;
        for (const std::size_t i : members)
            line.add(entries[i].position, entries[i].level);
        if (const double slope = line.slope().first; std::isfinite(slope))
            schoolSlopes.push_back(slope);
        std::unordered_map<std::size_t, std::size_t> residualRank, levelRank, positionRank;
        for (std::size_t r = 0; r < members.size(); ++r) {
            residualRank[byResidual[r]] = r;
            levelRank[byLevel[r]] = r;
            positionRank[byPosition[r]] = r;
        }
        for (const std::size_t i : members) {
            Within &w = b.m_within[i];
            w.available = true;
            LineSums others = line;
            others.add(entries[i].position, entries[i].level, -1);
            std::tie(w.levelSlope, w.levelSlopeSe) = others.slope();
            w.baseline = medianWithout(byResidual, residualRank[i],
                                       [&](std::size_t j) { return entries[j].residual; });
            w.levelBaseline = medianWithout(byLevel, levelRank[i],
                                            [&](std::size_t j) { return entries[j].level; });
            w.positionBaseline = medianWithout(byPosition, positionRank[i],
                                               [&](std::size_t j) { return entries[j].position; });
            // the same pupils' other subjects (a handful): a cohort stronger than the school's
            // usual is stronger in all of them
            cohortPositions.clear();
            if (entries[i].cohort >= 0)
                for (const std::size_t j : members)
                    if (j != i && entries[j].cohort == entries[i].cohort)
                        cohortPositions.push_back(entries[j].position);
            w.cohortOthers = static_cast<int>(cohortPositions.size());
            if (!cohortPositions.empty())
                w.cohortPositionBaseline = RobustScale::median(cohortPositions);
            w.difference = entries[i].residual - w.baseline;
            differences.push_back(w.difference);
            variances.push_back(entries[i].samplingVariance);
        }
    }
    if (!schoolSlopes.empty())
        b.m_levelSlope = RobustScale::median(std::move(schoolSlopes));
    b.m_units = static_cast<int>(differences.size());
    if (b.m_units < kMinUnits)
        return b;
    b.m_centre = RobustScale::median(differences);
    std::vector<double> lenientSide, strictSide;
    for (const double d : differences) { // the centre's own units on both sides
        if (d >= b.m_centre)
            lenientSide.push_back(d - b.m_centre);
        if (d <= b.m_centre)
            strictSide.push_back(b.m_centre - d);
    }
    b.m_scale = 1.4826 * RobustScale::median(std::move(lenientSide));
    b.m_strictScale = 1.4826 * RobustScale::median(std::move(strictSide));
    const double v = RobustScale::median(std::move(variances));
    b.m_withinSd = std::sqrt(std::max(0.0, b.m_scale * b.m_scale - v));
    b.m_strictWithinSd = std::sqrt(std::max(0.0, b.m_strictScale * b.m_strictScale - v));
    return b;
}

QString JournalSchoolBaseline::whyNotTested(int entry, int minOthers) const {
    if (entry < 0 || !m_within[static_cast<std::size_t>(entry)].available)
        return QStringLiteral("не проверялось: у школы других процедур с отметками по журналу %1, "
                              "нужно не меньше %2")
            .arg(entry < 0 ? 0 : m_within[static_cast<std::size_t>(entry)].others)
            .arg(minOthers);
    if (!valid())
        return QStringLiteral("не проверялось: процедур, которые можно сравнить с другими "
                              "процедурами своей школы, в регионе %1, нужно не меньше %2")
            .arg(m_units)
            .arg(kMinUnits);
    return {};
}

double JournalSchoolBaseline::standardised(std::size_t entry, double withinSd, double sign) const {
    if (!valid() || entry >= m_within.size() || !m_within[entry].available)
        return std::nan("");
    const double sd = std::sqrt(withinSd * withinSd + m_entries[entry].samplingVariance);
    return sd > 0 ? sign * (m_within[entry].difference - m_centre) / sd : std::nan("");
}

double JournalSchoolBaseline::zStrict(std::size_t entry) const {
    return m_strictScale > 0 ? standardised(entry, m_strictWithinSd, -1) : std::nan("");
}

double JournalSchoolBaseline::tStrict(std::size_t entry) const {
    return m_strictScale > 0 ? standardised(entry, 0, -1) : std::nan("");
}

double JournalSchoolBaseline::z(std::size_t entry) const {
    return standardised(entry, m_withinSd, 1);
}

double JournalSchoolBaseline::t(std::size_t entry) const {
    return standardised(entry, 0, 1);
}

} // namespace objectivity::core
