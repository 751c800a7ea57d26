#pragma once
#include <QString>

#include <cstdint>
#include <initializer_list>
#include <random>

namespace objectivity::simulation {

// A deterministic random source for the data generator: std::mt19937_64 (its output is fixed by the
// standard) with our own distributions, because std:: distributions differ between library
// versions. Sub-streams are seeded by derive() so that every school, cohort and unit gets the same
// numbers whatever else is generated.
class Rng {
public:
    explicit Rng(std::uint64_t seed) : m_engine(seed) {}

    // SplitMix64 finaliser over the parts: a well-mixed seed for a sub-stream.
    static std::uint64_t derive(std::initializer_list<std::uint64_t> parts);
    // FNV-1a over the UTF-16 code units (qHash is randomised per process; this is not).
    static std::uint64_t hashText(const QString &text);

    std::uint64_t next() { return m_engine(); }
    double uniform(); // [0, 1)
    double normal();  // standard normal (Box–Muller)
    double normal(double mean, double sd) { return mean + sd * normal(); }
    int uniformInt(int lo, int hi); // inclusive bounds
    bool bernoulli(double p) { return uniform() < p; }

private:
    std::mt19937_64 m_engine;
    bool m_hasSpare = false;
    double m_spare = 0;
};

} // namespace objectivity::simulation
