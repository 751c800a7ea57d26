#include "objectivity/core/analysis/PersonFitIndex.h"

#include "objectivity/core/common/RunOnThreads.h"
#include "objectivity/core/stats/PersonFit.h"

#include <algorithm>
#include <cmath>

namespace objectivity::core {

PersonFitIndex::PersonFitIndex(const AnalysisDataset &data, double percentile, int minBand,
                               int minRegion, int threads)
    : m_percentile(percentile) {
    m_procedures.resize(static_cast<std::size_t>(data.procedures().size()));
    m_units.resize(data.units().size());
    std::vector<std::vector<int>> byProcedure(m_procedures.size());
    for (std::size_t i = 0; i < data.units().size(); ++i)
        byProcedure[static_cast<std::size_t>(data.units()[i].procedure)].push_back(
            static_cast<int>(i));
    // procedures are independent: each thread takes the next procedure
    forEachIndexOnThreads(threads, m_procedures.size(), [&](std::size_t p) {
        build(data, static_cast<int>(p), byProcedure[p], minBand, minRegion);
    });
}

void PersonFitIndex::build(const AnalysisDataset &data, int procedure,
                           const std::vector<int> &units, int minBand, int minRegion) {
    ProcedureFit &pf = m_procedures[static_cast<std::size_t>(procedure)];
    const ProcedureLayout &layout = data.layout(procedure);
    const std::size_t tasks = layout.taskMax.size();
    for (int u : units) {
        const auto &unit = data.units()[static_cast<std::size_t>(u)];
        UnitFit &uf = m_units[static_cast<std::size_t>(u)];
        uf.all.works = static_cast<int>(unit.responseClass.size());
        uf.classes.assign(unit.classNames.size(), Counts());
        pf.all.works += uf.all.works;
    }
    if (m_percentile <= 0 || tasks < 2 || pf.all.works < std::max(1, minRegion))
        return;
    // the region's step popularity: points per task counted, then passes of step k = works with
    // k points or more
    std::vector<std::vector<double>> pass(tasks);
    {
        std::vector<std::vector<int>> hist(tasks);
        for (std::size_t j = 0; j < tasks; ++j)
            hist[j].assign(static_cast<std::size_t>(std::max(0, layout.taskMax[j])) + 1, 0);
        for (int u : units) {
            const auto &r = data.units()[static_cast<std::size_t>(u)].responses;
            for (std::size_t w = 0; w + tasks <= r.size(); w += tasks)
                for (std::size_t j = 0; j < tasks; ++j)
                    hist[j][static_cast<std::size_t>(
                        std::clamp<int>(r[w + j], 0, static_cast<int>(hist[j].size()) - 1))] += 1;
        }
        for (std::size_t j = 0; j < tasks; ++j) {
            pass[j].assign(hist[j].size() - 1, 0.0);
            double atLeast = 0;
            for (std::size_t k = hist[j].size() - 1; k >= 1; --k) {
                atLeast += hist[j][k];
                pass[j][k - 1] = atLeast;
            }
        }
    }
    const PersonFit fit(layout.taskMax, pass, pf.all.works);
    pf.tasks = static_cast<int>(tasks);
    pf.steps = fit.steps();
    if (fit.steps() < 2)
        return;
    // every work's total score and G^p_normed, once (in the order of `units`, then of the works)
    std::vector<int> totals;
    std::vector<float> normed;
    totals.reserve(static_cast<std::size_t>(pf.all.works));
    normed.reserve(static_cast<std::size_t>(pf.all.works));
    std::vector<int> perTotal(static_cast<std::size_t>(fit.steps()) + 1, 0);
    for (int u : units) {
        const auto &r = data.units()[static_cast<std::size_t>(u)].responses;
        for (std::size_t w = 0; w + tasks <= r.size(); w += tasks) {
            int x = 0;
            const long long g = fit.guttmanErrors(&r[w], &x);
            const long long max = fit.maxGuttmanErrors(x);
            totals.push_back(x);
            normed.push_back(max > 0 ? static_cast<float>(double(g) / double(max)) : 0.0f);
            if (max > 0)
                perTotal[static_cast<std::size_t>(x)] += 1;
        }
    }
    std::vector<int> bandOf(perTotal.size(), -1);
    std::vector<int> bandSize;
    {
        int band = -1, held = minBand; // held >= minBand: start a new band
        for (std::size_t x = 0; x < perTotal.size(); ++x) {
            if (perTotal[x] == 0)
                continue;
            if (held >= minBand) {
                ++band;
                bandSize.push_back(0);
                held = 0;
            }
            bandOf[x] = band;
            held += perTotal[x];
            bandSize.back() += perTotal[x];
        }
        // a last band below the minimum joins the one before it
        if (bandSize.size() >= 2 && bandSize.back() < minBand) {
            const int last = static_cast<int>(bandSize.size()) - 1;
            for (int &b : bandOf)
                if (b == last)
                    b = last - 1;
            bandSize[static_cast<std::size_t>(last - 1)] += bandSize.back();
            bandSize.pop_back();
        }
    }
    pf.bands = static_cast<int>(bandSize.size());
    std::vector<std::vector<float>> values(bandSize.size());
    for (std::size_t b = 0; b < bandSize.size(); ++b)
        values[b].reserve(static_cast<std::size_t>(bandSize[b]));
    for (std::size_t i = 0; i < totals.size(); ++i) {
        const int b = bandOf[static_cast<std::size_t>(totals[i])];
        if (b >= 0)
            values[static_cast<std::size_t>(b)].push_back(normed[i]);
    }
    // the cut-off: the smallest value with at least `percentile` % of the band at or below it
    std::vector<float> cut(values.size());
    for (std::size_t b = 0; b < values.size(); ++b) {
        auto &v = values[b];
        const double q = std::clamp(m_percentile / 100.0, 0.0, 1.0);
        const std::size_t at = static_cast<std::size_t>(std::max(
            0.0, std::min(static_cast<double>(v.size()) - 1, std::ceil(q * double(v.size())) - 1)));
        std::nth_element(v.begin(), v.begin() + static_cast<std::ptrdiff_t>(at), v.end());
        cut[b] = v[at];
        std::vector<float>().swap(v);
    }
    std::size_t at = 0; // index into totals/normed
    for (int u : units) {
        const auto &unit = data.units()[static_cast<std::size_t>(u)];
        UnitFit &uf = m_units[static_cast<std::size_t>(u)];
        const std::size_t works = unit.responses.size() / tasks;
        for (std::size_t i = 0; i < works; ++i, ++at) {
            const int b = bandOf[static_cast<std::size_t>(totals[at])];
            if (b < 0 || !(normed[at] > cut[static_cast<std::size_t>(b)]))
                continue;
            uf.all.aberrant += 1;
            const std::uint8_t c = unit.responseClass[i];
            if (c < uf.classes.size())
                uf.classes[c].aberrant += 1;
        }
        for (std::size_t i = 0; i < unit.responseClass.size(); ++i) {
            const std::uint8_t c = unit.responseClass[i];
            if (c < uf.classes.size())
                uf.classes[c].works += 1;
        }
        pf.all.aberrant += uf.all.aberrant;
    }
    pf.usable = true;
}

} // namespace objectivity::core
