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

// the largest value of a term with a probability
int topOf(const SaddlepointTail::Group &g) {
    int top = g.size - 1;
    while (top > 0 && !(g.probabilities[top] > 0))
        --top;
    return top;
}

Cumulants cumulants(const std::vector<SaddlepointTail::Group> &groups, double t) {
    Cumulants c;
    for (const SaddlepointTail::Group &g : groups) {
        // M(t) = Σ π_h e^{th}, scaled by e^{-t·ref} so that no term overflows: ref is the top
        // value for t ≥ 0 and 0 for t < 0, and every other term is e^{-|t|} times its neighbour
        const int top = topOf(g);
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

double lugannaniRice(double w, double u) {
    constexpr double kInvSqrt2Pi = 0.39894228040143267794;
    const double p =
        NormalDistribution::sf(w) + kInvSqrt2Pi * std::exp(-w * w / 2) * (1 / u - 1 / w);
    return std::clamp(p, 0.0, 1.0);
}

// Where the sum lives: Σ min + d·ℤ up to Σ max, d the greatest common divisor of the steps between
// values.
struct LatticeShape {
    int span = 0, smallest = 0, largest = 0;
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
    }
    return s;
}

// The exact tail P(S ≥ largest − deficits), where the saddlepoint is least accurate — near the top
// and on the lumpy sum of a small unit (7 pupils mostly at 2 or 6 points: 2.7 times too large and
// 0.7 times too small within 7 points of the top, found by check_stats.py) — and the exact sum is
// cheap: S = largest − D, D the sum of the terms' deficits below their tops, convolved up to
// `deficits` only. weight[D] is
// Σ Π P(Xᵢ = topᵢ − δᵢ) over Σ δᵢ = D, times e^{−logScale} (kept near 1 step by step). A tilt θ
// multiplies each configuration by e^{θ·(largest − D) − K(θ)}, so one convolution serves every θ.
class TopOfTheSum {
public:
    TopOfTheSum(const std::vector<SaddlepointTail::Group> &groups, int deficits) : m_weight{1.0} {
        std::vector<double> next;
        for (const SaddlepointTail::Group &g : groups) {
            const int top = topOf(g);
            const int reach = std::min(top, deficits); // δ = 0 … reach
            for (long i = 0; i < std::lround(g.count); ++i) {
                next.assign(std::min<std::size_t>(m_weight.size() + std::size_t(reach),
                                                  std::size_t(deficits) + 1),
                            0.0);
                for (std::size_t a = 0; a < m_weight.size(); ++a)
                    for (int d = 0; d <= reach && a + std::size_t(d) < next.size(); ++d)
                        next[a + std::size_t(d)] += m_weight[a] * g.probabilities[top - d];
                const double largest = *std::max_element(next.begin(), next.end());
                if (!(largest > 0))
                    return; // no probability at the top: left to the saddlepoint
                for (double &v : next)
                    v /= largest;
                m_logScale += std::log(largest);
                m_weight.swap(next);
            }
        }
        m_valid = true;
    }
    bool valid() const { return m_valid; }
    // the multiply-adds of the convolution: Σ count · (min(top, deficits) + 1) · (deficits + 1)
    static double cost(const std::vector<SaddlepointTail::Group> &groups, double deficits) {
        double sum = 0;
        for (const SaddlepointTail::Group &g : groups) {
            sum +=
                std::round(g.count) * (std::min<double>(topOf(g), deficits) + 1) * (deficits + 1);
        }
        return sum;
    }
    // P(S ≥ largest − deficits | θ), K(θ) given
    double tail(double theta, double largest, double k0) const {
        // Σ weight[D]·e^{−θD}, from the far end when e^{−θ} > 1 so that nothing overflows
        const double x = std::exp(-std::abs(theta));
        const int last = int(m_weight.size()) - 1;
        double sum = 0, power = 1;
        for (int i = 0; i <= last; ++i, power *= x)
            sum += m_weight[std::size_t(theta >= 0 ? i : last - i)] * power;
        const double shift = theta >= 0 ? 0.0 : -theta * last;
        return std::min(1.0, std::exp(m_logScale + theta * largest - k0 + shift) * sum);
    }

private:
    std::vector<double> m_weight;
    double m_logScale = 0;
    bool m_valid = false;
};

// P(S ≥ observed | θ): the lattice saddlepoint of the sum with every term tilted by θ,
// P(X = h | θ) ∝ P(X = h)·e^{θh}. Tilting shifts the saddlepoint and nothing else:
// K_θ(t) = K(t + θ) − K(θ), so the tilted saddlepoint is t̂ − θ, K_θ(t̂ − θ) = K(t̂) − K(θ) and
// K_θ''(t̂ − θ) = K''(t̂) — one root t̂ (of the untilted sum) serves every θ, and each θ costs one
// K(θ). Daniels's second continuity correction: x̃ = o − d/2, u = (2/d)·sinh(t̃·d/2)·√K''(t̃).
// Exact instead (TopOfTheSum) near the top and where the convolution is cheap.
// Valid for smallest < observed ≤ largest on a lattice of span ≥ 1.
class TiltedTail {
public:
    // exactWhenCheap false: the formula alone (exact only at the top itself)
    TiltedTail(const std::vector<SaddlepointTail::Group> &groups, const LatticeShape &shape,
               double observed, bool exactWhenCheap)
        : m_groups(groups), m_shape(shape), m_x(observed - shape.span / 2.0),
          m_atRoot(root(groups, m_x, m_root)) {
        const double deficits = std::floor(shape.largest - observed + 1e-9);
        if (exactWhenCheap
                ? deficits <= kExactDeficits || TopOfTheSum::cost(groups, deficits) <= kExactCost
                : deficits <= 0)
            m_top.emplace(groups, static_cast<int>(deficits));
    }

    double operator()(double theta) const {
        const Cumulants c = cumulants(m_groups, theta);
        if (m_top && m_top->valid())
            return m_top->tail(theta, m_shape.largest, c.k0);
        const double t = m_root - theta;
        const double w =
            (t > 0 ? 1.0 : -1.0) * std::sqrt(std::max(0.0, 2 * (t * m_x - m_atRoot.k0 + c.k0)));
        // near the tilted mean the formula is 0/0: there the normal is as good
        if (!(c.k2 > 0) || !(m_atRoot.k2 > 0) || std::abs(m_x - c.k1) < 0.05 * std::sqrt(c.k2) ||
            std::abs(w) < 1e-8)
            return c.k2 > 0 ? NormalDistribution::sf((m_x - c.k1) / std::sqrt(c.k2))
                            : (m_x <= c.k1 ? 1.0 : 0.0);
        const int d = m_shape.span;
        return lugannaniRice(w, 2.0 / d * std::sinh(t * d / 2) * std::sqrt(m_atRoot.k2));
    }
    double saddlepoint() const { return m_root; }
    // 1/√K''(t̂): the width of the step of P(S ≥ observed | θ) around θ = t̂
    double stepWidth() const { return 1 / std::sqrt(m_atRoot.k2); }

private:
    // the sum is convolved exactly (TopOfTheSum) within this many points of the top, and
    // wherever the convolution takes at most kExactCost multiply-adds (a small unit: its sum is
    // lumpy, 1.5 times the exact tail 46 points below the top of 13 pupils mostly at 0 or 8)
    static constexpr double kExactDeficits = 24;
    static constexpr double kExactCost = 2e5;
    const std::vector<SaddlepointTail::Group> &m_groups;
    LatticeShape m_shape;
    std::optional<TopOfTheSum> m_top;
    double m_x, m_root = 0;
    Cumulants m_atRoot;
};

} // namespace

double SaddlepointTail::lattice(const std::vector<Group> &groups, double observed) {
    return latticeMixture(groups, observed, 0);
}

double SaddlepointTail::latticeMixture(const std::vector<Group> &groups, double observed,
                                       double tiltVariance) {
    return tail(groups, observed, tiltVariance, true);
}

double SaddlepointTail::formula(const std::vector<Group> &groups, double observed,
                                double tiltVariance) {
    return tail(groups, observed, tiltVariance, false);
}

double SaddlepointTail::tail(const std::vector<Group> &groups, double observed, double tiltVariance,
                             bool exactWhenCheap) {
    const LatticeShape shape = shapeOf(groups);
    if (observed > shape.largest)
        return 0.0;
    if (observed <= shape.smallest)
        return 1.0;
    if (shape.span == 0) // every term takes one value: the sum is `smallest`, and observed is above
        return 0.0;
    const TiltedTail tilted(groups, shape, observed, exactWhenCheap);
    if (!(tiltVariance > 0))
        return tilted(0);
    // ∫ P(S ≥ o | θ)·φ(θ/s)/s dθ, trapezoid over two grids merged: the normal's own scale s
    // (±8s, step s/4) and the step of P(S ≥ o | θ) at θ ≈ t̂ (±6 widths, step a quarter width) —
    // the rule follows both, whichever is narrower
    const double sd = std::sqrt(tiltVariance), width = tilted.stepWidth();
    std::vector<double> nodes;
    nodes.reserve(114);
    for (int i = -32; i <= 32; ++i)
        nodes.push_back(i * sd / 4);
    if (std::isfinite(width))
        for (int i = -24; i <= 24; ++i)
            nodes.push_back(tilted.saddlepoint() + i * width / 4);
    std::sort(nodes.begin(), nodes.end());
    double sum = 0, prev = 0;
    for (std::size_t i = 0; i < nodes.size(); ++i) {
        const double z = nodes[i] / sd;
        const double f = z * z < 80 * 80 ? tilted(nodes[i]) * std::exp(-z * z / 2) : 0.0;
        if (i > 0)
            sum += (nodes[i] - nodes[i - 1]) * (f + prev) / 2;
        prev = f;
    }
    constexpr double kInvSqrt2Pi = 0.39894228040143267794;
    return std::clamp(sum * kInvSqrt2Pi / sd, 0.0, 1.0);
}

} // namespace objectivity::core
