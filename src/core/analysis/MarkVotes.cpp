#include "objectivity/core/analysis/MarkVotes.h"

#include <algorithm>

namespace objectivity::core {

MarkVotes::MarkVotes(const std::vector<const std::vector<std::uint16_t> *> &units, int maxPrimary)
    : m_top(std::max(maxPrimary, 0)) {
    for (const auto *marks : units)
        for (const std::uint16_t pm : *marks)
            m_top = std::max(m_top, pm >> 3);
    m_votes.assign(static_cast<std::size_t>(m_top + 1) * 6, 0);
    for (const auto *marks : units) {
        const auto &pm = *marks; // sorted: the works of one score are adjacent
        std::size_t i = 0;
        while (i < pm.size()) {
            const int score = pm[i] >> 3;
            int count[6] = {0, 0, 0, 0, 0, 0};
            for (; i < pm.size() && (pm[i] >> 3) == score; ++i)
                ++count[pm[i] & 7];
            int best = 0, bestCount = 0;
            bool tie = false;
            for (int k = 2; k <= 5; ++k) {
                if (count[k] > bestCount) {
                    best = k;
                    bestCount = count[k];
                    tie = false;
                } else if (count[k] == bestCount && bestCount > 0) {
                    tie = true;
                }
            }
            if (best > 0 && !tie)
                ++m_votes[static_cast<std::size_t>(score * 6 + best)];
        }
    }
}

int MarkVotes::contradicting(int k, int b) const {
    int n = 0;
    for (int s = 0; s <= m_top; ++s)
        for (int m = 2; m <= 5; ++m)
            if ((s < b) == (m >= k))
                n += votes(s, m);
    return n;
}

std::array<int, 6> MarkVotes::boundaries() const {
    std::array<int, 6> result{};
    int previous = 0;
    for (int k = 3; k <= 5; ++k) {
        int atLeast = 0;
        for (int s = 0; s <= m_top; ++s)
            for (int m = k; m <= 5; ++m)
                atLeast += votes(s, m);
        if (atLeast == 0)
            break;
        int best = 0, bestCost = contradicting(k, 0);
        for (int b = 1; b <= m_top; ++b)
            if (const int cost = contradicting(k, b); cost <= bestCost) {
                bestCost = cost;
                best = b;
            }
        if (best <= previous)
            break; // not increasing: the data cannot tell this boundary
        result[static_cast<std::size_t>(k)] = best;
        previous = best;
    }
    return result;
}

MarkVotes::Dispute MarkVotes::dispute(int k, int given, int other) const {
    Dispute d;
    const bool otherLower = other < given; // the data gives «k» from fewer points
    for (int s = std::min(given, other); s < std::max(given, other); ++s)
        for (int m = 2; m <= 5; ++m) {
            const bool atLeastK = m >= k;
            (atLeastK == otherLower ? d.forOther : d.forGiven) += votes(s, m);
        }
    return d;
}

} // namespace objectivity::core
