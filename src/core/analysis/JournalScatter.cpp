#include "objectivity/core/analysis/JournalScatter.h"

#include "objectivity/core/stats/RobustScale.h"

#include <algorithm>
#include <cmath>

namespace objectivity::core {

namespace {

// Σ (d − d̄)² and Σ (d − d̄)⁴ of one journal table (mark * 6 + journal), into c
int addTable(const int *table, JournalScatter::Counts &c) {
    int n = 0;
    double sum = 0;
    for (int mark = 2; mark <= 5; ++mark)
        for (int j = 2; j <= 5; ++j) {
            n += table[mark * 6 + j];
            sum += double(table[mark * 6 + j]) * (mark - j);
        }
    if (n == 0)
        return 0;
    const double mean = sum / n;
    for (int mark = 2; mark <= 5; ++mark)
        for (int j = 2; j <= 5; ++j) {
            const double e = (mark - j) - mean, e2 = e * e;
            c.squares += table[mark * 6 + j] * e2;
            c.fourth += table[mark * 6 + j] * e2 * e2;
        }
    c.pairs += n;
    c.df += n - 1;
    return n;
}

} // namespace

JournalScatter::Counts JournalScatter::countsOf(const UnitAccumulator &unit,
                                                const std::vector<UnitAccumulator> &classes) {
    Counts c;
    for (const UnitAccumulator &cls : classes)
        if (addTable(cls.journalTable, c) > 0)
            ++c.classes;
    int unitPairs = 0;
    for (int mark = 2; mark <= 5; ++mark)
        for (int j = 2; j <= 5; ++j)
            unitPairs += unit.journalTable[mark * 6 + j];
    if (c.pairs != unitPairs || c.classes < 2) { // not every pupil's class, or one class
        c = Counts{};
        addTable(unit.journalTable, c);
    }
    return c;
}

JournalScatter JournalScatter::of(const std::vector<Counts> &units) {
    JournalScatter s;
    std::vector<double> logs;
    std::vector<int> dfs; // of the same units as logs
    double squares = 0, fourth = 0;
    int df = 0, pairs = 0;
    for (const Counts &c : units) {
        if (c.df <= 0)
            continue;
        logs.push_back(std::log(c.variance()));
        dfs.push_back(c.df);
        squares += c.squares;
        fourth += c.fourth;
        df += c.df;
        pairs += c.pairs;
    }
    s.units = static_cast<int>(logs.size());
    if (logs.empty())
        return s;
    if (squares > 0 && pairs > 0) {
        // Σ e⁴ / n over (Σ e² / df)²: the kurtosis of d about the class means, at least 1
        const double v = squares / df;
        s.kurtosis = std::max(1.0 + 1e-9, fourth / pairs / (v * v));
    }
    s.centre = RobustScale::median(logs);
    std::vector<double> high, sampling;
    for (std::size_t i = 0; i < logs.size(); ++i) {
        if (logs[i] >= s.centre)
            high.push_back(logs[i] - s.centre);
        sampling.push_back(s.samplingVariance(dfs[i]));
    }
    const double scale = 1.4826 * RobustScale::median(high);
    s.betweenSd = std::sqrt(std::max(0.0, scale * scale - RobustScale::median(sampling)));
    return s;
}

double JournalScatter::robustZ(const Counts &unit, int minUnits) const {
    if (units < minUnits || unit.df <= 0)
        return std::nan("");
    const double sd = std::sqrt(betweenSd * betweenSd + samplingVariance(unit.df));
    return sd > 0 ? (std::log(unit.variance()) - centre) / sd : std::nan("");
}

double JournalScatter::t(const Counts &unit) const {
    const double v = samplingVariance(unit.df);
    return v > 0 ? (std::log(unit.variance()) - centre) / std::sqrt(v) : std::nan("");
}

double JournalScatter::usualSd() const {
    return std::exp(centre / 2);
}

} // namespace objectivity::core
