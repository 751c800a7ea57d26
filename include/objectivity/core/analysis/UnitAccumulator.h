#pragma once
#include "objectivity/core/results/ProcedureLayout.h"

#include <cstdint>
#include <vector>

namespace objectivity::core {

// One participant's fields as the analysis reads them (no allocation: points point into the
// caller's buffer, e.g. a SQLite BLOB).
struct ParticipantRow {
    const std::int8_t *points = nullptr;
    int pointCount = 0;
    double primary = 0;
    int mark = 0;       // 0 = none
    int testScore = -1; // -1 = none
    int journal = 0;    // 0 = none
    int annual = 0;     // 0 = none
    int medal = 0;      // 0 none, 1 gold, 2 silver
    // AnalysisDataset::hashCodeUtf8 of the participant code (0 = none): links one pupil's works in
    // two procedures (PupilLink)
    std::uint64_t codeHash = 0;
};

// Additive counts of one unit (a school in one procedure), or of a reference (sum of units).
// Everything a metric or a criterion needs is a count, so region minus school is a subtraction.
class UnitAccumulator {
public:
    static constexpr int kTestScores = 101; // ЕГЭ test score 0..100

    // compact: the П/В points by primary score are kept as one entry per participant instead of a
    // dense table (a school's unit has a few dozen participants; the table has thousands of cells)
    void init(const ProcedureLayout &layout, bool compact = false);
    // A class of a parallel: only the counts its criterion reads (n, marks, journal table, task
    // points, the П/В points by primary score in compact form); no histograms.
    void initClass(const ProcedureLayout &layout);
    void add(const ProcedureLayout &layout, const ParticipantRow &row);
    // True when the row gives the work's task points: points that add up to its primary score
    // (within 1), or a primary score of 0. A work with a primary score and every task blank («не
    // выполнял» in every column, or no task columns: a school that entered only the totals) has
    // none, nor has one whose task points do not make its score (a template that stops a few
    // tasks short): counted, its pupils would look as if they had fewer points on the tasks than
    // their score says, and every other school better on the hard tasks than its peers.
    static bool tasksGiven(const ParticipantRow &row);
    // The П/В counts again under levels set after the works were added (TaskLevelInference):
    // resetHard empties them for `layout`, addHardPoints adds one work's П/В points at its primary.
    void resetHard(const ProcedureLayout &layout);
    void addHardPoints(const ProcedureLayout &layout, int primary, int hard);
    void addAll(const UnitAccumulator &other);
    void subtract(const UnitAccumulator &other);

    int n = 0;
    // the works whose task points are given (tasksGiven): taskPoints and the П/В counts are theirs
    int taskWorks = 0;
    double primarySum = 0; // the rounded primary scores (a class keeps no histogram)
    int marks[6] = {0, 0, 0, 0, 0, 0};
    int journalPairs = 0;                 // participants with both a mark and a journal mark
    int journalTable[36] = {};            // mark * 6 + journal
    int annualTable[36] = {};             // annual * 6 + mark (ОГЭ)
    std::vector<int> primaryHist;         // index = rounded primary score, 0..maxPrimary
    std::vector<int> primaryJournal;      // primary * 6 + journal
    std::vector<std::int64_t> taskPoints; // per task, not attempted counts as 0
    std::vector<int> hardByPrimary; // [primary * (maxHard + 1) + П/В points]; empty without levels
    std::vector<std::uint32_t> hardPairs; // compact form: (primary << 16) | П/В points
    std::vector<int> testHist;            // ЕГЭ only
    std::vector<int> annualTest;          // ЕГЭ only: annual * 101 + test score

    // f(primary, hard points, count) over the П/В table in either form
    template <typename F> void forEachHard(int maxHard, F f) const {
        for (const std::uint32_t pair : hardPairs)
            f(static_cast<int>(pair >> 16), static_cast<int>(pair & 0xFFFF), 1);
        const int k = maxHard + 1;
        for (std::size_t i = 0; i < hardByPrimary.size(); ++i)
            if (hardByPrimary[i] != 0)
                f(static_cast<int>(i) / k, static_cast<int>(i) % k, hardByPrimary[i]);
    }

private:
    void addHard(const UnitAccumulator &other, int sign);
    int m_maxHard = 0;
    bool m_compact = false;
};

} // namespace objectivity::core
