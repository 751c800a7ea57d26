#include "objectivity/core/analysis/JournalSpread.h"

#include "objectivity/core/stats/RobustScale.h"

#include <algorithm>
#include <cmath>

namespace objectivity::core {

JournalSpread::Counts JournalSpread::countsOf(const UnitAccumulator &acc) {
    // «повысили» / «понизили» as UnitMetrics counts them
    Counts c;
    for (int mark = 2; mark <= 5; ++mark)
        for (int j = 2; j <= 5; ++j) {
            const int n = acc.journalTable[mark * 6 + j];
            c.pairs += n;
            if (mark > j)
                c.raised += n;
            else if (mark < j)
                c.lowered += n;
            c.diffSum += double(n) * (mark - j);
            c.diffSumSq += double(n) * (mark - j) * (mark - j);
            c.journalSum += double(n) * j;
            c.journalSumSq += double(n) * j * j;
        }
    c.journalCount = c.pairs;
    return c;
}

JournalSpread JournalSpread::of(const std::vector<Counts> &schools) {
    JournalSpread s;
    double n = 0, sum = 0, sumSq = 0, jn = 0, js = 0, jss = 0;
    std::vector<const Counts *> used;
    for (const Counts &c : schools) {
        if (c.pairs <= 0)
            continue;
        used.push_back(&c);
        n += c.pairs;
        sum += c.diffSum;
        sumSq += c.diffSumSq;
        jn += c.journalCount;
        js += c.journalSum;
        jss += c.journalSumSq;
    }
    s.schools = static_cast<int>(used.size());
    if (used.empty())
        return s;
    s.diffMean = sum / n;
    if (n > 1)
        s.diffVar = std::max(0.0, (sumSq - sum * sum / n) / (n - 1));
    if (jn > 1) {
        s.journalMean = js / jn;
        s.journalSd = std::sqrt(std::max(0.0, (jss - js * js / jn) / (jn - 1)));
    }
    // Tukey's resistant line: the slope between the medians of the lowest and the highest third
    // of the schools by position (one school far off — helped, lenient — cannot tilt it)
    {
        std::vector<const Counts *> byPosition = used;
        std::stable_sort(
            byPosition.begin(), byPosition.end(),
            [](const Counts *a, const Counts *b) { return a->position < b->position; });
        const std::size_t third = byPosition.size() / 3;
        if (third >= 1) {
            std::vector<double> lx, ly, rx, ry;
            for (std::size_t i = 0; i < third; ++i) {
                lx.push_back(byPosition[i]->position);
                ly.push_back(byPosition[i]->shift());
                rx.push_back(byPosition[byPosition.size() - 1 - i]->position);
                ry.push_back(byPosition[byPosition.size() - 1 - i]->shift());
            }
            const double dx = RobustScale::median(rx) - RobustScale::median(lx);
            s.slope = dx > 1e-9 ? (RobustScale::median(ry) - RobustScale::median(ly)) / dx : 0;
        }
    }
    std::vector<double> residuals, variances;
    for (const Counts *c : used) {
        residuals.push_back(c->shift() - s.slope * c->position);
        variances.push_back(s.diffVar / c->pairs);
    }
    s.centre = RobustScale::median(residuals);
    // each side from the schools on that side of the centre (the centre itself on both)
    std::vector<double> low, high;
    for (const double x : residuals) {
        if (x <= s.centre)
            low.push_back(s.centre - x);
        if (x >= s.centre)
            high.push_back(x - s.centre);
    }
    const double v = RobustScale::median(variances);
    const double scaleLow = 1.4826 * RobustScale::median(low),
                 scaleHigh = 1.4826 * RobustScale::median(high);
    s.betweenSdLow = std::sqrt(std::max(0.0, scaleLow * scaleLow - v));
    s.betweenSdHigh = std::sqrt(std::max(0.0, scaleHigh * scaleHigh - v));
    return s;
}

double JournalSpread::robustZ(const Counts &unit, int minSchools) const {
    if (schools < minSchools || unit.pairs <= 0)
        return std::nan("");
    const double d = unit.shift() - expected(unit.position);
    const double between = d < 0 ? betweenSdLow : betweenSdHigh;
    const double sd = std::sqrt(between * between + diffVar / unit.pairs);
    if (!(sd > 0))
        return std::nan("");
    return d / sd;
}

double JournalSpread::levelZ(const Counts &unit) const {
    if (!(journalSd > 0) || unit.journalCount <= 0)
        return std::nan("");
    return (unit.journalMean() - journalMean) / (journalSd / std::sqrt(double(unit.journalCount)));
}

} // namespace objectivity::core
