#include "objectivity/core/stats/PersonFit.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

namespace objectivity::core {

PersonFit::PersonFit(const std::vector<int> &taskMax,
                     const std::vector<std::vector<double>> &passCounts, double reference)
    : m_taskMax(taskMax) {
    for (int &m : m_taskMax)
        m = std::max(0, m);
    struct Step {
        double popularity;
        int index;
    };
    std::vector<Step> order;
    for (std::size_t j = 0; j < m_taskMax.size(); ++j) {
        m_offset.push_back(m_steps);
        for (int k = 1; k <= m_taskMax[j]; ++k) {
            const std::vector<double> *c = j < passCounts.size() ? &passCounts[j] : nullptr;
            const double passed = c && static_cast<std::size_t>(k) <= c->size()
                                      ? (*c)[static_cast<std::size_t>(k - 1)]
                                      : 0.0;
            order.push_back({reference > 0 ? passed / reference : 0.0, m_steps});
            ++m_steps;
        }
    }
    std::stable_sort(order.begin(), order.end(),
                     [](const Step &a, const Step &b) { return a.popularity > b.popularity; });
    m_rank.assign(static_cast<std::size_t>(m_steps), 0);
    for (std::size_t r = 0; r < order.size(); ++r)
        m_rank[static_cast<std::size_t>(order[r].index)] = static_cast<int>(r) + 1;
    // Σ ranks of steps 1..x of each task, x = 0..max
    for (std::size_t j = 0; j < m_taskMax.size(); ++j) {
        m_cumOffset.push_back(static_cast<int>(m_cumRank.size()));
        long long s = 0;
        m_cumRank.push_back(0);
        for (int k = 1; k <= m_taskMax[j]; ++k) {
            s += m_rank[static_cast<std::size_t>(m_offset[j] + k - 1)];
            m_cumRank.push_back(s);
        }
    }
    // max Σ ranks over the works with total X, steps of a task passed in order: a knapsack over
    // the tasks (each task contributes x_j steps, Σ x_j = X)
    constexpr long long none = std::numeric_limits<long long>::min() / 4;
    std::vector<long long> best(static_cast<std::size_t>(m_steps) + 1, none);
    best[0] = 0;
    int reach = 0;
    for (std::size_t j = 0; j < m_taskMax.size(); ++j) {
        std::vector<long long> next(best.size(), none);
        for (int x = 0; x <= reach; ++x) {
            if (best[static_cast<std::size_t>(x)] == none)
                continue;
            for (int k = 0; k <= m_taskMax[j]; ++k) {
                const long long v = best[static_cast<std::size_t>(x)] +
                                    m_cumRank[static_cast<std::size_t>(m_cumOffset[j] + k)];
                long long &slot = next[static_cast<std::size_t>(x + k)];
                slot = std::max(slot, v);
            }
        }
        reach += m_taskMax[j];
        best.swap(next);
    }
    m_maxG.resize(best.size());
    for (std::size_t x = 0; x < best.size(); ++x) {
        const long long lx = static_cast<long long>(x);
        m_maxG[x] = best[x] - lx * (lx + 1) / 2;
    }
}

int PersonFit::rank(int task, int step) const {
    return m_rank[static_cast<std::size_t>(m_offset[static_cast<std::size_t>(task)] + step - 1)];
}

int PersonFit::total(const std::int8_t *points) const {
    int x = 0;
    for (std::size_t j = 0; j < m_taskMax.size(); ++j)
        x += std::clamp<int>(points[j], 0, m_taskMax[j]);
    return x;
}

long long PersonFit::guttmanErrors(const std::int8_t *points) const {
    int total = 0;
    return guttmanErrors(points, &total);
}

long long PersonFit::guttmanErrors(const std::int8_t *points, int *total) const {
    long long ranks = 0, x = 0;
    for (std::size_t j = 0; j < m_taskMax.size(); ++j) {
        const int p = std::clamp<int>(points[j], 0, m_taskMax[j]);
        ranks += m_cumRank[static_cast<std::size_t>(m_cumOffset[j] + p)];
        x += p;
    }
    *total = static_cast<int>(x);
    return ranks - x * (x + 1) / 2;
}

double PersonFit::normedGuttman(const std::int8_t *points) const {
    const long long max = m_maxG[static_cast<std::size_t>(total(points))];
    if (max <= 0)
        return std::nan("");
    return static_cast<double>(guttmanErrors(points)) / static_cast<double>(max);
}

double PersonFit::lzPoly(const std::vector<std::vector<double>> &probabilities,
                         const std::int8_t *points) {
    double l0 = 0, expected = 0, variance = 0;
    for (std::size_t j = 0; j < probabilities.size(); ++j) {
        const auto &p = probabilities[j];
        if (p.empty())
            continue;
        const int x = std::clamp<int>(points[j], 0, static_cast<int>(p.size()) - 1);
        double e = 0, e2 = 0;
        for (const double pc : p) {
            if (pc <= 0)
                continue;
            const double l = std::log(pc);
            e += pc * l;
            e2 += pc * l * l;
        }
        const double px = p[static_cast<std::size_t>(x)];
        l0 += px > 0 ? std::log(px) : -std::numeric_limits<double>::infinity();
        expected += e;
        variance += std::max(0.0, e2 - e * e);
    }
    if (!(variance > 0))
        return std::nan("");
    return (l0 - expected) / std::sqrt(variance);
}

} // namespace objectivity::core
