#include "objectivity/core/analysis/UnitMetrics.h"

#include "objectivity/core/stats/SpearmanCorrelation.h"
#include "objectivity/core/stats/WeightedKappa.h"

#include <QJsonArray>

#include <cmath>

namespace objectivity::core {

namespace {
double pct(double part, double whole) {
    return whole > 0 ? 100.0 * part / whole : 0;
}
double round2(double v) {
    return std::isfinite(v) ? std::round(v * 100.0) / 100.0 : v;
}
QJsonValue num(double v) {
    return std::isfinite(v) ? QJsonValue(round2(v)) : QJsonValue();
}
} // namespace

void UnitMetrics::setScores(const std::vector<int> &hist, const std::vector<int> *minus,
                            int maxPrimary) {
    double s = 0, s2 = 0, cnt = 0;
    for (std::size_t p = 0; p < hist.size(); ++p) {
        const double c = hist[p] - (minus && p < minus->size() ? (*minus)[p] : 0);
        s += c * static_cast<double>(p);
        s2 += c * static_cast<double>(p) * static_cast<double>(p);
        cnt += c;
    }
    if (cnt > 0) {
        meanPrimary = s / cnt;
        const double max = maxPrimary > 0 ? maxPrimary : 1;
        meanPercent = 100.0 * meanPrimary / max;
        const double var = cnt > 1 ? (s2 - s * s / cnt) / (cnt - 1) : 0;
        sdPercent = 100.0 * std::sqrt(std::max(0.0, var)) / max;
    }
}

UnitMetrics UnitMetrics::scoresOf(const UnitAccumulator &acc, const UnitAccumulator *minus,
                                  int maxPrimary) {
    UnitMetrics m;
    m.n = acc.n - (minus ? minus->n : 0);
    m.setScores(acc.primaryHist, minus ? &minus->primaryHist : nullptr, maxPrimary);
    if (!acc.testHist.empty()) {
        const std::vector<int> *less = minus ? &minus->testHist : nullptr;
        double ts = 0, ts2 = 0, tc = 0;
        for (std::size_t t = 0; t < acc.testHist.size(); ++t) {
            const int c = acc.testHist[t] - (less && t < less->size() ? (*less)[t] : 0);
            ts += c * static_cast<double>(t);
            ts2 += c * static_cast<double>(t * t);
            tc += c;
        }
        if (tc > 0) {
            m.meanTestScore = ts / tc;
            m.sdTestScore = tc > 1 ? std::sqrt(std::max(0.0, (ts2 - ts * ts / tc) / (tc - 1))) : 0;
        }
    }
    return m;
}

UnitMetrics UnitMetrics::compute(const UnitAccumulator &acc, const ProcedureLayout &layout) {
    UnitMetrics m = scoresOf(acc, nullptr, layout.maxPrimary);
    int withMark = 0;
    for (int k = 2; k <= 5; ++k)
        withMark += acc.marks[k];
    for (int k = 2; k <= 5; ++k)
        m.markPct[k] = pct(acc.marks[k], withMark);
    m.successPct = m.markPct[3] + m.markPct[4] + m.markPct[5];
    m.qualityPct = m.markPct[4] + m.markPct[5];

    double easy = 0, hard = 0;
    // no work with task points (a school that entered the totals only): no completion to show
    const std::size_t tasks = acc.taskWorks > 0 ? acc.taskPoints.size() : 0;
    m.taskPercent.reserve(tasks);
    for (std::size_t t = 0; t < tasks; ++t) {
        const double max = layout.taskMax[t];
        m.taskPercent.push_back(pct(static_cast<double>(acc.taskPoints[t]), max * acc.taskWorks));
        if (layout.levels[t] == TaskLevel::Basic)
            easy += static_cast<double>(acc.taskPoints[t]);
        else if (isHardLevel(layout.levels[t]))
            hard += static_cast<double>(acc.taskPoints[t]);
    }
    if (layout.maxEasy > 0 && acc.taskWorks > 0)
        m.easyPercent = pct(easy, static_cast<double>(layout.maxEasy) * acc.taskWorks);
    if (layout.maxHard > 0 && acc.taskWorks > 0)
        m.hardPercent = pct(hard, static_cast<double>(layout.maxHard) * acc.taskWorks);

    m.journalPairs = acc.journalPairs;
    double diff = 0;
    std::vector<double> table(16, 0.0);
    for (int mark = 2; mark <= 5; ++mark)
        for (int j = 2; j <= 5; ++j) {
            const int c = acc.journalTable[mark * 6 + j];
            table[static_cast<std::size_t>((mark - 2) * 4 + (j - 2))] = c;
            if (mark < j)
                m.lowered += c;
            else if (mark == j)
                m.confirmed += c;
            else
                m.raised += c;
            diff += c * static_cast<double>(j - mark);
        }
    m.loweredPct = pct(m.lowered, m.journalPairs);
    m.confirmedPct = pct(m.confirmed, m.journalPairs);
    m.raisedPct = pct(m.raised, m.journalPairs);
    m.meanJournalMinusMark = m.journalPairs > 0 ? diff / m.journalPairs : 0;
    m.kappa = WeightedKappa::quadraticFromTable(table, 4);
    const int kx = static_cast<int>(acc.primaryHist.size());
    std::vector<double> pj(static_cast<std::size_t>(kx * 4), 0.0);
    for (int p = 0; p < kx; ++p)
        for (int j = 2; j <= 5; ++j)
            pj[static_cast<std::size_t>(p * 4 + j - 2)] =
                acc.primaryJournal[static_cast<std::size_t>(p * 6 + j)];
    m.spearman = SpearmanCorrelation::rhoFromTable(pj, kx, 4);
    return m;
}

QJsonObject UnitMetrics::toJson() const {
    QJsonObject o;
    o.insert(QStringLiteral("participants"), n);
    QJsonObject marks;
    for (int k = 2; k <= 5; ++k)
        marks.insert(QString::number(k), num(markPct[k]));
    o.insert(QStringLiteral("marks_pct"), marks);
    o.insert(QStringLiteral("success_pct"), num(successPct));
    o.insert(QStringLiteral("quality_pct"), num(qualityPct));
    o.insert(QStringLiteral("mean_primary"), num(meanPrimary));
    o.insert(QStringLiteral("mean_percent"), num(meanPercent));
    if (meanTestScore >= 0)
        o.insert(QStringLiteral("mean_test_score"), num(meanTestScore));
    QJsonArray tasks;
    for (double t : taskPercent)
        tasks.append(num(t));
    o.insert(QStringLiteral("task_pct"), tasks);
    if (easyPercent >= 0)
        o.insert(QStringLiteral("easy_pct"), num(easyPercent));
    if (hardPercent >= 0)
        o.insert(QStringLiteral("hard_pct"), num(hardPercent));
    QJsonObject journal;
    journal.insert(QStringLiteral("pairs"), journalPairs);
    journal.insert(QStringLiteral("lowered"), lowered);
    journal.insert(QStringLiteral("confirmed"), confirmed);
    journal.insert(QStringLiteral("raised"), raised);
    journal.insert(QStringLiteral("lowered_pct"), num(loweredPct));
    journal.insert(QStringLiteral("confirmed_pct"), num(confirmedPct));
    journal.insert(QStringLiteral("raised_pct"), num(raisedPct));
    journal.insert(QStringLiteral("mean_journal_minus_mark"), num(meanJournalMinusMark));
    journal.insert(QStringLiteral("kappa_quadratic"), num(kappa));
    journal.insert(QStringLiteral("spearman_primary_journal"), num(spearman));
    o.insert(QStringLiteral("journal"), journal);
    return o;
}

} // namespace objectivity::core
