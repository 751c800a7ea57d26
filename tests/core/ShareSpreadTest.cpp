// ShareSpread: the test of one school's share against the region with the region's spread of
// the share between schools. Expected values by hand (the beta-binomial's sum of
// C(n, j)·B(j + a, n − j + b)/B(a, b), a = p0(1/ρ − 1), b = (1 − p0)(1/ρ − 1)).
#include "objectivity/core/stats/ShareSpread.h"

#include "objectivity/core/stats/BinomialTest.h"

#include <gtest/gtest.h>

using namespace objectivity::core;

TEST(ShareSpread, UpperTailIsTheBetaBinomialWithTheSpread) {
    // 3 of 10 at 1 % with σ = 2 p.p.
    EXPECT_NEAR(ShareSpread::upperTail(3, 10, 0.01, 0.0004), 0.0028566580629515296, 1e-15);
    // without a spread, the binomial
    EXPECT_DOUBLE_EQ(ShareSpread::upperTail(3, 10, 0.01, 0), BinomialTest::upperTail(3, 10, 0.01));
    // ρ is capped at 0.5 however wide the spread: 8 of 25 at 1 % with ρ = 0.5
    EXPECT_DOUBLE_EQ(ShareSpread::correlation(0.01, 1.0), 0.5);
    EXPECT_NEAR(ShareSpread::upperTail(8, 25, 0.01, 1.0), 0.012281173506933316, 1e-14);
}

TEST(ShareSpread, SchoolsFarBeyondTheOthersDoNotWidenTheSpread) {
    // 60 schools of 20 at 10 %, counts 0…4 in turn: their spread; ten schools of 15 of 20 added
    // are trimmed (their tail p is far below 0.05/m) and leave it as it was
    std::vector<ShareSpread::Deviation> schools;
    for (int i = 0; i < 60; ++i)
        schools.push_back({i % 5, 20, 0.1});
    const double honest = ShareSpread::of(schools);
    EXPECT_GT(honest, 0.0);
    std::vector<ShareSpread::Deviation> withSigns = schools;
    for (int i = 0; i < 10; ++i)
        withSigns.push_back({15, 20, 0.1});
    EXPECT_DOUBLE_EQ(ShareSpread::of(withSigns), honest);
    // fewer than kMinSchools: not estimated
    schools.resize(ShareSpread::kMinSchools - 1);
    EXPECT_EQ(ShareSpread::of(schools), 0.0);
}

TEST(ShareSpread, ASmallGroupTakesItsPoolsSpread) {
    // one procedure of 60 schools, one of 10 in the same pool, one of 10 in none
    std::vector<ShareSpread::Deviation> large, small;
    for (int i = 0; i < 60; ++i)
        large.push_back({i % 5, 20, 0.1});
    for (int i = 0; i < 10; ++i)
        small.push_back({(3 * i) % 7, 20, 0.1});
    std::vector<ShareSpread::Deviation> pool = large;
    pool.insert(pool.end(), small.begin(), small.end());
    const std::vector<double> spread = ShareSpread::ofGroups({large, small, small}, {0, 0, -1});
    ASSERT_EQ(spread.size(), 3u);
    EXPECT_DOUBLE_EQ(spread[0], ShareSpread::of(large)); // its own
    EXPECT_DOUBLE_EQ(spread[1], ShareSpread::of(pool));  // the pool's, the small group included
    EXPECT_NE(spread[1], spread[0]);
    EXPECT_EQ(spread[2], 0.0); // no pool: not estimated
}
