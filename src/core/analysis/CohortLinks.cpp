#include "objectivity/core/analysis/CohortLinks.h"

#include "objectivity/core/analysis/UnitMetrics.h"
#include "objectivity/core/common/NumberText.h"

#include <QHash>

#include <algorithm>
#include <map>

namespace objectivity::core {

namespace {

PupilLink::Standard standardOf(const AnalysisDataset &data, const UnitAccumulator &total, int p) {
    const ProcedureLayout &layout = data.layout(p);
    UnitMetrics m;
    m.setScores(total.primaryHist, nullptr, layout.maxPrimary);
    return {m.meanPrimary, m.sdPercent * layout.maxPrimary / 100.0};
}

} // namespace

int CohortLinks::findProcedure(const AnalysisDataset &data, ProcedureKind kind, int grade,
                               const QString &subject, int year) {
    const auto &procedures = data.procedures();
    for (int i = 0; i < procedures.size(); ++i) {
        const Procedure &p = procedures[i];
        if (p.kind == kind && p.grade == grade && p.year == year && p.subject == subject)
            return i;
    }
    return -1;
}

CohortLinks::CohortLinks(const AnalysisDataset &data, const std::vector<UnitAccumulator> &totals,
                         const Target &target)
    : m_data(data) {
    const auto &units = data.units();
    m_linkOf.assign(units.size(), -1);
    const int procedures = static_cast<int>(data.procedures().size());
    std::vector<int> targetOf(static_cast<std::size_t>(procedures), -1);
    std::vector<PupilLink::Standard> standards(static_cast<std::size_t>(procedures));
    bool any = false;
    for (int p = 0; p < procedures; ++p) {
        const int to = target(p);
        targetOf[static_cast<std::size_t>(p)] = to;
        if (to < 0)
            continue;
        any = true;
        standards[static_cast<std::size_t>(p)] =
            standardOf(data, totals[static_cast<std::size_t>(p)], p);
        standards[static_cast<std::size_t>(to)] =
            standardOf(data, totals[static_cast<std::size_t>(to)], to);
    }
    if (!any)
        return;
    // the units of the target procedures by school
    QHash<qint64, int> unitAt; // procedure << 32 | school
    for (std::size_t i = 0; i < units.size(); ++i)
        unitAt.insert((static_cast<qint64>(units[i].procedure) << 32) | units[i].school,
                      static_cast<int>(i));
    std::map<std::pair<int, int>, std::size_t> regionOf; // (from, to) → index into m_regions
    std::vector<std::size_t> regionOfLink;
    for (std::size_t i = 0; i < units.size(); ++i) {
        const auto &u = units[i];
        const int to = targetOf[static_cast<std::size_t>(u.procedure)];
        if (to < 0 || u.pupils.empty())
            continue;
        const int t = unitAt.value((static_cast<qint64>(to) << 32) | u.school, -1);
        if (t < 0)
            continue;
        const auto &v = units[static_cast<std::size_t>(t)];
        Link link;
        link.sample = PupilLink::match(u, standards[static_cast<std::size_t>(u.procedure)], v,
                                       standards[static_cast<std::size_t>(to)]);
        link.targetUnit = t;
        auto [it, inserted] = regionOf.try_emplace({u.procedure, to}, m_regions.size());
        if (inserted)
            m_regions.emplace_back();
        m_regions[it->second].add(link.sample);
        m_linkOf[i] = static_cast<int>(m_links.size());
        m_links.push_back(link);
        regionOfLink.push_back(it->second);
    }
    // m_regions is complete: the pointers are stable from here
    for (std::size_t k = 0; k < m_links.size(); ++k)
        m_links[k].region = &m_regions[regionOfLink[k]];
}

const CohortLinks::Link *CohortLinks::find(int unit) const {
    if (unit < 0 || unit >= static_cast<int>(m_linkOf.size()))
        return nullptr;
    const int k = m_linkOf[static_cast<std::size_t>(unit)];
    return k >= 0 ? &m_links[static_cast<std::size_t>(k)] : nullptr;
}

CohortLinks::Refusal CohortLinks::check(int unit, int minPupils) const {
    const Link *link = find(unit);
    if (!link || link->sample.n == 0)
        return Refusal::NoLink;
    if (!link->region->valid())
        return Refusal::RegionCodes;
    const int nA = m_data.units()[static_cast<std::size_t>(unit)].acc.n;
    const int nB = m_data.units()[static_cast<std::size_t>(link->targetUnit)].acc.n;
    const int n = link->sample.n;
    if (n < std::max(2, minPupils) || 2 * n < std::min(nA, nB))
        return Refusal::TooFewPupils;
    if (!(PupilLink::correlation(link->sample) >= PupilLink::kMinCorrelation))
        return Refusal::SchoolCodes;
    return Refusal::None;
}

const CohortLinks::Link *CohortLinks::usable(int unit, int minPupils) const {
    return check(unit, minPupils) == Refusal::None ? find(unit) : nullptr;
}

QString CohortLinks::whyNotUsable(int unit, int minPupils) const {
    const Link *link = find(unit);
    switch (check(unit, minPupils)) {
    case Refusal::None:
        return QString();
    case Refusal::NoLink:
        return QStringLiteral("коды участников не связывают эти работы с работами тех же учеников");
    case Refusal::RegionCodes:
        return QStringLiteral("коды участников по региону не называют одних и тех же учеников "
                              "(связано %1 уч., две работы ученика согласуются с корреляцией %2; "
                              "нужно не меньше %3 уч. и %4)")
            .arg(link->region->pupils())
            .arg(NumberText::fixed(link->region->correlation(), 2))
            .arg(PupilLink::kMinPupils)
            .arg(NumberText::fixed(PupilLink::kMinCorrelation, 1));
    case Refusal::SchoolCodes:
        return QStringLiteral("у %1 учеников школы, связанных кодом участника, две работы не "
                              "согласуются (корреляция %2, нужно не меньше %3): коды школы, "
                              "по-видимому, называют разных учеников")
            .arg(link->sample.n)
            .arg(NumberText::fixed(PupilLink::correlation(link->sample), 2),
                 NumberText::fixed(PupilLink::kMinCorrelation, 1));
    case Refusal::TooFewPupils:
        break;
    }
    return QStringLiteral("кодом участника связаны работы только %1 уч. (в параллелях %2 и "
                          "%3; нужно не меньше %4 и не меньше половины меньшей параллели)")
        .arg(link->sample.n)
        .arg(m_data.units()[static_cast<std::size_t>(unit)].acc.n)
        .arg(m_data.units()[static_cast<std::size_t>(link->targetUnit)].acc.n)
        .arg(std::max(2, minPupils));
}

} // namespace objectivity::core
