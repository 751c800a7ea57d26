#include "objectivity/core/analysis/FindingCorrection.h"

#include "objectivity/core/common/RunOnThreads.h"
#include "objectivity/core/stats/BenjaminiHochberg.h"

#include <QHash>

#include <utility>
#include <vector>

namespace objectivity::core {

void FindingCorrection::apply(QList<UnitReport> &units, double alpha, int threads) {
    struct Family {
        std::vector<std::pair<int, int>> where; // (unit, finding)
        std::vector<double> pvals, weights;
    };
    std::vector<Family> families;
    QHash<QString, std::size_t> index; // correctionFamily() -> families
    for (int u = 0; u < units.size(); ++u)
        for (int f = 0; f < units.at(u).findings.size(); ++f) {
            const CriterionFinding &fi = units.at(u).findings.at(f);
            if (!fi.tested())
                continue;
            const QString key = fi.correctionFamily();
            const std::size_t k = index.value(key, families.size());
            if (k == families.size()) {
                index.insert(key, k);
                families.emplace_back();
            }
            Family &family = families[k];
            family.where.push_back({u, f});
            family.pvals.push_back(fi.pValue);
            family.weights.push_back(fi.weight);
        }
    // the families on the threads: each writes only its own findings
    forEachIndexOnThreads(threads, families.size(), [&](std::size_t k) {
        const Family &family = families[k];
        const std::vector<double> q = BenjaminiHochberg::adjust(family.pvals, family.weights);
        for (std::size_t i = 0; i < q.size(); ++i) {
            CriterionFinding &f = units[family.where[i].first].findings[family.where[i].second];
            f.qValue = q[i];
            f.flagged = f.effect && q[i] <= alpha;
        }
    });
}

} // namespace objectivity::core
