#include "objectivity/core/analysis/JournalSpread.h"

#include <algorithm>
#include <cmath>

namespace objectivity::core {

namespace {
double median(std::vector<double> v) {
    if (v.empty())
        return 0;
    const std::size_t h = v.size() / 2;
    std::nth_element(v.begin(), v.begin() + static_cast<std::ptrdiff_t>(h), v.end());
    const double upper = v[h];
    if (v.size() % 2)
        return upper;
    const double lower = *std::max_element(v.begin(), v.begin() + static_cast<std::ptrdiff_t>(h));
    return (lower + upper) / 2;
}
} // namespace

JournalSpread::Counts JournalSpread::countsOf(const UnitAccumulator &acc) {
    // as UnitMetrics counts them
    Counts c;
    c.pairs = acc.journalPairs;
    for (int mark = 2; mark <= 5; ++mark)
        for (int j = 2; j <= 5; ++j) {
            const int n = acc.journalTable[mark * 6 + j];
            if (mark > j)
                c.raised += n;
            else if (mark < j)
                c.lowered += n;
            c.journalSum += double(n) * j;
            c.journalSumSq += double(n) * j * j;
        }
    return c;
}

double JournalSpread::samplingVariance(double pRaised, double pLowered, int pairs) {
    if (pairs <= 0)
        return 0;
    const double d = pRaised - pLowered;
    return std::max(0.0, pRaised + pLowered - d * d) / pairs;
}

JournalSpread JournalSpread::of(const std::vector<Counts> &schools) {
    JournalSpread s;
    s.schools = static_cast<int>(schools.size());
    if (schools.empty())
        return s;
    std::vector<double> shifts, variances;
    double mx = 0, my = 0;
    double jn = 0, js = 0, jss = 0;
    for (const Counts &c : schools)
        if (c.journalSum > 0) {
            jn += c.pairs;
            js += c.journalSum;
            jss += c.journalSumSq;
        }
    if (jn > 1) {
        s.journalMean = js / jn;
        s.journalSd = std::sqrt(std::max(0.0, (jss - js * js / jn) / (jn - 1)));
    }
    for (const Counts &c : schools) {
        mx += c.position;
        my += c.shift();
    }
    mx /= double(schools.size());
    my /= double(schools.size());
    double sxy = 0, sxx = 0;
    for (const Counts &c : schools) {
        sxy += (c.position - mx) * (c.shift() - my);
        sxx += (c.position - mx) * (c.position - mx);
    }
    s.slope = sxx > 1e-9 ? sxy / sxx : 0;
    for (const Counts &c : schools) {
        shifts.push_back(c.shift() - s.slope * c.position);
        variances.push_back(
            samplingVariance(double(c.raised) / c.pairs, double(c.lowered) / c.pairs, c.pairs));
    }
    s.centre = median(shifts);
    std::vector<double> dev;
    for (const double x : shifts)
        dev.push_back(std::abs(x - s.centre));
    s.scale = 1.4826 * median(dev);
    s.betweenSd = std::sqrt(std::max(0.0, s.scale * s.scale - median(variances)));
    return s;
}

double JournalSpread::robustZ(const Counts &unit, double pRaised, double pLowered,
                              int minSchools) const {
    if (schools < minSchools || unit.pairs <= 0)
        return std::nan("");
    const double sd =
        std::sqrt(betweenSd * betweenSd + samplingVariance(pRaised, pLowered, unit.pairs));
    if (!(sd > 0))
        return std::nan("");
    return (unit.shift() - expected(unit.position)) / sd;
}

double JournalSpread::levelZ(const Counts &unit) const {
    if (!(journalSd > 0) || unit.pairs <= 0 || !(unit.journalSum > 0))
        return std::nan("");
    return (unit.journalMean() - journalMean) / (journalSd / std::sqrt(double(unit.pairs)));
}

} // namespace objectivity::core
