#pragma once
#include "objectivity/core/analysis/AnalysisDataset.h"
#include "objectivity/core/analysis/AnalysisSettings.h"
#include "objectivity/core/analysis/JournalMismatchCriterion.h"
#include "objectivity/core/analysis/JournalSchoolBaseline.h"
#include "objectivity/core/analysis/JournalSpread.h"

#include <vector>

namespace objectivity::core {

// The journal by class over one run: every class of the region with at least min_participants
// pairs, with its position against its procedure's total (a class keeps no score histogram: its
// mean primary score from the task points), the spread of the classes per procedure, and each
// class against the same class in its other procedures — its other subjects, and other years as
// the class moves up (5Б in 2024, 6Б in 2025; classLetter) — in JournalSchoolBaseline, whose
// «school» is here the class (the classes' ClassJournal::inSchool index into it).
class ClassJournals {
public:
    ClassJournals(const AnalysisDataset &data, const std::vector<UnitAccumulator> &totals,
                  const AnalysisSettings &settings);

    // The classes of a unit (index into data.units()).
    const std::vector<JournalMismatchCriterion::ClassJournal> &of(std::size_t unit) const {
        return m_byUnit[unit];
    }
    // The spread of the classes of a procedure (index into data.procedures()).
    const JournalSpread &spread(int procedure) const {
        return m_spreads[static_cast<std::size_t>(procedure)];
    }
    const JournalSchoolBaseline &baseline() const { return m_baseline; }

private:
    std::vector<std::vector<JournalMismatchCriterion::ClassJournal>> m_byUnit;
    std::vector<JournalSpread> m_spreads;
    JournalSchoolBaseline m_baseline;
};

} // namespace objectivity::core
