#pragma once
#include "objectivity/core/analysis/AnalysisDataset.h"
#include "objectivity/core/analysis/PupilLink.h"

#include <functional>
#include <vector>

namespace objectivity::core {

// The pupil links of one relation between procedures (a ВПР of grade 4 → the ВПР of grade 5 in
// the same subject a year later; a ВПР of grade g ≤ 8 → the ОГЭ of its cohort): for every unit of a
// procedure that has a target, the school's unit in the target procedure and their matched pupils
// (PupilLink::Sample); for every pair of procedures the region's PupilLink.
class CohortLinks {
public:
    // target(procedure index) → the target procedure's index, or −1.
    using Target = std::function<int(int)>;
    CohortLinks(const AnalysisDataset &data, const std::vector<UnitAccumulator> &totals,
                const Target &target);

    struct Link {
        PupilLink::Sample sample;
        const PupilLink *region = nullptr; // the pair of procedures over the region
        int targetUnit = -1;               // index into data.units()
    };
    // The link of a unit (index into data.units()); null when its procedure has no target or the
    // school has no unit there.
    const Link *find(int unit) const;
    // A unit's link usable for a comparison: the region's codes identify pupils (PupilLink::valid),
    // the matched pupils are at least minPupils and at least half of the smaller unit, and their
    // two works correlate at PupilLink::kMinCorrelation or more (a school numbering its works anew
    // in a region that keeps codes links other pupils: r ≈ 0).
    const Link *usable(int unit, int minPupils) const;
    // Why a unit's link is not usable, in Russian («коды участников не связывают работы…»).
    QString whyNotUsable(int unit, int minPupils) const;

    // The index of the procedure of that kind, grade, subject and year, or −1.
    static int findProcedure(const AnalysisDataset &data, ProcedureKind kind, int grade,
                             const QString &subject, int year);

private:
    // Why usable() refuses a unit's link, or None.
    enum class Refusal { None, NoLink, RegionCodes, TooFewPupils, SchoolCodes };
    Refusal check(int unit, int minPupils) const;

    const AnalysisDataset &m_data;
    std::vector<int> m_linkOf; // per unit: index into m_links, or −1
    std::vector<Link> m_links;
    std::vector<PupilLink> m_regions;
};

} // namespace objectivity::core
