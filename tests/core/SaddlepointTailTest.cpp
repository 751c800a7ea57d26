// SaddlepointTail against the exact tail, computed here by convolution of the terms' distributions
// (and, with a normal part, by summing the normal's tail over the exact distribution).
#include "objectivity/core/stats/SaddlepointTail.h"
#include "objectivity/core/stats/NormalDistribution.h"

#include <gtest/gtest.h>

#include <cmath>
#include <vector>

using namespace objectivity::core;

namespace {

// the exact distribution of the sum of `groups`
std::vector<double> convolve(const std::vector<std::pair<int, std::vector<double>>> &groups) {
    std::vector<double> dist{1.0};
    for (const auto &[count, pi] : groups)
        for (int i = 0; i < count; ++i) {
            std::vector<double> next(dist.size() + pi.size() - 1, 0.0);
            for (std::size_t a = 0; a < dist.size(); ++a)
                for (std::size_t h = 0; h < pi.size(); ++h)
                    next[a + h] += dist[a] * pi[h];
            dist = next;
        }
    return dist;
}

// P(S + Y ≥ x), Y ~ N(0, tau2) (tau2 = 0: P(S ≥ x))
double exactUpper(const std::vector<double> &dist, double tau2, double x) {
    double p = 0;
    for (std::size_t s = 0; s < dist.size(); ++s)
        p += dist[s] * (tau2 > 0 ? NormalDistribution::sf((x - double(s)) / std::sqrt(tau2))
                                 : (double(s) >= x ? 1.0 : 0.0));
    return p;
}

std::vector<SaddlepointTail::Group>
groupsOf(const std::vector<std::pair<int, std::vector<double>>> &g) {
    std::vector<SaddlepointTail::Group> out;
    for (const auto &[count, pi] : g)
        out.push_back({double(count), pi.data(), int(pi.size())});
    return out;
}

} // namespace

// A weak school's points on two hard tasks: most pupils 0. The normal approximation of the same
// mean and variance is far too small in the upper tail; the saddlepoint is within a few per cent.
TEST(SaddlepointTail, FollowsTheLongUpperTailOfSkewedPoints) {
    const std::vector<std::pair<int, std::vector<double>>> g = {{15, {0.85, 0.10, 0.05}},
                                                                {10, {0.6, 0.25, 0.15}}};
    const std::vector<double> dist = convolve(g);
    double mean = 0, var = 0;
    for (std::size_t s = 0; s < dist.size(); ++s)
        mean += dist[s] * double(s);
    for (std::size_t s = 0; s < dist.size(); ++s)
        var += dist[s] * (double(s) - mean) * (double(s) - mean);
    for (const int o : {12, 16, 20, 24}) {
        const double exact = exactUpper(dist, 0, o);
        const double saddle = SaddlepointTail::formula(groupsOf(g), o);
        const double normal = NormalDistribution::sf((o - 0.5 - mean) / std::sqrt(var));
        EXPECT_NEAR(saddle / exact, 1.0, 0.01) << "O = " << o << ": exact " << exact;
        if (o >= 20) { // deep in the tail the normal misses by a factor (4 at 20, 24 at 24)
            EXPECT_LT(normal, exact / 3) << "O = " << o;
        }
    }
    // beyond the largest sum: nothing
    EXPECT_EQ(SaddlepointTail::lattice(groupsOf(g), 51), 0.0);
    EXPECT_EQ(SaddlepointTail::lattice(groupsOf(g), 0), 1.0); // at or below the smallest sum
    // at the very largest sum (every pupil at the top) exact: 0.05¹⁵·0.15¹⁰, where the formula
    // would be up to 30 % too small; one step below, the formula again (within 15 %); near the
    // mean (where the formula is the normal) within 0.03
    EXPECT_NEAR(SaddlepointTail::lattice(groupsOf(g), 50) /
                    (std::pow(0.05, 15) * std::pow(0.15, 10)),
                1.0, 1e-12);
    EXPECT_NEAR(SaddlepointTail::formula(groupsOf(g), 49) / exactUpper(dist, 0, 49), 1.0, 0.15);
    EXPECT_NEAR(SaddlepointTail::lattice(groupsOf(g), 9), exactUpper(dist, 0, 9), 0.03);
}

// With the region's spread of schools — every pupil of a school tilted by one θ ~ N(0, v),
// P(X = h | θ) ∝ P(X = h)·e^{θh} — the tail is the mixture of the tilted sums' tails; exact here by
// convolving the tilted distributions at every θ of Simpson's rule over ±8 SD.
TEST(SaddlepointTail, MixesOverASchoolsTilt) {
    const std::vector<std::pair<int, std::vector<double>>> g = {{15, {0.85, 0.10, 0.05}},
                                                                {10, {0.6, 0.25, 0.15}}};
    auto tilted = [&](double theta) {
        std::vector<std::pair<int, std::vector<double>>> out;
        for (const auto &[count, pi] : g) {
            std::vector<double> q(pi.size());
            double sum = 0;
            for (std::size_t h = 0; h < pi.size(); ++h)
                sum += q[h] = pi[h] * std::exp(theta * double(h));
            for (double &v : q)
                v /= sum;
            out.emplace_back(count, q);
        }
        return out;
    };
    for (const double v : {0.04, 0.25})
        for (const int o : {16, 24, 32, 50}) {
            const int steps = 400;
            const double sd = std::sqrt(v), h = 16 * sd / steps;
            double exact = 0;
            for (int i = 0; i <= steps; ++i) {
                const double theta = -8 * sd + i * h;
                const double weight = (i == 0 || i == steps) ? 1 : (i % 2 ? 4 : 2);
                exact += weight * exactUpper(convolve(tilted(theta)), 0, o) *
                         std::exp(-theta * theta / (2 * v)) / (sd * std::sqrt(2 * M_PI));
            }
            exact *= h / 3;
            const double mixed = SaddlepointTail::formula(groupsOf(g), o, v);
            EXPECT_NEAR(mixed / exact, 1.0, 0.03) << "v " << v << ", O = " << o << ": " << exact;
            // the program's mixture (exact tails of this small sum, the same integration)
            EXPECT_NEAR(SaddlepointTail::latticeMixture(groupsOf(g), o, v) / exact, 1.0, 0.01)
                << "v " << v << ", O = " << o;
            EXPECT_GT(mixed, SaddlepointTail::lattice(groupsOf(g), o)); // the spread widens it
        }
    // no spread: the lattice tail itself
    EXPECT_EQ(SaddlepointTail::latticeMixture(groupsOf(g), 20, 0),
              SaddlepointTail::lattice(groupsOf(g), 20));
}

// A symmetric sum (a hundred fair coins) is almost normal: the saddlepoint agrees with the exact.
TEST(SaddlepointTail, AgreesWithTheExactForASymmetricSum) {
    const std::vector<std::pair<int, std::vector<double>>> g = {{100, {0.5, 0.5}}};
    const std::vector<double> dist = convolve(g);
    for (const int o : {55, 60, 65, 70}) {
        const double exact = exactUpper(dist, 0, o);
        EXPECT_NEAR(SaddlepointTail::formula(groupsOf(g), o) / exact, 1.0, 0.01) << "O = " << o;
    }
}

// Points that move in steps of 2 (a 2-point task nobody gets 1 on) live on a lattice of span 2:
// the continuity correction is a whole point.
TEST(SaddlepointTail, FindsTheSpanOfTheLattice) {
    const std::vector<std::pair<int, std::vector<double>>> g = {{12, {0.5, 0.0, 0.5}}};
    const std::vector<double> dist = convolve(g);
    for (const int o : {16, 20, 22})
        EXPECT_NEAR(SaddlepointTail::formula(groupsOf(g), o) / exactUpper(dist, 0, o), 1.0, 0.06)
            << "O = " << o;
}

// A lumpy sum: 8 pupils with 0 points for certain, one mostly at 0–1, seven mostly at 2 or 6
// (none at 4). Near its top (48) the formula swings from 0.7 to 2.7 times the exact tail
// (check_stats.py found it); a sum this small is convolved exactly, for the tail and for its
// mixture over a school's tilt (SciPy: 3.5726552144650815e-07 and 3.322541021759523e-04).
TEST(SaddlepointTail, IsExactForALumpySum) {
    const std::vector<std::pair<int, std::vector<double>>> g = {
        {8, {1, 0, 0, 0, 0, 0, 0, 0, 0}},
        {1,
         {0.4093816631130064, 0.4978678038379531, 0.050106609808102345, 0.017057569296375266, 0, 0,
          0.0255863539445629, 0, 0}},
        {7,
         {0.003367003367003367, 0.020202020202020204, 0.7710437710437711, 0.008417508417508417, 0,
          0.037037037037037035, 0.15993265993265993, 0, 0}}};
    const std::vector<double> dist = convolve(g);
    for (int o = 1; o <= 48; ++o)
        EXPECT_NEAR(SaddlepointTail::lattice(groupsOf(g), o) / exactUpper(dist, 0, o), 1.0, 1e-9)
            << "O = " << o;
    EXPECT_NEAR(SaddlepointTail::lattice(groupsOf(g), 45) / 3.5726552144650815e-07, 1.0, 1e-9);
    EXPECT_NEAR(SaddlepointTail::latticeMixture(groupsOf(g), 45, 0.03992154215542727) /
                    3.322541021759523e-04,
                1.0, 0.01);
    EXPECT_GT(SaddlepointTail::formula(groupsOf(g), 45) / 3.5726552144650815e-07, 2.5);
    EXPECT_LT(SaddlepointTail::formula(groupsOf(g), 47) / exactUpper(dist, 0, 47), 0.75);
}

// A sum whose convolution would take more than 2·10⁵ multiply-adds, far from its top, keeps the
// formula (a thousand coins, 470 points below the top); 24 points below the top it is exact.
TEST(SaddlepointTail, KeepsTheFormulaForALargeSumFarFromItsTop) {
    const std::vector<std::pair<int, std::vector<double>>> g = {{1000, {0.5, 0.5}}};
    EXPECT_EQ(SaddlepointTail::lattice(groupsOf(g), 530),
              SaddlepointTail::formula(groupsOf(g), 530));
    const std::vector<double> dist = convolve(g);
    EXPECT_NEAR(SaddlepointTail::lattice(groupsOf(g), 976) / exactUpper(dist, 0, 976), 1.0, 1e-9);
    EXPECT_NE(SaddlepointTail::lattice(groupsOf(g), 976),
              SaddlepointTail::formula(groupsOf(g), 976));
}
