#include "objectivity/core/analysis/UnitAccumulator.h"

#include <algorithm>
#include <cmath>

namespace objectivity::core {

namespace {
template <typename T> void addVec(std::vector<T> &a, const std::vector<T> &b, T sign) {
    if (a.size() < b.size())
        a.resize(b.size(), 0);
    for (std::size_t i = 0; i < b.size(); ++i)
        a[i] += sign * b[i];
}
} // namespace

void UnitAccumulator::init(const ProcedureLayout &layout, bool compact) {
    m_compact = compact;
    m_maxHard = layout.maxHard;
    primaryHist.assign(static_cast<std::size_t>(layout.maxPrimary + 1), 0);
    primaryJournal.assign(static_cast<std::size_t>((layout.maxPrimary + 1) * 6), 0);
    taskPoints.assign(layout.taskMax.size(), 0);
    if (layout.hasLevels() && !compact)
        hardByPrimary.assign(
            static_cast<std::size_t>((layout.maxPrimary + 1) * (layout.maxHard + 1)), 0);
    if (layout.ege) {
        testHist.assign(kTestScores, 0);
        annualTest.assign(6 * kTestScores, 0);
    }
}

void UnitAccumulator::initClass(const ProcedureLayout &layout) {
    m_compact = true;
    m_maxHard = layout.maxHard;
    taskPoints.assign(layout.taskMax.size(), 0);
}

void UnitAccumulator::add(const ProcedureLayout &layout, const ParticipantRow &row) {
    ++n;
    const int mark = row.mark >= 2 && row.mark <= 5 ? row.mark : 0;
    const int journal = row.journal >= 2 && row.journal <= 5 ? row.journal : 0;
    const int annual = row.annual >= 2 && row.annual <= 5 ? row.annual : 0;
    ++marks[mark];
    int primary = static_cast<int>(std::lround(row.primary));
    primary = std::clamp(primary, 0, layout.maxPrimary);
    primarySum += primary;
    if (!primaryHist.empty()) // a class (initClass) keeps no histograms
        ++primaryHist[static_cast<std::size_t>(primary)];
    if (journal) {
        if (!primaryJournal.empty())
            ++primaryJournal[static_cast<std::size_t>(primary * 6 + journal)];
        if (mark) {
            ++journalPairs;
            ++journalTable[mark * 6 + journal];
        }
    }
    if (annual && mark)
        ++annualTable[annual * 6 + mark];
    if (tasksGiven(row)) {
        ++taskWorks;
        const int tasks = std::min<int>(row.pointCount, static_cast<int>(taskPoints.size()));
        int hard = 0;
        for (int t = 0; t < tasks; ++t) {
            const int p = row.points[t];
            if (p <= 0)
                continue;
            taskPoints[static_cast<std::size_t>(t)] += p;
            if (isHardLevel(layout.levels[static_cast<std::size_t>(t)]))
                hard += p;
        }
        if (layout.hasLevels())
            addHardPoints(layout, primary, hard);
    }
    if (!testHist.empty() && row.testScore >= 0 && row.testScore <= 100) {
        ++testHist[static_cast<std::size_t>(row.testScore)];
        if (annual)
            ++annualTest[static_cast<std::size_t>(annual * kTestScores + row.testScore)];
    }
}

bool UnitAccumulator::tasksGiven(const ParticipantRow &row) {
    if (row.primary <= 0)
        return true;
    int sum = 0;
    bool any = false;
    for (int t = 0; row.points && t < row.pointCount; ++t)
        if (row.points[t] >= 0) {
            sum += row.points[t];
            any = true;
        }
    return any && std::fabs(sum - row.primary) < 1;
}

void UnitAccumulator::resetHard(const ProcedureLayout &layout) {
    m_maxHard = layout.maxHard;
    hardPairs.clear();
    if (m_compact || !layout.hasLevels())
        hardByPrimary.clear();
    else
        hardByPrimary.assign(
            static_cast<std::size_t>((layout.maxPrimary + 1) * (layout.maxHard + 1)), 0);
}

void UnitAccumulator::addHardPoints(const ProcedureLayout &layout, int primary, int hard) {
    hard = std::min(hard, layout.maxHard);
    if (m_compact)
        hardPairs.push_back((static_cast<std::uint32_t>(primary) << 16) |
                            static_cast<std::uint32_t>(hard));
    else
        ++hardByPrimary[static_cast<std::size_t>(primary * (layout.maxHard + 1) + hard)];
}

void UnitAccumulator::addHard(const UnitAccumulator &o, int sign) {
    if (m_compact && !o.hardByPrimary.empty()) {
        // a dense table joins a compact list: this accumulator becomes dense
        m_compact = false;
        m_maxHard = std::max(m_maxHard, o.m_maxHard);
        hardByPrimary.assign(o.hardByPrimary.size(), 0);
        const std::vector<std::uint32_t> pairs = std::move(hardPairs);
        hardPairs.clear();
        UnitAccumulator own;
        own.m_maxHard = m_maxHard;
        own.hardPairs = pairs;
        addHard(own, 1);
    }
    if (m_compact) {
        // whole participants of another unit: their entries join or leave the list
        if (sign > 0) {
            hardPairs.insert(hardPairs.end(), o.hardPairs.begin(), o.hardPairs.end());
        } else {
            for (const std::uint32_t pair : o.hardPairs) {
                const auto it = std::find(hardPairs.begin(), hardPairs.end(), pair);
                if (it != hardPairs.end())
                    hardPairs.erase(it);
            }
        }
        return;
    }
    addVec(hardByPrimary, o.hardByPrimary, sign);
    if (o.hardPairs.empty())
        return;
    const int maxHard = std::max(m_maxHard, o.m_maxHard);
    const std::size_t k = static_cast<std::size_t>(maxHard) + 1;
    for (const std::uint32_t pair : o.hardPairs) {
        const std::size_t i = (pair >> 16) * k + (pair & 0xFFFF);
        if (i >= hardByPrimary.size())
            hardByPrimary.resize(i + 1, 0);
        hardByPrimary[i] += sign;
    }
}

void UnitAccumulator::addAll(const UnitAccumulator &o) {
    n += o.n;
    taskWorks += o.taskWorks;
    primarySum += o.primarySum;
    journalPairs += o.journalPairs;
    for (int i = 0; i < 6; ++i)
        marks[i] += o.marks[i];
    for (int i = 0; i < 36; ++i) {
        journalTable[i] += o.journalTable[i];
        annualTable[i] += o.annualTable[i];
    }
    addVec(primaryHist, o.primaryHist, 1);
    addVec(primaryJournal, o.primaryJournal, 1);
    addVec<std::int64_t>(taskPoints, o.taskPoints, 1);
    addHard(o, 1);
    addVec(testHist, o.testHist, 1);
    addVec(annualTest, o.annualTest, 1);
}

void UnitAccumulator::subtract(const UnitAccumulator &o) {
    n -= o.n;
    taskWorks -= o.taskWorks;
    primarySum -= o.primarySum;
    journalPairs -= o.journalPairs;
    for (int i = 0; i < 6; ++i)
        marks[i] -= o.marks[i];
    for (int i = 0; i < 36; ++i) {
        journalTable[i] -= o.journalTable[i];
        annualTable[i] -= o.annualTable[i];
    }
    addVec(primaryHist, o.primaryHist, -1);
    addVec(primaryJournal, o.primaryJournal, -1);
    addVec<std::int64_t>(taskPoints, o.taskPoints, -1);
    addHard(o, -1);
    addVec(testHist, o.testHist, -1);
    addVec(annualTest, o.annualTest, -1);
}

} // namespace objectivity::core
