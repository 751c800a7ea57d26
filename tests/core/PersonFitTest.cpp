// Person-fit statistics on hand-made response matrices. Expected values: counted by hand (see the
// comments) and by an independent brute-force computation in Python (all step pairs; the maximum
// over every score vector with the same total), the same as tests/scripts/check_stats.py runs.
#include "objectivity/core/stats/PersonFit.h"

#include <gtest/gtest.h>

#include <cmath>

using namespace objectivity::core;

namespace {

// 3 tasks with maxima 1, 2, 2 and 8 works; the step popularities come from the works themselves
// (as PerFit's Gpoly): task 2 step 1 6/8, task 1 step 1 5/8, task 3 step 1 5/8, task 2 step 2
// 4/8, task 3 step 2 2/8 → ranks 1..5 in that order (ties: task 1 before task 3).
const std::vector<int> kMax = {1, 2, 2};
const std::vector<std::vector<std::int8_t>> kWorks = {{1, 2, 1}, {1, 1, 0}, {1, 2, 2}, {0, 0, 0},
                                                      {1, 1, 1}, {0, 2, 2}, {1, 0, 0}, {0, 2, 1}};

PersonFit fitOf(const std::vector<std::vector<std::int8_t>> &works) {
    std::vector<std::vector<double>> pass(kMax.size());
    for (std::size_t j = 0; j < kMax.size(); ++j) {
        pass[j].assign(static_cast<std::size_t>(kMax[j]), 0);
        for (const auto &w : works)
            for (int k = 1; k <= w[j]; ++k)
                pass[j][static_cast<std::size_t>(k - 1)] += 1;
    }
    return PersonFit(kMax, pass, double(works.size()));
}

} // namespace

TEST(PersonFit, StepsRankedByPopularityTiesInTaskOrder) {
    const PersonFit fit = fitOf(kWorks);
    EXPECT_EQ(fit.steps(), 5);
    EXPECT_EQ(fit.rank(1, 1), 1);
    EXPECT_EQ(fit.rank(0, 1), 2);
    EXPECT_EQ(fit.rank(2, 1), 3);
    EXPECT_EQ(fit.rank(1, 2), 4);
    EXPECT_EQ(fit.rank(2, 2), 5);
}

TEST(PersonFit, GuttmanErrorsAsCountedByHandAndBySciPyScript) {
    const PersonFit fit = fitOf(kWorks);
    // G^p and G^p_normed of the 8 works (brute force in Python: /usr/bin/python3, all pairs)
    const long long g[] = {0, 0, 0, 0, 0, 3, 1, 2};
    const double normed[] = {0.0, 0.0, NAN, NAN, 0.0, 1.0, 0.5, 0.5};
    for (std::size_t i = 0; i < kWorks.size(); ++i) {
        EXPECT_EQ(fit.guttmanErrors(kWorks[i].data()), g[i]) << i;
        const double v = fit.normedGuttman(kWorks[i].data());
        if (std::isnan(normed[i]))
            EXPECT_TRUE(std::isnan(v)) << i;
        else
            EXPECT_DOUBLE_EQ(v, normed[i]) << i;
    }
    // {0,2,2}: ranks 1+4+3+5 = 13, X = 4, G = 13 − 10 = 3; the most errors a total of 4 allows
    // fails the easiest last step (task 1, rank 2): 15 − 2 − 10 = 3
    EXPECT_EQ(fit.maxGuttmanErrors(4), 3);
    // {1,0,0}: only task 1 step 1 (rank 2) passed, one easier step failed; the most for X = 1 is
    // task 3 step 1 (rank 3): 2
    EXPECT_EQ(fit.maxGuttmanErrors(1), 2);
    EXPECT_EQ(fit.maxGuttmanErrors(0), 0);
    EXPECT_EQ(fit.maxGuttmanErrors(5), 0);
}

TEST(PersonFit, NotAttemptedCountsAsZeroAndPointsAreClamped) {
    const PersonFit fit = fitOf(kWorks);
    const std::int8_t missing[] = {-1, 2, 2}, same[] = {0, 2, 2}, over[] = {1, 9, 2};
    EXPECT_EQ(fit.guttmanErrors(missing), fit.guttmanErrors(same));
    EXPECT_EQ(fit.total(over), 5);
    EXPECT_EQ(fit.guttmanErrors(over), 0);
}

TEST(PersonFit, HardStepsWithoutEasyOnesAreTheMostAberrant) {
    // a Guttman-consistent work (the easiest steps passed) has no error; the reverse pattern with
    // the same total has the most
    const PersonFit fit = fitOf(kWorks);
    const std::int8_t consistent[] = {1, 1, 0}; // ranks 2, 1: X = 2, G = 3 − 3 = 0
    const std::int8_t reversed[] = {0, 0, 2};   // ranks 3, 5: X = 2, G = 8 − 3 = 5
    EXPECT_EQ(fit.guttmanErrors(consistent), 0);
    EXPECT_EQ(fit.guttmanErrors(reversed), 5);
    EXPECT_EQ(fit.maxGuttmanErrors(2), 5);
    EXPECT_DOUBLE_EQ(fit.normedGuttman(reversed), 1.0);
}

TEST(PersonFit, LzPolyAsDrasgowLevineWilliams) {
    // values from the double-sum variance of Drasgow et al. (1985) computed in Python
    const std::vector<std::vector<double>> p = {{0.2, 0.8}, {0.5, 0.3, 0.2}, {0.6, 0.2, 0.1, 0.1}};
    const std::int8_t likely[] = {1, 0, 0}, unlikely[] = {0, 2, 3}, middle[] = {1, 1, 1};
    EXPECT_NEAR(PersonFit::lzPoly(p, likely), 1.1979918252020525, 1e-12);
    EXPECT_NEAR(PersonFit::lzPoly(p, unlikely), -2.9174894430340212, 1e-12);
    EXPECT_NEAR(PersonFit::lzPoly(p, middle), -0.4197546737434871, 1e-12);
    // one certain category in every task: no variance
    const std::vector<std::vector<double>> certain = {{0.0, 1.0}};
    EXPECT_TRUE(std::isnan(PersonFit::lzPoly(certain, likely)));
}
