// Guard rails of the analysis on a generated region: Benjamini–Hochberg (weighted by the boundary
// in boundary_bunching) per criterion over the whole run, flags only with an effect and q ≤ α, no
// finding below the minimum of participants.
#include "GeneratorCollector.h"

#include "objectivity/core/analysis/AnalysisEngine.h"
#include "objectivity/core/stats/BenjaminiHochberg.h"
#include "objectivity/simulation/RegionGenerator.h"

#include <QHash>
#include <QJsonDocument>
#include <gtest/gtest.h>

#include <algorithm>
#include <numeric>

using namespace objectivity::core;
using namespace objectivity::simulation;

namespace {

AnalysisDataset generatedDataset() {
    GeneratorOptions o;
    o.seed = 5;
    o.schools = 40;
    o.firstYear = 2023;
    o.lastYear = 2024;
    objectivity::test::GeneratorCollector collected;
    RegionGenerator(o).run(collected);
    return collected.dataset(false);
}

const AnalysisDataset &dataset() {
    static const AnalysisDataset data = generatedDataset();
    return data;
}

} // namespace

TEST(AnalysisGuardRails, BenjaminiHochbergPerCriterionAcrossTheRun) {
    AnalysisSettings settings;
    const double alpha = settings.value(QStringLiteral("fdr_alpha"));
    const AnalysisReport report = AnalysisEngine::run(dataset(), settings);
    QHash<QString, std::vector<double>> pvals, weights;
    QHash<QString, std::vector<const CriterionFinding *>> findings;
    for (const auto &u : report.units)
        for (const auto &f : u.findings) {
            if (!f.tested()) {
                EXPECT_FALSE(f.flagged) << f.code.toStdString();
                continue;
            }
            pvals[f.correctionFamily()].push_back(f.pValue);
            weights[f.correctionFamily()].push_back(f.weight);
            findings[f.correctionFamily()].push_back(&f);
        }
    ASSERT_GE(pvals.size(), 6) << "most criteria should be tested on a generated region";
    // what a correction over every test of the run would give
    std::vector<double> pooled;
    std::vector<const CriterionFinding *> pooledFindings;
    for (auto it = pvals.begin(); it != pvals.end(); ++it) {
        pooled.insert(pooled.end(), it.value().begin(), it.value().end());
        const auto &fs = findings[it.key()];
        pooledFindings.insert(pooledFindings.end(), fs.begin(), fs.end());
    }
    const std::vector<double> pooledQ = BenjaminiHochberg::adjust(pooled);
    QHash<const CriterionFinding *, double> pooledOf;
    for (std::size_t i = 0; i < pooled.size(); ++i)
        pooledOf.insert(pooledFindings[i], pooledQ[i]);
    int flagged = 0, differsFromPooled = 0;
    for (auto it = pvals.begin(); it != pvals.end(); ++it) {
        // weighted within the criterion (boundary_bunching: by the boundary; the others all 1)
        const std::vector<double> &w = weights[it.key()];
        const std::vector<double> q = BenjaminiHochberg::adjust(it.value(), w);
        const double meanWeight =
            std::accumulate(w.begin(), w.end(), 0.0) / static_cast<double>(w.size());
        const auto &fs = findings.value(it.key());
        ASSERT_EQ(q.size(), fs.size());
        for (std::size_t i = 0; i < q.size(); ++i) {
            EXPECT_NEAR(fs[i]->qValue, q[i], 1e-12) << it.key().toStdString();
            if (it.key() != QStringLiteral("boundary_bunching")) {
                EXPECT_DOUBLE_EQ(fs[i]->weight, 1.0) << it.key().toStdString();
            }
            EXPECT_GE(fs[i]->qValue,
                      std::min(1.0, fs[i]->pValue * meanWeight / fs[i]->weight) - 1e-12)
                << it.key().toStdString();
            EXPECT_EQ(fs[i]->flagged, fs[i]->effect && q[i] <= alpha) << it.key().toStdString();
            flagged += fs[i]->flagged ? 1 : 0;
            // corrected within its own criterion, not over every test of the run
            if (std::abs(q[i] - std::min(1.0, fs[i]->pValue * double(pooled.size()) /
                                                  double(it.value().size()))) > 1e-9)
                ++differsFromPooled;
        }
    }
    EXPECT_GT(flagged, 0);
    EXPECT_GT(differsFromPooled, 0);
    // boundary_bunching: one finding per boundary tested and one for «все границы», all in the
    // same correction (checked above with the other findings of the code)
    int bunchingUnits = 0, severalBoundaries = 0;
    for (const auto &u : report.units) {
        int n = 0;
        for (const auto &f : u.findings)
            n += f.code == QStringLiteral("boundary_bunching") && f.tested() ? 1 : 0;
        EXPECT_LE(n, 4);
        bunchingUnits += n > 0 ? 1 : 0;
        severalBoundaries += n > 1 ? 1 : 0;
    }
    EXPECT_GT(severalBoundaries, 0);
    EXPECT_LT(bunchingUnits, int(pvals.value(QStringLiteral("boundary_bunching")).size()));
}

TEST(AnalysisGuardRails, BelowTheMinimumNoFindingAndNoFlag) {
    AnalysisSettings settings;
    settings.setValue(QStringLiteral("min_participants"), 25);
    const AnalysisReport report = AnalysisEngine::run(dataset(), settings);
    int small = 0, large = 0;
    for (const auto &u : report.units) {
        if (u.subject.isEmpty())
            continue; // medals: a school-year unit whose n counts medallists, checked one by one
        EXPECT_EQ(u.insufficient, u.n < 25) << u.schoolCode.toStdString() << " n=" << u.n;
        if (!u.insufficient) {
            ++large;
            continue;
        }
        ++small;
        EXPECT_TRUE(u.flags().isEmpty()) << u.schoolCode.toStdString();
        EXPECT_EQ(u.toJson().value(QLatin1String("status")).toString(),
                  QStringLiteral("недостаточно данных"));
    }
    EXPECT_GT(small, 10);
    EXPECT_GT(large, 10);
    // the default minimum is 10
    EXPECT_EQ(AnalysisSettings().value(QStringLiteral("min_participants")), 10);
}

TEST(AnalysisGuardRails, TheReportDoesNotDependOnTheNumberOfThreads) {
    // the criteria across units run on the threads too (each unit writes only its own findings,
    // the shared tables are built before): one, two and five threads give the same report
    const AnalysisSettings settings;
    auto text = [&](int threads) {
        AnalysisEngine::Options options;
        options.threads = threads;
        const AnalysisReport report = AnalysisEngine::run(dataset(), settings, options);
        return QJsonDocument(report.toJson()).toJson(QJsonDocument::Compact);
    };
    const QByteArray one = text(1);
    EXPECT_GT(one.size(), 100000);
    EXPECT_EQ(text(2), one);
    EXPECT_EQ(text(5), one);
}
