#pragma once
#include "objectivity/core/analysis/CriterionFinding.h"
#include "objectivity/core/analysis/CriterionInput.h"

#include <cmath>
#include <vector>

namespace objectivity::core {

// difficulty_inversion (ФИОКО 2018): easy tasks (level Б) done worse than the region while hard
// tasks (П/В) done better. Tested on the participants, against students of the same total score:
// for each primary score p the region gives the mean m_p and variance v_p of the points on П/В
// tasks; the school's observed П/В points O are compared with E = Σ n_p·m_p, V = Σ n_p·v_p,
// z = (O − E − ½)/√V, one-sided (a stratified test; with the total fixed, more points on hard
// tasks means fewer on easy ones). Effect: (O − E) as a share of the school's П/В maximum.
//
// Classes: help in one class of a parallel is diluted by the honest classes, so where the unit has
// two or more classes of at least `min_participants` each, every such class is tested the same way
// and the finding is the better of the parallel and its most extreme class, with a Bonferroni
// correction for the choice: p = min(2·p_parallel, 2·K·min p_class) over the K classes tested
// (valid whatever the classes' dependence). A finding driven by a class names it (label
// «класс 5Б»).
//
// Honest schools differ in this too: every school writes its own ВПР variants (ФИС ОКО generates
// them from the bank of analogous tasks), a teacher drills some tasks, a textbook covers a topic
// earlier (differential item functioning). Under the Rasch model a school's own shift δ of the
// hard tasks' difficulty against the easy ones tilts the distribution of П/В points at a given
// primary score exactly: P_school(h | p) ∝ P_region(h | p)·e^{δh}, whatever its pupils' level. So
// the region's spread of schools is a normal δ ~ N(0, s²) on that scale (ExcessSpread over the
// units' one-step estimates δ̃ = (O − E)/V, error 1/√V, per procedure, and apart over the classes),
// not a normal added to the share: the share that one δ moves is V·δ, right-skewed for a weak
// school (e^δ on small probabilities), and one normal share for every level named honest weak
// schools. z = (O − E − ½)/√(V + s²·V²).
//
// p: a unit's П/В points are a sum of a few dozen skewed terms (a weak school's pupils mostly get
// 0), whose upper tail is far longer than the normal's. Where z ≥ kSaddlepointFromZ, p is the
// saddlepoint tail (SaddlepointTail) of the sum of the pupils' points, each drawn from the
// region's distribution at its primary score: P(O′ ≥ O) on the lattice, mixed over the tilt δ
// where s² > 0 (SaddlepointTail::latticeMixture); below it, the normal (p > 0.02 there, far from
// any finding's cut-off; from z ≥ 1 the saddlepoint cost ≈0.5 s CPU per 1M participants).
class DifficultyInversionCriterion {
public:
    static constexpr double kSaddlepointFromZ = 2.0;
    // fewer participants of the region at one of the unit's primary scores than this: the
    // region's distribution there is too rough for the saddlepoint alone (evaluate)
    static constexpr int kMinStratum = 10;

    struct ClassCounts {
        QString name; // «5Б»
        const UnitAccumulator *counts = nullptr;
    };

    // Why a unit (or class) with fewer than minN works with task points is not tested
    // (UnitAccumulator::tasksGiven): «не проверялось: баллов по заданиям в данных нет (только
    // первичный балл)», or «… есть у 8 из 25 работ, нужно не меньше 10».
    static QString withoutTaskPoints(const UnitAccumulator &unit, int minN);

    // The unit's П/В points against the region's at the same primary scores.
    struct Excess {
        double observed = 0, expected = 0, variance = 0, n = 0;
        // Σ n_s²·σ_s²/m_s: the variance of E itself, the region's mean at each of the unit's
        // primary scores s being that of its m_s participants there; beside V = Σ n_s·σ_s² it
        // is about n/(region's participants), so it matters in a region of a dozen schools
        double referenceVariance = 0;
        double scale = 0; // n · maxHard: the unit's П/В maximum
        bool valid() const { return n > 0 && variance > 0; }
        // (O − E) as a share of the П/В maximum, and its standard error
        double share() const { return (observed - expected) / scale; }
        double shareError() const { return std::sqrt(variance) / scale; }
        // the one-step estimate of the tilt δ (the score test's: (O − E)/V) and its error, the
        // pupils' and the region's: √(V + R)/V
        double tilt() const { return (observed - expected) / variance; }
        double tiltError() const { return std::sqrt(variance + referenceVariance) / variance; }
        // the region's noise R as a variance of δ, R/V² (a tilt that moves O − E by as much)
        double referenceTiltVariance() const { return referenceVariance / (variance * variance); }
    };
    // region: the works the unit is compared with (the rest of the region, the unit not in it)
    static Excess excessOf(const UnitAccumulator &unit, const UnitAccumulator &region, int maxHard);
    // P(O′ ≥ the unit's O) by the saddlepoint, O′ the П/В points of pupils with the unit's
    // primary scores drawn from the region, every one tilted by the school's δ ~ N(0, tiltVariance)
    // sparse (optional): set when the region has fewer than kMinStratum participants at one of
    // the unit's primary scores
    static double upperTail(const UnitAccumulator &unit, const UnitAccumulator &region, int maxHard,
                            double tiltVariance, bool *sparse = nullptr);

    // tiltVariance: s², the region's spread of schools' δ (0: the pupils' noise only)
    static CriterionFinding evaluate(const CriterionInput &in, double tiltVariance = 0);
    static CriterionFinding evaluate(const CriterionInput &in,
                                     const std::vector<ClassCounts> &classes,
                                     double unitTiltVariance = 0, double classTiltVariance = 0);
};

} // namespace objectivity::core
