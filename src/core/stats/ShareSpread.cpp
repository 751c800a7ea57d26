#include "objectivity/core/stats/ShareSpread.h"

#include "objectivity/core/stats/BinomialTest.h"
#include "objectivity/core/stats/RobustScale.h"

#include <algorithm>
#include <cmath>
#include <map>

namespace objectivity::core {

double ShareSpread::correlation(double p0, double spreadVariance) {
    return p0 < 1 && spreadVariance > 0 ? std::min(0.5, spreadVariance / (p0 * (1 - p0))) : 0.0;
}

double ShareSpread::upperTail(int k, int n, double p0, double spreadVariance) {
    const double rho = correlation(p0, spreadVariance);
    return rho > 0 ? BinomialTest::betaBinomialUpperTail(k, n, p0 * (1 / rho - 1),
                                                         (1 - p0) * (1 / rho - 1))
                   : BinomialTest::upperTail(k, n, p0);
}

namespace {

// upperTail(k, n, p₀, σ²) ≥ threshold, decided by adding the terms from k upward until the sum
// reaches the threshold: one term for a count near its expectation, the whole tail only for the
// rare counts beyond the others (the terms by their ratio, not a log-gamma each)
bool tailReaches(int k, int n, double p0, double spreadVariance, double threshold) {
    if (k <= 0)
        return true;
    if (k > n || !(p0 > 0 && p0 < 1))
        return ShareSpread::upperTail(k, n, p0, spreadVariance) >= threshold;
    const double rho = ShareSpread::correlation(p0, spreadVariance);
    const double a = rho > 0 ? p0 * (1 / rho - 1) : 0, b = rho > 0 ? (1 - p0) * (1 / rho - 1) : 0;
    double term = rho > 0 ? BinomialTest::betaBinomialPmf(k, n, a, b) : BinomialTest::pmf(k, n, p0);
    double sum = term;
    for (int j = k; j < n && sum < threshold; ++j) {
        term *=
            double(n - j) / double(j + 1) * (rho > 0 ? (j + a) / (n - j - 1 + b) : p0 / (1 - p0));
        sum += term;
    }
    return sum >= threshold;
}

struct Moments {
    double mean = 0, variance = 0;
};
// σ² by the method of moments over the kept schools
Moments momentsOf(const std::vector<ShareSpread::Deviation> &schools,
                  const std::vector<bool> &kept) {
    double sum = 0, noise = 0, m = 0;
    for (std::size_t i = 0; i < schools.size(); ++i)
        if (kept[i]) {
            sum += schools[i].d();
            noise += schools[i].variance();
            m += 1;
        }
    Moments r;
    r.mean = sum / m;
    double squares = 0;
    for (std::size_t i = 0; i < schools.size(); ++i)
        if (kept[i])
            squares += (schools[i].d() - r.mean) * (schools[i].d() - r.mean);
    r.variance = std::max(0.0, squares / (m - 1) - noise / m);
    return r;
}
} // namespace

double ShareSpread::of(const std::vector<Deviation> &schools) {
    const std::size_t m = schools.size();
    if (m < static_cast<std::size_t>(kMinSchools))
        return 0;
    // the schools with a sign would widen the spread that hides them: a school whose count is
    // beyond the region's schools (its tail p with the current σ² below kTrimAlpha/m) is left out
    // and σ² estimated again, until the kept schools do not change; from a start that such
    // schools cannot move (the median and the robust SD)
    std::vector<double> d(m), noise(m);
    for (std::size_t i = 0; i < m; ++i) {
        d[i] = schools[i].d();
        noise[i] = schools[i].variance();
    }
    const double scale = RobustScale::madScale(d);
    Moments e{RobustScale::median(d), std::max(0.0, scale * scale - RobustScale::median(noise))};
    std::vector<bool> kept;
    for (int round = 0; round < 50; ++round) {
        std::vector<bool> next(m);
        std::size_t count = 0;
        for (std::size_t i = 0; i < m; ++i) {
            const Deviation &s = schools[i];
            next[i] = s.n < 1 || tailReaches(s.k, s.n, s.p0, e.variance, kTrimAlpha / double(m));
            count += next[i] ? 1 : 0;
        }
        if (next == kept)
            break;
        if (count < static_cast<std::size_t>(kMinSchools)) { // too few left: all of them
            next.assign(m, true);
            if (next == kept)
                break;
        }
        kept = next;
        e = momentsOf(schools, kept);
    }
    return e.variance;
}

std::vector<double> ShareSpread::ofGroups(const std::vector<std::vector<Deviation>> &groups,
                                          const std::vector<int> &poolOf) {
    std::map<int, std::vector<Deviation>> pools;
    for (std::size_t g = 0; g < groups.size() && g < poolOf.size(); ++g)
        if (poolOf[g] >= 0 && groups[g].size() < static_cast<std::size_t>(kMinSchools))
            pools[poolOf[g]]; // only the pools some small group needs
    for (std::size_t g = 0; g < groups.size() && g < poolOf.size(); ++g)
        if (auto it = pools.find(poolOf[g]); it != pools.end())
            it->second.insert(it->second.end(), groups[g].begin(), groups[g].end());
    std::map<int, double> pooled;
    for (const auto &[pool, members] : pools)
        pooled[pool] = of(members);
    std::vector<double> out(groups.size(), 0.0);
    for (std::size_t g = 0; g < groups.size(); ++g) {
        if (groups[g].size() >= static_cast<std::size_t>(kMinSchools))
            out[g] = of(groups[g]);
        else if (g < poolOf.size() && pooled.count(poolOf[g]))
            out[g] = pooled[poolOf[g]];
    }
    return out;
}

} // namespace objectivity::core
