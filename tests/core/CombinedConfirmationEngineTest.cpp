// high_results_unconfirmed «по совокупности сравнений» through the engine: which comparisons feed
// the combination (the ГИА gap's z, the journal comparison's robust z — its effect, not its t),
// the correlation over the run's units, and a weak school whose ВПР in one subject was raised.
#include "objectivity/core/analysis/AnalysisEngine.h"
#include "objectivity/core/analysis/CombinedConfirmation.h"

#include "TestRegion.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <random>

using namespace objectivity;
using namespace objectivity::core;

namespace {

const QString kCombined = QStringLiteral("по совокупности сравнений");
const QString kJournal = QStringLiteral("по сравнению с журналом школы");

// 40 schools of 30 pupils, levels N(0, 0.4): six ВПР 6 subjects of 2024 («Предмет k», ten two-point
// tasks, journal marks from the work's mark ±1 for a fifth of the pupils) and the ОГЭ 9 of 2024 in
// Русский язык and Математика (other pupils of the school: the level for subjects whose ОГЭ is
// chosen). s7 (level −0.6) has every ВПР work of «Предмет 3» raised by one point on six tasks
// after its journal marks were given.
AnalysisDataset region() {
    AnalysisDataset data;
    constexpr int kSubjects = 6;
    for (int k = 1; k <= kSubjects; ++k)
        data.addProcedure(test::vprProcedure(k, QStringLiteral("Предмет %1").arg(k)));
    for (int k = 0; k < 2; ++k) {
        Procedure oge =
            test::vprProcedure(kSubjects + 1 + k, k == 0 ? QStringLiteral("Русский язык")
                                                         : QStringLiteral("Математика"));
        oge.kind = ProcedureKind::OGE;
        oge.grade = 9;
        data.addProcedure(oge);
    }
    std::mt19937 rng(11);
    std::normal_distribution<double> normal(0, 1);
    std::uniform_real_distribution<double> u(0, 1);
    auto markOf = [](int sum) { return sum >= 15 ? 5 : sum >= 11 ? 4 : sum >= 6 ? 3 : 2; };
    auto work = [&](double ability, ParticipantResult &r) {
        const double p = 1 / (1 + std::exp(-ability));
        int sum = 0;
        for (int t = 0; t < 10; ++t) {
            const int pts = (u(rng) < p) + (u(rng) < p);
            r.taskPoints.append(static_cast<std::int8_t>(pts));
            sum += pts;
        }
        return sum;
    };
    for (int s = 1; s <= 40; ++s) {
        test::addOrdinarySchool(data, s);
        const double level = s == 7 ? -0.6 : 0.4 * normal(rng);
        std::vector<double> ability;
        for (int i = 0; i < 30; ++i)
            ability.push_back(level + normal(rng));
        for (int k = 1; k <= kSubjects + 2; ++k)
            for (int i = 0; i < 30; ++i) {
                ParticipantResult r;
                r.schoolId = s;
                r.procedureId = k;
                r.participantCode = QStringLiteral("%1-%2-%3").arg(s).arg(k > kSubjects).arg(i);
                const double a =
                    (k > kSubjects ? level + normal(rng) : ability[static_cast<std::size_t>(i)]) +
                    0.4 * normal(rng);
                int sum = work(a, r);
                const double d = u(rng);
                if (k <= kSubjects)
                    r.journalMark = std::clamp(markOf(sum) + (d < 0.1   ? -1
                                                              : d > 0.9 ? 1
                                                                        : 0),
                                               2, 5);
                if (s == 7 && k == 3)
                    sum += test::raiseFirstTasks(r, 6);
                r.primaryScore = sum;
                r.mark = markOf(sum);
                data.addResult(r);
            }
    }
    data.finish();
    return data;
}

const CriterionFinding *labelled(const UnitReport &unit, const QString &label) {
    for (const auto &f : unit.findings)
        if (f.code == QString::fromUtf16(criterion::HighResults) && f.label == label)
            return &f;
    return nullptr;
}

} // namespace

TEST(CombinedConfirmationEngine, TheCombinationIsOfTheUnitsOwnComparisons) {
    const AnalysisReport report = AnalysisEngine::run(region(), AnalysisSettings());
    // the parts as the findings show them, and the correlation over them
    std::vector<CombinedConfirmation::Parts> parts;
    std::vector<const CriterionFinding *> combined;
    for (const auto &unit : report.units) {
        if (unit.kind != ProcedureKind::VPR)
            continue;
        const CriterionFinding *c = labelled(unit, kCombined);
        ASSERT_NE(c, nullptr) << unit.schoolCode.toStdString();
        CombinedConfirmation::Parts p;
        const CriterionFinding *gia = labelled(unit, QString());
        const CriterionFinding *journal = labelled(unit, kJournal);
        ASSERT_TRUE(gia && journal);
        if (gia->tested())
            p.z[CombinedConfirmation::Gia] = gia->statistic;
        if (journal->tested())
            p.z[CombinedConfirmation::Journal] = journal->effectSize;
        p.giaAbove = c->reason == QStringLiteral("confirmed");
        parts.push_back(p);
        combined.push_back(c);
    }
    ASSERT_EQ(parts.size(), 240u);
    const auto correlation = CombinedConfirmation::correlationOf(parts);
    EXPECT_GE(correlation.units[0], 150);
    int tested = 0;
    for (std::size_t i = 0; i < parts.size(); ++i) {
        if (!combined[i]->tested())
            continue;
        ++tested;
        EXPECT_NEAR(combined[i]->statistic, CombinedConfirmation::combinedZ(parts[i], correlation),
                    1e-12);
    }
    EXPECT_GE(tested, 150);
}

TEST(CombinedConfirmationEngine, TheRaisedSubjectOfAWeakSchoolIsTheRegionsHighest) {
    const AnalysisReport report = AnalysisEngine::run(region(), AnalysisSettings());
    double best = -1e9;
    QString where;
    for (const auto &unit : report.units)
        if (const CriterionFinding *c = labelled(unit, kCombined);
            c && c->tested() && c->statistic > best) {
            best = c->statistic;
            where = unit.schoolCode + QLatin1Char(' ') + unit.subject;
        }
    EXPECT_EQ(where, QStringLiteral("s7 Предмет 3"));
    EXPECT_GT(best, 4);
}
