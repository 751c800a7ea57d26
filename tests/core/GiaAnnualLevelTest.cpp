// GiaAnnualLevel: the share of unconfirmed annual «4»/«5» expected at a school's level of ГИА
// results. Expected values by hand (NumPy-free Python: the weighted least-squares line through
// the five groups' logits of (k + 0.5)/(n + 1)).
#include "objectivity/core/analysis/GiaAnnualLevel.h"

#include <gtest/gtest.h>

#include <cmath>

using namespace objectivity::core;

namespace {

// 30 schools, six at each position −2, −1, 0, 1, 2, 1000 graduates each, with the shares 30, 20,
// 12, 7 and 4 % of them not confirmed.
std::vector<GiaAnnualLevel::School> fallingWithLevel() {
    const int discordant[] = {300, 200, 120, 70, 40};
    std::vector<GiaAnnualLevel::School> schools;
    for (int g = 0; g < 5; ++g)
        for (int i = 0; i < 6; ++i)
            schools.push_back({double(g - 2), 1000, discordant[g]});
    return schools;
}

} // namespace

TEST(GiaAnnualLevel, TheLineThroughTheGroupsLogits) {
    const GiaAnnualLevel line = GiaAnnualLevel::fit(fallingWithLevel(), 0.146);
    ASSERT_TRUE(line.fitted());
    // a = −1.99732008031087, b = −0.585744784363904
    EXPECT_NEAR(line.slope(), -0.5857447843639036, 1e-12);
    EXPECT_NEAR(line.expected(0.5), 0.09193847994966432, 1e-12);
    EXPECT_NEAR(line.expected(-2), 0.30452740766791075, 1e-12);
    // held within the groups' positions: no extrapolation past the weakest group
    EXPECT_DOUBLE_EQ(line.expected(-5), line.expected(-2));
    EXPECT_DOUBLE_EQ(line.expected(7), line.expected(2));
    // a position that could not be computed: the region's share
    EXPECT_DOUBLE_EQ(line.expected(std::nan("")), 0.146);
    // a weak school expects more unconfirmed marks than a strong one
    EXPECT_GT(line.expected(-1), 2 * line.expected(1.5));
}

TEST(GiaAnnualLevel, OneFarOffSchoolMovesOnlyItsGroup) {
    std::vector<GiaAnnualLevel::School> schools = fallingWithLevel();
    const GiaAnnualLevel honest = GiaAnnualLevel::fit(schools, 0.146);
    // a school of average level with 90 % unconfirmed (inflated annual marks)
    schools[14].discordant = 900;
    const GiaAnnualLevel withOne = GiaAnnualLevel::fit(schools, 0.146);
    EXPECT_LT(withOne.expected(0), 0.2); // 12 % without it; 0.5 at the school itself
    EXPECT_NEAR(withOne.expected(-2), honest.expected(-2), 0.05);
}

TEST(GiaAnnualLevel, TooFewSchoolsOrNoSpreadOfLevelGiveTheRegionsShare) {
    std::vector<GiaAnnualLevel::School> schools = fallingWithLevel();
    schools.resize(29);
    const GiaAnnualLevel few = GiaAnnualLevel::fit(schools, 0.146);
    EXPECT_FALSE(few.fitted());
    EXPECT_DOUBLE_EQ(few.expected(-2), 0.146);
    std::vector<GiaAnnualLevel::School> same(40, {0.3, 50, 5});
    const GiaAnnualLevel flat = GiaAnnualLevel::fit(same, 0.1);
    EXPECT_FALSE(flat.fitted());
    EXPECT_DOUBLE_EQ(flat.expected(1), 0.1);
}
