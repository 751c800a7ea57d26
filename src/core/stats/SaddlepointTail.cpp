#include "objectivity/core/stats/SaddlepointTail.h"

#include "objectivity/core/stats/NormalDistribution.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <optional>

namespace objectivity::core {

namespace {

// The cumulant generating function K(t) of the sum and its first two derivatives.
struct Cumulants {
    double k0 = 0, k1 = 0, k2 = 0;
};

Cumulants cumulants(const std::vector<SaddlepointTail::Group> &groups, double tau2, double t) {
    Cumulants c;
    for (const SaddlepointTail::Group &g : groups) {
        // M(t) = Σ π_h e^{th}, scaled by e^{-t·ref} so that no term overflows: ref is the top
        // value for t ≥ 0 and 0 for t < 0, and every other term is e^{-|t|} times its neighbour
        int top = g.size - 1; // the largest value with a probability
        while (top > 0 && !(g.probabilities[top] > 0))
            --top;
        const int ref = t >= 0 ? top : 0;
        const double step = std::exp(-std::abs(t));
        double m0 = 0, m1 = 0, m2 = 0, e = 1;
        for (int i = 0; i <= top; ++i, e *= step) {
            const int h = t >= 0 ? top - i : i;
            const double w = g.probabilities[h] * e;
            m0 += w;
            m1 += w * h;
            m2 += w * h * h;
        }
        if (m0 <= 0)
            continue;
        const double mean = m1 / m0;
        c.k0 += g.count * (t * ref + std::log(m0));
        c.k1 += g.count * mean;
        c.k2 += g.count * std::max(0.0, m2 / m0 - mean * mean);
    }
    c.k0 += tau2 * t * t / 2;
    c.k1 += tau2 * t;
    c.k2 += tau2;
    return c;
}

// The saddlepoint t̂ of K'(t) = x and the normal-scale root w; nullopt where x is too near the
// mean for the formula (0/0) — there the normal is as good.
struct Saddlepoint {
    double t = 0, w = 0, k2 = 0;
};

std::optional<Saddlepoint> solve(const std::vector<SaddlepointTail::Group> &groups, double tau2,
                                 double x) {
    const Cumulants at0 = cumulants(groups, tau2, 0);
    if (!(at0.k2 > 0) || std::abs(x - at0.k1) < 0.05 * std::sqrt(at0.k2))
        return std::nullopt;
    // K' increases: a bracket, then Newton with bisection as a guard
    double lo = 0, hi = 0;
    if (x > at0.k1) {
        hi = 1;
        while (cumulants(groups, tau2, hi).k1 < x && hi < 1e3)
            hi *= 2;
    } else {
        lo = -1;
        while (cumulants(groups, tau2, lo).k1 > x && lo > -1e3)
            lo *= 2;
    }
    double t = std::clamp((x - at0.k1) / at0.k2, lo, hi); // the normal's saddlepoint to start
    Cumulants c = cumulants(groups, tau2, t);
    for (int i = 0; i < 200 && std::abs(c.k1 - x) > 1e-12 * (1 + std::abs(x)); ++i) {
        if (c.k1 < x)
            lo = t;
        else
            hi = t;
        double next = c.k2 > 0 ? t - (c.k1 - x) / c.k2 : (lo + hi) / 2;
        if (!(next > lo && next < hi))
            next = (lo + hi) / 2;
        if (next == t)
            break;
        t = next;
        c = cumulants(groups, tau2, t);
    }
    const double w = (t > 0 ? 1.0 : -1.0) * std::sqrt(std::max(0.0, 2 * (t * x - c.k0)));
    if (std::abs(w) < 1e-8 || !(c.k2 > 0))
        return std::nullopt;
    return Saddlepoint{t, w, c.k2};
}

double lugannaniRice(double w, double u) {
    constexpr double kInvSqrt2Pi = 0.39894228040143267794;
    const double p =
        NormalDistribution::sf(w) + kInvSqrt2Pi * std::exp(-w * w / 2) * (1 / u - 1 / w);
    return std::clamp(p, 0.0, 1.0);
}

double normalTail(const std::vector<SaddlepointTail::Group> &groups, double tau2, double x) {
    const Cumulants at0 = cumulants(groups, tau2, 0);
    if (!(at0.k2 > 0))
        return x <= at0.k1 ? 1.0 : 0.0;
    return NormalDistribution::sf((x - at0.k1) / std::sqrt(at0.k2));
}

} // namespace

double SaddlepointTail::lattice(const std::vector<Group> &groups, double observed) {
    // the sum lives on Σ min + d·ℤ, d the greatest common divisor of the steps between values
    int span = 0, smallest = 0, largest = 0;
    double logTop = 0; // ln P(S = largest): every term at its top value
    for (const Group &g : groups) {
        int low = -1, high = 0;
        for (int h = 0; h < g.size; ++h)
            if (g.probabilities[h] > 0) {
                if (low < 0)
                    low = h;
                else
                    span = std::gcd(span, h - low);
                high = h;
            }
        smallest += static_cast<int>(g.count) * std::max(low, 0);
        largest += static_cast<int>(g.count) * high;
        logTop += g.count * std::log(g.probabilities[high]);
    }
    if (observed > largest)
        return 0.0;
    if (observed > smallest && observed > largest - 0.5) // the top itself: exact, and where
        return std::exp(logTop); // the saddlepoint is least accurate (up to 30 % small)
    if (observed <= smallest)
        return 1.0;
    if (span == 0) // every term takes one value: the sum is `smallest`, and observed is above it
        return 0.0;
    // Daniels's second continuity correction: x̃ = o − d/2, u = (2/d)·sinh(t̃·d/2)·√K''(t̃)
    const double x = observed - span / 2.0;
    const auto s = solve(groups, 0, x);
    if (!s)
        return normalTail(groups, 0, x);
    return lugannaniRice(s->w, 2.0 / span * std::sinh(s->t * span / 2) * std::sqrt(s->k2));
}

double SaddlepointTail::withNormal(const std::vector<Group> &groups, double normalVariance,
                                   double x) {
    const double tau2 = std::max(0.0, normalVariance);
    const auto s = solve(groups, tau2, x);
    if (!s)
        return normalTail(groups, tau2, x);
    return lugannaniRice(s->w, s->t * std::sqrt(s->k2));
}

} // namespace objectivity::core
