#include "objectivity/core/stats/BinomialTest.h"

#include <algorithm>
#include <cmath>

namespace objectivity::core {

namespace {
double logPmf(int k, int n, double p) {
    return std::lgamma(n + 1.0) - std::lgamma(k + 1.0) - std::lgamma(n - k + 1.0) +
           k * std::log(p) + (n - k) * std::log1p(-p);
}
// Sum of exp(logPmf(k)) over [from, to], summed from the mode outwards would be ideal; summing in
// log space with the largest term factored out is accurate enough for tails down to 1e-300.
template <typename LogPmf> double sumPmf(int from, int to, LogPmf logPmf) {
    if (from > to)
        return 0;
    double maxLog = -INFINITY;
    for (int k = from; k <= to; ++k)
        maxLog = std::max(maxLog, logPmf(k));
    double sum = 0;
    for (int k = from; k <= to; ++k)
        sum += std::exp(logPmf(k) - maxLog);
    return std::min(1.0, sum * std::exp(maxLog));
}
double sumPmf(int from, int to, int n, double p) {
    return sumPmf(from, to, [n, p](int k) { return logPmf(k, n, p); });
}
double logBetaBinomialPmf(int k, int n, double a, double b) {
    return std::lgamma(n + 1.0) - std::lgamma(k + 1.0) - std::lgamma(n - k + 1.0) +
           std::lgamma(k + a) + std::lgamma(n - k + b) - std::lgamma(n + a + b) +
           std::lgamma(a + b) - std::lgamma(a) - std::lgamma(b);
}
} // namespace

double BinomialTest::betaBinomialUpperTail(int k, int n, double a, double b) {
    if (k <= 0)
        return 1;
    if (k > n)
        return 0;
    // the smaller of the two sums, for accuracy far in either tail
    const double mean = n * a / (a + b);
    const bool upper = k > mean;
    const double tail = sumPmf(upper ? k : 0, upper ? n : k - 1,
                               [n, a, b](int j) { return logBetaBinomialPmf(j, n, a, b); });
    return upper ? tail : std::max(0.0, 1.0 - tail);
}

double BinomialTest::betaBinomialPmf(int k, int n, double a, double b) {
    return k < 0 || k > n ? 0 : std::exp(logBetaBinomialPmf(k, n, a, b));
}

double BinomialTest::pmf(int k, int n, double p) {
    if (k < 0 || k > n)
        return 0;
    if (p <= 0)
        return k == 0 ? 1 : 0;
    if (p >= 1)
        return k == n ? 1 : 0;
    return std::exp(logPmf(k, n, p));
}

double BinomialTest::upperTail(int k, int n, double p) {
    if (k <= 0)
        return 1;
    if (k > n)
        return 0;
    if (p <= 0)
        return 0;
    if (p >= 1)
        return 1;
    return sumPmf(k, n, n, p);
}

double BinomialTest::lowerTail(int k, int n, double p) {
    if (k < 0)
        return 0;
    if (k >= n)
        return 1;
    if (p <= 0)
        return 1;
    if (p >= 1)
        return 0;
    return sumPmf(0, k, n, p);
}

} // namespace objectivity::core
