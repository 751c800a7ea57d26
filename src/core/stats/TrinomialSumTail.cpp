#include "objectivity/core/stats/TrinomialSumTail.h"

#include "objectivity/core/stats/NormalDistribution.h"

#include <algorithm>
#include <cmath>

namespace objectivity::core {

namespace {

double logFactorial(int k) {
    static const std::vector<double> table = [] {
        std::vector<double> t(1024, 0.0);
        for (std::size_t i = 2; i < t.size(); ++i)
            t[i] = t[i - 1] + std::log(static_cast<double>(i));
        return t;
    }();
    return k < static_cast<int>(table.size()) ? table[static_cast<std::size_t>(k)]
                                              : std::lgamma(k + 1.0);
}

// Distribution of wA·A + wB·B for one component, as probabilities over [offset, offset+size).
struct Dense {
    long long offset = 0;
    std::vector<double> p;
};

Dense component(const TrinomialSumTail::Component &c) {
    const long long lo = static_cast<long long>(c.m) * std::min({0, c.wA, c.wB});
    const long long hi = static_cast<long long>(c.m) * std::max({0, c.wA, c.wB});
    Dense d;
    d.offset = lo;
    d.p.assign(static_cast<std::size_t>(hi - lo + 1), 0.0);
    const double pC = std::max(0.0, 1.0 - c.pA - c.pB);
    const double logA = std::log(c.pA), logB = std::log(c.pB), logC = std::log(pC);
    for (int a = 0; a <= c.m; ++a)
        for (int b = 0; a + b <= c.m; ++b) {
            const int rest = c.m - a - b;
            double lp = logFactorial(c.m) - logFactorial(a) - logFactorial(b) - logFactorial(rest);
            // 0·log(0) is 0: a cell with zero chance only contributes when it is empty
            if (a > 0)
                lp += a * logA;
            if (b > 0)
                lp += b * logB;
            if (rest > 0)
                lp += rest * logC;
            if (!std::isfinite(lp))
                continue;
            d.p[static_cast<std::size_t>(a * c.wA + b * c.wB - lo)] += std::exp(lp);
        }
    return d;
}

Dense convolve(const Dense &x, const Dense &y) {
    Dense z;
    z.offset = x.offset + y.offset;
    z.p.assign(x.p.size() + y.p.size() - 1, 0.0);
    for (std::size_t i = 0; i < x.p.size(); ++i) {
        if (x.p[i] == 0)
            continue;
        for (std::size_t j = 0; j < y.p.size(); ++j)
            z.p[i + j] += x.p[i] * y.p[j];
    }
    return z;
}

} // namespace

double TrinomialSumTail::exact(const std::vector<Component> &components, long long u) {
    if (components.empty())
        return u <= 0 ? 1.0 : 0.0;
    // all but the last convolved; the last enters through its survival function
    Dense acc{0, {1.0}};
    for (std::size_t j = 0; j + 1 < components.size(); ++j)
        acc = convolve(acc, component(components[j]));
    const Dense last = component(components.back());
    std::vector<double> survival(last.p.size() + 1, 0.0); // survival[k] = P(last >= offset + k)
    for (std::size_t k = last.p.size(); k-- > 0;)
        survival[k] = survival[k + 1] + last.p[k];
    double tail = 0;
    for (std::size_t i = 0; i < acc.p.size(); ++i) {
        if (acc.p[i] == 0)
            continue;
        // need last >= u − value_i
        const long long need = u - (acc.offset + static_cast<long long>(i)) - last.offset;
        if (need <= 0)
            tail += acc.p[i];
        else if (need < static_cast<long long>(survival.size()))
            tail += acc.p[i] * survival[static_cast<std::size_t>(need)];
    }
    return std::clamp(tail, 0.0, 1.0);
}

double TrinomialSumTail::normal(const std::vector<Component> &components, long long u) {
    double mean = 0, var = 0;
    for (const Component &c : components) {
        const double mu = c.pA * c.wA + c.pB * c.wB;
        mean += c.m * mu;
        var += c.m * (c.pA * c.wA * c.wA + c.pB * c.wB * c.wB - mu * mu);
    }
    if (!(var > 0))
        return u <= mean ? 1.0 : 0.0;
    return NormalDistribution::sf((static_cast<double>(u) - 0.5 - mean) / std::sqrt(var));
}

} // namespace objectivity::core
