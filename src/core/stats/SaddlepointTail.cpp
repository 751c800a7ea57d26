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

Cumulants cumulants(const std::vector<SaddlepointTail::Group> &groups, double t) {
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
    return c;
}

// The saddlepoint t̂ of K'(t) = x and the normal-scale root w; nullopt where x is too near the
// mean for the formula (0/0) — there the normal is as good.
struct Saddlepoint {
    double t = 0, w = 0, k2 = 0;
};

// The root t̂ of K'(t) = x (K' increases): a bracket, then Newton with bisection as a guard; K at
// t̂ in the result.
Cumulants root(const std::vector<SaddlepointTail::Group> &groups, double x, double &t) {
    const Cumulants at0 = cumulants(groups, 0);
    double lo = 0, hi = 0;
    if (x > at0.k1) {
        hi = 1;
        while (cumulants(groups, hi).k1 < x && hi < 1e3)
            hi *= 2;
    } else {
        lo = -1;
        while (cumulants(groups, lo).k1 > x && lo > -1e3)
            lo *= 2;
    }
    t = std::clamp((x - at0.k1) / at0.k2, lo, hi); // the normal's saddlepoint to start
    Cumulants c = cumulants(groups, t);
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
        c = cumulants(groups, t);
    }
    return c;
}

std::optional<Saddlepoint> solve(const std::vector<SaddlepointTail::Group> &groups, double x) {
    const Cumulants at0 = cumulants(groups, 0);
    if (!(at0.k2 > 0) || std::abs(x - at0.k1) < 0.05 * std::sqrt(at0.k2))
        return std::nullopt;
    double t = 0;
    const Cumulants c = root(groups, x, t);
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

double normalTail(const std::vector<SaddlepointTail::Group> &groups, double x) {
    const Cumulants at0 = cumulants(groups, 0);
    if (!(at0.k2 > 0))
        return x <= at0.k1 ? 1.0 : 0.0;
    return NormalDistribution::sf((x - at0.k1) / std::sqrt(at0.k2));
}

} // namespace

namespace {

// Where the sum lives: Σ min + d·ℤ up to Σ max, d the greatest common divisor of the steps between
// values; ln P(S = Σ max), every term at its top value.
struct LatticeShape {
    int span = 0, smallest = 0, largest = 0;
    double logTop = 0;
};

LatticeShape shapeOf(const std::vector<SaddlepointTail::Group> &groups) {
    LatticeShape s;
    for (const SaddlepointTail::Group &g : groups) {
        int low = -1, high = 0;
        for (int h = 0; h < g.size; ++h)
            if (g.probabilities[h] > 0) {
                if (low < 0)
                    low = h;
                else
                    s.span = std::gcd(s.span, h - low);
                high = h;
            }
        s.smallest += static_cast<int>(g.count) * std::max(low, 0);
        s.largest += static_cast<int>(g.count) * high;
        s.logTop += g.count * std::log(g.probabilities[high]);
    }
    return s;
}

} // namespace

double SaddlepointTail::lattice(const std::vector<Group> &groups, double observed) {
    const LatticeShape shape = shapeOf(groups);
    if (observed > shape.largest)
        return 0.0;
    if (observed <= shape.smallest)
        return 1.0;
    if (observed > shape.largest - 0.5) // the top itself: exact, and where the saddlepoint is
        return std::exp(shape.logTop);  // least accurate (up to 30 % small)
    if (shape.span == 0) // every term takes one value: the sum is `smallest`, and observed is above
        return 0.0;
    // Daniels's second continuity correction: x̃ = o − d/2, u = (2/d)·sinh(t̃·d/2)·√K''(t̃)
    const int span = shape.span;
    const double x = observed - span / 2.0;
    const auto s = solve(groups, x);
    if (!s)
        return normalTail(groups, x);
    return lugannaniRice(s->w, 2.0 / span * std::sinh(s->t * span / 2) * std::sqrt(s->k2));
}

double SaddlepointTail::latticeMixture(const std::vector<Group> &groups, double observed,
                                       double tiltVariance) {
    if (!(tiltVariance > 0))
        return lattice(groups, observed);
    const LatticeShape shape = shapeOf(groups);
    if (observed > shape.largest || shape.span == 0)
        return observed > shape.smallest ? 0.0 : 1.0;
    if (observed <= shape.smallest)
        return 1.0;
    const Cumulants at0 = cumulants(groups, 0);
    if (!(at0.k2 > 0))
        return 0.0;
    const int span = shape.span;
    const bool top = observed > shape.largest - 0.5;
    const double x = observed - span / 2.0;
    // the saddlepoint of the sum tilted by θ is t̂ − θ, t̂ the untilted one: K_θ(t) = K(t + θ) −
    // K(θ), so K_θ(t̂ − θ) = K(t̂) − K(θ) and K_θ''(t̂ − θ) = K''(t̂) — one root serves every θ
    double that = 0;
    const Cumulants atRoot = root(groups, x, that);
    const double uScale = std::sqrt(atRoot.k2);
    auto tail = [&](double theta) { // P(S ≥ observed | θ)
        const Cumulants c = cumulants(groups, theta);
        if (top)
            return std::exp(shape.logTop + theta * shape.largest - c.k0);
        const double t = that - theta;
        const double w =
            (t > 0 ? 1.0 : -1.0) * std::sqrt(std::max(0.0, 2 * (t * x - atRoot.k0 + c.k0)));
        if (!(c.k2 > 0) || std::abs(x - c.k1) < 0.05 * std::sqrt(c.k2) || std::abs(w) < 1e-8)
            return c.k2 > 0 ? NormalDistribution::sf((x - c.k1) / std::sqrt(c.k2))
                            : (x <= c.k1 ? 1.0 : 0.0);
        return lugannaniRice(w, 2.0 / span * std::sinh(t * span / 2) * uScale);
    };
    // ∫ P(S ≥ o | θ)·φ(θ/s)/s dθ, trapezoid over two grids merged: the normal's own scale s
    // (±8s, step s/4) and the step of P(S ≥ o | θ) at θ ≈ t̂, of width 1/√K''(t̂) (±6 widths,
    // step a quarter width) — the rule follows both, whichever is narrower
    const double sd = std::sqrt(tiltVariance), width = 1 / uScale;
    std::vector<double> nodes;
    nodes.reserve(114);
    for (int i = -32; i <= 32; ++i)
        nodes.push_back(i * sd / 4);
    for (int i = -24; i <= 24; ++i)
        nodes.push_back(that + i * width / 4);
    std::sort(nodes.begin(), nodes.end());
    double sum = 0, prev = 0;
    for (std::size_t i = 0; i < nodes.size(); ++i) {
        const double z = nodes[i] / sd;
        const double f = z * z < 80 * 80 ? tail(nodes[i]) * std::exp(-z * z / 2) : 0.0;
        if (i > 0)
            sum += (nodes[i] - nodes[i - 1]) * (f + prev) / 2;
        prev = f;
    }
    constexpr double kInvSqrt2Pi = 0.39894228040143267794;
    return std::clamp(sum * kInvSqrt2Pi / sd, 0.0, 1.0);
}

} // namespace objectivity::core
