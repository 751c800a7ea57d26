#pragma once

namespace objectivity::core {

// Exact binomial tails.
class BinomialTest {
public:
    // P(X >= k) for X ~ Bin(n, p).
    static double upperTail(int k, int n, double p);
    // P(X <= k) for X ~ Bin(n, p).
    static double lowerTail(int k, int n, double p);
    // P(X = k).
    static double pmf(int k, int n, double p);
    // P(X >= k) for X ~ BetaBin(n, a, b): a binomial whose chance itself varies between groups
    // as Beta(a, b) (mean a/(a + b), intra-class correlation 1/(a + b + 1)).
    static double betaBinomialUpperTail(int k, int n, double a, double b);
    // P(X = k) for X ~ BetaBin(n, a, b).
    static double betaBinomialPmf(int k, int n, double a, double b);
};

} // namespace objectivity::core
