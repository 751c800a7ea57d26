#include "objectivity/core/analysis/GiaEvidenceIndex.h"

#include "objectivity/core/common/NumberText.h"

#include <QStringList>

#include <cmath>

namespace objectivity::core {

namespace {

bool compulsory(const QString &subject) {
    return subject == QStringLiteral("Русский язык") || subject == QStringLiteral("Математика");
}

} // namespace

std::pair<double, double> GiaEvidenceIndex::position(const UnitMetrics &m, const UnitMetrics &r) {
    const bool ege = m.meanTestScore >= 0 && r.meanTestScore >= 0 && r.sdTestScore > 0;
    const double mean = ege ? m.meanTestScore : m.meanPercent;
    const double sd = ege ? m.sdTestScore : m.sdPercent;
    const double refMean = ege ? r.meanTestScore : r.meanPercent;
    const double refSd = ege ? r.sdTestScore : r.sdPercent;
    if (!(refSd > 0) || m.n < 1 || r.n < 1)
        return {0, std::nan("")};
    return {(mean - refMean) / refSd, std::sqrt(sd * sd / m.n + refSd * refSd / r.n) / refSd};
}

GiaEvidenceIndex::GiaEvidenceIndex(const AnalysisDataset &data,
                                   const std::vector<UnitAccumulator> &totals) {
    for (const auto &u : data.units()) {
        const Procedure &p = data.procedures()[u.procedure];
        // two participants give a standard deviation; few participants give a wide error
        if (p.kind == ProcedureKind::VPR || u.acc.n < 2 || !compulsory(p.subject))
            continue;
        UnitAccumulator region = totals[static_cast<std::size_t>(u.procedure)];
        region.subtract(u.acc);
        const ProcedureLayout &layout = data.layout(u.procedure);
        const auto [pos, se] =
            position(UnitMetrics::compute(u.acc, layout), UnitMetrics::compute(region, layout));
        if (std::isnan(se))
            continue;
        m_bySchool[data.schools()[u.school].code].push_back(
            {p.year, p.kind, p.grade, p.subject, pos, se, u.acc.n});
    }
}

GiaEvidence GiaEvidenceIndex::find(const QString &schoolCode, int vprYear, int vprGrade,
                                   const QString &subject, int window) const {
    GiaEvidence ev;
    const auto it = m_bySchool.constFind(schoolCode);
    if (it == m_bySchool.constEnd())
        return ev;
    const ProcedureKind kind = vprGrade <= 8 ? ProcedureKind::OGE : ProcedureKind::EGE;
    const int giaGrade = kind == ProcedureKind::OGE ? 9 : 11;
    const int cohortYear = vprYear + giaGrade - vprGrade;
    std::vector<const Entry *> chosen;
    for (const Entry &e : *it)
        if (e.kind == kind && e.subject == subject && e.year == cohortYear)
            chosen.push_back(&e);
    ev.sameCohort = !chosen.empty();
    if (chosen.empty())
        for (const Entry &e : *it)
            if (e.kind == kind && e.subject == subject && std::abs(e.year - vprYear) <= window)
                chosen.push_back(&e);
    if (chosen.empty())
        return ev;
    double sum = 0, variance = 0;
    QStringList parts;
    for (const Entry *e : chosen) {
        sum += e->position * e->n;
        variance += double(e->n) * e->n * e->standardError * e->standardError;
        ev.participants += e->n;
        parts << QStringLiteral("%1 %2, %3 уч.")
                     .arg(procedureKindCode(e->kind), QString::number(e->year),
                          QString::number(e->n));
    }
    ev.found = true;
    ev.position = sum / ev.participants;
    ev.standardError = std::sqrt(variance) / ev.participants;
    ev.description = parts.join(QStringLiteral("; "));
    return ev;
}

} // namespace objectivity::core
