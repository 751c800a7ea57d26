// Hand-worked examples with known answers for the statistics used by the analysis.
#include "objectivity/core/common/NumberText.h"
#include "objectivity/core/stats/BenjaminiHochberg.h"
#include "objectivity/core/stats/BinomialTest.h"
#include "objectivity/core/stats/MannWhitney.h"
#include "objectivity/core/stats/NormalDistribution.h"
#include "objectivity/core/stats/Ranking.h"
#include "objectivity/core/stats/SpearmanCorrelation.h"
#include "objectivity/core/stats/StudentT.h"
#include "objectivity/core/stats/TrinomialSumTail.h"
#include "objectivity/core/stats/WeightedKappa.h"
#include "objectivity/core/stats/ZTest.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <map>

using namespace objectivity::core;

TEST(NormalDistribution, KnownValues) {
    EXPECT_NEAR(NormalDistribution::cdf(0), 0.5, 1e-15);
    EXPECT_NEAR(NormalDistribution::cdf(1.96), 0.9750021048517795, 1e-12);
    EXPECT_NEAR(NormalDistribution::sf(1.96), 1 - 0.9750021048517795, 1e-12);
    EXPECT_NEAR(NormalDistribution::sf(8), 6.22096057427178e-16, 1e-24); // tail kept accurate
    EXPECT_NEAR(NormalDistribution::quantile(0.975), 1.959963984540054, 1e-12);
    EXPECT_NEAR(NormalDistribution::quantile(1e-10), -6.361340902404056, 1e-9);
    EXPECT_TRUE(std::isinf(NormalDistribution::quantile(1.0)));
    for (double p : {0.001, 0.1, 0.3, 0.5, 0.77, 0.999})
        EXPECT_NEAR(NormalDistribution::cdf(NormalDistribution::quantile(p)), p, 1e-13);
}

TEST(ZTest, TwoProportionsPooled) {
    // 30 of 50 vs 400 of 1000: pooled p = 430/1050, z = 0.2 / sqrt(p(1-p)(1/50+1/1000)) = 2.8066
    const TestResult r = ZTest::proportionsGreater(30, 50, 400, 1000);
    ASSERT_TRUE(r.valid);
    EXPECT_NEAR(r.statistic, 2.806593886245492, 1e-9);
    EXPECT_NEAR(r.pValue, 0.0025034159865013625, 1e-10);
    // the other direction is not significant
    EXPECT_GT(ZTest::proportionsGreater(400, 1000, 30, 50).pValue, 0.99);
    EXPECT_FALSE(ZTest::proportionsGreater(0, 0, 1, 2).valid);
}

TEST(ZTest, ProportionAboveAndMeans) {
    // 60 of 100 vs p0 = 0.5: z = 0.1 / 0.05 = 2
    const TestResult p = ZTest::proportionAbove(60, 100, 0.5);
    EXPECT_NEAR(p.statistic, 2.0, 1e-12);
    EXPECT_NEAR(p.pValue, NormalDistribution::sf(2.0), 1e-15);
    // means 70 vs 60, variances 100 and 400, n 25 and 100: se = sqrt(4 + 4) = 2.828, z = 3.5355
    const TestResult m = ZTest::meansGreater(70, 100, 25, 60, 400, 100);
    EXPECT_NEAR(m.statistic, 10 / std::sqrt(8.0), 1e-12);
    EXPECT_FALSE(ZTest::meansGreater(70, 0, 25, 60, 0, 100).valid);
}

TEST(BinomialTest, TailsByHand) {
    // P(X >= 8 | 10, 1/2) = (45 + 10 + 1) / 1024
    EXPECT_NEAR(BinomialTest::upperTail(8, 10, 0.5), 56.0 / 1024.0, 1e-14);
    // P(X <= 1 | 20, 0.3) = 0.7^20 + 20*0.3*0.7^19
    EXPECT_NEAR(BinomialTest::lowerTail(1, 20, 0.3),
                std::pow(0.7, 20) + 20 * 0.3 * std::pow(0.7, 19), 1e-14);
    EXPECT_DOUBLE_EQ(BinomialTest::upperTail(0, 5, 0.2), 1.0);
    EXPECT_DOUBLE_EQ(BinomialTest::upperTail(6, 5, 0.2), 0.0);
    EXPECT_NEAR(BinomialTest::pmf(2, 4, 0.5), 6.0 / 16.0, 1e-15);
}

TEST(Ranking, TiesShareTheMeanRank) {
    const std::vector<double> r = Ranking::averageRanks({10, 20, 20, 5, 20});
    EXPECT_EQ(r, (std::vector<double>{2, 4, 4, 1, 4}));
    EXPECT_DOUBLE_EQ(Ranking::tieTerm({10, 20, 20, 5, 20}), 24.0); // 3^3 - 3
}

TEST(MannWhitney, SmallSampleWithTies) {
    // scipy.stats.mannwhitneyu([3,4,4,5,6],[1,2,2,3,4,4],alternative="greater") -> U 25.5, p 0.0302
    const std::vector<double> a{3, 4, 4, 5, 6}, b{1, 2, 2, 3, 4, 4};
    const TestResult r = MannWhitney::greater(a, b);
    ASSERT_TRUE(r.valid);
    EXPECT_DOUBLE_EQ(r.statistic, 25.5);
    EXPECT_NEAR(r.pValue, 0.030213227253196466, 1e-12);
    // the counts form (values 1..6) gives the same
    const TestResult c =
        MannWhitney::greaterFromCounts({0, 0, 0, 1, 2, 1, 1}, {0, 1, 2, 1, 2, 0, 0});
    EXPECT_DOUBLE_EQ(c.statistic, 25.5);
    EXPECT_NEAR(c.pValue, r.pValue, 1e-14);
    EXPECT_GT(MannWhitney::greater(b, a).pValue, 0.95);
}

TEST(WeightedKappa, TwoCategoriesIsCohensKappa) {
    // table [[20,5],[10,15]]: po = 0.7, pe = (25*30 + 25*20) / 2500 = 0.5, kappa = 0.4
    EXPECT_NEAR(WeightedKappa::quadraticFromTable({20, 5, 10, 15}, 2), 0.4, 1e-14);
    std::vector<int> a{2, 3, 4, 5, 4}, b{2, 3, 4, 5, 4};
    EXPECT_NEAR(WeightedKappa::quadratic(a, b, 2, 5), 1.0, 1e-14);
    EXPECT_TRUE(std::isnan(WeightedKappa::quadratic({4, 4}, {4, 4}, 2, 5)));
}

TEST(WeightedKappa, QuadraticWeightsByHand) {
    // 3 categories, marks (a,b): (0,0) (1,2) (2,1) (2,2). Weights (i-j)^2/4.
    // observed: 2 pairs at distance 1 -> 2 * 0.25 / 4 = 0.125
    // margins a: {1,1,2}, b: {1,1,2}; expected = sum w_ij ra_i rb_j / 16
    //   = (0.25*(1*1+1*1+1*2+2*1)*... computed: pairs
    //   (0,1):.25*1*1,(0,2):1*1*2,(1,0):.25,(1,2):.25*1*2,
    //     (2,0):1*2*1,(2,1):.25*2*1 -> .25+2+.25+.5+2+.5 = 5.5 / 16 = 0.34375
    // kappa = 1 - 0.125 / 0.34375 = 0.636363...
    EXPECT_NEAR(WeightedKappa::quadratic({0, 1, 2, 2}, {0, 2, 1, 2}, 0, 2), 1 - 0.125 / 0.34375,
                1e-14);
}

TEST(SpearmanCorrelation, WithTies) {
    // scipy.stats.spearmanr([1,2,2,3,4],[2,1,3,3,5]) -> 0.7631578947368421
    EXPECT_NEAR(SpearmanCorrelation::rho({1, 2, 2, 3, 4}, {2, 1, 3, 3, 5}), 0.7631578947368421,
                1e-14);
    // the same pairs as a table: x categories 1,2,3,4; y categories 1,2,3,5
    std::vector<double> table(16, 0.0);
    auto add = [&](int xi, int yi) { table[static_cast<std::size_t>(xi * 4 + yi)] += 1; };
    add(0, 1); // (1,2)
    add(1, 0); // (2,1)
    add(1, 2); // (2,3)
    add(2, 2); // (3,3)
    add(3, 3); // (4,5)
    EXPECT_NEAR(SpearmanCorrelation::rhoFromTable(table, 4, 4), 0.7631578947368421, 1e-14);
    EXPECT_NEAR(SpearmanCorrelation::rho({1, 2, 3}, {3, 2, 1}), -1.0, 1e-15);
    EXPECT_TRUE(std::isnan(SpearmanCorrelation::rho({1, 1, 1}, {1, 2, 3})));
}

TEST(BenjaminiHochberg, AdjustsInInputOrder) {
    // sorted: .005*4/1 = .02, .01*4/2 = .02, .03*4/3 = .04, .04*4/4 = .04
    const std::vector<double> q = BenjaminiHochberg::adjust({0.01, 0.04, 0.03, 0.005});
    ASSERT_EQ(q.size(), 4u);
    EXPECT_NEAR(q[0], 0.02, 1e-15);
    EXPECT_NEAR(q[1], 0.04, 1e-15);
    EXPECT_NEAR(q[2], 0.04, 1e-15);
    EXPECT_NEAR(q[3], 0.02, 1e-15);
    // monotone step-up: a large p later lowers nothing, and values are capped at 1
    const std::vector<double> q2 = BenjaminiHochberg::adjust({0.9, 0.8, std::nan("")});
    EXPECT_NEAR(q2[0], 0.9, 1e-15);
    EXPECT_NEAR(q2[1], 0.9, 1e-15);
    EXPECT_TRUE(std::isnan(q2[2]));
}

TEST(BenjaminiHochberg, WeightedRunsOnPOverTheWeightsScaledToMeanOne) {
    // weights 4, 2, 1, 1 (mean 2) scaled to 2, 1, ½, ½: p/w = .005, .02, .06, .08; sorted BH with
    // m = 4: .08·4/4 = .08, .06·4/3 = .08, .02·4/2 = .04, .005·4/1 = .02
    const std::vector<double> q = BenjaminiHochberg::adjust({0.01, 0.02, 0.03, 0.04}, {4, 2, 1, 1});
    ASSERT_EQ(q.size(), 4u);
    EXPECT_NEAR(q[0], 0.02, 1e-15);
    EXPECT_NEAR(q[1], 0.04, 1e-15);
    EXPECT_NEAR(q[2], 0.08, 1e-15);
    EXPECT_NEAR(q[3], 0.08, 1e-15);
    // unweighted, the first would need q = .04: the weight halves the p it needs
    EXPECT_NEAR(BenjaminiHochberg::adjust({0.01, 0.02, 0.03, 0.04})[0], 0.04, 1e-15);
    // equal weights are the usual BH; NaN stays NaN and is not counted in the mean or in m
    const std::vector<double> p = {0.01, 0.04, std::nan(""), 0.03, 0.005};
    const std::vector<double> equal = BenjaminiHochberg::adjust(p, {3, 3, 100, 3, 3});
    const std::vector<double> plain = BenjaminiHochberg::adjust(p);
    for (std::size_t i = 0; i < p.size(); ++i)
        if (std::isnan(p[i]))
            EXPECT_TRUE(std::isnan(equal[i]));
        else
            EXPECT_NEAR(equal[i], plain[i], 1e-15);
    // a test of weight 0 is never a discovery: p/0 is taken as 1 (the weights scaled to mean 1
    // are 1.5, 1.5, 0: .01/1.5·3/1 = .02, .08/1.5·3/2 = .08)
    const std::vector<double> zero = BenjaminiHochberg::adjust({0.01, 0.08, 1e-9}, {1, 1, 0});
    EXPECT_NEAR(zero[0], 0.02, 1e-15);
    EXPECT_NEAR(zero[1], 0.08, 1e-15);
    EXPECT_DOUBLE_EQ(zero[2], 1.0);
}

TEST(BenjaminiHochberg, TiesAndTheDefinitionOnManyValues) {
    // q of the k-th smallest p = min over j >= k of p_(j) m / j, capped at 1 (Benjamini and
    // Hochberg 1995), written out in O(m²) against the sorted implementation; p on a grid of
    // 0.005 so that many are tied (tied p values get the same q in either order)
    std::vector<double> p;
    std::uint32_t state = 12345;
    for (int i = 0; i < 300; ++i) {
        state = state * 1664525u + 1013904223u;
        p.push_back(i % 17 == 0 ? std::nan("") : 0.005 * static_cast<double>((state >> 8) % 60));
    }
    const std::vector<double> q = BenjaminiHochberg::adjust(p);
    std::vector<double> sorted;
    for (const double v : p)
        if (!std::isnan(v))
            sorted.push_back(v);
    std::sort(sorted.begin(), sorted.end());
    const double m = static_cast<double>(sorted.size());
    int ties = 0;
    for (std::size_t i = 0; i < p.size(); ++i) {
        if (std::isnan(p[i])) {
            EXPECT_TRUE(std::isnan(q[i]));
            continue;
        }
        // the first rank of this value; a later rank of a tie gives the same minimum
        const std::size_t first = static_cast<std::size_t>(
            std::lower_bound(sorted.begin(), sorted.end(), p[i]) - sorted.begin());
        double expected = 1.0;
        for (std::size_t j = first; j < sorted.size(); ++j)
            expected = std::min(expected, sorted[j] * m / static_cast<double>(j + 1));
        EXPECT_NEAR(q[i], expected, 1e-15) << "p = " << p[i];
        ties += first + 1 < sorted.size() && sorted[first + 1] == p[i];
    }
    EXPECT_GT(ties, 100);
}

TEST(StudentT, CornishFisherAgainstTheTables) {
    // t quantiles of 0.99 and 0.975 from the tables (scipy.stats.t.ppf): within 2.5 % from df 3
    const std::map<int, std::pair<double, double>> table = {{3, {4.5407, 3.1824}},
                                                            {5, {3.3649, 2.5706}},
                                                            {10, {2.7638, 2.2281}},
                                                            {30, {2.4573, 2.0423}}};
    for (const auto &[df, q] : table) {
        EXPECT_NEAR(StudentT::quantile(0.99, df), q.first, 0.025 * q.first) << df;
        EXPECT_NEAR(StudentT::quantile(0.975, df), q.second, 0.025 * q.second) << df;
    }
    // towards the normal quantile as df grows, and above it
    EXPECT_NEAR(StudentT::quantile(0.99, 100000), NormalDistribution::quantile(0.99), 1e-4);
    EXPECT_GT(StudentT::quantile(0.99, 2), StudentT::quantile(0.99, 3));
}

TEST(TrinomialSumTail, OneAndTwoComponentsByHand) {
    // m = 2, (pA, pB, pC) = (½, ¼, ¼), U = A − B: P(U=2) = ¼, P(U=1) = ¼, P(U=0) = 5/16,
    // P(U=−1) = 1/8, P(U=−2) = 1/16
    const TrinomialSumTail::Component one{2, 0.5, 0.25, 1, -1};
    EXPECT_NEAR(TrinomialSumTail::exact({one}, 2), 0.25, 1e-15);
    EXPECT_NEAR(TrinomialSumTail::exact({one}, 1), 0.5, 1e-15);
    EXPECT_NEAR(TrinomialSumTail::exact({one}, 0), 0.8125, 1e-15);
    EXPECT_NEAR(TrinomialSumTail::exact({one}, -1), 0.9375, 1e-15);
    EXPECT_NEAR(TrinomialSumTail::exact({one}, -2), 1.0, 1e-15);
    EXPECT_NEAR(TrinomialSumTail::exact({one}, 3), 0.0, 1e-15);
    // plus m = 1, (0.2, 0.3, 0.5), V = 2A − 3B: P(U + V ≥ 2) = ¼·0.7 + ¼·0.2 + 5/16·0.2
    const TrinomialSumTail::Component two{1, 0.2, 0.3, 2, -3};
    EXPECT_NEAR(TrinomialSumTail::exact({one, two}, 2), 0.2875, 1e-15);
}

TEST(TrinomialSumTail, AgreesWithEnumerationOfEveryOutcome) {
    const std::vector<TrinomialSumTail::Component> parts = {
        {4, 0.3, 0.45, 5, -7}, {3, 0.25, 0.5, 9, -7}, {5, 0.4, 0.35, 3, -7}};
    // the joint distribution by brute force over every (A, B) of every window
    std::map<long long, double> joint{{0, 1.0}};
    for (const auto &c : parts) {
        std::map<long long, double> next;
        for (const auto &[value, p] : joint)
            for (int a = 0; a <= c.m; ++a)
                for (int b = 0; a + b <= c.m; ++b) {
                    const int rest = c.m - a - b;
                    const double coef = std::tgamma(c.m + 1.0) / std::tgamma(a + 1.0) /
                                        std::tgamma(b + 1.0) / std::tgamma(rest + 1.0);
                    next[value + a * c.wA + b * c.wB] += p * coef * std::pow(c.pA, a) *
                                                         std::pow(c.pB, b) *
                                                         std::pow(1 - c.pA - c.pB, rest);
                }
        joint = next;
    }
    for (long long u = -90; u <= 90; u += 7) {
        double tail = 0;
        for (const auto &[value, p] : joint)
            tail += value >= u ? p : 0;
        EXPECT_NEAR(TrinomialSumTail::exact(parts, u), tail, 1e-12) << u;
    }
}

TEST(TrinomialSumTail, NormalApproximationIsCloseForLargeWindows) {
    const std::vector<TrinomialSumTail::Component> parts = {{120, 0.3, 0.4, 6, -9},
                                                            {150, 0.35, 0.35, 7, -9}};
    for (long long u : {0LL, 60LL, 120LL, 200LL}) {
        const double exact = TrinomialSumTail::exact(parts, u);
        EXPECT_NEAR(TrinomialSumTail::normal(parts, u), exact, 0.01) << u;
    }
}

TEST(NumberText, CountedTakesTheRussianPluralOfTheNumber) {
    auto pts = [](int n) { return NumberText::counted(n, u"балл", u"балла", u"баллов"); };
    EXPECT_EQ(pts(1), QStringLiteral("1 балл"));
    EXPECT_EQ(pts(21), QStringLiteral("21 балл"));
    EXPECT_EQ(pts(3), QStringLiteral("3 балла"));
    EXPECT_EQ(pts(11), QStringLiteral("11 баллов"));
    EXPECT_EQ(pts(12), QStringLiteral("12 баллов"));
    EXPECT_EQ(pts(0), QStringLiteral("0 баллов"));
    EXPECT_EQ(pts(112), QStringLiteral("112 баллов"));
}

// Thousands apart with a no-break space (a line never breaks inside «23 576»), also in counts.
TEST(NumberText, GroupsThousandsAsRussianDocumentsDo) {
    const QChar nbsp(0x00A0);
    EXPECT_EQ(NumberText::grouped(23576), QStringLiteral("23") + nbsp + QStringLiteral("576"));
    EXPECT_EQ(NumberText::grouped(1071891),
              QStringLiteral("1") + nbsp + QStringLiteral("071") + nbsp + QStringLiteral("891"));
    EXPECT_EQ(NumberText::grouped(999), QStringLiteral("999"));
    EXPECT_EQ(NumberText::counted(1231, u"работа", u"работы", u"работ"),
              QStringLiteral("1") + nbsp + QStringLiteral("231 работа"));
    EXPECT_EQ(NumberText::counted(23576, u"работа", u"работы", u"работ"),
              QStringLiteral("23") + nbsp + QStringLiteral("576 работ"));
}

TEST(NumberText, DecimalCommaWhateverTheLocale) {
    EXPECT_EQ(NumberText::fixed(74.06, 1), QStringLiteral("74,1"));
    EXPECT_EQ(NumberText::fixed(-0.314, 2), QStringLiteral("−0,31")); // the minus sign, U+2212
    EXPECT_EQ(NumberText::fixed(-0.004, 2), QStringLiteral("0,00"));  // no «-0,00»
    EXPECT_EQ(NumberText::fixed(-0.4, 0), QStringLiteral("0"));
    EXPECT_EQ(NumberText::fixed(-12.5, 1), QStringLiteral("−12,5"));
    EXPECT_EQ(NumberText::fixed(413.4, 0), QStringLiteral("413"));
}
