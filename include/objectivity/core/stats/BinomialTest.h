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
};

} // namespace objectivity::core
