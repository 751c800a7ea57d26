#pragma once
#include "objectivity/core/analysis/AnalysisDataset.h"
#include "objectivity/core/analysis/AnalysisSettings.h"
#include "objectivity/core/analysis/ClassJournals.h"
#include "objectivity/core/analysis/CohortDropCriterion.h"
#include "objectivity/core/analysis/CohortLinks.h"
#include "objectivity/core/analysis/GiaEvidenceIndex.h"
#include "objectivity/core/analysis/InversionSpread.h"
#include "objectivity/core/analysis/JournalScatter.h"
#include "objectivity/core/analysis/JournalSchoolBaseline.h"
#include "objectivity/core/analysis/JournalSpread.h"
#include "objectivity/core/analysis/PersonFitIndex.h"
#include "objectivity/core/analysis/PersonFitSpread.h"
#include "objectivity/core/analysis/UnitAccumulator.h"
#include "objectivity/core/analysis/UnitMetrics.h"
#include "objectivity/core/stats/EmpiricalNull.h"

#include <QHash>
#include <QString>

#include <optional>
#include <vector>

namespace objectivity::core {

// What every run of the analysis over one dataset compares its units with, whatever the run's
// year or kind: the procedures' totals, and everything built over all the units of the dataset —
// person-fit, the spread of tilts, the ГИА and annual-marks reference, the journal spreads and
// baselines (every unit's journal against its school's other units, of every year), the classes
// across years, the cohorts a year later, the school's ГИА and the pupils linked across
// procedures. AnalysisEngine::run builds it once: a run for one year that looks back for
// «лет подряд» analyses each earlier year against the same references instead of rebuilding them.
// Vectors «per unit» follow data.units(), «per procedure» data.procedures(). Holds references
// into itself (CohortLinks → totals): neither copied nor moved.
class RegionReferences {
public:
    RegionReferences(const AnalysisDataset &data, const AnalysisSettings &settings, int threads);
    RegionReferences(const RegionReferences &) = delete;
    RegionReferences &operator=(const RegionReferences &) = delete;

    // What gia_vs_annual compares a unit with: the share expected of a school at the unit's level
    // of ГИА results (GiaAnnualLevel, per ОГЭ/ЕГЭ procedure; −1 for the other units) at its
    // position, and the region's spread of the discordant share between schools beyond their
    // graduates' chance around that expectation, per procedure (ShareSpread::ofGroups); a
    // procedure of fewer than ShareSpread::kMinSchools schools takes the spread of all the
    // procedures of its kind.
    struct AnnualReference {
        std::vector<double> spread;             // per procedure
        std::vector<double> expected, position; // per unit
    };

    // Each procedure's works added up (index: data.procedures()).
    static std::vector<UnitAccumulator> totalsOf(const AnalysisDataset &data);
    // The school, kind, grade, subject and year of a unit, as `laterByKey` is keyed.
    static QString unitKey(const QString &school, ProcedureKind kind, int grade,
                           const QString &subject, int year);
    // A unit's position: its mean (ЕГЭ: test score, else % of the primary maximum) against the
    // rest of its procedure, in the rest's standard deviations — as a run reports it.
    static double positionOf(const UnitMetrics &unit, const UnitMetrics &rest);
    double position(const AnalysisDataset::Unit &u) const;

    const int minN;
    std::vector<UnitAccumulator> totals; // per procedure
    QHash<QString, UnitAccumulator> municipal;
    std::vector<QString> municipalKey; // per unit: its key in `municipal`
    std::optional<PersonFitIndex> personFit;
    PersonFitSpread fitSpread;
    InversionSpread inversion;
    AnnualReference annual;
    // the journal against the spread of the region's schools, per procedure, and each unit's
    // counts (pairs 0 / df 0: none)
    std::vector<JournalSpread> journalSpreads;
    std::vector<JournalScatter> scatters;
    std::vector<JournalSpread::Counts> unitJournal;
    std::vector<JournalScatter::Counts> unitScatter;
    // each unit's journal against its own school's other units: its entry, −1 without one
    JournalSchoolBaseline schoolBaseline;
    std::vector<int> schoolEntry;
    std::optional<ClassJournals> classJournals;
    // the later side of a cohort comparison (ВПР 5–8), keyed by unitKey
    std::vector<CohortDropCriterion::Side> later;
    QHash<QString, int> laterByKey;
    // cohort_drop without linked pupils: the region's drops, by grade-4 procedure
    QHash<int, EmpiricalNull> cohortCalibration;
    std::optional<GiaEvidenceIndex> gia;
    // the same pupils in the ВПР and their cohort's ОГЭ, and in grade g and g + 1 (PupilLink)
    std::optional<CohortLinks> giaLinks, gradeLinks;

private:
    AnnualReference annualReferenceOf(const AnalysisDataset &data,
                                      const AnalysisSettings &settings) const;
    void buildJournal(const AnalysisDataset &data, const AnalysisSettings &settings);
    void buildCohorts(const AnalysisDataset &data);
    const AnalysisDataset &m_data;
};

} // namespace objectivity::core
