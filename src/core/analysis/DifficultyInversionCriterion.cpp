#include "objectivity/core/analysis/DifficultyInversionCriterion.h"

#include "objectivity/core/analysis/TaskLevelInference.h"

#include "objectivity/core/common/NumberText.h"
#include "objectivity/core/results/ProcedureKind.h"
#include "objectivity/core/stats/NormalDistribution.h"
#include "objectivity/core/stats/SaddlepointTail.h"

#include <QStringList>

#include <algorithm>
#include <cmath>
#include <vector>

namespace objectivity::core {

namespace {

// The unit's participants and П/В points at each primary score it has, with the region's counts
// of П/В points at that score: f(participants, points, row) where row[h] counts the region's
// students with h points (maxHard + 1 of them). False when the region has no П/В table.
template <typename F>
bool forEachStratum(const UnitAccumulator &unit, const UnitAccumulator &region, int maxHard, F f) {
    const auto &r = region.hardByPrimary;
    const int k = maxHard + 1;
    const int scores = static_cast<int>(r.size()) / k;
    if (maxHard <= 0 || scores <= 0)
        return false;
    std::vector<double> count(static_cast<std::size_t>(scores), 0.0), points(count);
    unit.forEachHard(maxHard, [&](int p, int h, int c) {
        if (p < scores) {
            count[static_cast<std::size_t>(p)] += c;
            points[static_cast<std::size_t>(p)] += static_cast<double>(c) * h;
        }
    });
    for (int p = 0; p < scores; ++p)
        if (const double np = count[static_cast<std::size_t>(p)]; np > 0)
            f(np, points[static_cast<std::size_t>(p)], r.data() + std::size_t(p) * std::size_t(k));
    return true;
}

} // namespace

DifficultyInversionCriterion::Excess
DifficultyInversionCriterion::excessOf(const UnitAccumulator &unit, const UnitAccumulator &region,
                                       int maxHard) {
    Excess e;
    const int k = maxHard + 1;
    const bool table =
        forEachStratum(unit, region, maxHard, [&](double np, double o, const int *row) {
            double rn = 0, rs = 0, rs2 = 0;
            for (int h = 0; h < k; ++h) {
                const double rc = row[h];
                rn += rc;
                rs += rc * h;
                rs2 += rc * h * h;
            }
            e.n += np;
            if (rn <= 0) { // no region student with this score: no expectation, count as expected
                e.expected += o;
                e.observed += o;
                return;
            }
            const double mean = rs / rn;
            e.observed += o;
            e.expected += np * mean;
            const double spread = std::max(0.0, rs2 / rn - mean * mean);
            e.variance += np * spread;
            e.referenceVariance += np * np * spread / rn;
        });
    if (table)
        e.scale = e.n * maxHard;
    return e;
}

double DifficultyInversionCriterion::upperTail(const UnitAccumulator &unit,
                                               const UnitAccumulator &region, int maxHard,
                                               double tiltVariance, bool *sparse) {
    const int k = maxHard + 1;
    // the region's distribution of П/В points at each primary score the unit has; a score no
    // region student has is left out (excessOf counts it as expected: it adds nothing to O − E)
    std::vector<double> probabilities;
    std::vector<std::pair<double, std::size_t>> strata; // count, offset into probabilities
    double observed = 0;
    const bool table =
        forEachStratum(unit, region, maxHard, [&](double np, double o, const int *row) {
            double rn = 0;
            for (int h = 0; h < k; ++h)
                rn += row[h];
            if (rn <= 0)
                return;
            if (sparse && rn < kMinStratum)
                *sparse = true;
            strata.emplace_back(np, probabilities.size());
            for (int h = 0; h < k; ++h)
                probabilities.push_back(row[h] / rn);
            observed += o;
        });
    if (!table)
        return 1.0;
    std::vector<SaddlepointTail::Group> groups;
    groups.reserve(strata.size());
    for (const auto &[np, offset] : strata)
        groups.push_back({np, probabilities.data() + offset, k});
    return SaddlepointTail::latticeMixture(groups, observed, tiltVariance);
}

namespace {

// «задания 7, 8, 9.1» — the tasks taken as hard
QString hardTaskLabels(const CriterionInput &in) {
    const QStringList labels = TaskLevelInference::hardTaskLabels(in.procedure, in.layout);
    return (labels.size() == 1 ? QStringLiteral("задание ") : QStringLiteral("задания ")) +
           labels.join(QStringLiteral(", "));
}

// why the criterion cannot be tested without П/В tasks
QString withoutLevels(const CriterionInput &in) {
    using L = TaskLevelInference;
    const auto &tasks = in.procedure.tasks;
    if (tasks.isEmpty())
        return QStringLiteral("не проверялось: нет баллов по заданиям");
    if (std::any_of(tasks.begin(), tasks.end(),
                    [](const TaskInfo &t) { return t.level != TaskLevel::Unknown; }))
        return QStringLiteral("не проверялось: нет заданий повышенного и высокого уровня");
    if (tasks.size() < L::kMinTasks)
        return QStringLiteral("не проверялось: уровни заданий в данных не указаны, а заданий "
                              "меньше %1 — сложные не выделить")
            .arg(L::kMinTasks);
    return QStringLiteral("не проверялось: уровни заданий в данных не указаны, а по результатам "
                          "региона сложные задания не выделяются (нужно не меньше %1 работ в "
                          "регионе и разница в выполнении сложных и остальных заданий не меньше "
                          "%2 п. п.)")
        .arg(L::kMinWorks)
        .arg(std::lround(100 * L::kMinGap));
}

} // namespace

QString DifficultyInversionCriterion::withoutTaskPoints(const UnitAccumulator &unit, int minN) {
    if (unit.taskWorks <= 0)
        return QStringLiteral("не проверялось: баллов по заданиям в данных нет (только "
                              "первичный балл)");
    return QStringLiteral("не проверялось: баллы по заданиям в данных есть у %1 из %2 работ, "
                          "нужно не меньше %3")
        .arg(unit.taskWorks)
        .arg(unit.n)
        .arg(minN);
}

CriterionFinding DifficultyInversionCriterion::evaluate(const CriterionInput &in,
                                                        double tiltVariance) {
    CriterionFinding f;
    f.code = staticCode(criterion::DifficultyInversion);
    f.threshold = in.settings.value(QStringLiteral("difficulty.min_gap_pp"));
    if (!in.layout.hasLevels() || in.region.hardByPrimary.empty()) {
        f.skip(reason::NotApplicable, withoutLevels(in));
        return f;
    }
    if (const int minN = in.settings.intValue(QStringLiteral("min_participants"));
        in.unit.taskWorks < minN) {
        f.skip(reason::NotApplicable, withoutTaskPoints(in.unit, minN));
        return f;
    }
    const Excess e = excessOf(in.unit, in.region, in.layout.maxHard);
    if (!e.valid()) {
        f.skip(reason::NotApplicable,
               QStringLiteral("не проверялось: нет разброса баллов за сложные задания"));
        return f;
    }
    const double observed = e.observed, expected = e.expected, n = e.n;
    // the region's usual spread of schools beyond their pupils' noise (ExcessSpread): a tilt δ
    // of variance s², which moves the points by V·δ; and the region's own noise R (its mean at
    // each primary score is that of its few participants there, in a small region)
    const double spread = tiltVariance * e.variance * e.variance;
    const double z =
        (observed - expected - 0.5) / std::sqrt(e.variance + e.referenceVariance + spread);
    // a few dozen pupils' points on hard tasks are skewed (a weak school's are mostly 0): where
    // the result may matter, p follows the exact shape of the sum (saddlepoint), not the normal.
    // But where the region has only a few participants at some of the unit's primary scores,
    // the shape there is those few values: the unit's pupils may have more than any of them,
    // and the sum then looks out of reach (p 0) when it is merely unseen; there p is the larger
    // of the two, the normal with the region's noise R included and the saddlepoint
    f.pValue = NormalDistribution::sf(z);
    if (z >= kSaddlepointFromZ) {
        bool sparse = false;
        const double tail = upperTail(in.unit, in.region, in.layout.maxHard,
                                      tiltVariance + e.referenceTiltVariance(), &sparse);
        f.pValue = sparse ? std::max(tail, f.pValue) : tail;
    }
    f.statistic = z;
    const double excessPp = 100.0 * (observed - expected) / (n * in.layout.maxHard);
    f.effectSize = excessPp;
    if (excessPp < f.threshold)
        return f;
    const double easyDiff = in.metrics.easyPercent - in.regionMetrics.easyPercent;
    const double hardDiff = in.metrics.hardPercent - in.regionMetrics.hardPercent;
    auto signedText = [](double v) -> QString {
        return (v >= 0 ? QStringLiteral("+") : QString()) + NumberText::fixed(v, 1);
    };
    f.effect = true;
    const QString levels =
        in.layout.levelsInferred
            ? QStringLiteral("Уровни заданий в данных не указаны; сложными взяты задания, которые "
                             "в регионе выполняют хуже всего (%7). Они выполнены на %1 % при %2 % "
                             "по региону (%3 п. п.), остальные — на %4 % при %5 % (%6 п. п.).")
            : QStringLiteral(
                  "Задания повышенного и высокого уровня (П, В) выполнены на %1 % при "
                  "%2 % по региону (%3 п. п.), базовые (Б) — на %4 % при %5 % (%6 п. п.).");
    QString text =
        levels.arg(NumberText::fixed(in.metrics.hardPercent, 1),
                   NumberText::fixed(in.regionMetrics.hardPercent, 1), signedText(hardDiff),
                   NumberText::fixed(in.metrics.easyPercent, 1),
                   NumberText::fixed(in.regionMetrics.easyPercent, 1), signedText(easyDiff));
    if (in.layout.levelsInferred)
        text = text.arg(hardTaskLabels(in)); // last: a label may hold «%»
    f.explanation =
        text +
        QStringLiteral(" По сравнению с участниками региона с тем же первичным баллом за сложные "
                       "задания получено на %1 п. п. больше ожидаемого (%2 вместо %3): сложные "
                       "задания выполнены лучше, а лёгкие хуже, чем у сверстников с тем же "
                       "результатом.")
            .arg(NumberText::fixed(excessPp, 1),
                 NumberText::counted(static_cast<int>(std::lround(observed)), u"балл", u"балла",
                                     u"баллов"),
                 NumberText::fixed(expected, 0));
    if (spread > 0)
        f.explanation +=
            QStringLiteral(" В z учтён и обычный для региона разброс школ по этой доле сверх "
                           "случайного (±%1 п. п.: %2учителя по-разному готовят к отдельным "
                           "заданиям).")
                .arg(NumberText::fixed(100.0 * std::sqrt(spread) / e.scale, 1),
                     // ФИС ОКО generates every school's ВПР variants from the bank of analogues
                     in.procedure.kind == ProcedureKind::VPR
                         ? QStringLiteral("варианты ВПР у каждой школы свои, ")
                         : QString());
    // the region's noise matters (a tenth of the pupils' or more) only in a small region
    if (e.referenceVariance > 0.1 * e.variance)
        f.explanation += QStringLiteral(
            " В регионе немного участников с такими же первичными баллами, и ожидаемое "
            "по ним само известно неточно: z учитывает и эту неточность.");
    return f;
}

CriterionFinding DifficultyInversionCriterion::evaluate(const CriterionInput &in,
                                                        const std::vector<ClassCounts> &classes,
                                                        double unitTiltVariance,
                                                        double classTiltVariance) {
    CriterionFinding whole = evaluate(in, unitTiltVariance);
    if (!whole.tested())
        return whole;
    const int minN = in.settings.intValue(QStringLiteral("min_participants"));
    struct Tested {
        const ClassCounts *cls;
        CriterionFinding finding;
        int n;
    };
    std::vector<Tested> tested;
    for (const ClassCounts &c : classes) {
        if (!c.counts || c.counts->taskWorks < minN)
            continue;
        const UnitMetrics metrics = UnitMetrics::compute(*c.counts, in.layout);
        const CriterionInput ci{in.procedure, in.school, in.layout,        *c.counts,
                                in.region,    metrics,   in.regionMetrics, in.settings};
        CriterionFinding f = evaluate(ci, classTiltVariance);
        if (f.tested())
            tested.push_back({&c, f, c.counts->n});
    }
    const std::size_t k = tested.size();
    if (k < 2)
        return whole; // one class: the parallel is that class
    std::size_t best = 0;
    for (std::size_t i = 1; i < k; ++i) {
        const CriterionFinding &a = tested[i].finding, &b = tested[best].finding;
        if (a.effect != b.effect ? a.effect : a.pValue < b.pValue)
            best = i;
    }
    const double pWhole = std::min(1.0, 2 * whole.pValue);
    const double pClass = std::min(1.0, 2.0 * double(k) * tested[best].finding.pValue);
    const QString correction =
        QStringLiteral(" p умножено на %1 (поправка на проверку параллели и %2 её классов).");
    if (tested[best].finding.effect && (!whole.effect || pClass < pWhole)) {
        CriterionFinding f = tested[best].finding;
        f.pValue = pClass;
        f.label = QStringLiteral("класс %1").arg(tested[best].cls->name);
        f.explanation =
            QStringLiteral("В классе %1 (%2 из %3): ")
                .arg(tested[best].cls->name, QString::number(tested[best].n),
                     NumberText::counted(in.unit.n, u"участника", u"участников", u"участников")) +
            f.explanation + correction.arg(QString::number(2 * k), QString::number(k));
        return f;
    }
    whole.pValue = pWhole;
    if (whole.effect)
        whole.explanation += correction.arg(QStringLiteral("2"), QString::number(k));
    return whole;
}

} // namespace objectivity::core
