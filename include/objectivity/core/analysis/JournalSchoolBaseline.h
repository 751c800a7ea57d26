#pragma once
#include "objectivity/core/analysis/JournalSpread.h"

#include <QString>

#include <cmath>

#include <vector>

namespace objectivity::core {

// Each unit's journal against the same school's other units (other subjects, grades and years):
// a teacher or a parallel that marks softer than its own school usually does, whatever the
// school's usual style. A school whose teachers are strict everywhere but lenient in one parallel
// looks like an ordinary school next to the region's (JournalSpread); next to its own other units
// the change stands out.
//
// An entry is one unit with journal marks, its residual in marks against the schools of its
// level in its procedure, r = expected(position) − shift (+ = the journal softer than the
// procedure's schools of that level; JournalSpread), and its journal level in marks,
// l = mean journal mark − the procedure's mean journal mark. For each unit with at least
// `minOthers` other units of its school, the school's baseline is the median of r over those
// other units (the unit itself left out, and a second manipulated unit of the school moves a
// median little), and d = r − baseline. Over the region's units: centre = median of d; the
// lenient side's spread scale = 1.4826 × the median of d − centre over d ≥ centre; withinSd =
// √max(0, scale² − the median sampling variance), the honest variation of units inside a
// school. A unit's z = (d − centre) / √(withinSd² + its own sampling variance), its t = (d −
// centre) / √(its sampling variance), the test on its own participants.
class JournalSchoolBaseline {
public:
    struct Entry {
        int school = 0;
        double residual = 0;         // expected − shift, marks (+ = softer journal)
        double level = 0;            // journal mean − the procedure's journal mean, marks
        double samplingVariance = 0; // of the unit's shift: diffVar / pairs
        double position = 0;         // the unit's result against its procedure (pupil SDs)
        int cohort = -1;             // the same pupils' group (year, kind, grade) or −1
    };
    struct Within {
        bool available = false;      // the school has at least minOthers other units
        int others = 0;              // the school's other units with journal marks
        double baseline = 0;         // median residual of the other units
        double levelBaseline = 0;    // median journal level of the other units
        double difference = 0;       // residual − baseline
        double positionBaseline = 0; // median position of the other units
        int cohortOthers = 0;        // the same school's units of the same cohort (other subjects)
        double cohortPositionBaseline = 0; // their median position (when cohortOthers > 0)
        // how the school's journal follows its results: the least-squares slope of the journal
        // level on the position over the school's other units (marks per pupil SD) and its
        // standard error; NaN with fewer than 3 other units or no spread of their positions
        double levelSlope = std::nan("");
        double levelSlopeSe = std::nan("");
    };

    // Fewer units with a baseline: no spread (every unit not tested).
    static constexpr int kMinUnits = 20;

    // The entry of a unit (or a class) of `school` with these counts (their position set) in a
    // procedure of this spread.
    static Entry entryOf(int school, const JournalSpread::Counts &counts,
                         const JournalSpread &spread);
    static JournalSchoolBaseline of(const std::vector<Entry> &entries, int minOthers);

    const Within &within(std::size_t entry) const { return m_within[entry]; }
    const Entry &entry(std::size_t entry) const { return m_entries[entry]; }
    int units() const { return m_units; }
    double centre() const { return m_centre; }
    double withinSd() const { return m_withinSd; }
    // How the region's journals follow results: the median over the schools of the slope of the
    // journal level on the position over all their units (as levelSlope); NaN when no school has
    // one.
    double levelSlope() const { return m_levelSlope; }
    bool valid() const { return m_units >= kMinUnits && m_scale > 0; }
    // Why the entry (−1: the unit has none) is not compared with its school, «не проверялось: …»;
    // empty when it is: fewer than minOthers other units of its school, or fewer than kMinUnits
    // units with a baseline in the region.
    QString whyNotTested(int entry, int minOthers) const;
    // (difference − centre) / √(withinSd² + samplingVariance); NaN when not valid or unavailable.
    double z(std::size_t entry) const;
    // (difference − centre) / √samplingVariance; NaN as z.
    double t(std::size_t entry) const;
    // The strict side, as z and t with the sign turned: (centre − difference) over the strict
    // side's own spread (1.4826 × the median of centre − d over d ≤ centre): the work marks
    // higher against the journal than the school's other units have them.
    double strictWithinSd() const { return m_strictWithinSd; }
    double zStrict(std::size_t entry) const;
    double tStrict(std::size_t entry) const;

private:
    std::vector<Entry> m_entries;
    std::vector<Within> m_within;
    int m_units = 0;
    double m_centre = 0, m_scale = 0, m_withinSd = 0, m_strictScale = 0, m_strictWithinSd = 0;
    double m_levelSlope = std::nan("");
    double standardised(std::size_t entry, double withinSd, double sign) const;
};

} // namespace objectivity::core
