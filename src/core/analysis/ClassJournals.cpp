#include "objectivity/core/analysis/ClassJournals.h"

#include "objectivity/core/analysis/UnitMetrics.h"
#include "objectivity/core/results/ClassName.h"

#include <map>
#include <tuple>

namespace objectivity::core {

ClassJournals::ClassJournals(const AnalysisDataset &data,
                             const std::vector<UnitAccumulator> &totals,
                             const AnalysisSettings &settings)
    : m_byUnit(data.units().size()) {
    const auto &units = data.units();
    const int minN = settings.intValue(QStringLiteral("min_participants"));
    std::vector<UnitMetrics> totalMetrics;
    for (std::size_t p = 0; p < totals.size(); ++p)
        totalMetrics.push_back(UnitMetrics::compute(totals[p], data.layout(static_cast<int>(p))));
    std::vector<std::vector<JournalSpread::Counts>> classCounts(totals.size());
    for (std::size_t i = 0; i < units.size(); ++i) {
        const auto &u = units[i];
        for (std::size_t c = 0; c < u.classes.size(); ++c) {
            const UnitAccumulator &acc = u.classes[c];
            if (acc.journalPairs < minN || acc.journalPairs == 0)
                continue;
            // a class keeps no score histogram: its mean primary score from the sum (not from the
            // task points, which a school may not have entered)
            const ProcedureLayout &layout = data.layout(u.procedure);
            const UnitMetrics &total = totalMetrics[static_cast<std::size_t>(u.procedure)];
            const double percent = acc.n > 0 && layout.maxPrimary > 0
                                       ? 100.0 * acc.primarySum / acc.n / layout.maxPrimary
                                       : total.meanPercent;
            const double pos =
                total.sdPercent > 0 ? (percent - total.meanPercent) / total.sdPercent : 0;
            JournalSpread::Counts counts = JournalSpread::countsOf(acc);
            counts.position = pos;
            if (counts.pairs > 0)
                classCounts[static_cast<std::size_t>(u.procedure)].push_back(counts);
            m_byUnit[i].push_back({QString::fromUtf8(u.classNames[c]), &acc, pos});
        }
    }
    for (const auto &c : classCounts)
        m_spreads.push_back(JournalSpread::of(c));
    // each class against the same class in its other procedures: its other subjects, and the
    // years before and after (5Б of 2024 is 6Б of 2025: the school, the letter and the year it
    // was in grade 0 make the class); JournalSchoolBaseline groups the entries by this class
    std::map<std::tuple<int, QString, int>, int> classIds;
    std::vector<JournalSchoolBaseline::Entry> entries;
    for (std::size_t i = 0; i < units.size(); ++i) {
        const JournalSpread &s = spread(units[i].procedure);
        if (s.schools < JournalMismatchCriterion::kMinSchools)
            continue;
        const Procedure &procedure = data.procedures()[units[i].procedure];
        for (auto &cls : m_byUnit[i]) {
            JournalSpread::Counts c = JournalSpread::countsOf(*cls.counts);
            c.position = cls.position;
            if (c.pairs <= 0)
                continue;
            const auto key =
                std::make_tuple(units[i].school, classLetter(cls.name, procedure.grade),
                                procedure.year - procedure.grade);
            const int id =
                classIds.try_emplace(key, static_cast<int>(classIds.size())).first->second;
            cls.inSchool = static_cast<int>(entries.size());
            entries.push_back(JournalSchoolBaseline::entryOf(id, c, s));
        }
    }
    m_baseline = JournalSchoolBaseline::of(
        entries, settings.intValue(QStringLiteral("journal.within_min_units")));
}

} // namespace objectivity::core
