#include "objectivity/simulation/Rng.h"

#include <cmath>

namespace objectivity::simulation {

namespace {
std::uint64_t splitmix(std::uint64_t x) {
    x += 0x9E3779B97F4A7C15ULL;
    x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
    x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
    return x ^ (x >> 31);
}
} // namespace

std::uint64_t Rng::derive(std::initializer_list<std::uint64_t> parts) {
    std::uint64_t h = 0x6A09E667F3BCC908ULL;
    for (const std::uint64_t p : parts)
        h = splitmix(h ^ splitmix(p));
    return h;
}

std::uint64_t Rng::hashText(const QString &text) {
    std::uint64_t h = 0xCBF29CE484222325ULL;
    for (const QChar c : text) {
        h ^= c.unicode();
        h *= 0x100000001B3ULL;
    }
    return h;
}

double Rng::uniform() {
    return static_cast<double>(m_engine() >> 11) * 0x1.0p-53;
}

double Rng::normal() {
    if (m_hasSpare) {
        m_hasSpare = false;
        return m_spare;
    }
    double u1 = uniform();
    while (u1 <= 0)
        u1 = uniform();
    const double u2 = uniform();
    const double r = std::sqrt(-2.0 * std::log(u1));
    const double angle = 2.0 * M_PI * u2;
    m_spare = r * std::sin(angle);
    m_hasSpare = true;
    return r * std::cos(angle);
}

int Rng::uniformInt(int lo, int hi) {
    if (hi <= lo)
        return lo;
    const std::uint64_t span = static_cast<std::uint64_t>(hi - lo) + 1;
    return lo + static_cast<int>(m_engine() % span);
}

} // namespace objectivity::simulation
