#pragma once
#include <cstdint>
#include <vector>

namespace objectivity::core {

// Person-fit of polytomous item scores (one work = one row of task points).
//
// Item steps (Molenaar 1991): a task with maximum m has steps 1..m; a work passes step k of a task
// when it has at least k points on it. The popularity of a step is the share of the reference
// works (the region) that pass it; steps are ranked by decreasing popularity (1 = most popular),
// ties in the order task 1 step 1, task 1 step 2, …, task 2 step 1, … (as PerFit's Gpoly orders
// them). A Guttman error is a pair (easier step failed, harder step passed).
//
//   G^p = Σ over passed steps s of the number of failed steps more popular than s
//       = Σ_{passed s} rank(s) − X(X+1)/2,   X = number of passed steps (the total score);
//   G^p_normed = G^p / max G^p(X), the maximum over works with the same total score whose steps
//   within every task are passed in order (Emons 2008); undefined (NaN) when the maximum is 0
//   (X = 0 or X = every step).
//
// lz^p (Drasgow, Levine & Williams 1985), for category probabilities P_jc of each task j at the
// work's level: l0 = Σ_j ln P_j,x_j, E = Σ_j Σ_c P_jc ln P_jc,
// Var = Σ_j [Σ_c P_jc (ln P_jc)² − (Σ_c P_jc ln P_jc)²], lz^p = (l0 − E)/√Var (large negative =
// misfit). Points below 0 (task not attempted) count as 0; above the maximum, as the maximum.
class PersonFit {
public:
    // taskMax: maximum points per task; passCounts[j][k-1]: reference works passing step k of
    // task j; reference: number of reference works.
    PersonFit(const std::vector<int> &taskMax, const std::vector<std::vector<double>> &passCounts,
              double reference);

    int steps() const { return m_steps; }
    int tasks() const { return static_cast<int>(m_taskMax.size()); }
    // rank (1 = most popular) of step k (1-based) of task j
    int rank(int task, int step) const;
    // total score X of a work (points clamped to 0..max)
    int total(const std::int8_t *points) const;
    long long guttmanErrors(const std::int8_t *points) const;
    // G^p and the total score in one pass over the points
    long long guttmanErrors(const std::int8_t *points, int *total) const;
    long long maxGuttmanErrors(int total) const { return m_maxG[static_cast<std::size_t>(total)]; }
    double normedGuttman(const std::int8_t *points) const;

    // probabilities[j][c], c = 0..taskMax[j]; NaN when the variance is 0.
    static double lzPoly(const std::vector<std::vector<double>> &probabilities,
                         const std::int8_t *points);

private:
    std::vector<int> m_taskMax;
    std::vector<int> m_offset;        // first step of task j in the step list
    std::vector<int> m_rank;          // per step (offset + k − 1): rank 1..S
    std::vector<long long> m_cumRank; // per task: (offset + j) + x → Σ ranks of steps 1..x
    std::vector<int> m_cumOffset;     // per task: start in m_cumRank
    std::vector<long long> m_maxG;    // per total score 0..S
    int m_steps = 0;
};

} // namespace objectivity::core
