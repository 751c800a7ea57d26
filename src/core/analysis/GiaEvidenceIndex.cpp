#include "objectivity/core/analysis/GiaEvidenceIndex.h"

#include <QStringList>

#include <cmath>

namespace objectivity::core {

namespace {

// two participants give a standard deviation; few participants give a wide error
constexpr int kMinGia = 2;

struct Moments {
    double n = 0, sum = 0, sum2 = 0;
    void add(const std::vector<int> &hist, int sign) {
        for (std::size_t i = 0; i < hist.size(); ++i) {
            const double k = double(sign) * hist[i], x = double(i);
            n += k;
            sum += k * x;
            sum2 += k * x * x;
        }
    }
    double mean() const { return sum / n; }
    double sd() const {
        return n > 1 ? std::sqrt(std::max(0.0, (sum2 - sum * sum / n) / (n - 1))) : 0;
    }
};

// P = (x̄ₛ − x̄ᵣ)/sᵣ and SE = √(sₛ²/nₛ + sᵣ²/nᵣ)/sᵣ
std::pair<double, double> positionOf(double mean, double sd, double n, double refMean, double refSd,
                                     double refN) {
    if (!(refSd > 0) || n < 1 || refN < 1)
        return {0, std::nan("")};
    return {(mean - refMean) / refSd, std::sqrt(sd * sd / n + refSd * refSd / refN) / refSd};
}

// position and its standard error of a unit (its moments `u`) from the score histograms (test
// scores for ЕГЭ)
std::pair<double, double> quickPosition(const Moments &u, const UnitAccumulator &unit,
                                        const UnitAccumulator &total, bool ege) {
    Moments r;
    r.add(ege ? total.testHist : total.primaryHist, 1);
    r.add(ege ? unit.testHist : unit.primaryHist, -1);
    if (r.n < 2)
        return {0, std::nan("")};
    return positionOf(u.mean(), u.sd(), u.n, r.mean(), r.sd(), r.n);
}

} // namespace

bool GiaEvidenceIndex::compulsory(const QString &subject) {
    return subject == QStringLiteral("Русский язык") || subject == QStringLiteral("Математика");
}

std::pair<double, double> GiaEvidenceIndex::position(const UnitMetrics &m, const UnitMetrics &r) {
    const bool ege = m.meanTestScore >= 0 && r.meanTestScore >= 0 && r.sdTestScore > 0;
    const double mean = ege ? m.meanTestScore : m.meanPercent;
    const double sd = ege ? m.sdTestScore : m.sdPercent;
    const double refMean = ege ? r.meanTestScore : r.meanPercent;
    const double refSd = ege ? r.sdTestScore : r.sdPercent;
    return positionOf(mean, sd, m.n, refMean, refSd, r.n);
}

std::pair<double, double> GiaEvidenceIndex::vprPosition(const UnitMetrics &m, const UnitMetrics &r,
                                                        double within) {
    return positionOf(m.meanPercent, std::max(m.sdPercent, within * r.sdPercent), m.n,
                      r.meanPercent, r.sdPercent, r.n);
}

GiaEvidenceIndex::GiaEvidenceIndex(const AnalysisDataset &data,
                                   const std::vector<UnitAccumulator> &totals, int minUnit) {
    // the spread between schools of each procedure
    const std::size_t procedures = static_cast<std::size_t>(data.procedures().size());
    m_procedures.assign(data.procedures().begin(), data.procedures().end());
    std::vector<Moments> positions(procedures);
    std::vector<double> noise(procedures, 0.0);
    std::vector<double> withinSum(procedures, 0.0), withinDf(procedures, 0.0);
    for (const auto &u : data.units()) {
        if (u.acc.n < std::max(2, minUnit))
            continue;
        const std::size_t p = static_cast<std::size_t>(u.procedure);
        const bool ege = data.layout(u.procedure).ege;
        Moments own;
        own.add(ege ? u.acc.testHist : u.acc.primaryHist, 1);
        withinSum[p] += (own.n - 1) * own.sd() * own.sd();
        withinDf[p] += own.n - 1;
        const auto [pos, se] = quickPosition(own, u.acc, totals[p], ege);
        if (std::isnan(se))
            continue;
        positions[p].n += 1;
        positions[p].sum += pos;
        positions[p].sum2 += pos * pos;
        noise[p] += se * se;
    }
    m_spread.assign(procedures, 1.0);
    m_within.assign(procedures, 0.0);
    for (std::size_t p = 0; p < procedures; ++p) {
        Moments all;
        all.add(data.layout(int(p)).ege ? totals[p].testHist : totals[p].primaryHist, 1);
        if (withinDf[p] > 0 && all.sd() > 0)
            m_within[p] = std::sqrt(withinSum[p] / withinDf[p]) / all.sd();
        const Moments &m = positions[p];
        if (m.n < 5)
            continue; // too few schools to tell
        const double between = m.sd() * m.sd() - noise[p] / m.n;
        if (between > 0)
            m_spread[p] = std::sqrt(between);
    }
    for (const auto &u : data.units()) {
        const Procedure &p = data.procedures()[u.procedure];
        if (p.kind == ProcedureKind::VPR || !compulsory(p.subject))
            continue;
        auto &entries = m_bySchool[data.schools()[u.school].code];
        if (u.acc.n < kMinGia) { // kept to say «сдавали K участников», not «нет данных»
            entries.push_back({p.year, p.kind, p.grade, p.subject, 0, 0, u.acc.n, false});
            continue;
        }
        UnitAccumulator region = totals[static_cast<std::size_t>(u.procedure)];
        region.subtract(u.acc);
        const ProcedureLayout &layout = data.layout(u.procedure);
        const auto [pos, se] =
            position(UnitMetrics::compute(u.acc, layout), UnitMetrics::compute(region, layout));
        const double tau = m_spread[static_cast<std::size_t>(u.procedure)];
        entries.push_back(
            {p.year, p.kind, p.grade, p.subject, pos / tau, se / tau, u.acc.n, !std::isnan(se)});
    }
}

double GiaEvidenceIndex::within(int procedure) const {
    return procedure >= 0 && procedure < static_cast<int>(m_within.size())
               ? m_within[static_cast<std::size_t>(procedure)]
               : 0.0;
}

double GiaEvidenceIndex::spread(int procedure) const {
    return procedure >= 0 && procedure < static_cast<int>(m_spread.size())
               ? m_spread[static_cast<std::size_t>(procedure)]
               : 1.0;
}

GiaEvidence GiaEvidenceIndex::find(const QString &schoolCode, int vprProcedure, int window) const {
    GiaEvidence ev;
    ev.vprSpread = spread(vprProcedure);
    ev.vprWithin = within(vprProcedure);
    ev.minimum = kMinGia;
    const Procedure &vpr = m_procedures[static_cast<std::size_t>(vprProcedure)];
    const int vprYear = vpr.year, vprGrade = vpr.grade;
    const QString &subject = vpr.subject;
    ev.elective = !compulsory(subject);
    const auto it = m_bySchool.constFind(schoolCode);
    if (it == m_bySchool.constEnd())
        return ev;
    const ProcedureKind kind = vprGrade <= 8 ? ProcedureKind::OGE : ProcedureKind::EGE;
    const int giaGrade = kind == ProcedureKind::OGE ? 9 : 11;
    const int cohortYear = vprYear + giaGrade - vprGrade;
    // a subject whose ОГЭ is chosen (История, Биология): the school's level on the ОГЭ every pupil
    // takes, Русский язык and Математика
    ev.otherSubjects = ev.elective && kind == ProcedureKind::OGE;
    auto ofSubject = [&](const Entry &e) {
        return e.kind == kind && (ev.otherSubjects ? compulsory(e.subject) : e.subject == subject);
    };
    auto inWindow = [&](const Entry &e) {
        return ofSubject(e) && (e.year == cohortYear || std::abs(e.year - vprYear) <= window);
    };
    for (const Entry &e : *it)
        if (!e.usable && inWindow(e))
            ev.smallParticipants += e.n;
    std::vector<const Entry *> chosen;
    for (const Entry &e : *it)
        if (e.usable && ofSubject(e) && e.year == cohortYear)
            chosen.push_back(&e);
    ev.sameCohort = !chosen.empty();
    if (chosen.empty())
        for (const Entry &e : *it)
            if (e.usable && ofSubject(e) && std::abs(e.year - vprYear) <= window)
                chosen.push_back(&e);
    if (chosen.empty())
        return ev;
    double sum = 0, variance = 0;
    QStringList parts, subjects;
    for (const Entry *e : chosen) {
        sum += e->position * e->n;
        variance += double(e->n) * e->n * e->standardError * e->standardError;
        ev.participants += e->n;
        // «ОГЭ 2024, 25 уч.»; with the subject when it is not the ВПР's own
        parts << QStringLiteral("%1 %2%3, %4 уч.")
                     .arg(procedureKindCode(e->kind), QString::number(e->year),
                          ev.otherSubjects ? QStringLiteral(", ") + e->subject.toLower()
                                           : QString(),
                          QString::number(e->n));
        if (!subjects.contains(e->subject))
            subjects << e->subject;
    }
    ev.found = true;
    ev.position = sum / ev.participants;
    // the two subjects are written by the same pupils: their errors are not independent, so the
    // error of the pooled position is taken as if they were one (√(number of subjects) times the
    // error of independent works, the bound for fully correlated subjects)
    ev.standardError = std::sqrt(variance * static_cast<double>(subjects.size())) / ev.participants;
    ev.description = parts.join(QStringLiteral("; "));
    return ev;
}

} // namespace objectivity::core
