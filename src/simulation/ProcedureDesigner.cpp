#include "objectivity/simulation/ProcedureDesigner.h"

#include "objectivity/simulation/Rng.h"

#include <cmath>
#include <iterator>

namespace objectivity::simulation {

namespace {

struct Spec {
    core::ProcedureKind kind;
    int grade;
    const char16_t *subject;
    int tasks;
    int maxPrimary;
    int min3, min4, min5; // ВПР/ОГЭ; for ЕГЭ min3 is the minimum test score
    double target;        // ЕГЭ: mean share of the maximum for an average student
};

// ВПР grade 4 Русский язык and grade 8 Русский язык / Математика: vpr_scales.tsv. Others plausible.
const Spec kSpecs[] = {
    {core::ProcedureKind::VPR, 4, u"Русский язык", 15, 24, 10, 16, 21, 0},
    {core::ProcedureKind::VPR, 4, u"Математика", 12, 20, 6, 10, 14, 0},
    {core::ProcedureKind::VPR, 4, u"Окружающий мир", 14, 32, 8, 18, 27, 0},
    {core::ProcedureKind::VPR, 5, u"Русский язык", 16, 45, 18, 29, 39, 0},
    {core::ProcedureKind::VPR, 5, u"Математика", 14, 20, 7, 11, 15, 0},
    {core::ProcedureKind::VPR, 6, u"Русский язык", 18, 51, 25, 34, 43, 0},
    {core::ProcedureKind::VPR, 6, u"Математика", 14, 20, 6, 10, 14, 0},
    {core::ProcedureKind::VPR, 7, u"Русский язык", 17, 47, 20, 29, 38, 0},
    {core::ProcedureKind::VPR, 7, u"Математика", 16, 19, 6, 11, 16, 0},
    {core::ProcedureKind::VPR, 8, u"Русский язык", 20, 51, 26, 32, 45, 0},
    {core::ProcedureKind::VPR, 8, u"Математика", 19, 25, 8, 15, 21, 0},
    {core::ProcedureKind::OGE, 9, u"Русский язык", 20, 37, 15, 23, 31, 0},
    {core::ProcedureKind::OGE, 9, u"Математика", 20, 31, 8, 15, 22, 0},
    {core::ProcedureKind::EGE, 11, u"Русский язык", 20, 50, 24, 0, 0, 0.60},
    {core::ProcedureKind::EGE, 11, u"Математика (профиль)", 19, 32, 27, 0, 0, 0.40},
    {core::ProcedureKind::EGE, 11, u"Обществознание", 20, 58, 42, 0, 0, 0.50},
    {core::ProcedureKind::EGE, 11, u"Физика", 20, 45, 36, 0, 0, 0.45},
    {core::ProcedureKind::EGE, 11, u"Биология", 20, 57, 36, 0, 0, 0.45},
};

// ЕГЭ Математика (база): 21 points, a mark and no test score (boundaries of 2024); 20 tasks, the
// last worth 2, so that a work fits the 20 task columns of flat.csv (the real one has 21 tasks).
const Spec kBasicMath = {
    core::ProcedureKind::EGE, 11, u"Математика (база)", 20, 21, 7, 12, 17, 0.62};

constexpr double kPopulationSd = 1.0; // spread of subject ability over the region

QList<core::TaskInfo> buildTasks(const Spec &s) {
    QList<core::TaskInfo> tasks(s.tasks);
    for (auto &t : tasks)
        t.maxPoints = 1;
    int remaining = s.maxPrimary - s.tasks;
    while (remaining > 0) { // harder (later) tasks carry more points, at most 3
        bool added = false;
        for (int i = s.tasks - 1; i >= 0 && remaining > 0; --i) {
            if (tasks[i].maxPoints < 3) {
                ++tasks[i].maxPoints;
                --remaining;
                added = true;
            }
        }
        if (!added)
            break;
    }
    const int basic = int(std::lround(s.tasks * 0.6));
    const int high = std::max(1, int(std::lround(s.tasks * 0.12)));
    int number = 1;
    for (int i = 0; i < s.tasks; ++i) {
        core::TaskInfo &t = tasks[i];
        t.level = i < basic             ? core::TaskLevel::Basic
                  : i >= s.tasks - high ? core::TaskLevel::High
                                        : core::TaskLevel::Advanced;
        const bool vpr = s.kind == core::ProcedureKind::VPR && s.tasks > 9;
        if (vpr && i == 8) // ФИС ОКО labels of a split task: «9.1», «9.2»
            t.label = QStringLiteral("%1.1").arg(number);
        else if (vpr && i == 9)
            t.label = QStringLiteral("%1.2").arg(number++);
        else
            t.label = QString::number(number++);
    }
    return tasks;
}

double populationMean(const GeneratedProcedure &p, double shift) {
    GeneratedProcedure shifted = p;
    for (double &d : shifted.difficulty)
        d += shift;
    double sum = 0, weights = 0;
    for (int i = -30; i <= 30; ++i) {
        const double z = i / 7.5;
        const double w = std::exp(-z * z / 2);
        const double theta = z * kPopulationSd;
        double expected = 0; // blank cells (UnitSimulator::drawTasks) score nothing
        for (int t = 0; t < shifted.procedure.tasks.size(); ++t) {
            const double e = shifted.expectedPoints(t, theta);
            const double skip = 0.01 + 0.08 * (1.0 - e / shifted.procedure.tasks.at(t).maxPoints);
            expected += (1.0 - skip) * e;
        }
        sum += w * expected;
        weights += w;
    }
    return sum / weights;
}

void calibrate(GeneratedProcedure &p, double targetMean) {
    double lo = -4, hi = 4; // the mean falls as the shift grows
    for (int i = 0; i < 40; ++i) {
        const double mid = (lo + hi) / 2;
        if (populationMean(p, mid) > targetMean)
            lo = mid;
        else
            hi = mid;
    }
    for (double &d : p.difficulty)
        d += (lo + hi) / 2;
}

} // namespace

QList<int> ProcedureDesigner::egeTestScale(int maxPrimary) {
    QList<int> scores;
    for (int p = 0; p <= maxPrimary; ++p) {
        const double x = double(p) / maxPrimary;
        scores << int(std::lround(100.0 * (1.0 - std::pow(1.0 - x, 1.6))));
    }
    return scores;
}

QList<GeneratedProcedure> ProcedureDesigner::proceduresForYear(int year, double taskSpread,
                                                               double discriminationScale,
                                                               bool basicMath) {
    QList<GeneratedProcedure> result;
    QList<Spec> specs(std::begin(kSpecs), std::end(kSpecs));
    if (basicMath)
        specs << kBasicMath;
    for (const Spec &s : specs) {
        GeneratedProcedure g;
        g.procedure.kind = s.kind;
        g.procedure.year = year;
        g.procedure.grade = s.grade;
        g.procedure.subject = QString::fromUtf16(s.subject);
        g.procedure.tasks = buildTasks(s);
        g.procedure.id = result.size() + 1;

        Rng rng(Rng::derive({0x7A5C, std::uint64_t(year), std::uint64_t(s.kind),
                             std::uint64_t(s.grade), Rng::hashText(g.procedure.subject)}));
        for (const core::TaskInfo &t : g.procedure.tasks) {
            const double base = t.level == core::TaskLevel::Basic      ? -0.9
                                : t.level == core::TaskLevel::Advanced ? 0.5
                                                                       : 1.3;
            g.difficulty << base + rng.normal(0, taskSpread);
            g.discrimination << discriminationScale * (0.5 + 0.5 * rng.uniform());
        }

        core::MarkScale &sc = g.scale;
        sc.kind = s.kind;
        sc.year = year;
        sc.grade = s.grade;
        sc.subject = g.procedure.subject;
        sc.maxPrimary = s.maxPrimary;
        sc.source = QStringLiteral("генератор данных");
        double target;
        if (s.kind == core::ProcedureKind::EGE && s.min4 == 0) { // a test score, no mark
            sc.testScores = egeTestScale(s.maxPrimary);
            sc.minTestScore = s.min3;
            target = s.target * s.maxPrimary;
        } else {
            sc.minFor3 = s.min3;
            sc.minFor4 = s.min4;
            sc.minFor5 = s.min5;
            // The average student sits near the 3/4 boundary: in an honest region about 20 % «2»,
            // 30 % «3», 33 % «4», 17 % «5» (RegionGeneratorTest prints the shares).
            target = s.kind == core::ProcedureKind::EGE ? s.target * s.maxPrimary
                                                        : s.min4 + 0.05 * (s.min5 - s.min4);
        }
        calibrate(g, target);
        result << g;
    }
    return result;
}

} // namespace objectivity::simulation
